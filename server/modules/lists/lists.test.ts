import { and, eq, gt, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInListItems, type ListKind, listKinds, listUpdateBody } from '#shared/lists';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, buildTeam, loggedIn } from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { auditLog, feedbackRules, organisationListItems } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { loadLists } from './service';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

async function adminOfNewOrganisation() {
  const org = await buildOrganisation(db);
  const admin = await loggedIn(t.app, db, 'admin', org.id);
  return { orgId: org.id, ...admin };
}

const getLists = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/lists', headers: { cookie } });
const putList = (cookie: string, kind: string, payload: object) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/lists/${kind}`, headers: { cookie }, payload });

/** The shipped items of a kind as a PUT body expects them. */
const shipped = (kind: ListKind) => builtInListItems[kind].map((i) => ({ code: i.code, label: i.label, active: true }));

describe('GET /lists', () => {
  it('gives every built-in item, active and in shipped order, to an organisation that changed nothing', async () => {
    const { cookie } = await adminOfNewOrganisation();
    const res = await getLists(cookie);
    expect(res.statusCode, res.body).toBe(200);
    const lists = res.json();
    expect(Object.keys(lists).sort()).toEqual([...listKinds].sort());
    for (const kind of listKinds) {
      expect(lists[kind]).toEqual(builtInListItems[kind].map((i) => ({ ...i, builtIn: true, active: true })));
    }
  });

  it('is read by every role, the participant included (their timeline uses the labels)', async () => {
    const org = await buildOrganisation(db);
    for (const role of ['coach', 'supervisor', 'trainer', 'manager', 'participant'] as const) {
      const { cookie } = await loggedIn(t.app, db, role, org.id);
      expect((await getLists(cookie)).statusCode).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/lists' })).statusCode).toBe(401);
  });

  it('appends a built-in item the organisation never stored after its own version', async () => {
    const { orgId } = await adminOfNewOrganisation();
    // An organisation that saved its list before a new built-in code was shipped: only the old codes are stored.
    await db.insert(organisationListItems).values([
      { organisationId: orgId, kind: 'programme_type', code: 'arbeidszorg', label: 'Zorg', active: true, position: 0 },
      {
        organisationId: orgId,
        kind: 'programme_type',
        code: 'eigen',
        label: 'Eigen traject',
        active: true,
        position: 1,
      },
    ]);
    const lists = await withTenant(db, orgId, loadLists);
    expect(lists.programme_type).toEqual([
      { code: 'arbeidszorg', label: 'Zorg', builtIn: true, active: true },
      { code: 'eigen', label: 'Eigen traject', builtIn: false, active: true },
      { code: 'activering', label: 'Activering', builtIn: true, active: true },
      { code: 'maatwerk', label: 'Maatwerk', builtIn: true, active: true },
    ]);
  });
});

describe('PUT /lists/:kind', () => {
  it('replaces one list: order, labels, own items and inactive built-ins; the audit keeps codes only', async () => {
    const { orgId, cookie, user: admin } = await adminOfNewOrganisation();
    const before = (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0];
    const items = [
      { code: 'maatwerk', label: 'Maatwerk (collectief)', active: true },
      { code: 'wep_plus', label: 'WEP+', active: true },
      { code: 'activering', label: 'Activering', active: false },
      { code: 'arbeidszorg', label: 'Arbeidszorg', active: true },
    ];
    const res = await putList(cookie, 'programme_type', { items });
    expect(res.statusCode, res.body).toBe(200);
    const expected = items.map((i) => ({ ...i, builtIn: i.code !== 'wep_plus' }));
    expect(res.json().items).toEqual(expected);
    expect((await getLists(cookie)).json().programme_type).toEqual(expected);
    // The other lists are untouched.
    expect((await getLists(cookie)).json().exit_destination).toHaveLength(builtInListItems.exit_destination.length);

    const rows = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before?.max ?? 0), eq(auditLog.organisationId, orgId)));
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'list.replaced',
        actorId: admin.id,
        targetType: 'list',
        targetId: 'programme_type',
        details: { added: ['wep_plus'], removed: [], inactive: ['activering'] },
      }),
    );
  });

  it('refuses to remove a built-in code (field error on items) and changes nothing', async () => {
    const { cookie } = await adminOfNewOrganisation();
    const res = await putList(cookie, 'exit_destination', {
      items: shipped('exit_destination').filter((i) => i.code !== 'drop_out'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', fields: { items: 'built_in_required' } });
    expect((await getLists(cookie)).json().exit_destination.map((i: { code: string }) => i.code)).toContain('drop_out');
  });

  it('lets an own code go while no dossier uses it, and refuses while one does', async () => {
    const { orgId, cookie } = await adminOfNewOrganisation();
    const withOwn = [...shipped('programme_type'), { code: 'wep_plus', label: 'WEP+', active: true }];
    expect((await putList(cookie, 'programme_type', { items: withOwn })).statusCode).toBe(200);
    expect((await putList(cookie, 'programme_type', { items: shipped('programme_type') })).statusCode).toBe(200);

    expect((await putList(cookie, 'programme_type', { items: withOwn })).statusCode).toBe(200);
    await buildParticipant(db, { organisationId: orgId, programmeType: 'wep_plus' });
    const refused = await putList(cookie, 'programme_type', { items: shipped('programme_type') });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ items: 'in_use' });
    // Deactivating it instead is fine.
    const deactivated = withOwn.map((i) => (i.code === 'wep_plus' ? { ...i, active: false } : i));
    expect((await putList(cookie, 'programme_type', { items: deactivated })).statusCode).toBe(200);
  });

  it('refuses to remove an own exit destination that a work package still leads to', async () => {
    const { orgId, cookie } = await adminOfNewOrganisation();
    const withOwn = [...shipped('exit_destination'), { code: 'horeca_job', label: 'Job in de horeca', active: true }];
    expect((await putList(cookie, 'exit_destination', { items: withOwn })).statusCode).toBe(200);
    const team = await buildTeam(db, { organisationId: orgId });
    const pkg = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work-packages',
      headers: { cookie },
      payload: {
        teamId: team.id,
        name: 'Keuken',
        step: 1,
        workMode: 'uitvoerend',
        nextSteps: [{ kind: 'outflow', exitDestination: 'horeca_job' }],
      },
    });
    expect(pkg.statusCode, pkg.body).toBe(201);
    const refused = await putList(cookie, 'exit_destination', { items: shipped('exit_destination') });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ items: 'in_use' });
    expect((await getLists(cookie)).json().exit_destination.map((i: { code: string }) => i.code)).toContain(
      'horeca_job',
    );
  });

  it('refuses to remove an own programme type that a feedback rule still names', async () => {
    const { orgId, cookie } = await adminOfNewOrganisation();
    const withOwn = [...shipped('programme_type'), { code: 'wep_plus', label: 'WEP+', active: true }];
    expect((await putList(cookie, 'programme_type', { items: withOwn })).statusCode).toBe(200);
    await db.insert(feedbackRules).values({ organisationId: orgId, programmeType: 'wep_plus', intervalDays: 14 });
    const refused = await putList(cookie, 'programme_type', { items: shipped('programme_type') });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ items: 'in_use' });
  });

  it('keeps each organisation to its own lists', async () => {
    const a = await adminOfNewOrganisation();
    const b = await adminOfNewOrganisation();
    const items = [...shipped('consent_kind'), { code: 'photo_use', label: "Foto's gebruiken", active: true }];
    expect((await putList(a.cookie, 'consent_kind', { items })).statusCode).toBe(200);
    expect((await getLists(b.cookie)).json().consent_kind.map((i: { code: string }) => i.code)).toEqual([
      'share_progress_with_referrer',
    ]);
  });

  it('is for the admin only', async () => {
    const org = await buildOrganisation(db);
    for (const role of ['coach', 'supervisor', 'trainer', 'manager', 'participant'] as const) {
      const { cookie } = await loggedIn(t.app, db, role, org.id);
      const res = await putList(cookie, 'programme_type', { items: shipped('programme_type') });
      expect(res.statusCode).toBe(403);
    }
  });

  it('refuses bad bodies with field errors: unknown kind, duplicates, bad codes, empty labels, empty list', async () => {
    const { cookie } = await adminOfNewOrganisation();
    const cases: [string, object, string][] = [
      ['colours', { items: shipped('programme_type') }, 'kind'],
      ['programme_type', { items: [...shipped('programme_type'), shipped('programme_type')[0]] }, 'items.3.code'],
      [
        'programme_type',
        { items: [...shipped('programme_type'), { code: 'Wep+', label: 'x', active: true }] },
        'items.3.code',
      ],
      [
        'programme_type',
        { items: [...shipped('programme_type'), { code: 'wep', label: '  ', active: true }] },
        'items.3.label',
      ],
      ['programme_type', { items: [] }, 'items'],
      ['programme_type', { items: shipped('programme_type'), extra: true }, 'extra'],
    ];
    for (const [kind, payload, field] of cases) {
      const res = await putList(cookie, kind, payload);
      expect(res.statusCode, `${kind} ${JSON.stringify(payload)}`).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(res.json())).toContain(field);
    }
    expect((await getLists(cookie)).json().programme_type).toHaveLength(3);
  });
});

describe('listUpdateBody (property)', () => {
  const codeArb = fc.stringMatching(/^[a-z][a-z0-9_]{1,39}$/);
  const itemArb = fc.record({
    code: fc.oneof(codeArb, fc.string({ maxLength: 45 })),
    label: fc.string({ maxLength: 90 }),
    active: fc.boolean(),
  });

  it('accepts exactly the lists of 1 to 60 items with unique well-formed codes and labels of 1 to 80 characters', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 65 }), (items) => {
        const codes = items.map((i) => i.code);
        const valid =
          items.length >= 1 &&
          items.length <= 60 &&
          new Set(codes).size === codes.length &&
          codes.every((c) => /^[a-z][a-z0-9_]{1,39}$/.test(c)) &&
          items.every((i) => i.label.trim().length >= 1 && i.label.trim().length <= 80);
        const parsed = listUpdateBody.safeParse({ items });
        expect(parsed.success).toBe(valid);
        if (parsed.success) expect(parsed.data.items.map((i) => i.code)).toEqual(codes);
      }),
      { numRuns: 300 },
    );
  });

  it('stores any valid list that keeps the built-ins and gives it back in the same order', async () => {
    const { cookie } = await adminOfNewOrganisation();
    const own = fc.uniqueArray(
      fc.record({
        code: codeArb,
        label: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() === s && s.length > 0),
        active: fc.boolean(),
      }),
      { selector: (i) => i.code, maxLength: 8 },
    );
    await fc.assert(
      fc.asyncProperty(own, fc.boolean(), async (ownItems, builtInsFirst) => {
        const builtIns = shipped('indication_type').map((i) => ({
          ...i,
          active: !builtInsFirst || i.code !== 'other',
        }));
        const extra = ownItems.filter((i) => !builtIns.some((b) => b.code === i.code));
        const items = builtInsFirst ? [...builtIns, ...extra] : [...extra, ...builtIns];
        const res = await putList(cookie, 'indication_type', { items });
        expect(res.statusCode, res.body).toBe(200);
        const stored = (await getLists(cookie)).json().indication_type;
        expect(
          stored.map((i: { code: string; label: string; active: boolean }) => [i.code, i.label, i.active]),
        ).toEqual(items.map((i) => [i.code, i.label, i.active]));
      }),
      { numRuns: 15 },
    );
  });
});
