import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/common';
import { todayIso } from '#shared/participants';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  addCoach,
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildTeam,
  buildUser,
  loggedIn,
  login,
} from '../../../test/support/factories';
import { buildFramework, buildObservation } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import { auditLog, careerEvents, feedbackConversations, feedbackRules, observations } from '../../db/schema';
import { addDays } from './cadence';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });

const today = todayIso();
const daysAgo = (n: number) => addDays(today, -n);

/**
 * An organisation with a team, an active participant in it (started 2024-01-15 by the factory), their coach and
 * the team's supervisor, all logged in; more callers on request.
 */
async function dossier(overrides: Parameters<typeof buildParticipant>[1] = {}) {
  const org = { id: overrides.organisationId ?? (await buildOrganisation(db)).id };
  const team = await buildTeam(db, { organisationId: org.id });
  const coach = await loggedIn(t.app, db, 'coach', org.id);
  const supervisor = await loggedIn(t.app, db, 'supervisor', org.id);
  await addSupervisor(db, team.id, supervisor.user.id, org.id);
  const participant = await buildParticipant(db, {
    organisationId: org.id,
    teamId: team.id,
    coachId: coach.user.id,
    ...overrides,
  });
  const as = (role: Role) => loggedIn(t.app, db, role, org.id);
  return { orgId: org.id, team, coach, supervisor, participant, as };
}

const record = (cookie: string, participantId: string, payload: object) =>
  call(cookie, { method: 'POST', url: `/api/v1/participants/${participantId}/feedback`, payload });
const read = (cookie: string, participantId: string) =>
  call(cookie, { method: 'GET', url: `/api/v1/participants/${participantId}/feedback` });

const conversation = (extra: object = {}) => ({
  heldOn: daysAgo(2),
  wentWell: 'Je was elke dag op tijd.',
  toWorkOn: 'Vragen stellen als iets niet duidelijk is.',
  agreements: 'We kijken samen naar je planning.',
  ...extra,
});

const conversationsOf = (participantId: string) =>
  db.select().from(feedbackConversations).where(eq(feedbackConversations.participantId, participantId));

async function lastAuditId() {
  return (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]?.max ?? 0;
}
const auditSince = (id: number) => db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));

