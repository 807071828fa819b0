import { and, asc, eq, gt, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlanContent, type PlanContentInput, type PlanVersion, planContent } from '#shared/development-plans';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildParticipant, buildUser, login } from '../../../test/support/factories';
import { buildObservation } from '../../../test/support/factories-competencies';
import {
  buildAgreedPlan,
  buildPopWorkplace,
  type PopWorkplace,
  planContentFixture,
} from '../../../test/support/factories-development-plans';
import { buildSkill } from '../../../test/support/factories-iluo';
import type { Db } from '../../db/client';
import { auditLog, developmentPlanActionProgress, developmentPlanVersions } from '../../db/schema';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });
const url = (w: PopWorkplace, rest = '') => `/api/v1/participants/${w.participant.id}/pop${rest}`;
const start = (cookie: string, w: PopWorkplace) => call(cookie, { method: 'POST', url: url(w, '/versions') });
const save = (cookie: string, w: PopWorkplace, number: number, revision: number, content: PlanContentInput) =>
  call(cookie, { method: 'PUT', url: url(w, `/versions/${number}`), payload: { revision, content } });
const agree = (cookie: string, w: PopWorkplace, number: number, revision: number) =>
  call(cookie, { method: 'POST', url: url(w, `/versions/${number}/agree`), payload: { revision } });
const readVersion = (cookie: string, w: PopWorkplace, number: number) =>
  call(cookie, { method: 'GET', url: url(w, `/versions/${number}`) });
const overview = (cookie: string, w: PopWorkplace) => call(cookie, { method: 'GET', url: url(w) });

const versionsOf = (participantId: string) =>
  db
    .select()
    .from(developmentPlanVersions)
    .where(eq(developmentPlanVersions.participantId, participantId))
    .orderBy(asc(developmentPlanVersions.number));

async function lastAuditId() {
  return (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]?.max ?? 0;
}
const auditSince = (id: number) => db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));

/** A plan that names the framework's competencies and the team's skills. */
const contentFor = (w: PopWorkplace, overrides: Partial<PlanContentInput> = {}) =>
  planContentFixture({
    competencies: {
      genericCurrent: ['samenwerken'],
      genericFuture: ['stiptheid'],
      technicalCurrent: [w.skills[0]?.id as string],
      technicalFuture: [w.skills[1]?.id as string],
    },
    ...overrides,
  });

const competencyId = (w: PopWorkplace, key: string) =>
  w.framework.competencies.find((c) => c.key === key)?.id as string;
const score = (w: PopWorkplace, key: string, value: number, observedOn: string) =>
  buildObservation(db, {
    organisationId: w.orgId,
    participantId: w.participant.id,
    versionId: w.framework.version.id,
    raterKind: 'supervisor',
    observedOn,
    scores: { [competencyId(w, key)]: value },
  });

