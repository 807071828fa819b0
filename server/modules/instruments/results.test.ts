import { eq, gt, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '#shared/participants';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, loggedIn } from '../../../test/support/factories';
import {
  buildAttachment,
  buildInstrumentDefinition,
  buildInstrumentResult,
  sampleValues,
} from '../../../test/support/factories-instruments';
import {
  auditLog,
  instrumentAttachments,
  instrumentDefinitions,
  instrumentResults,
  participants,
  sensitiveAccessGrants,
} from '../../db/schema';
import { definitionWithValuesArb } from './test-arbitraries';

let t: TestApp;
let orgId: string;
let coach: { user: { id: string }; cookie: string };

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrganisation(t.database.db)).id;
  coach = await loggedIn(t.app, t.database.db, 'coach', orgId);
});
afterAll(() => t.close());

const db = () => t.database.db;
const inject = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

/** A dossier on the coach's caseload and a small custom definition. */
async function caseload() {
  const p = await buildParticipant(db(), { organisationId: orgId, coachId: coach.user.id });
  const def = await buildInstrumentDefinition(db(), { organisationId: orgId });
  return { p, def };
}

const countResults = async (participantId: string) =>
  (await db().select().from(instrumentResults).where(eq(instrumentResults.participantId, participantId))).length;

const lastAuditId = async () =>
  (
    await db()
      .select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` })
      .from(auditLog)
  )[0]?.max ?? 0;

describe('recording results', () => {
  it('a coach records, reads, corrects and deletes a result of their participant; all audited, no values', async () => {
    const { p, def } = await caseload();
    const before = await lastAuditId();
    const created = await inject(coach.cookie, 'POST', `/participants/${p.id}/instrument-results`, {
      definitionId: def.id,
      takenOn: '2024-03-04',
      values: { score: 4, kg: 17.5, mode: 'inzichtelijk', remarks: '  GEHEIM-opmerking-71  ' },
      note: 'GEHEIM-notitie-93',
    });
    expect(created.statusCode, created.body).toBe(201);
    const result = created.json();
    expect(result).toMatchObject({
      definitionId: def.id,
      definitionName: def.name,
      kind: 'custom',
      takenOn: '2024-03-04',
      values: { score: 4, kg: 17.5, mode: 'inzichtelijk', remarks: 'GEHEIM-opmerking-71' },
      attachments: [],
    });
    expect(result.assessorName).toEqual(expect.any(String));

    const list = await inject(coach.cookie, 'GET', `/participants/${p.id}/instrument-results`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ via: 'caseload', items: [{ id: result.id }] });

    const updated = await inject(coach.cookie, 'PUT', `/participants/${p.id}/instrument-results/${result.id}`, {
      takenOn: '2024-03-05',
      values: { score: 5, kg: 17.5, mode: 'inzichtelijk', remarks: 'GEHEIM-opmerking-71' },
      note: 'GEHEIM-notitie-93',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().values.score).toBe(5);

    await buildAttachment(db(), { resultId: result.id });
    const gone = await inject(coach.cookie, 'DELETE', `/participants/${p.id}/instrument-results/${result.id}`);
    expect(gone.statusCode).toBe(204);
    expect(await countResults(p.id)).toBe(0);
    expect(
      await db().select().from(instrumentAttachments).where(eq(instrumentAttachments.resultId, result.id)),
    ).toEqual([]);

    const rows = await db().select().from(auditLog).where(gt(auditLog.id, before)).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual([
      'instrument.result_added',
      'instrument.read',
      'instrument.result_updated',
      'instrument.result_deleted',
    ]);
    expect(rows[0]?.details).toMatchObject({
      definitionId: def.id,
      fields: ['kg', 'mode', 'remarks', 'score'],
      participantId: p.id,
      via: 'caseload',
    });
    expect(rows[2]?.details).toMatchObject({ fields: ['takenOn', 'values.score'] });
    const text = JSON.stringify(rows);
    for (const secret of ['GEHEIM', 'inzichtelijk', '17.5']) expect(text).not.toContain(secret);
  });

  it('accepts random values exactly when they fit the random definition; nothing stored otherwise', async () => {
    const p = await buildParticipant(db(), { organisationId: orgId, coachId: coach.user.id });
    await fc.assert(
      fc.asyncProperty(definitionWithValuesArb, async ({ fields, values, errors }) => {
        const def = await buildInstrumentDefinition(db(), { organisationId: orgId, fields });
        const before = await countResults(p.id);
        const res = await inject(coach.cookie, 'POST', `/participants/${p.id}/instrument-results`, {
          definitionId: def.id,
          takenOn: '2024-03-04',
          values,
        });
        if (Object.keys(errors).length === 0) {
          expect(res.statusCode, res.body).toBe(201);
          expect(await countResults(p.id)).toBe(before + 1);
        } else {
          expect(res.statusCode, res.body).toBe(400);
          expect(res.json().error.fields).toEqual(errors);
          expect(await countResults(p.id)).toBe(before);
        }
      }),
      { numRuns: 25 },
    );
    // Twenty-five requests: a budget of its own on a busy machine (nothing here is timed).
  }, 120_000);

  it('refuses a date in the future, a date before birth and an archived definition, all at once where they apply', async () => {
    const { p, def } = await caseload();
    const url = `/participants/${p.id}/instrument-results`;
    const future = await inject(coach.cookie, 'POST', url, {
      definitionId: def.id,
      takenOn: '2999-01-01',
      values: {},
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual({ takenOn: 'in_future', 'values.score': 'required' });
    const beforeBirth = await inject(coach.cookie, 'POST', url, {
      definitionId: def.id,
      takenOn: '1990-05-16',
      values: sampleValues(),
    });
    expect(beforeBirth.json().error.fields).toEqual({ takenOn: 'before_birth' });
    const today = await inject(coach.cookie, 'POST', url, {
      definitionId: def.id,
      takenOn: todayIso(),
      values: sampleValues(),
    });
    expect(today.statusCode, today.body).toBe(201);

    const archived = await buildInstrumentDefinition(db(), { organisationId: orgId, archived: true });
    const refused = await inject(coach.cookie, 'POST', url, {
      definitionId: archived.id,
      takenOn: '2024-03-04',
      values: sampleValues(),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ definitionId: 'archived' });
    const foreign = await buildInstrumentDefinition(db());
    const unknown = await inject(coach.cookie, 'POST', url, {
      definitionId: foreign.id,
      takenOn: '2024-03-04',
      values: sampleValues(),
    });
    expect(unknown.json().error.fields).toEqual({ definitionId: 'unknown_reference' });
    expect(await countResults(p.id)).toBe(1);
  });

  it('a result of an archived definition can still be corrected; an invalid correction changes nothing', async () => {
    const { p, def } = await caseload();
    const result = await buildInstrumentResult(db(), { participantId: p.id, definitionId: def.id });
    await db()
      .update(instrumentDefinitions)
      .set({ archivedAt: new Date() })
      .where(eq(instrumentDefinitions.id, def.id));
    const url = `/participants/${p.id}/instrument-results/${result.id}`;
    const bad = await inject(coach.cookie, 'PUT', url, { takenOn: '2024-03-04', values: { score: 9 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ 'values.score': 'out_of_range' });
    const [unchanged] = await db().select().from(instrumentResults).where(eq(instrumentResults.id, result.id));
    expect(unchanged?.values).toEqual(sampleValues());
    const good = await inject(coach.cookie, 'PUT', url, { takenOn: '2024-03-04', values: { score: 1 } });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().values).toEqual({ score: 1, kg: null, mode: null, remarks: null });
  });

  it("another participant's result id is not found, for update and delete", async () => {
    const { p } = await caseload();
    const other = await buildInstrumentResult(db(), {
      participantId: (await buildParticipant(db(), { organisationId: orgId, coachId: coach.user.id })).id,
    });
    const url = `/participants/${p.id}/instrument-results/${other.id}`;
    expect((await inject(coach.cookie, 'PUT', url, { takenOn: '2024-03-04', values: sampleValues() })).statusCode).toBe(
      404,
    );
    expect((await inject(coach.cookie, 'DELETE', url)).statusCode).toBe(404);
    expect(await countResults(other.participantId)).toBe(1);
  });
});

describe('the compartment decides who reaches results', () => {
  const grant = async (participantId: string, userId: string, kind: 'granted' | 'break_glass') =>
    db()
      .insert(sensitiveAccessGrants)
      .values({
        organisationId: orgId,
        participantId,
        userId,
        kind,
        reason: 'Vervanging tijdens verlof van de coach',
        expiresAt: new Date(Date.now() + 3_600_000),
      });

  it('another coach and the admin must break the glass; with a grant they read, via that grant', async () => {
    const p = await buildParticipant(db(), { organisationId: orgId });
    await buildInstrumentResult(db(), { participantId: p.id });
    const url = `/participants/${p.id}/instrument-results`;
    const other = await loggedIn(t.app, db(), 'coach', orgId);
    const admin = await loggedIn(t.app, db(), 'admin', orgId);
    for (const caller of [other, admin]) {
      const res = await inject(caller.cookie, 'GET', url);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('break_glass_required');
    }
    await grant(p.id, other.user.id, 'granted');
    await grant(p.id, admin.user.id, 'break_glass');
    const viaGrant = await inject(other.cookie, 'GET', url);
    expect(viaGrant.statusCode, viaGrant.body).toBe(200);
    expect(viaGrant.json().via).toBe('granted');
    const viaGlass = await inject(admin.cookie, 'GET', url);
    expect(viaGlass.json()).toMatchObject({ via: 'break_glass', items: [expect.any(Object)] });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, admin.user.id))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(audit).toMatchObject({ action: 'instrument.read', reason: 'Vervanging tijdens verlof van de coach' });
  });

  it('a supervisor, trainer or manager is refused even with a grant row; another organisation gets 404', async () => {
    const p = await buildParticipant(db(), { organisationId: orgId });
    const url = `/participants/${p.id}/instrument-results`;
    for (const role of ['supervisor', 'trainer', 'manager'] as const) {
      const caller = await loggedIn(t.app, db(), role, orgId);
      await grant(p.id, caller.user.id, 'granted');
      const res = await inject(caller.cookie, 'GET', url);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const foreign = await loggedIn(t.app, db(), 'admin');
    expect((await inject(foreign.cookie, 'GET', url)).statusCode).toBe(404);
    expect(
      (await inject(coach.cookie, 'GET', `/participants/${crypto.randomUUID()}/instrument-results`)).statusCode,
    ).toBe(404);
  });

  it('a coach without access writes nothing; an anonymised participant has no results to reach', async () => {
    const p = await buildParticipant(db(), { organisationId: orgId });
    const def = await buildInstrumentDefinition(db(), { organisationId: orgId });
    const res = await inject(coach.cookie, 'POST', `/participants/${p.id}/instrument-results`, {
      definitionId: def.id,
      takenOn: '2024-03-04',
      values: sampleValues(),
    });
    expect(res.statusCode).toBe(403);
    expect(await countResults(p.id)).toBe(0);
    const mine = await buildParticipant(db(), { organisationId: orgId, coachId: coach.user.id });
    await db().update(participants).set({ anonymisedAt: new Date() }).where(eq(participants.id, mine.id));
    expect((await inject(coach.cookie, 'GET', `/participants/${mine.id}/instrument-results`)).statusCode).toBe(404);
  });
});
