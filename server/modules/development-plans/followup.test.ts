import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/common';
import { type PlanContent, type PlanOverview, planContent } from '#shared/development-plans';
import { todayIso } from '#shared/participants';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildTeam,
  buildUser,
  loggedIn,
  login,
} from '../../../test/support/factories';
import type { Db } from '../../db/client';
import {
  auditLog,
  developmentPlanActionProgress,
  developmentPlanGoalNotes,
  developmentPlanPresentations,
  developmentPlanProposals,
  developmentPlanVersions,
} from '../../db/schema';
import { addDays } from '../feedback/cadence';

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
const GOAL = '11111111-1111-4111-8111-111111111111';
const OWN_ACTION = '22222222-2222-4222-8222-222222222222';
const COACH_ACTION = '33333333-3333-4333-8333-333333333333';

const plan = (): PlanContent =>
  planContent.parse({
    summary: 'Ik werk graag buiten.',
    goals: [{ key: GOAL, what: 'Alleen een maaier bedienen', dueDate: addDays(today, 60) }],
    actions: [
      { key: OWN_ACTION, what: 'Elke dag de checklist invullen', owner: 'participant', dueDate: addDays(today, 30) },
      { key: COACH_ACTION, what: 'Opleiding regelen', owner: 'coach', dueDate: addDays(today, 30), goalKey: GOAL },
    ],
    nextReviewDate: addDays(today, 120),
  });

/** An agreed version straight in the database (the agreement itself is tested with the versions). */
async function agreedVersion(orgId: string, participantId: string, number = 1, content = plan()) {
  const agreedAt = new Date(`${addDays(today, -10)}T10:00:00Z`);
  await db.insert(developmentPlanVersions).values({
    organisationId: orgId,
    participantId,
    number,
    status: 'agreed',
    revision: 3,
    content,
    evidence: { competencies: [], skills: [], asOf: agreedAt.toISOString() },
    participantAgreedAt: agreedAt,
    coachAgreedAt: agreedAt,
    agreedAt,
  });
}

/**
 * An organisation with a team, an active participant with their own login, their coach and the team's supervisor,
 * all logged in; with an agreed POP unless told otherwise.
 */
async function dossier(options: { agreed?: boolean; archived?: boolean } = {}) {
  const org = await buildOrganisation(db);
  const team = await buildTeam(db, { organisationId: org.id });
  const coach = await loggedIn(t.app, db, 'coach', org.id);
  const supervisor = await loggedIn(t.app, db, 'supervisor', org.id);
  await addSupervisor(db, team.id, supervisor.user.id, org.id);
  const own = await buildUser(db, { organisationId: org.id, role: 'participant', name: 'Yusuf Demir' });
  const participant = await buildParticipant(db, {
    organisationId: org.id,
    teamId: team.id,
    coachId: coach.user.id,
    userId: own.id,
    archived: options.archived,
  });
  if (options.agreed !== false) await agreedVersion(org.id, participant.id);
  const self = { user: own, cookie: await login(t.app, own) };
  const as = (role: Role) => loggedIn(t.app, db, role, org.id);
  const url = (path: string) => `/api/v1/participants/${participant.id}/pop${path}`;
  return { orgId: org.id, team, coach, supervisor, participant, self, as, url };
}

async function lastAuditId() {
  return (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]?.max ?? 0;
}
const auditSince = (id: number) => db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));
const overview = (res: { json(): unknown }) => res.json() as PlanOverview;