describe('POP versions: draft → agreement → agreed → superseded', () => {
  it('runs the whole life of two versions and keeps the evidence each was agreed on', async () => {
    const w = await buildPopWorkplace(t.app, db);
    await score(w, 'samenwerken', 2, '2025-03-10');
    const before = await lastAuditId();

    const started = await start(w.coach.cookie, w);
    expect(started.statusCode).toBe(201);
    const draft = started.json<PlanVersion>();
    expect(draft).toMatchObject({ number: 1, status: 'draft', revision: 0, agreedAt: null });
    expect(draft.content).toEqual(planContent.parse({}));
    expect(draft.createdBy).toEqual({ id: w.coach.user.id, name: w.coach.user.name });

    const content = contentFor(w);
    const saved = await save(w.self.cookie, w, 1, 0, content);
    expect(saved.statusCode).toBe(200);
    expect(saved.json<PlanVersion>()).toMatchObject({ revision: 1, content, updatedBy: { id: w.self.user.id } });
    // A draft shows live evidence for what it names.
    expect(saved.json<PlanVersion>().evidence.competencies.map((c) => c.key)).toEqual(['samenwerken', 'stiptheid']);

    // The participant confirms; not agreed yet.
    const first = await agree(w.self.cookie, w, 1, 1);
    expect(first.statusCode).toBe(200);
    expect(first.json().current).toBeNull();
    expect(first.json().draft.participantAgreedAt).not.toBeNull();
    expect(first.json().draft.coachAgreedAt).toBeNull();

    // A save after a confirmation clears it: a confirmation holds for one revision.
    const resaved = await save(w.coach.cookie, w, 1, 1, { ...content, support: 'Een vaste werkplek.' });
    expect(resaved.json<PlanVersion>()).toMatchObject({ revision: 2, participantAgreedAt: null });
    expect((await agree(w.self.cookie, w, 1, 2)).statusCode).toBe(200);

    const second = await agree(w.coach.cookie, w, 1, 2);
    expect(second.statusCode).toBe(200);
    const agreedView = second.json();
    expect(agreedView.draft).toBeNull();
    expect(agreedView.current).toMatchObject({ number: 1, status: 'agreed', revision: 2 });
    expect(agreedView.current.coachAgreedBy).toEqual({ id: w.coach.user.id, name: w.coach.user.name });
    expect(agreedView.current.agreedAt).not.toBeNull();
    expect(agreedView.current.evidence.competencies[0]).toMatchObject({
      key: 'samenwerken',
      latest: { supervisor: { score: 2, on: '2025-03-10' } },
    });

    // New scores after the agreement, an action ticked off, then the next version.
    await score(w, 'samenwerken', 4, '2025-06-01');
    const doneKey = content.actions[0]?.key as string;
    await db.insert(developmentPlanActionProgress).values({
      organisationId: w.orgId,
      participantId: w.participant.id,
      actionKey: doneKey,
      status: 'done',
    });
    const next = await start(w.coach.cookie, w);
    expect(next.statusCode).toBe(201);
    const v2 = next.json<PlanVersion>();
    expect(v2.number).toBe(2);
    expect(v2.content.summary).toBe(content.summary);
    expect(v2.content.actions.find((a) => a.key === doneKey)?.status).toBe('done');
    expect(v2.evidence.competencies.find((c) => c.key === 'samenwerken')?.latest.supervisor?.score).toBe(4);

    expect((await agree(w.coach.cookie, w, 2, 0)).statusCode).toBe(200);
    const done = await agree(w.self.cookie, w, 2, 0);
    expect(done.json().current.number).toBe(2);
    expect(done.json().versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [2, 'agreed'],
      [1, 'superseded'],
    ]);

    // The snapshot keeps the old evidence; the new version has the new one.
    const old = (await readVersion(w.supervisor.cookie, w, 1)).json<PlanVersion>();
    expect(old.status).toBe('superseded');
    expect(old.evidence.competencies.find((c) => c.key === 'samenwerken')?.latest.supervisor?.score).toBe(2);
    expect(old.content.actions.find((a) => a.key === doneKey)?.status).toBe('open');
    const now = (await readVersion(w.self.cookie, w, 2)).json<PlanVersion>();
    expect(now.evidence.competencies.find((c) => c.key === 'samenwerken')?.latest.supervisor?.score).toBe(4);
    await score(w, 'samenwerken', 1, '2025-09-01');
    const still = (await readVersion(w.coach.cookie, w, 2)).json<PlanVersion>();
    expect(still.evidence.competencies.find((c) => c.key === 'samenwerken')?.latest.supervisor?.score).toBe(4);

    const actions = (await auditSince(before)).filter((a) => a.targetId === w.participant.id).map((a) => a.action);
    expect(actions).toEqual([
      'pop.draft_started',
      'pop.draft_saved',
      'pop.confirmed',
      'pop.draft_saved',
      'pop.confirmed',
      'pop.agreed',
      'pop.draft_started',
      'pop.confirmed',
      'pop.agreed',
      'pop.version_read',
      'pop.version_read',
      'pop.version_read',
    ]);
    // Field names only, never the participant's words.
    const saves = (await auditSince(before)).filter((a) => a.action === 'pop.draft_saved');
    expect(saves[1]?.details).toEqual({ number: 1, revision: 2, fields: ['support'] });
    expect(JSON.stringify(saves)).not.toContain('vaste werkplek');
  });

  it('refuses a second draft while one is open (409 draft_exists) and discards one (204)', async () => {
    const w = await buildPopWorkplace(t.app, db);
    expect((await start(w.self.cookie, w)).statusCode).toBe(201);
    const again = await start(w.coach.cookie, w);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('draft_exists');
    const gone = await call(w.coach.cookie, { method: 'DELETE', url: url(w, '/versions/1') });
    expect(gone.statusCode).toBe(204);
    expect(await versionsOf(w.participant.id)).toEqual([]);
    expect((await readVersion(w.coach.cookie, w, 1)).statusCode).toBe(404);
    expect((await start(w.coach.cookie, w)).json().number).toBe(1);
  });
});

