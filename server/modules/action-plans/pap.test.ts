import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInListItems } from '#shared/lists';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, buildUser, loggedIn, login } from '../../../test/support/factories';
import { buildPapAction, buildPapDomain } from '../../../test/support/factories-sensitive';
import { auditLog, papActions, papDomains, participants } from '../../db/schema';

let t: TestApp;
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

const builtInCodes = builtInListItems.life_domain.map((i) => i.code);
const HINDERING = 'Drinkt elke avond en komt dan te laat';
const OWN_VIEW = 'Ik wil minder drinken maar het lukt niet';
const REASON = 'Eerst bespreken met de psycholoog van het CGG';

/** An organisation with its admin, a participant with their own login, and their coach: all logged in. */
async function workplace(options: { archived?: boolean } = {}) {
  const org = await buildOrganisation(db());
  const coach = await loggedIn(t.app, db(), 'coach', org.id);
  const own = await buildUser(db(), { organisationId: org.id, role: 'participant' });
  const participant = await buildParticipant(db(), {
    organisationId: org.id,
    coachId: coach.user.id,
    userId: own.id,
    status: options.archived ? 'exited' : 'active',
    archived: options.archived,
  });
  return {
    orgId: org.id,
    id: participant.id,
    coach,
    admin: await loggedIn(t.app, db(), 'admin', org.id),
    self: { user: own, cookie: await login(t.app, own) },
  };
}

const domainRows = (participantId: string) =>
  db().select().from(papDomains).where(eq(papDomains.participantId, participantId));
const actionRows = (participantId: string) =>
  db().select().from(papActions).where(eq(papActions.participantId, participantId));
const auditRows = (orgId: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, orgId)));

const domainBody = (overrides: object = {}) => ({
  status: 'hindering',
  hinderingFactors: HINDERING,
  ownView: OWN_VIEW,
  revision: 0,
  ...overrides,
});
const actionBody = (overrides: object = {}) => ({
  domainCode: 'alcohol',
  what: 'Afspraak maken bij het CGG',
  owner: 'participant',
  dueDate: '2026-10-15',
  ...overrides,
});

describe('reading the PAP', () => {
  it('shows every active life domain in list order, unsaved ones as not discussed, with saved rows merged', async () => {
    const w = await workplace();
    await buildPapDomain(db(), {
      organisationId: w.orgId,
      participantId: w.id,
      domainCode: 'justice',
      status: 'attention',
      revision: 3,
      updatedBy: w.coach.user.id,
    });
    const res = await call(w.coach.cookie, 'GET', `/participants/${w.id}/pap`);
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan.participantId).toBe(w.id);
    expect(plan.domains.map((d: { code: string }) => d.code)).toEqual(builtInCodes);
    expect(plan.domains[0]).toEqual({
      code: 'physical_health',
      label: 'Lichamelijke gezondheid',
      status: 'not_discussed',
      hinderingFactors: '',
      ownView: '',
      staffOnly: false,
      staffOnlyReason: '',
      revision: 0,
      updatedAt: null,
      updatedByName: null,
    });
    expect(plan.domains.find((d: { code: string }) => d.code === 'justice')).toMatchObject({
      status: 'attention',
      revision: 3,
      updatedByName: w.coach.user.name,
    });
    expect(plan.actions).toEqual([]);
  });

  it("uses the organisation's own list: its labels and order, a switched-off domain only while it has a saved row", async () => {
    const w = await workplace();
    const items = [
      { code: 'housing', label: 'Wonen', active: true },
      ...builtInListItems.life_domain.map((i) => ({
        code: i.code,
        label: i.code === 'work_income' ? 'Werk en geld' : i.label,
        active: !['drugs', 'alcohol'].includes(i.code),
      })),
    ];
    const list = await call(w.admin.cookie, 'PUT', '/lists/life_domain', { items });
    expect(list.statusCode, list.body).toBe(200);
    await buildPapDomain(db(), { organisationId: w.orgId, participantId: w.id, domainCode: 'alcohol' });
    const plan = (await call(w.coach.cookie, 'GET', `/participants/${w.id}/pap`)).json();
    expect(plan.domains.map((d: { code: string }) => d.code)).toEqual([
      'housing',
      'physical_health',
      'work_income',
      'alcohol',
      'justice',
      'family_social',
      'mental_health',
    ]);
    expect(plan.domains[0].label).toBe('Wonen');
    expect(plan.domains[2].label).toBe('Werk en geld');

    // Saving: an own domain is fine, a switched-off one only when it was saved before.
    expect(
      (await call(w.coach.cookie, 'PUT', `/participants/${w.id}/pap/domains/housing`, domainBody())).statusCode,
    ).toBe(200);
    const alcohol = await call(
      w.coach.cookie,
      'PUT',
      `/participants/${w.id}/pap/domains/alcohol`,
      domainBody({ revision: 1 }),
    );
    expect(alcohol.statusCode, alcohol.body).toBe(200);
    const drugs = await call(w.coach.cookie, 'PUT', `/participants/${w.id}/pap/domains/drugs`, domainBody());
    expect(drugs.statusCode).toBe(400);
    expect(drugs.json().error.fields).toEqual({ code: 'not_in_list' });
    const action = await call(
      w.coach.cookie,
      'POST',
      `/participants/${w.id}/pap/actions`,
      actionBody({ domainCode: 'drugs' }),
    );
    expect(action.statusCode).toBe(400);
    expect(action.json().error.fields).toEqual({ domainCode: 'not_in_list' });
    expect((await domainRows(w.id)).map((r) => r.domainCode).sort()).toEqual(['alcohol', 'housing']);
    expect(await actionRows(w.id)).toEqual([]);
  });
});

