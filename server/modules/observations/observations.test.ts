import { and, eq, gt } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  addSupervisor,
  buildParticipant,
  buildTeam,
  buildUser,
  loggedIn,
  login,
} from '../../../test/support/factories';
import { buildFramework, buildFrameworkVersion, buildObservation } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import { auditLog, latestRatings, observations, participants, ratings } from '../../db/schema';
import { call, dayFromToday, lastAuditId, observationBody, type Workplace, workplace } from './test-fixtures';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const post = (cookie: string, payload: object) =>
  call(t, cookie, { method: 'POST', url: '/api/v1/observations', payload });
const observationCount = async (participantId: string) =>
  (await db.select().from(observations).where(eq(observations.participantId, participantId))).length;

describe('POST /observations: who may rate whom', () => {
  it('stores a supervisor’s scores of a participant of their team in the supervisor series', async () => {
    const w = await workplace(t);
    const before = await lastAuditId(db);
    const res = await post(w.supervisor.cookie, observationBody(w));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      participantId: w.participant.id,
      raterKind: 'supervisor',
      rater: { id: w.supervisor.user.id, name: w.supervisor.user.name },
      frameworkVersion: { id: w.version.id, frameworkId: w.framework.framework.id, number: 1 },
      observedOn: '2025-03-10',
      context: 'werkvloer',
      note: 'Werkt rustig door.',
    });
    // In the order of the version's competencies, with key and name.
    expect(body.ratings).toEqual([
      { competencyId: w.c1.id, competencyKey: w.c1.key, competencyName: w.c1.name, score: 3, note: 'Helpt collega’s.' },
      { competencyId: w.c2.id, competencyKey: w.c2.key, competencyName: w.c2.name, score: 2, note: null },
    ]);
    const stored = await db.select().from(ratings).where(eq(ratings.observationId, body.id));
    expect(stored.map((r) => [r.competencyKey, r.raterKind, r.participantId, r.observedOn]).sort()).toEqual(
      [
        [w.c1.key, 'supervisor', w.participant.id, '2025-03-10'],
        [w.c2.key, 'supervisor', w.participant.id, '2025-03-10'],
      ].sort(),
    );
    const audit = await db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'observation.created',
      actorId: w.supervisor.user.id,
      targetType: 'observation',
      targetId: body.id,
      details: { participantId: w.participant.id, raterKind: 'supervisor', context: 'werkvloer', ratingCount: 2 },
    });
    // No note in the audit log.
    expect(JSON.stringify(audit[0])).not.toContain('rustig');
  });

  it('answers exactly what a later read shows, whatever the order of the scores and the notes', async () => {
    const w = await workplace(t);
    const competency = fc.constantFrom(w.c1, w.c2, w.c3);
    const rating = fc.record({
      c: competency,
      score: fc.integer({ min: 1, max: 4 }),
      note: fc.option(fc.constantFrom('Goed.', 'Let op tempo', ''), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(rating, { minLength: 1, maxLength: 3, selector: (r) => r.c.id }),
        fc.option(fc.constantFrom('Werkt rustig door.', ''), { nil: undefined }),
        fc.constantFrom(w.supervisor, w.coach),
        async (scores, note, rater) => {
          const res = await post(
            rater.cookie,
            observationBody(w, {
              note,
              ratings: scores.map((r) => ({ competencyId: r.c.id, score: r.score, note: r.note })),
            }),
          );
          expect(res.statusCode, res.body).toBe(201);
          const list = await call(t, w.coach.cookie, {
            method: 'GET',
            url: `/api/v1/participants/${w.participant.id}/observations?limit=100`,
          });
          const read = list.json().items.find((o: { id: string }) => o.id === res.json().id);
          expect(res.json()).toEqual(read);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('stores a coach’s scores of a participant of their caseload in the coach series', async () => {
    const w = await workplace(t);
    const res = await post(w.coach.cookie, observationBody(w));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ raterKind: 'coach', rater: { id: w.coach.user.id } });
  });

  it('answers 404 to a supervisor of another team and a coach of another caseload, and stores nothing', async () => {
    const w = await workplace(t);
    const otherTeam = await buildTeam(db, { organisationId: w.orgId });
    const otherSupervisor = await loggedIn(t.app, db, 'supervisor', w.orgId);
    await addSupervisor(db, otherTeam.id, otherSupervisor.user.id, w.orgId);
    const otherCoach = await loggedIn(t.app, db, 'coach', w.orgId);
    for (const cookie of [otherSupervisor.cookie, otherCoach.cookie]) {
      const res = await post(cookie, observationBody(w));
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect(await observationCount(w.participant.id)).toBe(0);
  });

  it('answers 403 to the roles that never rate (admin, manager, trainer, participant)', async () => {
    const w = await workplace(t);
    for (const role of ['admin', 'manager', 'trainer', 'participant'] as const) {
      const u = await loggedIn(t.app, db, role, w.orgId);
      const res = await post(u.cookie, observationBody(w));
      expect(res.statusCode, role).toBe(403);
    }
    expect(await observationCount(w.participant.id)).toBe(0);
  });

  it('answers 404 for a participant of another organisation', async () => {
    const w = await workplace(t);
    const other = await workplace(t);
    const res = await post(w.supervisor.cookie, { ...observationBody(other), frameworkVersionId: w.version.id });
    expect(res.statusCode).toBe(404);
    expect(await observationCount(other.participant.id)).toBe(0);
  });
});

describe('POST /observations: a draft sent again (offline retry)', () => {
  it('stores a clientKey once and answers the stored observation with 200 the second time', async () => {
    const w = await workplace(t);
    const clientKey = crypto.randomUUID();
    const first = await post(w.supervisor.cookie, observationBody(w, { clientKey }));
    expect(first.statusCode).toBe(201);
    const before = await lastAuditId(db);
    // Even with a changed body: the draft was stored, the retry changes nothing.
    const again = await post(w.supervisor.cookie, observationBody(w, { clientKey, note: 'Anders' }));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await observationCount(w.participant.id)).toBe(1);
    expect(await lastAuditId(db)).toBe(before);
  });

  it('refuses a key another rater used (409), without revealing their observation', async () => {
    const w = await workplace(t);
    const clientKey = crypto.randomUUID();
    expect((await post(w.supervisor.cookie, observationBody(w, { clientKey }))).statusCode).toBe(201);
    const res = await post(w.coach.cookie, observationBody(w, { clientKey }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields).toEqual({ clientKey: 'already_in_use' });
    expect(res.body).not.toContain('rustig');
    expect(await observationCount(w.participant.id)).toBe(1);
  });
});

describe('POST /observations: bad input is refused with a clear 4xx and nothing is stored', () => {
  let w: Workplace;
  beforeAll(async () => {
    w = await workplace(t);
  });

  async function refused(payload: object, status: number) {
    const before = await lastAuditId(db);
    const res = await post(w.supervisor.cookie, payload);
    expect(res.statusCode, res.body).toBe(status);
    expect(await observationCount(w.participant.id)).toBe(0);
    expect(await db.select().from(latestRatings).where(eq(latestRatings.participantId, w.participant.id))).toEqual([]);
    expect(await lastAuditId(db)).toBe(before);
    return res.json().error;
  }

  it('a score above the version’s scale', async () => {
    const error = await refused(observationBody(w, { ratings: [{ competencyId: w.c1.id, score: 5 }] }), 400);
    expect(error.fields).toEqual({ 'ratings.0.score': 'out_of_scale' });
  });

  it('a score outside the contract (0, 11, 2.5)', async () => {
    for (const score of [0, 11, 2.5]) {
      const error = await refused(observationBody(w, { ratings: [{ competencyId: w.c1.id, score }] }), 400);
      expect(error.code).toBe('validation_failed');
      expect(Object.keys(error.fields)).toEqual(['ratings.0.score']);
    }
  });

  it('a competency of another version of the same framework', async () => {
    const v2 = await buildFrameworkVersion(db, {
      organisationId: w.orgId,
      frameworkId: w.framework.framework.id,
      number: 2,
      keys: ['samenwerken', 'stiptheid'],
    });
    const other = v2.competencies[0]?.id as string;
    const error = await refused(
      observationBody(w, {
        ratings: [
          { competencyId: w.c1.id, score: 2 },
          { competencyId: other, score: 2 },
        ],
      }),
      400,
    );
    expect(error.fields).toEqual({ 'ratings.1.competencyId': 'not_in_version' });
  });

  it('a framework version of another organisation, or none', async () => {
    const foreign = await buildFramework(db);
    for (const frameworkVersionId of [foreign.version.id, crypto.randomUUID()]) {
      const error = await refused(observationBody(w, { frameworkVersionId }), 400);
      expect(error.fields).toEqual({ frameworkVersionId: 'unknown_reference' });
    }
  });

  it('the same competency twice, no ratings, unknown fields', async () => {
    const twice = await refused(
      observationBody(w, {
        ratings: [
          { competencyId: w.c1.id, score: 2 },
          { competencyId: w.c1.id, score: 3 },
        ],
      }),
      400,
    );
    expect(twice.fields).toHaveProperty('ratings.1.competencyId');
    expect((await refused(observationBody(w, { ratings: [] }), 400)).fields).toHaveProperty('ratings');
    expect((await refused(observationBody(w, { raterKind: 'coach' }), 400)).fields).toHaveProperty('raterKind');
  });

  it('a date in the future, before the first start, or not a date', async () => {
    const future = await refused(observationBody(w, { observedOn: '2999-01-01' }), 400);
    expect(future.fields).toHaveProperty('observedOn');
    // The participant started on 2024-01-15.
    const early = await refused(observationBody(w, { observedOn: '2024-01-14' }), 400);
    expect(early.fields).toEqual({ observedOn: 'before_start' });
    expect((await refused(observationBody(w, { observedOn: '2025-02-30' }), 400)).fields).toHaveProperty('observedOn');
  });

  it('reports every field problem at once', async () => {
    const error = await refused(
      observationBody(w, {
        observedOn: '2023-12-01',
        ratings: [
          { competencyId: crypto.randomUUID(), score: 2 },
          { competencyId: w.c2.id, score: 9 },
        ],
      }),
      400,
    );
    expect(error.fields).toEqual({
      observedOn: 'before_start',
      'ratings.0.competencyId': 'not_in_version',
      'ratings.1.score': 'out_of_scale',
    });
  });

  it('a participant who never started: 409 not_started', async () => {
    const registered = await buildParticipant(db, {
      organisationId: w.orgId,
      teamId: w.team.id,
      status: 'registered',
    });
    const res = await post(w.supervisor.cookie, observationBody(w, { participantId: registered.id }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('not_started');
    expect(await observationCount(registered.id)).toBe(0);
  });

  it('an archived dossier: 409', async () => {
    const archived = await buildParticipant(db, {
      organisationId: w.orgId,
      teamId: w.team.id,
      status: 'exited',
      archived: true,
    });
    const res = await post(w.supervisor.cookie, observationBody(w, { participantId: archived.id }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(await observationCount(archived.id)).toBe(0);
  });

  it('a NUL character in a note (valid JSON, but no PostgreSQL text)', async () => {
    const error = await refused(observationBody(w, { note: 'nul\u0000teken' }), 400);
    expect(error.code).toBe('validation_failed');
  });

  it('malformed JSON and a body that is not an object', async () => {
    const res = await call(t, w.supervisor.cookie, {
      method: 'POST',
      url: '/api/v1/observations',
      headers: { 'content-type': 'application/json' },
      payload: '{"participantId":',
    });
    expect(res.statusCode).toBe(400);
    expect((await post(w.supervisor.cookie, [1, 2])).statusCode).toBe(400);
  });
});

describe('POST /me/self-assessments', () => {
  it('stores the participant’s own scores in the self series', async () => {
    const w = await workplace(t);
    const own = await buildUser(db, { organisationId: w.orgId, role: 'participant' });
    await db.update(participants).set({ userId: own.id }).where(eq(participants.id, w.participant.id));
    const cookie = await login(t.app, own);
    const { participantId: _ignored, context: _c, ...body } = observationBody(w);
    const res = await call(t, cookie, { method: 'POST', url: '/api/v1/me/self-assessments', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      participantId: w.participant.id,
      raterKind: 'self',
      rater: { id: own.id },
      context: 'werkvloer',
    });
    // A participant cannot name another participant: the field does not exist.
    const other = await buildParticipant(db, { organisationId: w.orgId });
    const named = await call(t, cookie, {
      method: 'POST',
      url: '/api/v1/me/self-assessments',
      payload: { ...body, participantId: other.id },
    });
    expect(named.statusCode).toBe(400);
    expect(named.json().error.fields).toHaveProperty('participantId');
    // Nor use the staff route.
    expect((await post(cookie, observationBody(w))).statusCode).toBe(403);
    expect(await observationCount(other.id)).toBe(0);
  });

  it('is idempotent per clientKey, refuses bad input, and answers 404 to a login without a dossier', async () => {
    const w = await workplace(t);
    const own = await buildUser(db, { organisationId: w.orgId, role: 'participant' });
    await db.update(participants).set({ userId: own.id }).where(eq(participants.id, w.participant.id));
    const cookie = await login(t.app, own);
    const { participantId: _p, ...body } = observationBody(w, { clientKey: crypto.randomUUID() });
    const send = (payload: object) => call(t, cookie, { method: 'POST', url: '/api/v1/me/self-assessments', payload });
    expect((await send(body)).statusCode).toBe(201);
    expect((await send(body)).statusCode).toBe(200);
    const bad = await send({ ...body, clientKey: undefined, ratings: [{ competencyId: w.c1.id, score: 7 }] });
    expect(bad.statusCode).toBe(400);
    expect(await observationCount(w.participant.id)).toBe(1);

    const loose = await loggedIn(t.app, db, 'participant', w.orgId);
    const res = await call(t, loose.cookie, { method: 'POST', url: '/api/v1/me/self-assessments', payload: body });
    expect(res.statusCode).toBe(404);
    for (const role of ['coach', 'supervisor', 'admin'] as const) {
      const staff = await loggedIn(t.app, db, role, w.orgId);
      const refused = await call(t, staff.cookie, {
        method: 'POST',
        url: '/api/v1/me/self-assessments',
        payload: body,
      });
      expect(refused.statusCode, role).toBe(403);
    }
  });
});

describe('GET /participants/:id/observations', () => {
  it('pages newest first, filters one rater series, and records the read', async () => {
    const w = await workplace(t);
    const dates = ['2025-01-10', '2025-03-10', '2025-02-10'];
    for (const observedOn of dates) {
      expect((await post(w.supervisor.cookie, observationBody(w, { observedOn }))).statusCode).toBe(201);
    }
    expect((await post(w.coach.cookie, observationBody(w, { observedOn: '2025-02-20' }))).statusCode).toBe(201);
    const url = `/api/v1/participants/${w.participant.id}/observations`;
    const before = await lastAuditId(db);
    const page = await call(t, w.coach.cookie, { method: 'GET', url: `${url}?limit=3` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().total).toBe(4);
    expect(page.json().items.map((o: { observedOn: string }) => o.observedOn)).toEqual([
      '2025-03-10',
      '2025-02-20',
      '2025-02-10',
    ]);
    const rest = await call(t, w.coach.cookie, { method: 'GET', url: `${url}?limit=3&offset=3` });
    expect(rest.json().items.map((o: { observedOn: string }) => o.observedOn)).toEqual(['2025-01-10']);
    const coachOnly = await call(t, w.coach.cookie, { method: 'GET', url: `${url}?raterKind=coach` });
    expect(coachOnly.json()).toMatchObject({ total: 1, items: [{ raterKind: 'coach', observedOn: '2025-02-20' }] });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before), eq(auditLog.targetId, w.participant.id)));
    expect(audit.map((a) => a.action)).toEqual([
      'observation.list_read',
      'observation.list_read',
      'observation.list_read',
    ]);
    expect((await call(t, w.coach.cookie, { method: 'GET', url: `${url}?raterKind=boss` })).statusCode).toBe(400);
  });

  it('shows notes to staff and hides every note from the participant themselves', async () => {
    const w = await workplace(t);
    expect((await post(w.supervisor.cookie, observationBody(w))).statusCode).toBe(201);
    const own = await buildUser(db, { organisationId: w.orgId, role: 'participant' });
    await db.update(participants).set({ userId: own.id }).where(eq(participants.id, w.participant.id));
    const url = `/api/v1/participants/${w.participant.id}/observations`;
    const staff = await call(t, w.supervisor.cookie, { method: 'GET', url });
    expect(staff.json().items[0].note).toBe('Werkt rustig door.');
    expect(staff.json().items[0].ratings[0].note).toBe('Helpt collega’s.');
    const mine = await call(t, await login(t.app, own), { method: 'GET', url });
    expect(mine.statusCode).toBe(200);
    const item = mine.json().items[0];
    expect(item.note).toBeNull();
    expect(item.ratings.every((r: { note: string | null }) => r.note === null)).toBe(true);
    expect(mine.body).not.toContain('rustig');
    expect(mine.body).not.toContain('collega');
  });

  it('answers 404 to whoever does not reach the dossier, and lets admin and manager read', async () => {
    const w = await workplace(t);
    const url = `/api/v1/participants/${w.participant.id}/observations`;
    const otherCoach = await loggedIn(t.app, db, 'coach', w.orgId);
    const otherSupervisor = await loggedIn(t.app, db, 'supervisor', w.orgId);
    const otherParticipant = await loggedIn(t.app, db, 'participant', w.orgId);
    for (const u of [otherCoach, otherSupervisor, otherParticipant]) {
      expect((await call(t, u.cookie, { method: 'GET', url })).statusCode).toBe(404);
    }
    for (const role of ['admin', 'manager'] as const) {
      const u = await loggedIn(t.app, db, role, w.orgId);
      expect((await call(t, u.cookie, { method: 'GET', url })).statusCode).toBe(200);
    }
    const trainer = await loggedIn(t.app, db, 'trainer', w.orgId);
    expect((await call(t, trainer.cookie, { method: 'GET', url })).statusCode).toBe(403);
  });

  it('names the mentor of a mentor observation by the invitation', async () => {
    const w = await workplace(t);
    const res = await call(t, w.coach.cookie, {
      method: 'POST',
      url: `/api/v1/participants/${w.participant.id}/mentor-invitations`,
      payload: {
        mentorName: 'Marc Mentor',
        mentorEmail: 'marc@stage.example.org',
        validFrom: dayFromToday(-30),
        validUntil: dayFromToday(30),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    await buildObservation(db, {
      organisationId: w.orgId,
      participantId: w.participant.id,
      versionId: w.version.id,
      raterKind: 'mentor',
      mentorInvitationId: res.json().id,
      scores: { [w.c1.id]: 4 },
    });
    const list = await call(t, w.coach.cookie, {
      method: 'GET',
      url: `/api/v1/participants/${w.participant.id}/observations`,
    });
    expect(list.json().items[0]).toMatchObject({ raterKind: 'mentor', rater: { id: null, name: 'Marc Mentor' } });
  });
});

describe('DELETE /observations/:id', () => {
  const del = (cookie: string, id: string) => call(t, cookie, { method: 'DELETE', url: `/api/v1/observations/${id}` });

  it('lets the rater take back their own observation; the cache falls back to the older rating', async () => {
    const w = await workplace(t);
    const older = await post(w.supervisor.cookie, observationBody(w, { observedOn: '2025-01-10' }));
    const newer = await post(
      w.supervisor.cookie,
      observationBody(w, { observedOn: '2025-02-10', ratings: [{ competencyId: w.c1.id, score: 1 }] }),
    );
    const cached = async () =>
      Object.fromEntries(
        (await db.select().from(latestRatings).where(eq(latestRatings.participantId, w.participant.id))).map((r) => [
          r.competencyKey,
          [r.score, r.observedOn],
        ]),
      );
    expect(await cached()).toEqual({ [w.c1.key]: [1, '2025-02-10'], [w.c2.key]: [2, '2025-01-10'] });
    const before = await lastAuditId(db);
    const res = await del(w.supervisor.cookie, newer.json().id);
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    expect(await cached()).toEqual({ [w.c1.key]: [3, '2025-01-10'], [w.c2.key]: [2, '2025-01-10'] });
    const [audit] = await db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(audit).toMatchObject({
      action: 'observation.deleted',
      targetId: newer.json().id,
      details: { participantId: w.participant.id, raterKind: 'supervisor', ratingCount: 1 },
    });
    expect((await del(w.supervisor.cookie, older.json().id)).statusCode).toBe(204);
    expect(await cached()).toEqual({});
    expect(await db.select().from(ratings).where(eq(ratings.participantId, w.participant.id))).toEqual([]);
  });

  it('refuses a colleague who reaches the dossier (403), hides it from one who does not (404), lets the admin', async () => {
    const w = await workplace(t);
    const made = await post(w.supervisor.cookie, observationBody(w));
    const id = made.json().id;
    expect((await del(w.coach.cookie, id)).statusCode).toBe(403);
    const stranger = await loggedIn(t.app, db, 'coach', w.orgId);
    expect((await del(stranger.cookie, id)).statusCode).toBe(404);
    const foreignAdmin = await loggedIn(t.app, db, 'admin');
    expect((await del(foreignAdmin.cookie, id)).statusCode).toBe(404);
    for (const role of ['manager', 'trainer', 'participant'] as const) {
      const u = await loggedIn(t.app, db, role, w.orgId);
      expect((await del(u.cookie, id)).statusCode, role).toBe(403);
    }
    expect(await observationCount(w.participant.id)).toBe(1);
    const admin = await loggedIn(t.app, db, 'admin', w.orgId);
    expect((await del(admin.cookie, id)).statusCode).toBe(204);
    expect(await observationCount(w.participant.id)).toBe(0);
    expect((await del(admin.cookie, id)).statusCode).toBe(404);
  });

  it('refuses to change an archived dossier (409)', async () => {
    const w = await workplace(t);
    const made = await post(w.supervisor.cookie, observationBody(w));
    await db.update(participants).set({ archivedAt: new Date() }).where(eq(participants.id, w.participant.id));
    const admin = await loggedIn(t.app, db, 'admin', w.orgId);
    expect((await del(admin.cookie, made.json().id)).statusCode).toBe(409);
    expect(await observationCount(w.participant.id)).toBe(1);
  });
});

describe('GET /observations/participants', () => {
  it('lists the active dossiers the actor may rate, the ones they observed most recently first, then by name', async () => {
    const w = await workplace(t);
    const other = (firstName: string, lastName: string, extra: Parameters<typeof buildParticipant>[1] = {}) =>
      buildParticipant(db, { organisationId: w.orgId, teamId: w.team.id, firstName, lastName, ...extra });
    const anna = await other('Anna', 'Zeebroek');
    const bert = await other('Bert', 'Aerts');
    await other('Cor', 'Registered', { status: 'registered' });
    await other('Dirk', 'Exited', { status: 'exited' });
    await other('Els', 'Archived', { archived: true });
    const elsewhere = await buildParticipant(db, { organisationId: w.orgId });
    // The supervisor observed Anna last week and Sofie (w.participant) long ago; someone else observed Bert.
    await post(w.supervisor.cookie, observationBody(w, { participantId: anna.id, observedOn: '2025-05-01' }));
    await post(w.supervisor.cookie, observationBody(w, { observedOn: '2025-01-01' }));
    await buildObservation(db, {
      organisationId: w.orgId,
      participantId: bert.id,
      versionId: w.version.id,
      observedOn: '2025-06-01',
      scores: { [w.c1.id]: 2 },
    });

    const res = await call(t, w.supervisor.cookie, { method: 'GET', url: '/api/v1/observations/participants' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      {
        id: anna.id,
        firstName: 'Anna',
        lastName: 'Zeebroek',
        team: { id: w.team.id, name: w.team.name },
        lastObservedByMeOn: '2025-05-01',
      },
      {
        id: w.participant.id,
        firstName: 'Sofie',
        lastName: 'Claes',
        team: { id: w.team.id, name: w.team.name },
        lastObservedByMeOn: '2025-01-01',
      },
      {
        id: bert.id,
        firstName: 'Bert',
        lastName: 'Aerts',
        team: { id: w.team.id, name: w.team.name },
        lastObservedByMeOn: null,
      },
    ]);
    expect(res.body).not.toContain(elsewhere.id);

    // The coach's caseload is Sofie only.
    const coach = await call(t, w.coach.cookie, { method: 'GET', url: '/api/v1/observations/participants' });
    expect(coach.json().items.map((p: { id: string }) => p.id)).toEqual([w.participant.id]);
    for (const role of ['admin', 'manager', 'trainer', 'participant'] as const) {
      const u = await loggedIn(t.app, db, role, w.orgId);
      const refused = await call(t, u.cookie, { method: 'GET', url: '/api/v1/observations/participants' });
      expect(refused.statusCode, role).toBe(403);
    }
  });
});

describe('arbitrary input', () => {
  it('never produces a 500 on POST /observations, and stores nothing unless it answers 201', async () => {
    const w = await workplace(t);
    const valid = observationBody(w);
    const field = fc.constantFrom(...Object.keys(valid), 'raterKind', 'extra');
    const value = fc.oneof(
      fc.anything(),
      fc.constantFrom(w.version.id, w.c1.id, w.participant.id, '2025-03-10', '2024-01-14', 'werkvloer'),
      fc.array(
        fc.record({
          competencyId: fc.oneof(fc.constantFrom(w.c1.id, w.c2.id, w.c3.id), fc.uuid(), fc.anything()),
          score: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.anything()),
          note: fc.oneof(fc.string(), fc.constant(null)),
        }),
        { maxLength: 4 },
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(field, value, { maxKeys: 3 }), async (changes) => {
        const before = await observationCount(w.participant.id);
        const res = await post(w.supervisor.cookie, { ...valid, ...changes });
        expect(res.statusCode, res.body).toBeLessThan(500);
        expect(await observationCount(w.participant.id)).toBe(before + (res.statusCode === 201 ? 1 : 0));
      }),
      { numRuns: 60 },
    );
    // Sixty requests: a budget of its own on a busy machine (nothing here is timed).
  }, 180_000);

  it('documents every route of this module in the OpenAPI description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const path of [
      '/api/v1/observations',
      '/api/v1/observations/participants',
      '/api/v1/participants/{id}/observations',
      '/api/v1/observations/{id}',
      '/api/v1/me/self-assessments',
      '/api/v1/participants/{id}/mentor-invitations',
      '/api/v1/mentor-invitations/{id}/revoke',
      '/api/v1/mentor-links/{token}',
      '/api/v1/mentor-links/{token}/observations',
    ]) {
      expect(paths).toContain(path);
    }
  });
});