describe('PUT /participants/:id/pop/actions/:key', () => {
  it('lets the participant tick off their own action; stored beside the agreed version, audited', async () => {
    const w = await dossier();
    const before = await lastAuditId();
    const res = await call(w.self.cookie, {
      method: 'PUT',
      url: w.url(`/actions/${OWN_ACTION}`),
      payload: { status: 'done' },
    });
    expect(res.statusCode).toBe(200);
    const body = overview(res);
    expect(body.actionProgress).toEqual([
      {
        key: OWN_ACTION,
        status: 'done',
        updatedAt: expect.any(String),
        updatedBy: { id: w.self.user.id, name: 'Yusuf Demir' },
      },
    ]);
    // The agreed version itself never changes.
    expect(body.current?.content.actions.find((a) => a.key === OWN_ACTION)?.status).toBe('open');
    const audit = await auditSince(before);
    expect(audit.map((a) => a.action)).toEqual(['pop.action_status']);
    expect(audit[0]).toMatchObject({
      targetId: w.participant.id,
      details: { key: OWN_ACTION, from: 'open', to: 'done' },
    });

    // Again: the one row is updated.
    const again = await call(w.self.cookie, {
      method: 'PUT',
      url: w.url(`/actions/${OWN_ACTION}`),
      payload: { status: 'busy' },
    });
    expect(overview(again).actionProgress.map((p) => p.status)).toEqual(['busy']);
    const rows = await db
      .select()
      .from(developmentPlanActionProgress)
      .where(eq(developmentPlanActionProgress.participantId, w.participant.id));
    expect(rows).toHaveLength(1);
  });

  it('refuses a participant an action that is not theirs (403 not_own_action); coach and supervisor may', async () => {
    const w = await dossier();
    const mine = await call(w.self.cookie, {
      method: 'PUT',
      url: w.url(`/actions/${COACH_ACTION}`),
      payload: { status: 'done' },
    });
    expect(mine.statusCode).toBe(403);
    expect(mine.json().error.fields).toEqual({ key: 'not_own_action' });
    for (const who of [w.coach, w.supervisor]) {
      const res = await call(who.cookie, {
        method: 'PUT',
        url: w.url(`/actions/${COACH_ACTION}`),
        payload: { status: 'busy' },
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('answers 404 for an unknown key or without an agreed version, 400 for a bad status; nothing stored', async () => {
    const w = await dossier();
    const unknown = await call(w.coach.cookie, {
      method: 'PUT',
      url: w.url(`/actions/${crypto.randomUUID()}`),
      payload: { status: 'done' },
    });
    expect(unknown.statusCode).toBe(404);
    // A goal key is not an action key.
    const goal = await call(w.coach.cookie, {
      method: 'PUT',
      url: w.url(`/actions/${GOAL}`),
      payload: { status: 'done' },
    });
    expect(goal.statusCode).toBe(404);
    const bad = await call(w.coach.cookie, {
      method: 'PUT',
      url: w.url(`/actions/${OWN_ACTION}`),
      payload: { status: 'finished' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('status');

    const none = await dossier({ agreed: false });
    const noPlan = await call(none.coach.cookie, {
      method: 'PUT',
      url: none.url(`/actions/${OWN_ACTION}`),
      payload: { status: 'done' },
    });
    expect(noPlan.statusCode).toBe(404);
    const rows = await db
      .select()
      .from(developmentPlanActionProgress)
      .where(eq(developmentPlanActionProgress.participantId, w.participant.id));
    expect(rows).toEqual([]);
  });

  it('out of reach is 404, a role that never follows up is 403, an archived dossier 409', async () => {
    const w = await dossier();
    const other = await dossier();
    const put = (cookie: string, url: string) =>
      call(cookie, { method: 'PUT', url: `${url}/actions/${OWN_ACTION}`, payload: { status: 'done' } });
    // Another participant, a coach of another caseload, a supervisor of another team.
    expect((await put(other.self.cookie, w.url(''))).statusCode).toBe(404);
    expect((await put(other.coach.cookie, w.url(''))).statusCode).toBe(404);
    expect((await put(other.supervisor.cookie, w.url(''))).statusCode).toBe(404);
    const otherCoachSameOrg = await w.as('coach');
    expect((await put(otherCoachSameOrg.cookie, w.url(''))).statusCode).toBe(404);
    for (const role of ['manager', 'admin', 'trainer'] as const) {
      expect((await put((await w.as(role)).cookie, w.url(''))).statusCode).toBe(403);
    }
    const archived = await dossier({ archived: true });
    expect((await put(archived.coach.cookie, archived.url(''))).statusCode).toBe(409);
  });
});

describe('POST /participants/:id/pop/goals/:key/notes', () => {
  it('adds a note to a goal of the agreed plan, with its author; the words stay out of the audit log', async () => {
    const w = await dossier();
    const before = await lastAuditId();
    const res = await call(w.self.cookie, {
      method: 'POST',
      url: w.url(`/goals/${GOAL}/notes`),
      payload: { text: 'Vandaag lukte het bijna alleen.' },
    });
    expect(res.statusCode).toBe(201);
    expect(overview(res).goalNotes).toEqual([
      {
        id: expect.any(String),
        goalKey: GOAL,
        text: 'Vandaag lukte het bijna alleen.',
        createdAt: expect.any(String),
        author: { id: w.self.user.id, name: 'Yusuf Demir' },
      },
    ]);
    const audit = await auditSince(before);
    expect(audit.map((a) => a.action)).toEqual(['pop.goal_note']);
    expect(JSON.stringify(audit[0]?.details)).not.toContain('lukte');
  });

  it('refuses an unknown goal (404), an empty note (400); nothing stored', async () => {
    const w = await dossier();
    const unknown = await call(w.coach.cookie, {
      method: 'POST',
      url: w.url(`/goals/${OWN_ACTION}/notes`),
      payload: { text: 'Goed bezig' },
    });
    expect(unknown.statusCode).toBe(404);
    const empty = await call(w.coach.cookie, {
      method: 'POST',
      url: w.url(`/goals/${GOAL}/notes`),
      payload: { text: ' ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toHaveProperty('text');
    const notes = await db
      .select()
      .from(developmentPlanGoalNotes)
      .where(eq(developmentPlanGoalNotes.participantId, w.participant.id));
    expect(notes).toEqual([]);
  });
});

describe('proposals', () => {
  const propose = (cookie: string, url: string, payload: object) => call(cookie, { method: 'POST', url, payload });

  it('the participant proposes; only for their own POP; a goal key must be in the plan', async () => {
    const w = await dossier();
    const res = await propose(w.self.cookie, w.url('/proposals'), {
      kind: 'goal',
      what: 'Mijn rijbewijs halen',
      why: 'Dan kan ik zelf naar de werf.',
      dueDate: addDays(today, 200),
      message: 'Kunnen we dit toevoegen?',
    });
    expect(res.statusCode).toBe(201);
    expect(overview(res).proposals).toEqual([
      {
        id: expect.any(String),
        kind: 'goal',
        what: 'Mijn rijbewijs halen',
        why: 'Dan kan ik zelf naar de werf.',
        dueDate: addDays(today, 200),
        goalKey: null,
        section: null,
        text: null,
        message: 'Kunnen we dit toevoegen?',
        status: 'open',
        reply: null,
        createdAt: expect.any(String),
        createdBy: { id: w.self.user.id, name: 'Yusuf Demir' },
        resolvedAt: null,
        resolvedBy: null,
      },
    ]);

    const unknownGoal = await propose(w.self.cookie, w.url('/proposals'), {
      kind: 'action',
      what: 'Oefenen',
      dueDate: addDays(today, 10),
      goalKey: crypto.randomUUID(),
    });
    expect(unknownGoal.statusCode).toBe(400);
    expect(unknownGoal.json().error.fields).toEqual({ goalKey: 'unknown_goal' });
    const badKind = await propose(w.self.cookie, w.url('/proposals'), { kind: 'wish', what: 'x' });
    expect(badKind.statusCode).toBe(400);
    const badSection = await propose(w.self.cookie, w.url('/proposals'), { kind: 'text', section: 'goals', text: 'x' });
    expect(badSection.statusCode).toBe(400);

    // Staff do not propose; another participant does not reach this dossier.
    const other = await dossier();
    expect(
      (await propose(w.coach.cookie, w.url('/proposals'), { kind: 'text', section: 'dreams', text: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await propose(other.self.cookie, w.url('/proposals'), { kind: 'text', section: 'dreams', text: 'x' }))
        .statusCode,
    ).toBe(404);
    const stored = await db
      .select()
      .from(developmentPlanProposals)
      .where(eq(developmentPlanProposals.participantId, w.participant.id));
    expect(stored).toHaveLength(1);
  });

  it('accepting puts each kind into a new draft (revision +1, confirmations cleared); a second answer is 409', async () => {
    const w = await dossier();
    const make = async (payload: object) => {
      const res = await propose(w.self.cookie, w.url('/proposals'), payload);
      expect(res.statusCode).toBe(201);
      return overview(res).proposals[0]?.id as string;
    };
    const goalId = await make({
      kind: 'goal',
      what: 'Mijn rijbewijs halen',
      why: 'Zelf rijden',
      dueDate: '2027-06-30',
    });
    const actionId = await make({ kind: 'action', what: 'Theorie leren', dueDate: '2027-01-31', goalKey: GOAL });
    const textId = await make({ kind: 'text', section: 'dreams', text: 'Later wil ik hovenier worden.' });
    const resolve = (id: string, payload: object, cookie = w.coach.cookie) =>
      call(cookie, { method: 'POST', url: w.url(`/proposals/${id}/resolve`), payload });

    const before = await lastAuditId();
    const first = await resolve(goalId, { decision: 'accept', reply: 'Goed idee!' });
    expect(first.statusCode).toBe(200);
    let body = overview(first);
    expect(body.draft?.number).toBe(2);
    expect(body.draft?.content.goals.map((g) => g.what)).toEqual([
      'Alleen een maaier bedienen',
      'Mijn rijbewijs halen',
    ]);
    const newGoal = body.draft?.content.goals[1];
    expect(newGoal).toMatchObject({ why: 'Zelf rijden', dueDate: '2027-06-30', evidence: '' });
    expect(newGoal?.key).not.toBe(GOAL);
    expect(body.proposals.find((p) => p.id === goalId)).toMatchObject({
      status: 'accepted',
      reply: 'Goed idee!',
      resolvedBy: { id: w.coach.user.id },
    });
    expect((await auditSince(before)).map((a) => a.action)).toEqual([
      'pop.draft_started',
      'pop.draft_saved',
      'pop.proposal_resolved',
    ]);
    const revision = body.draft?.revision as number;

    // The participant confirms the draft; accepting the next proposal clears that confirmation.
    await db
      .update(developmentPlanVersions)
      .set({ participantAgreedAt: new Date() })
      .where(and(eq(developmentPlanVersions.participantId, w.participant.id), eq(developmentPlanVersions.number, 2)));
    body = overview(await resolve(actionId, { decision: 'accept', reply: '' }));
    expect(body.draft?.revision).toBe(revision + 1);
    expect(body.draft?.participantAgreedAt).toBeNull();
    expect(body.draft?.content.actions.at(-1)).toMatchObject({
      what: 'Theorie leren',
      owner: 'participant',
      status: 'open',
      goalKey: GOAL,
      dueDate: '2027-01-31',
    });
    expect(body.proposals.find((p) => p.id === actionId)?.reply).toBeNull();

    body = overview(await resolve(textId, { decision: 'accept' }));
    expect(body.draft?.content.dreams).toBe('Later wil ik hovenier worden.');
    expect(body.draft?.revision).toBe(revision + 2);
    // The agreed version is untouched.
    expect(body.current?.content.goals).toHaveLength(1);
    expect(body.current?.content.dreams).toBe('');

    const again = await resolve(textId, { decision: 'discuss', reply: 'Toch even praten' });
    expect(again.statusCode).toBe(409);
  });

  it('discussing needs a reply; only a coach of the caseload answers; another dossier’s proposal is 404', async () => {
    const w = await dossier();
    const made = await propose(w.self.cookie, w.url('/proposals'), {
      kind: 'text',
      section: 'support',
      text: 'Ik wil meer uitleg.',
    });
    const id = overview(made).proposals[0]?.id as string;
    const resolve = (cookie: string, payload: object, url = w.url(`/proposals/${id}/resolve`)) =>
      call(cookie, { method: 'POST', url, payload });

    expect((await resolve(w.coach.cookie, { decision: 'discuss' })).statusCode).toBe(400);
    expect((await resolve(w.coach.cookie, { decision: 'discuss', reply: '' })).statusCode).toBe(400);
    expect((await resolve(w.coach.cookie, { decision: 'maybe', reply: 'x' })).statusCode).toBe(400);
    expect((await resolve(w.supervisor.cookie, { decision: 'discuss', reply: 'x' })).statusCode).toBe(403);
    expect((await resolve(w.self.cookie, { decision: 'accept' })).statusCode).toBe(403);
    expect((await resolve((await w.as('coach')).cookie, { decision: 'accept' })).statusCode).toBe(404);
    const other = await dossier();
    expect(
      (await resolve(other.coach.cookie, { decision: 'accept' }, other.url(`/proposals/${id}/resolve`))).statusCode,
    ).toBe(404);
    expect(
      (await resolve(w.coach.cookie, { decision: 'accept' }, w.url(`/proposals/${crypto.randomUUID()}/resolve`)))
        .statusCode,
    ).toBe(404);
    // Nothing changed so far: no draft, the proposal open.
    const [row] = await db.select().from(developmentPlanProposals).where(eq(developmentPlanProposals.id, id));
    expect(row?.status).toBe('open');

    const res = await resolve(w.coach.cookie, { decision: 'discuss', reply: 'We bespreken dit maandag.' });
    expect(res.statusCode).toBe(200);
    const body = overview(res);
    expect(body.draft).toBeNull();
    expect(body.proposals[0]).toMatchObject({ status: 'discussed', reply: 'We bespreken dit maandag.' });
  });

  it('accepting into a full draft is refused whole: the proposal stays open, the draft unchanged', async () => {
    const w = await dossier();
    const full = planContent.parse({
      ...plan(),
      goals: Array.from({ length: 30 }, (_, i) => ({
        key: crypto.randomUUID(),
        what: `Doel ${i}`,
        dueDate: addDays(today, 30),
      })),
      actions: [],
    });
    await db.insert(developmentPlanVersions).values({
      organisationId: w.orgId,
      participantId: w.participant.id,
      number: 2,
      status: 'draft',
      revision: 5,
      content: full,
    });
    const made = await propose(w.self.cookie, w.url('/proposals'), {
      kind: 'goal',
      what: 'Nog één',
      dueDate: '2027-01-01',
    });
    const id = overview(made).proposals[0]?.id as string;
    const res = await call(w.coach.cookie, {
      method: 'POST',
      url: w.url(`/proposals/${id}/resolve`),
      payload: { decision: 'accept' },
    });
    expect(res.statusCode).toBe(409);
    const [draft] = await db
      .select()
      .from(developmentPlanVersions)
      .where(and(eq(developmentPlanVersions.participantId, w.participant.id), eq(developmentPlanVersions.number, 2)));
    expect(draft?.revision).toBe(5);
    const [row] = await db.select().from(developmentPlanProposals).where(eq(developmentPlanProposals.id, id));
    expect(row?.status).toBe('open');
  });
});

describe('presentations', () => {
  it('the coach records a presentation of the agreed version and removes it again; audited', async () => {
    const w = await dossier();
    const before = await lastAuditId();
    const res = await call(w.coach.cookie, {
      method: 'POST',
      url: w.url('/presentations'),
      payload: { presentedOn: today, occasion: 'team_meeting' },
    });
    expect(res.statusCode).toBe(201);
    const [p] = overview(res).presentations;
    expect(p).toEqual({ id: expect.any(String), presentedOn: today, occasion: 'team_meeting', versionNumber: 1 });

    const del = await call(w.coach.cookie, { method: 'DELETE', url: w.url(`/presentations/${p?.id}`) });
    expect(del.statusCode).toBe(204);
    const gone = await call(w.coach.cookie, { method: 'DELETE', url: w.url(`/presentations/${p?.id}`) });
    expect(gone.statusCode).toBe(404);
    expect((await auditSince(before)).map((a) => a.action)).toEqual([
      'pop.presentation_added',
      'pop.presentation_removed',
    ]);
  });

  it('refuses a date in the future (400), no agreed version (409), others (403/404); nothing stored', async () => {
    const w = await dossier();
    const add = (cookie: string, payload: object, url = w.url('/presentations')) =>
      call(cookie, { method: 'POST', url, payload });
    const future = await add(w.coach.cookie, { presentedOn: addDays(today, 1), occasion: 'closing_event' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toHaveProperty('presentedOn');
    expect((await add(w.coach.cookie, { presentedOn: '2026-02-30', occasion: 'team_meeting' })).statusCode).toBe(400);
    // The year 0000 passes an ISO date pattern but not PostgreSQL: refused by the contract, on the field.
    const yearZero = await add(w.coach.cookie, { presentedOn: '0000-01-01', occasion: 'team_meeting' });
    expect(yearZero.statusCode).toBe(400);
    expect(yearZero.json().error.fields).toHaveProperty('presentedOn');
    expect((await add(w.coach.cookie, { presentedOn: today, occasion: 'party' })).statusCode).toBe(400);
    expect((await add(w.self.cookie, { presentedOn: today, occasion: 'team_meeting' })).statusCode).toBe(403);
    expect((await add(w.supervisor.cookie, { presentedOn: today, occasion: 'team_meeting' })).statusCode).toBe(403);
    expect((await add((await w.as('coach')).cookie, { presentedOn: today, occasion: 'team_meeting' })).statusCode).toBe(
      404,
    );
    const none = await dossier({ agreed: false });
    const noPlan = await add(
      none.coach.cookie,
      { presentedOn: today, occasion: 'team_meeting' },
      none.url('/presentations'),
    );
    expect(noPlan.statusCode).toBe(409);
    const rows = await db.select().from(developmentPlanPresentations);
    expect(rows.filter((r) => r.participantId === w.participant.id || r.participantId === none.participant.id)).toEqual(
      [],
    );
  });
});

describe('the follow-up in the overview', () => {
  it('shows each list newest first (actions by key), with the names of who wrote, proposed and answered', async () => {
    const w = await dossier();
    const coachName = w.coach.user.name;
    const send = (cookie: string, method: 'POST' | 'PUT', path: string, payload: object) =>
      call(cookie, { method, url: w.url(path), payload }).then((res) => {
        expect(res.statusCode, res.body).toBeLessThan(300);
        return overview(res);
      });
    await send(w.coach.cookie, 'PUT', `/actions/${COACH_ACTION}`, { status: 'busy' });
    await send(w.self.cookie, 'PUT', `/actions/${OWN_ACTION}`, { status: 'done' });
    await send(w.self.cookie, 'POST', `/goals/${GOAL}/notes`, { text: 'Eerst' });
    await send(w.coach.cookie, 'POST', `/goals/${GOAL}/notes`, { text: 'Daarna' });
    const first = await send(w.self.cookie, 'POST', '/proposals', {
      kind: 'text',
      section: 'dreams',
      text: 'Hovenier',
    });
    const firstId = first.proposals[0]?.id as string;
    await send(w.self.cookie, 'POST', '/proposals', { kind: 'text', section: 'summary', text: 'Ik werk graag buiten' });
    await send(w.coach.cookie, 'POST', `/proposals/${firstId}/resolve`, { decision: 'discuss', reply: 'Maandag' });
    await send(w.coach.cookie, 'POST', '/presentations', {
      presentedOn: addDays(today, -30),
      occasion: 'team_meeting',
    });
    await send(w.coach.cookie, 'POST', '/presentations', { presentedOn: today, occasion: 'closing_event' });

    const body = overview(await call(w.coach.cookie, { method: 'GET', url: w.url('') }));
    expect(body.actionProgress.map((a) => [a.key, a.status, a.updatedBy?.name])).toEqual([
      [OWN_ACTION, 'done', 'Yusuf Demir'],
      [COACH_ACTION, 'busy', coachName],
    ]);
    expect(body.goalNotes.map((n) => [n.text, n.author?.name])).toEqual([
      ['Daarna', coachName],
      ['Eerst', 'Yusuf Demir'],
    ]);
    expect(body.proposals.map((p) => [p.text, p.status, p.createdBy?.name, p.resolvedBy?.name ?? null])).toEqual([
      ['Ik werk graag buiten', 'open', 'Yusuf Demir', null],
      ['Hovenier', 'discussed', 'Yusuf Demir', coachName],
    ]);
    expect(body.proposals[1]).toMatchObject({ reply: 'Maandag', resolvedAt: expect.stringMatching(/Z$/) });
    expect(body.presentations.map((p) => [p.presentedOn, p.occasion])).toEqual([
      [today, 'closing_event'],
      [addDays(today, -30), 'team_meeting'],
    ]);
    // Timestamps in UTC as the contract says, whatever the database's time zone.
    expect(body.goalNotes.every((n) => n.createdAt.endsWith('Z'))).toBe(true);
  });
});