describe('saving a domain', () => {
  it('saves with the revision read and refuses a stale one, answering the domain as it is now', async () => {
    const w = await workplace();
    const url = `/participants/${w.id}/pap/domains/alcohol`;
    const first = await call(w.coach.cookie, 'PUT', url, domainBody());
    expect(first.statusCode, first.body).toBe(200);
    const saved = first.json().domains.find((d: { code: string }) => d.code === 'alcohol');
    expect(saved).toMatchObject({
      status: 'hindering',
      hinderingFactors: HINDERING,
      ownView: OWN_VIEW,
      revision: 1,
      updatedByName: w.coach.user.name,
    });
    const second = await call(w.coach.cookie, 'PUT', url, domainBody({ status: 'attention', revision: 1 }));
    expect(second.statusCode, second.body).toBe(200);
    const stale = await call(w.coach.cookie, 'PUT', url, domainBody({ status: 'no_concern', revision: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', fields: { revision: 'stale' } });
    expect(stale.json().domain).toMatchObject({ code: 'alcohol', status: 'attention', revision: 2 });
    const [row] = await domainRows(w.id);
    expect(row).toMatchObject({ status: 'attention', revision: 2 });
    // A first save of a domain someone else saved meanwhile is stale too.
    const raced = await call(w.coach.cookie, 'PUT', url, domainBody({ revision: 0 }));
    expect(raced.statusCode).toBe(409);
  });

  it('a staff-only domain needs a reason; the reason is cleared when it is no longer staff-only', async () => {
    const w = await workplace();
    const url = `/participants/${w.id}/pap/domains/mental_health`;
    const missing = await call(w.coach.cookie, 'PUT', url, domainBody({ staffOnly: true }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual({ staffOnlyReason: 'reason_required' });
    const blank = await call(w.coach.cookie, 'PUT', url, domainBody({ staffOnly: true, staffOnlyReason: '   ' }));
    expect(blank.statusCode).toBe(400);
    expect(await domainRows(w.id)).toEqual([]);
    const hidden = await call(w.coach.cookie, 'PUT', url, domainBody({ staffOnly: true, staffOnlyReason: REASON }));
    expect(hidden.statusCode, hidden.body).toBe(200);
    const open = await call(w.coach.cookie, 'PUT', url, domainBody({ staffOnlyReason: REASON, revision: 1 }));
    expect(open.statusCode, open.body).toBe(200);
    expect((await domainRows(w.id))[0]).toMatchObject({ staffOnly: false, staffOnlyReason: '' });
  });

  it('refuses an unknown domain, a bad status or an unknown field, storing nothing', async () => {
    const w = await workplace();
    const unknown = await call(w.coach.cookie, 'PUT', `/participants/${w.id}/pap/domains/gambling`, domainBody());
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ code: 'not_in_list' });
    for (const body of [
      domainBody({ status: 'terrible' }),
      domainBody({ revision: -1 }),
      domainBody({ secret: true }),
      { status: 'attention' },
    ]) {
      const res = await call(w.coach.cookie, 'PUT', `/participants/${w.id}/pap/domains/alcohol`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const badCode = await call(w.coach.cookie, 'PUT', `/participants/${w.id}/pap/domains/Alcohol!`, domainBody());
    expect(badCode.statusCode).toBe(400);
    expect(await domainRows(w.id)).toEqual([]);
  });
});

describe('actions', () => {
  it('are added and updated by the coach, each with a date, staff-only ones with a reason', async () => {
    const w = await workplace();
    const base = `/participants/${w.id}/pap/actions`;
    const created = await call(w.coach.cookie, 'POST', base, actionBody({ owner: 'other', ownerName: 'CGG Gent' }));
    expect(created.statusCode, created.body).toBe(201);
    const [action] = created.json().actions;
    expect(action).toMatchObject({
      domainCode: 'alcohol',
      what: 'Afspraak maken bij het CGG',
      owner: 'other',
      ownerName: 'CGG Gent',
      dueDate: '2026-10-15',
      status: 'open',
      staffOnly: false,
      staffOnlyReason: '',
    });
    const updated = await call(w.coach.cookie, 'PUT', `${base}/${action.id}`, {
      what: 'Afspraak bij het CGG gemaakt',
      owner: 'participant',
      dueDate: '2026-11-01',
      status: 'done',
      staffOnly: true,
      staffOnlyReason: REASON,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().actions[0]).toMatchObject({ id: action.id, status: 'done', staffOnly: true, ownerName: '' });

    const refused: [string, string, object, Record<string, string> | null][] = [
      ['POST', base, actionBody({ staffOnly: true }), { staffOnlyReason: 'reason_required' }],
      ['POST', base, actionBody({ domainCode: 'gambling' }), { domainCode: 'not_in_list' }],
      ['POST', base, actionBody({ dueDate: undefined }), null],
      ['POST', base, actionBody({ what: '  ' }), null],
      ['POST', base, actionBody({ dueDate: '2026-02-30' }), null],
      ['PUT', `${base}/${action.id}`, { ...actionBody(), status: 'open' }, null],
      [
        'PUT',
        `${base}/${action.id}`,
        { what: 'x', owner: 'coach', dueDate: '2026-01-01', status: 'open', staffOnly: true },
        { staffOnlyReason: 'reason_required' },
      ],
    ];
    for (const [method, url, body, fields] of refused) {
      const res = await call(w.coach.cookie, method as 'POST' | 'PUT', url, body);
      expect(res.statusCode, `${method} ${JSON.stringify(body)}`).toBe(400);
      if (fields) expect(res.json().error.fields).toEqual(fields);
    }
    const missing = await call(w.coach.cookie, 'PUT', `${base}/${crypto.randomUUID()}`, {
      what: 'x',
      owner: 'coach',
      dueDate: '2026-01-01',
      status: 'open',
    });
    expect(missing.statusCode).toBe(404);
    const rows = await actionRows(w.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ what: 'Afspraak bij het CGG gemaakt', status: 'done' });
  });

  it("another participant's action is not found through this dossier", async () => {
    const w = await workplace();
    const other = await buildPapAction(db(), { organisationId: w.orgId });
    const res = await call(w.coach.cookie, 'PUT', `/participants/${w.id}/pap/actions/${other.id}`, {
      what: 'Overgenomen',
      owner: 'coach',
      dueDate: '2026-01-01',
      status: 'open',
    });
    expect(res.statusCode).toBe(404);
    const [row] = await db().select().from(papActions).where(eq(papActions.id, other.id));
    expect(row?.what).toBe(other.what);
  });
});

describe('an archived or anonymised dossier', () => {
  it('archived: the PAP is read, never written', async () => {
    const w = await workplace({ archived: true });
    await buildPapDomain(db(), { organisationId: w.orgId, participantId: w.id, domainCode: 'alcohol' });
    expect((await call(w.coach.cookie, 'GET', `/participants/${w.id}/pap`)).statusCode).toBe(200);
    const access = (await call(w.coach.cookie, 'GET', `/participants/${w.id}/sensitive/access`)).json();
    expect(access).toMatchObject({ canRead: true, canWrite: false });
    const domain = await call(
      w.coach.cookie,
      'PUT',
      `/participants/${w.id}/pap/domains/alcohol`,
      domainBody({ revision: 1 }),
    );
    expect(domain.statusCode).toBe(409);
    expect(domain.json().error.code).toBe('conflict');
    const action = await call(w.coach.cookie, 'POST', `/participants/${w.id}/pap/actions`, actionBody());
    expect(action.statusCode).toBe(409);
    expect((await domainRows(w.id))[0]?.revision).toBe(1);
    expect(await actionRows(w.id)).toEqual([]);
  });

  it('anonymised: there is no compartment left', async () => {
    const w = await workplace();
    await db().update(participants).set({ anonymisedAt: new Date() }).where(eq(participants.id, w.id));
    expect((await call(w.coach.cookie, 'GET', `/participants/${w.id}/pap`)).statusCode).toBe(404);
    expect(
      (await call(w.coach.cookie, 'PUT', `/participants/${w.id}/pap/domains/alcohol`, domainBody())).statusCode,
    ).toBe(404);
    expect((await call(w.self.cookie, 'GET', '/participants/me/pap')).statusCode).toBe(404);
  });
});

describe('the audit of the PAP', () => {
  it('records every read and write with the fields and the domain, never the words', async () => {
    const w = await workplace();
    await call(
      w.coach.cookie,
      'PUT',
      `/participants/${w.id}/pap/domains/alcohol`,
      domainBody({ staffOnly: true, staffOnlyReason: REASON }),
    );
    const created = await call(w.coach.cookie, 'POST', `/participants/${w.id}/pap/actions`, actionBody());
    const actionId = created.json().actions[0].id;
    await call(w.coach.cookie, 'PUT', `/participants/${w.id}/pap/actions/${actionId}`, {
      what: 'Afspraak maken bij het CGG',
      owner: 'participant',
      dueDate: '2026-12-01',
      status: 'open',
    });
    await call(w.coach.cookie, 'GET', `/participants/${w.id}/pap`);
    await call(w.self.cookie, 'GET', '/participants/me/pap');
    const rows = (await auditRows(w.orgId)).filter((r) => r.action.startsWith('pap.'));
    const byAction = Object.fromEntries(rows.map((r) => [r.action, r]));
    expect(Object.keys(byAction).sort()).toEqual([
      'pap.action_added',
      'pap.action_updated',
      'pap.domain_saved',
      'pap.read',
      'pap.read_own',
    ]);
    expect(byAction['pap.domain_saved']?.details).toEqual({
      participantId: w.id,
      via: 'caseload',
      domainCode: 'alcohol',
      fields: ['status', 'hinderingFactors', 'ownView', 'staffOnly', 'staffOnlyReason'],
    });
    expect(byAction['pap.action_updated']?.details).toEqual({
      participantId: w.id,
      via: 'caseload',
      actionId,
      domainCode: 'alcohol',
      fields: ['dueDate'],
    });
    expect(byAction['pap.read_own']?.details).toMatchObject({ via: 'self' });
    for (const row of rows) {
      const text = JSON.stringify(row);
      for (const secret of [HINDERING, OWN_VIEW, REASON, 'Afspraak']) expect(text).not.toContain(secret);
    }
  });
});

describe("the participant's own PAP", () => {
  it('shows what was discussed and is not staff-only, without any staff-only field', async () => {
    const w = await workplace();
    const at = { organisationId: w.orgId, participantId: w.id };
    await buildPapDomain(db(), { ...at, domainCode: 'alcohol', hinderingFactors: HINDERING, ownView: OWN_VIEW });
    await buildPapDomain(db(), { ...at, domainCode: 'justice', staffOnly: true, staffOnlyReason: REASON });
    await buildPapDomain(db(), {
      ...at,
      domainCode: 'drugs',
      status: 'not_discussed',
      hinderingFactors: '',
      ownView: '',
    });
    await buildPapAction(db(), { ...at, domainCode: 'alcohol', what: 'Naar de huisarts gaan' });
    const secret = await buildPapAction(db(), {
      ...at,
      domainCode: 'alcohol',
      what: 'Melding aan de justitieassistent',
      staffOnly: true,
      staffOnlyReason: REASON,
    });
    const res = await call(w.self.cookie, 'GET', '/participants/me/pap');
    expect(res.statusCode, res.body).toBe(200);
    const own = res.json();
    expect(own.domains.map((d: { code: string }) => d.code)).toEqual(['alcohol']);
    expect(Object.keys(own.domains[0]).sort()).toEqual(
      ['code', 'hinderingFactors', 'label', 'ownView', 'status', 'updatedAt'].sort(),
    );
    expect(own.actions.map((a: { what: string }) => a.what)).toEqual(['Naar de huisarts gaan']);
    expect(res.body).not.toContain('staffOnly');
    expect(res.body).not.toContain(REASON);
    expect(res.body).not.toContain(secret.id);
    expect(res.body).not.toContain('justice');
  });

  it('is for a participant with a dossier only, and only their own', async () => {
    const w = await workplace();
    const loose = await buildUser(db(), { organisationId: w.orgId, role: 'participant' });
    expect((await call(await login(t.app, loose), 'GET', '/participants/me/pap')).statusCode).toBe(404);
    expect((await call(w.coach.cookie, 'GET', '/participants/me/pap')).statusCode).toBe(403);
    expect((await call(w.self.cookie, 'GET', `/participants/${w.id}/pap`)).statusCode).toBe(403);
  });
});
