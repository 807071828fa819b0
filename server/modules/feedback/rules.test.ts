import { asc, eq, gt, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildTeam, loggedIn } from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { auditLog, feedbackRules, organisationListItems } from '../../db/schema';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });
const getRules = (cookie: string) => call(cookie, { method: 'GET', url: '/api/v1/feedback-rules' });
const putRules = (cookie: string, items: object[]) =>
  call(cookie, { method: 'PUT', url: '/api/v1/feedback-rules', payload: { items } });

async function adminOfNewOrganisation() {
  const org = await buildOrganisation(db);
  const admin = await loggedIn(t.app, db, 'admin', org.id);
  const groen = await buildTeam(db, { organisationId: org.id, name: 'Groen' });
  const bouw = await buildTeam(db, { organisationId: org.id, name: 'Bouw' });
  return { orgId: org.id, cookie: admin.cookie, groen, bouw };
}

const rulesOf = (orgId: string) => db.select().from(feedbackRules).where(eq(feedbackRules.organisationId, orgId));

describe('feedback rules', () => {
  it('starts empty with the 28-day default; every staff role reads them, participants do not', async () => {
    const w = await adminOfNewOrganisation();
    const res = await getRules(w.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], defaultIntervalDays: 28 });
    for (const role of ['coach', 'supervisor', 'trainer', 'manager'] as const) {
      expect((await getRules((await loggedIn(t.app, db, role, w.orgId)).cookie)).statusCode).toBe(200);
    }
    expect((await getRules((await loggedIn(t.app, db, 'participant', w.orgId)).cookie)).statusCode).toBe(403);
  });

  it('replaces the whole set, answers most specific first with team names, and audits without values', async () => {
    const w = await adminOfNewOrganisation();
    await putRules(w.cookie, [{ intervalDays: 10 }]);
    const before = (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]
      ?.max as number;
    const res = await putRules(w.cookie, [
      { teamId: null, programmeType: null, intervalDays: 21 },
      { programmeType: 'activering', intervalDays: 14 },
      { teamId: w.groen.id, intervalDays: 28 },
      { teamId: w.bouw.id, programmeType: 'maatwerk', intervalDays: 35 },
      { teamId: w.groen.id, programmeType: 'maatwerk', intervalDays: 30 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json();
    expect(
      items.map((r: { team: { name: string } | null; programmeType: string | null; intervalDays: number }) => [
        r.team?.name ?? null,
        r.programmeType,
        r.intervalDays,
      ]),
    ).toEqual([
      ['Bouw', 'maatwerk', 35],
      ['Groen', 'maatwerk', 30],
      ['Groen', null, 28],
      [null, 'activering', 14],
      [null, null, 21],
    ]);
    expect(await rulesOf(w.orgId)).toHaveLength(5);
    expect((await getRules(w.cookie)).json().items).toEqual(items);
    const audit = await db.select().from(auditLog).where(gt(auditLog.id, before)).orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, a.details])).toEqual([['feedback_rules.replaced', { before: 1, after: 5 }]]);
    expect((await putRules(w.cookie, [])).json().items).toEqual([]);
    expect(await rulesOf(w.orgId)).toHaveLength(0);
  });

  it('refuses duplicates, intervals outside 1..365, foreign teams and unknown programme types; nothing changes', async () => {
    const w = await adminOfNewOrganisation();
    await putRules(w.cookie, [{ intervalDays: 21 }]);
    const foreignTeam = await buildTeam(db);
    const cases: [object[], Record<string, string> | string[]][] = [
      [
        [
          { teamId: w.groen.id, intervalDays: 14 },
          { teamId: w.groen.id, programmeType: null, intervalDays: 21 },
          { intervalDays: 7 },
          { intervalDays: 8 },
        ],
        { 'items.1.teamId': 'duplicate', 'items.3.teamId': 'duplicate' },
      ],
      [[{ intervalDays: 0 }], ['items.0.intervalDays']],
      [[{ intervalDays: 366 }], ['items.0.intervalDays']],
      [[{ intervalDays: 2.5 }], ['items.0.intervalDays']],
      [[{ teamId: foreignTeam.id, intervalDays: 14 }], { 'items.0.teamId': 'unknown_reference' }],
      [
        [{ intervalDays: 14 }, { programmeType: 'bestaat_niet', intervalDays: 14 }],
        { 'items.1.programmeType': 'not_in_list' },
      ],
      [[{ programmeType: 'Met Spaties', intervalDays: 14 }], ['items.0.programmeType']],
      // Unknown keys are named by the key alone (plugins/errors.ts).
      [[{ intervalDays: 14, extra: true }], ['extra']],
    ];
    for (const [items, fields] of cases) {
      const res = await putRules(w.cookie, items);
      expect(res.statusCode, JSON.stringify(items)).toBe(400);
      const got = res.json().error.fields;
      if (Array.isArray(fields)) expect(Object.keys(got)).toEqual(fields);
      else expect(got).toEqual(fields);
    }
    expect((await rulesOf(w.orgId)).map((r) => r.intervalDays)).toEqual([21]);
  });

  it('keeps a rule for a programme type deactivated since, but refuses a new rule for it', async () => {
    const w = await adminOfNewOrganisation();
    expect((await putRules(w.cookie, [{ programmeType: 'arbeidszorg', intervalDays: 14 }])).statusCode).toBe(200);
    await db.insert(organisationListItems).values(
      ['activering', 'maatwerk', 'arbeidszorg'].map((code, position) => ({
        organisationId: w.orgId,
        kind: 'programme_type' as const,
        code,
        label: code,
        active: code !== 'arbeidszorg',
        position,
      })),
    );
    expect((await putRules(w.cookie, [{ programmeType: 'arbeidszorg', intervalDays: 21 }])).statusCode).toBe(200);
    await putRules(w.cookie, []);
    const res = await putRules(w.cookie, [{ programmeType: 'arbeidszorg', intervalDays: 21 }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ 'items.0.programmeType': 'not_in_list' });
  });

  it('lets only the admin change them', async () => {
    const w = await adminOfNewOrganisation();
    for (const role of ['coach', 'supervisor', 'manager', 'trainer', 'participant'] as const) {
      const { cookie } = await loggedIn(t.app, db, role, w.orgId);
      expect((await putRules(cookie, [{ intervalDays: 7 }])).statusCode).toBe(403);
    }
    expect(await rulesOf(w.orgId)).toHaveLength(0);
  });
});