describe('concurrent editing', () => {
  it('answers a stale save with 409 conflict and the draft as it is now, storing nothing', async () => {
    const w = await buildPopWorkplace(t.app, db);
    await start(w.coach.cookie, w);
    const mine = contentFor(w, { summary: 'Wat de coach schreef.' });
    expect((await save(w.coach.cookie, w, 1, 0, mine)).statusCode).toBe(200);
    const stored = await versionsOf(w.participant.id);

    const stale = await save(w.self.cookie, w, 1, 0, contentFor(w, { summary: 'Wat ik schreef.' }));
    expect(stale.statusCode).toBe(409);
    const body = stale.json();
    expect(body.error).toMatchObject({ code: 'conflict', fields: { revision: 'stale' } });
    expect(body.draft).toMatchObject({ number: 1, revision: 1, content: mine, updatedBy: { id: w.coach.user.id } });
    expect(await versionsOf(w.participant.id)).toEqual(stored);

    // Agreeing an older revision is refused the same way.
    const staleAgree = await agree(w.self.cookie, w, 1, 0);
    expect(staleAgree.statusCode).toBe(409);
    expect(staleAgree.json().draft.revision).toBe(1);
    expect(await versionsOf(w.participant.id)).toEqual(stored);
  });

  it('never loses the last accepted save, whatever stale revisions arrive (property)', async () => {
    const w = await buildPopWorkplace(t.app, db);
    await start(w.coach.cookie, w);
    let stored = 0;
    let last: PlanContent = planContent.parse({});
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ offset: fc.integer({ min: -3, max: 2 }), summary: fc.string({ maxLength: 40 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (steps) => {
          for (const step of steps) {
            // offset 0 or 1 sends the stored revision, 2 one from the future, below 0 a stale one.
            const revision =
              step.offset === 2 ? stored + 1 : step.offset >= 0 ? stored : Math.max(0, stored + step.offset);
            const content = contentFor(w, { summary: step.summary });
            const res = await save(step.offset % 2 ? w.self.cookie : w.coach.cookie, w, 1, revision, content);
            if (revision === stored) {
              expect(res.statusCode).toBe(200);
              stored += 1;
              last = content;
            } else {
              expect(res.statusCode).toBe(409);
              expect(res.json().draft).toMatchObject({ revision: stored, content: last });
            }
          }
          const now = (await readVersion(w.coach.cookie, w, 1)).json<PlanVersion>();
          expect(now.revision).toBe(stored);
          expect(now.content).toEqual(last);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('what a save accepts', () => {
  it('round-trips any valid content (property)', async () => {
    const w = await buildPopWorkplace(t.app, db);
    await start(w.coach.cookie, w);
    let revision = 0;
    const date = fc
      .integer({ min: 0, max: 3000 })
      .map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const words = (max: number) => fc.string({ maxLength: max });
    const goal = fc.record({
      key: fc.uuid(),
      what: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
      evidence: words(80),
      why: words(80),
      dueDate: date,
      competencyKeys: fc.subarray(['samenwerken', 'stiptheid', 'zorgvuldigheid']),
      skillIds: fc.subarray(w.skills.map((s) => s.id)),
    });
    const content = fc
      .record({
        summary: words(200),
        jobTarget: words(60),
        escoOccupation: fc.option(
          fc.record({ uri: fc.constant('http://data.europa.eu/esco/occupation/abc'), label: fc.constant('Tuinier') }),
          { nil: null },
        ),
        dreams: words(100),
        workMode: fc.constantFrom('uitvoerend', 'inzichtelijk', null),
        workModeReason: words(60),
        competencies: fc.record({
          genericCurrent: fc.subarray(['samenwerken', 'stiptheid', 'zorgvuldigheid']),
          genericFuture: fc.subarray(['samenwerken', 'stiptheid', 'zorgvuldigheid']),
          technicalCurrent: fc.subarray(w.skills.map((s) => s.id)),
          technicalFuture: fc.subarray(w.skills.map((s) => s.id)),
        }),
        goals: fc.uniqueArray(goal, { maxLength: 3, selector: (g) => g.key }),
        support: words(100),
        nextReviewDate: fc.option(date, { nil: null }),
      })
      .chain((c) =>
        fc
          .uniqueArray(
            fc.record({
              key: fc.uuid(),
              what: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
              owner: fc.constantFrom('participant', 'coach', 'supervisor', 'other'),
              ownerName: words(20),
              dueDate: date,
              status: fc.constantFrom('open', 'busy', 'done'),
              goalKey: fc.option(fc.constantFrom(...c.goals.map((g) => g.key), null), { nil: null }),
            }),
            { maxLength: 4, selector: (a) => a.key },
          )
          .map((actions) => ({ ...c, actions })),
      );
    await fc.assert(
      fc.asyncProperty(content, async (input) => {
        const res = await save(w.coach.cookie, w, 1, revision, input as PlanContentInput);
        expect(res.statusCode).toBe(200);
        revision += 1;
        const read = (await readVersion(w.self.cookie, w, 1)).json<PlanVersion>();
        expect(read.content).toEqual(planContent.parse(input));
      }),
      { numRuns: 15 },
    );
  });

  it('answers a goal without a date with 400 on content.goals.0.dueDate, storing nothing', async () => {
    const w = await buildPopWorkplace(t.app, db);
    await start(w.coach.cookie, w);
    const content = contentFor(w);
    const { dueDate: _, ...undated } = content.goals[0] as PlanContent['goals'][number];
    const res = await save(w.coach.cookie, w, 1, 0, {
      ...content,
      goals: [undated, ...content.goals.slice(1)],
    } as never);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain('content.goals.0.dueDate');
    expect((await versionsOf(w.participant.id))[0]?.revision).toBe(0);
  });

  it('names unknown competency keys and skills by field', async () => {
    const w = await buildPopWorkplace(t.app, db);
    const archived = await buildSkill(db, { organisationId: w.orgId, teamId: w.team.id, archived: true });
    await start(w.coach.cookie, w);
    const base = contentFor(w);
    const res = await save(w.coach.cookie, w, 1, 0, {
      ...base,
      competencies: {
        genericCurrent: ['samenwerken', 'vliegen'],
        genericFuture: [],
        technicalCurrent: [crypto.randomUUID()],
        technicalFuture: [archived.id],
      },
      goals: [{ ...(base.goals[0] as PlanContent['goals'][number]), competencyKeys: ['zwemmen'] }],
      actions: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      fields: {
        'content.competencies.genericCurrent.1': 'not_in_framework',
        'content.competencies.technicalCurrent.0': 'unknown_skill',
        'content.competencies.technicalFuture.0': 'unknown_skill',
        'content.goals.0.competencyKeys.0': 'not_in_framework',
      },
    });
    expect((await versionsOf(w.participant.id))[0]?.revision).toBe(0);
  });

  it('refuses to change an agreed version: 409 version_agreed, nothing stored', async () => {
    const w = await buildPopWorkplace(t.app, db);
    await buildAgreedPlan(db, { organisationId: w.orgId, participantId: w.participant.id });
    const stored = await versionsOf(w.participant.id);
    for (const res of [
      await save(w.coach.cookie, w, 1, 1, contentFor(w)),
      await agree(w.self.cookie, w, 1, 1),
      await call(w.coach.cookie, { method: 'DELETE', url: url(w, '/versions/1') }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('version_agreed');
    }
    expect(await versionsOf(w.participant.id)).toEqual(stored);
    expect((await save(w.coach.cookie, w, 7, 0, contentFor(w))).statusCode).toBe(404);
  });
});

describe('who may do what', () => {
  it('keeps an archived dossier read-only (409) but readable', async () => {
    const w = await buildPopWorkplace(t.app, db, { archived: true });
    await buildAgreedPlan(db, { organisationId: w.orgId, participantId: w.participant.id });
    const res = await start(w.coach.cookie, w);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect((await overview(w.coach.cookie, w)).json().can.edit).toBe(false);
    expect((await readVersion(w.coach.cookie, w, 1)).statusCode).toBe(200);
    expect(await versionsOf(w.participant.id)).toHaveLength(1);
  });

  it('lets the team supervisor read but not edit or agree (403)', async () => {
    const w = await buildPopWorkplace(t.app, db);
    await start(w.coach.cookie, w);
    expect((await overview(w.supervisor.cookie, w)).statusCode).toBe(200);
    expect((await readVersion(w.supervisor.cookie, w, 1)).statusCode).toBe(200);
    expect((await save(w.supervisor.cookie, w, 1, 0, contentFor(w))).statusCode).toBe(403);
    expect((await agree(w.supervisor.cookie, w, 1, 0)).statusCode).toBe(403);
    expect((await call(w.supervisor.cookie, { method: 'DELETE', url: url(w, '/versions/1') })).statusCode).toBe(403);
  });

  it('answers 404 to a participant or coach of another dossier', async () => {
    const w = await buildPopWorkplace(t.app, db);
    await start(w.coach.cookie, w);
    const other = await buildUser(db, { organisationId: w.orgId, role: 'participant' });
    await buildParticipant(db, { organisationId: w.orgId, userId: other.id });
    const otherCookie = await login(t.app, other);
    const otherCoach = await w.as('coach');
    for (const cookie of [otherCookie, otherCoach.cookie]) {
      expect((await overview(cookie, w)).statusCode).toBe(404);
      expect((await readVersion(cookie, w, 1)).statusCode).toBe(404);
      expect((await save(cookie, w, 1, 0, contentFor(w))).statusCode).toBe(404);
      expect((await agree(cookie, w, 1, 0)).statusCode).toBe(404);
      expect((await start(cookie, w)).statusCode).toBe(404);
    }
    const [row] = await versionsOf(w.participant.id);
    expect(row?.revision).toBe(0);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, other.id), eq(auditLog.targetId, w.participant.id))),
    ).toEqual([]);
  });
});