describe('POST /participants/:id/feedback', () => {
  it('lets the coach record a conversation: they are among the staff, the reviewed scores are linked, audited', async () => {
    const w = await dossier();
    const colleague = await buildUser(db, { organisationId: w.orgId, role: 'supervisor', name: 'Aa Collega' });
    const { version, competencies } = await buildFramework(db, { organisationId: w.orgId });
    const [first] = competencies;
    const seen = await buildObservation(db, {
      organisationId: w.orgId,
      participantId: w.participant.id,
      versionId: version.id,
      observedOn: daysAgo(5),
      scores: { [first?.id as string]: 3 },
    });
    const before = await lastAuditId();
    const res = await record(
      w.coach.cookie,
      w.participant.id,
      conversation({
        staffIds: [colleague.id],
        participantPresent: true,
        otherAttendees: 'Stagementor Jan',
        reviewedObservationIds: [seen.observation.id],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      participantId: w.participant.id,
      heldOn: daysAgo(2),
      participantPresent: true,
      otherAttendees: 'Stagementor Jan',
      wentWell: 'Je was elke dag op tijd.',
      recordedBy: { id: w.coach.user.id, name: w.coach.user.name },
      reviewedObservations: [{ id: seen.observation.id, observedOn: daysAgo(5), raterKind: 'supervisor' }],
    });
    expect(body.staff.map((s: { id: string }) => s.id).sort()).toEqual([colleague.id, w.coach.user.id].sort());
    expect(body.staff.find((s: { id: string }) => s.id === colleague.id).name).toBe('Aa Collega');

    const audit = await auditSince(before);
    expect(audit.map((a) => a.action)).toEqual(['feedback.recorded']);
    expect(audit[0]).toMatchObject({ targetType: 'feedback_conversation', targetId: body.id });
    // Field names and counts only: what was said stays out of the audit log.
    expect(JSON.stringify(audit[0]?.details)).not.toContain('op tijd');
    expect(JSON.stringify(audit[0]?.details)).not.toContain('Jan');
  });

  it('lets the supervisor of the team and the admin record; refuses others', async () => {
    const w = await dossier();
    expect((await record(w.supervisor.cookie, w.participant.id, conversation())).statusCode).toBe(201);
    expect((await record((await w.as('admin')).cookie, w.participant.id, conversation())).statusCode).toBe(201);
    expect((await record((await w.as('manager')).cookie, w.participant.id, conversation())).statusCode).toBe(403);
    expect((await record((await w.as('trainer')).cookie, w.participant.id, conversation())).statusCode).toBe(403);
    // A coach or supervisor without a relation to the dossier does not learn it exists.
    expect((await record((await w.as('coach')).cookie, w.participant.id, conversation())).statusCode).toBe(404);
    expect((await record((await w.as('supervisor')).cookie, w.participant.id, conversation())).statusCode).toBe(404);
    expect(await conversationsOf(w.participant.id)).toHaveLength(2);
  });

  it('refuses a date in the future, or before the first start, and a participant who never started', async () => {
    const w = await dossier();
    const future = await record(w.coach.cookie, w.participant.id, conversation({ heldOn: addDays(today, 1) }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toHaveProperty('heldOn');
    const early = await record(w.coach.cookie, w.participant.id, conversation({ heldOn: '2024-01-14' }));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({ heldOn: 'before_start' });
    expect((await record(w.coach.cookie, w.participant.id, conversation({ heldOn: '2024-01-15' }))).statusCode).toBe(
      201,
    );
    const registered = await buildParticipant(db, {
      organisationId: w.orgId,
      coachId: w.coach.user.id,
      status: 'registered',
    });
    const none = await record(w.coach.cookie, registered.id, conversation());
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toEqual({ heldOn: 'before_start' });
    expect(await conversationsOf(registered.id)).toHaveLength(0);
  });

  it('needs at least one of went well, to work on and agreements', async () => {
    const w = await dossier();
    const empty = await record(w.coach.cookie, w.participant.id, {
      heldOn: daysAgo(1),
      wentWell: '   ',
      toWorkOn: '',
      agreements: null,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual({ wentWell: 'one_required' });
    const one = await record(w.coach.cookie, w.participant.id, {
      heldOn: daysAgo(1),
      agreements: 'Volgende keer samen.',
    });
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json()).toMatchObject({ wentWell: null, toWorkOn: null, agreements: 'Volgende keer samen.' });
  });

  it('refuses observations of another participant, unknown ones and ones made after the conversation', async () => {
    const w = await dossier();
    const other = await buildParticipant(db, { organisationId: w.orgId, teamId: w.team.id });
    const { version, competencies } = await buildFramework(db, { organisationId: w.orgId });
    const scores = { [competencies[0]?.id as string]: 2 };
    const obs = (participantId: string, observedOn: string) =>
      buildObservation(db, { organisationId: w.orgId, participantId, versionId: version.id, observedOn, scores });
    const ofOther = await obs(other.id, daysAgo(10));
    const later = await obs(w.participant.id, daysAgo(1));
    const cases: [string[], string][] = [
      [[ofOther.observation.id], 'not_of_participant'],
      [[crypto.randomUUID()], 'not_of_participant'],
      [[later.observation.id], 'after_conversation'],
    ];
    for (const [ids, code] of cases) {
      const res = await record(
        w.coach.cookie,
        w.participant.id,
        conversation({ heldOn: daysAgo(3), reviewedObservationIds: ids }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ reviewedObservationIds: code });
    }
    expect(await conversationsOf(w.participant.id)).toHaveLength(0);
  });

  it('takes only active staff of the organisation as others present', async () => {
    const w = await dossier();
    const outsider = await buildUser(db, { role: 'coach' });
    const participantLogin = await buildUser(db, { organisationId: w.orgId, role: 'participant' });
    const gone = await buildUser(db, { organisationId: w.orgId, role: 'coach', deactivated: true });
    for (const id of [outsider.id, participantLogin.id, gone.id, 'not-a-user']) {
      const res = await record(w.coach.cookie, w.participant.id, conversation({ staffIds: [id] }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ staffIds: 'not_staff' });
    }
    expect(await conversationsOf(w.participant.id)).toHaveLength(0);
  });

  it('refuses an archived dossier with 409 and rejects unknown fields', async () => {
    const w = await dossier({ status: 'exited', archived: true });
    expect((await record(w.coach.cookie, w.participant.id, conversation({ heldOn: '2024-03-01' }))).statusCode).toBe(
      409,
    );
    const extra = await record(w.coach.cookie, w.participant.id, conversation({ mood: 'goed' }));
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.fields).toHaveProperty('mood');
  });
});

describe('GET /participants/:id/feedback', () => {
  it('lists the conversations newest first with the cadence, and audits the read', async () => {
    const w = await dossier();
    await record(w.coach.cookie, w.participant.id, conversation({ heldOn: daysAgo(40), wentWell: 'Oud' }));
    await record(w.coach.cookie, w.participant.id, conversation({ heldOn: daysAgo(10), wentWell: 'Nieuw' }));
    const before = await lastAuditId();
    const res = await read(w.supervisor.cookie, w.participant.id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((c: { wentWell: string }) => c.wentWell)).toEqual(['Nieuw', 'Oud']);
    expect(body.cadence).toMatchObject({ intervalDays: 28, anchor: daysAgo(10), nextDueOn: addDays(daysAgo(10), 28) });
    expect(['ok', 'due_this_week']).toContain(body.cadence.state);
    const audit = await auditSince(before);
    expect(audit.map((a) => [a.action, a.targetId])).toEqual([['feedback.read', w.participant.id]]);
  });

  it('follows the most specific rule and counts from a later resume', async () => {
    const w = await dossier({ programmeType: 'activering' });
    await db.insert(feedbackRules).values([
      { organisationId: w.orgId, teamId: null, programmeType: null, intervalDays: 35 },
      { organisationId: w.orgId, teamId: w.team.id, programmeType: null, intervalDays: 21 },
      { organisationId: w.orgId, teamId: null, programmeType: 'activering', intervalDays: 30 },
    ]);
    await record(w.coach.cookie, w.participant.id, conversation({ heldOn: daysAgo(20) }));
    await db.insert(careerEvents).values([
      { organisationId: w.orgId, participantId: w.participant.id, kind: 'pause', date: daysAgo(15) },
      { organisationId: w.orgId, participantId: w.participant.id, kind: 'resume', date: daysAgo(5) },
    ]);
    const { cadence } = (await read(w.coach.cookie, w.participant.id)).json();
    expect(cadence).toMatchObject({
      intervalDays: 21,
      anchor: daysAgo(5),
      nextDueOn: addDays(daysAgo(5), 21),
      state: 'ok',
    });
  });

  it('shows an overdue participant as overdue and a paused one without a date', async () => {
    const w = await dossier();
    // The factory's start was in January 2024: long overdue.
    expect((await read(w.coach.cookie, w.participant.id)).json().cadence).toEqual({
      intervalDays: 28,
      anchor: '2024-01-15',
      nextDueOn: '2024-02-12',
      state: 'overdue',
    });
    const paused = await buildParticipant(db, { organisationId: w.orgId, coachId: w.coach.user.id, status: 'paused' });
    expect((await read(w.coach.cookie, paused.id)).json().cadence).toEqual({
      intervalDays: 28,
      anchor: null,
      nextDueOn: null,
      state: 'not_applicable',
    });
  });

  it('lets the participant read their own conversations, and nobody unrelated', async () => {
    const participantLogin = await buildUser(db, { role: 'participant' });
    const w = await dossier({ organisationId: participantLogin.organisationId, userId: participantLogin.id });
    await record(w.coach.cookie, w.participant.id, conversation());
    const own = await read(await login(t.app, participantLogin), w.participant.id);
    expect(own.statusCode).toBe(200);
    expect(own.json().items[0]).toMatchObject({ wentWell: 'Je was elke dag op tijd.' });
    expect((await read((await w.as('participant')).cookie, w.participant.id)).statusCode).toBe(404);
    expect((await read((await w.as('coach')).cookie, w.participant.id)).statusCode).toBe(404);
    expect((await read((await w.as('manager')).cookie, w.participant.id)).statusCode).toBe(200);
    expect((await read((await w.as('trainer')).cookie, w.participant.id)).statusCode).toBe(403);
  });
});

describe('PATCH /feedback/:id and DELETE /feedback/:id', () => {
  async function recorded() {
    const w = await dossier();
    const res = await record(w.coach.cookie, w.participant.id, conversation());
    expect(res.statusCode, res.body).toBe(201);
    return { ...w, id: res.json().id as string };
  }
  const patch = (cookie: string, id: string, payload: object) =>
    call(cookie, { method: 'PATCH', url: `/api/v1/feedback/${id}`, payload });

  it('lets the recorder change it; the recorder stays among the staff; audited', async () => {
    const w = await recorded();
    const colleague = await buildUser(db, { organisationId: w.orgId, role: 'coach' });
    const before = await lastAuditId();
    const res = await patch(w.coach.cookie, w.id, { agreements: 'Nieuwe afspraak', staffIds: [colleague.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ agreements: 'Nieuwe afspraak', wentWell: 'Je was elke dag op tijd.' });
    expect(
      res
        .json()
        .staff.map((s: { id: string }) => s.id)
        .sort(),
    ).toEqual([colleague.id, w.coach.user.id].sort());
    const audit = await auditSince(before);
    expect(audit.map((a) => [a.action, a.targetId])).toEqual([['feedback.updated', w.id]]);
    expect(audit[0]?.details).toMatchObject({ fields: ['agreements', 'staffIds'] });
  });

  it('lets the admin change it, not another coach of the dossier nor the supervisor', async () => {
    const w = await recorded();
    const otherCoach = await w.as('coach');
    await addCoach(db, w.participant.id, otherCoach.user.id, w.orgId);
    expect((await patch(otherCoach.cookie, w.id, { toWorkOn: 'x' })).statusCode).toBe(403);
    expect((await patch(w.supervisor.cookie, w.id, { toWorkOn: 'x' })).statusCode).toBe(403);
    expect((await patch((await w.as('coach')).cookie, w.id, { toWorkOn: 'x' })).statusCode).toBe(404);
    expect((await patch((await w.as('manager')).cookie, w.id, { toWorkOn: 'x' })).statusCode).toBe(403);
    const admin = await w.as('admin');
    const res = await patch(admin.cookie, w.id, { toWorkOn: 'Door de beheerder' });
    expect(res.statusCode).toBe(200);
    // The admin fixes data; they did not take part.
    expect(res.json().staff.map((s: { id: string }) => s.id)).toEqual([w.coach.user.id]);
  });

  it('keeps to the same rules: content, date, observations; nothing changes on a refusal', async () => {
    const w = await recorded();
    const cases: [object, Record<string, string>][] = [
      [{ wentWell: null, toWorkOn: '', agreements: ' ' }, { wentWell: 'one_required' }],
      [{ heldOn: '2023-12-01' }, { heldOn: 'before_start' }],
      [{ reviewedObservationIds: [crypto.randomUUID()] }, { reviewedObservationIds: 'not_of_participant' }],
    ];
    for (const [payload, fields] of cases) {
      const res = await patch(w.coach.cookie, w.id, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual(fields);
    }
    const [row] = await conversationsOf(w.participant.id);
    expect(row).toMatchObject({ heldOn: daysAgo(2), wentWell: 'Je was elke dag op tijd.', reviewedObservationIds: [] });
  });

  it('moving the date before a reviewed observation is refused; a deleted observation is dropped quietly', async () => {
    const w = await recorded();
    const { version, competencies } = await buildFramework(db, { organisationId: w.orgId });
    const scores = { [competencies[0]?.id as string]: 2 };
    const made = (observedOn: string) =>
      buildObservation(db, {
        organisationId: w.orgId,
        participantId: w.participant.id,
        versionId: version.id,
        observedOn,
        scores,
      });
    const a = await made(daysAgo(6));
    const b = await made(daysAgo(4));
    expect(
      (await patch(w.coach.cookie, w.id, { reviewedObservationIds: [a.observation.id, b.observation.id] })).statusCode,
    ).toBe(200);
    const moved = await patch(w.coach.cookie, w.id, { heldOn: daysAgo(5) });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields).toEqual({ reviewedObservationIds: 'after_conversation' });
    await db.delete(observations).where(eq(observations.id, b.observation.id));
    const res = await patch(w.coach.cookie, w.id, { heldOn: daysAgo(5) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reviewedObservations.map((o: { id: string }) => o.id)).toEqual([a.observation.id]);
  });

  it('lets only the admin delete it, audited', async () => {
    const w = await recorded();
    const del = (cookie: string) => call(cookie, { method: 'DELETE', url: `/api/v1/feedback/${w.id}` });
    expect((await del(w.coach.cookie)).statusCode).toBe(403);
    expect((await del(w.supervisor.cookie)).statusCode).toBe(403);
    const admin = await w.as('admin');
    const before = await lastAuditId();
    const res = await del(admin.cookie);
    expect(res.statusCode, res.body).toBe(204);
    expect(await conversationsOf(w.participant.id)).toHaveLength(0);
    expect((await auditSince(before)).map((a) => [a.action, a.targetId])).toEqual([['feedback.deleted', w.id]]);
    expect((await del(admin.cookie)).statusCode).toBe(404);
    // Another organisation's admin cannot even find it.
    const w2 = await recorded();
    const foreign = await loggedIn(t.app, db, 'admin');
    expect((await call(foreign.cookie, { method: 'DELETE', url: `/api/v1/feedback/${w2.id}` })).statusCode).toBe(404);
    expect((await patch(foreign.cookie, w2.id, { agreements: 'Gekaapt' })).statusCode).toBe(404);
    expect(await conversationsOf(w2.participant.id)).toHaveLength(1);
  });
});

describe('GET /me/feedback', () => {
  it('gives the participant their next date and their conversations; audited', async () => {
    const participantLogin = await buildUser(db, { role: 'participant' });
    const w = await dossier({ organisationId: participantLogin.organisationId, userId: participantLogin.id });
    await record(w.coach.cookie, w.participant.id, conversation({ heldOn: daysAgo(3) }));
    const cookie = await login(t.app, participantLogin);
    const before = await lastAuditId();
    const res = await call(cookie, { method: 'GET', url: '/api/v1/me/feedback' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ nextDueOn: addDays(daysAgo(3), 28), conversations: [{ heldOn: daysAgo(3) }] });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before), eq(auditLog.action, 'feedback.read')));
    expect(audit.map((a) => a.targetId)).toEqual([w.participant.id]);
  });

  it('names the newest self-assessment: latest date first, then the one stored last; others are no self-assessment', async () => {
    const participantLogin = await buildUser(db, { role: 'participant' });
    const w = await dossier({ organisationId: participantLogin.organisationId, userId: participantLogin.id });
    const cookie = await login(t.app, participantLogin);
    const mine = async () => (await call(cookie, { method: 'GET', url: '/api/v1/me/feedback' })).json();
    expect((await mine()).lastSelfAssessment).toBeNull();

    const { version, competencies } = await buildFramework(db, { organisationId: w.orgId });
    const scores = { [competencies[0]?.id as string]: 3 };
    const base = { organisationId: w.orgId, participantId: w.participant.id, versionId: version.id, scores };
    await buildObservation(db, {
      ...base,
      raterKind: 'self',
      raterUserId: participantLogin.id,
      observedOn: daysAgo(9),
    });
    const first = await buildObservation(db, {
      ...base,
      raterKind: 'self',
      raterUserId: participantLogin.id,
      observedOn: daysAgo(4),
    });
    const second = await buildObservation(db, {
      ...base,
      raterKind: 'self',
      raterUserId: participantLogin.id,
      observedOn: daysAgo(4),
    });
    // A supervisor's score later than both is not the participant's own.
    await buildObservation(db, { ...base, raterKind: 'supervisor', observedOn: daysAgo(1) });
    // Another participant's self-assessment stays out.
    const other = await dossier({ organisationId: w.orgId });
    await buildObservation(db, {
      ...base,
      participantId: other.participant.id,
      raterKind: 'self',
      observedOn: daysAgo(1),
    });

    const body = await mine();
    expect(body.lastSelfAssessment).toEqual({ id: second.observation.id, observedOn: daysAgo(4) });
    expect(first.observation.id).not.toBe(second.observation.id);
  });

  it('answers 404 without a linked dossier and 403 to staff', async () => {
    const lonely = await loggedIn(t.app, db, 'participant');
    expect((await call(lonely.cookie, { method: 'GET', url: '/api/v1/me/feedback' })).statusCode).toBe(404);
    const coach = await loggedIn(t.app, db, 'coach');
    expect((await call(coach.cookie, { method: 'GET', url: '/api/v1/me/feedback' })).statusCode).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents every feedback route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/participants/{id}/feedback',
        '/api/v1/feedback/{id}',
        '/api/v1/feedback/due',
        '/api/v1/me/feedback',
        '/api/v1/feedback-rules',
      ]),
    );
    expect(Object.keys(paths['/api/v1/feedback/{id}'])).toEqual(expect.arrayContaining(['patch', 'delete']));
  });
});
