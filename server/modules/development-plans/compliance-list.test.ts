import { eq, gt, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ComplianceListItem,
  type ComplianceSettings,
  complianceStates,
  type PlanContent,
  type PlanOverview,
  planContent,
} from '#shared/development-plans';
import { participantStatuses, todayIso } from '#shared/participants';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  addCoach,
  buildOrganisation,
  buildParticipant,
  buildTeam,
  buildUser,
  loggedIn,
} from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { auditLog, developmentPlanSettings, developmentPlanVersions, participants } from '../../db/schema';
import type { Actor } from '../../policy';
import { addDays } from '../feedback/cadence';
import { addMonths, complianceOf, complianceOfFacts } from './compliance';
import { listCompliance } from './compliance-list';

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
const key = () => crypto.randomUUID();

function content(over: { generic?: boolean; actions?: number; review?: string | null } = {}): PlanContent {
  return planContent.parse({
    competencies: {
      genericCurrent: over.generic === false ? [] : ['samenwerken'],
      genericFuture: ['initiatief'],
      technicalCurrent: [key()],
      technicalFuture: [key()],
    },
    actions: Array.from({ length: over.actions ?? 2 }, (_, i) => ({
      key: key(),
      what: `Actie ${i}`,
      owner: 'participant',
      dueDate: addDays(today, 30),
    })),
    nextReviewDate: over.review === undefined ? addDays(today, 200) : over.review,
  });
}

/** An agreed version straight in the database, as version `number` and with `status`. */
const agreedAt = (
  orgId: string,
  participantId: string,
  at: Date,
  planned: PlanContent,
  number = 1,
  status = 'agreed',
) =>
  db.insert(developmentPlanVersions).values({
    organisationId: orgId,
    participantId,
    number,
    status: status as 'agreed' | 'superseded',
    content: planned,
    evidence: { competencies: [], skills: [], asOf: at.toISOString() },
    agreedAt: at,
    participantAgreedAt: at,
    coachAgreedAt: at,
  });

/** Agreed versions straight in the database; the last one given is the one in force. */
async function agreed(orgId: string, participantId: string, versions: { on: string; content: PlanContent }[]) {
  for (const [i, v] of versions.entries()) {
    // Noon UTC is the same day in Belgium.
    await agreedAt(
      orgId,
      participantId,
      new Date(`${v.on}T12:00:00Z`),
      v.content,
      i + 1,
      i === versions.length - 1 ? 'agreed' : 'superseded',
    );
  }
}

const setStart = (participantId: string, startDate: string) =>
  db.update(participants).set({ startDate }).where(eq(participants.id, participantId));

type List = { items: ComplianceListItem[]; total: number; counts: Record<string, number> };

/**
 * One organisation with two teams and two coaches. Coach A's caseload: late (no plan for years), due (started 5 days
 * ago), ok, incomplete (one action), late update (review passed). Coach B: ok, registered (not applicable). Archived:
 * never listed.
 */
async function workplace() {
  const org = await buildOrganisation(db);
  const teamA = await buildTeam(db, { organisationId: org.id, name: 'Groen' });
  const teamB = await buildTeam(db, { organisationId: org.id, name: 'Renovatie' });
  const coachA = await loggedIn(t.app, db, 'coach', org.id);
  const coachB = await loggedIn(t.app, db, 'coach', org.id);
  const p = (lastName: string, teamId: string, coachId: string, extra: Parameters<typeof buildParticipant>[1] = {}) =>
    buildParticipant(db, { organisationId: org.id, teamId, coachId, lastName, firstName: 'Test', ...extra });

  const late = await p('Laat', teamA.id, coachA.user.id);
  const due = await p('Nieuw', teamA.id, coachA.user.id);
  await setStart(due.id, addDays(today, -5));
  const ok = await p('Goed', teamA.id, coachA.user.id);
  await setStart(ok.id, addDays(today, -60));
  await agreed(org.id, ok.id, [{ on: addDays(today, -40), content: content() }]);
  const incomplete = await p('Half', teamB.id, coachA.user.id);
  await setStart(incomplete.id, addDays(today, -60));
  await agreed(org.id, incomplete.id, [{ on: addDays(today, -50), content: content({ actions: 1 }) }]);
  const updateLate = await p('Herzien', teamB.id, coachA.user.id);
  await agreed(org.id, updateLate.id, [
    { on: '2024-01-20', content: content({ generic: false }) },
    { on: '2024-06-01', content: content({ review: addDays(today, -3) }) },
  ]);
  const okB = await p('Bos', teamB.id, coachB.user.id);
  await agreed(org.id, okB.id, [{ on: addDays(today, -10), content: content() }]);
  const registered = await p('Ingeschreven', teamB.id, coachB.user.id, { status: 'registered' });
  await p('Gearchiveerd', teamA.id, coachA.user.id, { archived: true, status: 'exited' });
  // A second coach on one dossier: listed with both.
  await addCoach(db, ok.id, coachB.user.id, org.id);
  return {
    orgId: org.id,
    teamA,
    teamB,
    coachA,
    coachB,
    ids: {
      late: late.id,
      due: due.id,
      ok: ok.id,
      incomplete: incomplete.id,
      updateLate: updateLate.id,
      okB: okB.id,
      registered: registered.id,
    },
  };
}

const list = async (cookie: string, query: Record<string, string | number> = {}) => {
  const res = await call(cookie, {
    method: 'GET',
    url: '/api/v1/pop-compliance',
    query: query as Record<string, string>,
  });
  expect(res.statusCode).toBe(200);
  return res.json() as List;
};

describe('GET /pop-compliance', () => {
  it('shows the admin every participant not archived, most urgent first, with reasons, team, coaches and counts', async () => {
    const w = await workplace();
    const admin = await loggedIn(t.app, db, 'admin', w.orgId);
    const before = (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]
      ?.max as number;
    const body = await list(admin.cookie);
    const byId = new Map(body.items.map((i) => [i.participant.id, i]));
    expect(body.total).toBe(7);
    expect(body.counts).toEqual({ late: 2, incomplete: 1, due: 1, ok: 2, not_applicable: 1 });
    expect(body.items.map((i) => i.status.state)).toEqual([
      'late',
      'late',
      'incomplete',
      'due',
      'ok',
      'ok',
      'not_applicable',
    ]);

    expect(byId.get(w.ids.late)?.status).toEqual({
      state: 'late',
      reasons: [{ code: 'no_plan', date: '2024-02-15' }],
      deadline: '2024-02-15',
      lastAgreedOn: null,
    });
    expect(byId.get(w.ids.due)?.status).toMatchObject({ state: 'due', reasons: [{ code: 'no_plan' }] });
    expect(byId.get(w.ids.incomplete)?.status.reasons.map((r) => r.code)).toEqual(['too_few_actions']);
    // The first version (without generic competencies) is history: only the version in force counts; it was late.
    expect(byId.get(w.ids.updateLate)?.status).toEqual({
      state: 'late',
      reasons: [{ code: 'update_before_review', date: addDays(today, -13) }],
      deadline: addDays(today, -13),
      lastAgreedOn: '2024-06-01',
    });
    const ok = byId.get(w.ids.ok);
    expect(ok?.team).toEqual({ id: w.teamA.id, name: 'Groen' });
    expect(ok?.coaches.map((c) => c.id).sort()).toEqual([w.coachA.user.id, w.coachB.user.id].sort());
    expect(ok?.participant.name).toBe('Test Goed');
    expect(byId.get(w.ids.registered)?.status.state).toBe('not_applicable');

    const audit = await db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(audit.map((a) => a.action)).toEqual(['pop.compliance.read']);
    expect(audit[0]?.targetId).toBeNull();
  });

  it('gives a coach their own caseload; filters by state, coach and team; pages with stable totals', async () => {
    const w = await workplace();
    const mine = await list(w.coachA.cookie);
    expect(mine.items.map((i) => i.participant.id).sort()).toEqual(
      [w.ids.late, w.ids.due, w.ids.ok, w.ids.incomplete, w.ids.updateLate].sort(),
    );
    const b = await list(w.coachB.cookie);
    expect(b.items.map((i) => i.participant.id).sort()).toEqual([w.ids.ok, w.ids.okB, w.ids.registered].sort());

    const manager = await loggedIn(t.app, db, 'manager', w.orgId);
    const late = await list(manager.cookie, { state: 'late' });
    expect(late.items.map((i) => i.participant.id).sort()).toEqual([w.ids.late, w.ids.updateLate].sort());
    expect(late.total).toBe(2);
    // Counts stay those of every state under the other filters.
    expect(late.counts.ok).toBe(2);
    const teamB = await list(manager.cookie, { teamId: w.teamB.id });
    expect(teamB.total).toBe(4);
    const coachB = await list(manager.cookie, { coachId: w.coachB.user.id, state: 'ok' });
    expect(coachB.items.map((i) => i.participant.id).sort()).toEqual([w.ids.ok, w.ids.okB].sort());

    const page1 = await list(manager.cookie, { limit: 3, offset: 0 });
    const page2 = await list(manager.cookie, { limit: 3, offset: 3 });
    const page3 = await list(manager.cookie, { limit: 3, offset: 6 });
    expect(page1.total).toBe(7);
    const ids = [...page1.items, ...page2.items, ...page3.items].map((i) => i.participant.id);
    expect(new Set(ids).size).toBe(7);
  });

  it('refuses bad filters (400) and roles without compliance (403)', async () => {
    const w = await workplace();
    const admin = await loggedIn(t.app, db, 'admin', w.orgId);
    for (const query of [
      { state: 'fine' } as Record<string, string>,
      { limit: '0' },
      { limit: '201' },
      { teamId: 'x' },
      { extra: '1' },
    ]) {
      const res = await call(admin.cookie, { method: 'GET', url: '/api/v1/pop-compliance', query });
      expect(res.statusCode).toBe(400);
    }
    for (const role of ['supervisor', 'trainer', 'participant'] as const) {
      const who = await loggedIn(t.app, db, role, w.orgId);
      expect((await call(who.cookie, { method: 'GET', url: '/api/v1/pop-compliance' })).statusCode).toBe(403);
    }
  });

  it('agrees with the POP overview of every participant (one rule, no drift)', async () => {
    const w = await workplace();
    const admin = await loggedIn(t.app, db, 'admin', w.orgId);
    const body = await list(admin.cookie);
    for (const item of body.items) {
      const res = await call(admin.cookie, { method: 'GET', url: `/api/v1/participants/${item.participant.id}/pop` });
      expect(res.statusCode).toBe(200);
      expect((res.json() as PlanOverview).compliance).toEqual(item.status);
    }
  });

  it('reads the same facts out of any stored content as complianceOf reads out of the content itself', async () => {
    const org = await buildOrganisation(db);
    const team = await buildTeam(db, { organisationId: org.id });
    const admin = await buildUser(db, { organisationId: org.id, role: 'admin' });
    const actor: Actor = { id: admin.id, name: admin.name, role: 'admin', organisationId: org.id };
    const contentArb = fc
      .record({
        gc: fc.integer({ min: 0, max: 2 }),
        gf: fc.integer({ min: 0, max: 2 }),
        tc: fc.integer({ min: 0, max: 2 }),
        tf: fc.integer({ min: 0, max: 2 }),
        actions: fc.integer({ min: 0, max: 3 }),
        review: fc.option(fc.integer({ min: -400, max: 400 }), { nil: null }),
      })
      .map((c) =>
        planContent.parse({
          competencies: {
            genericCurrent: ['a', 'b'].slice(0, c.gc),
            genericFuture: ['c', 'd'].slice(0, c.gf),
            technicalCurrent: [key(), key()].slice(0, c.tc),
            technicalFuture: [key(), key()].slice(0, c.tf),
          },
          actions: Array.from({ length: c.actions }, () => ({
            key: key(),
            what: 'x',
            owner: 'coach',
            dueDate: today,
          })),
          nextReviewDate: c.review === null ? null : addDays(today, c.review),
        }),
      );
    const cases = fc.sample(
      fc.record({
        content: contentArb,
        startAgo: fc.integer({ min: 0, max: 900 }),
        firstAfter: fc.integer({ min: 0, max: 90 }),
        since: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      }),
      { numRuns: 25, seed: 42 },
    );
    const expected = new Map<string, ReturnType<typeof complianceOf>>();
    const settings = { regime: 'evaluation' as const, daysBeforeEvaluation: 10 };
    for (const c of cases) {
      const p = await buildParticipant(db, { organisationId: org.id, teamId: team.id, coachId: null });
      const startDate = addDays(today, -c.startAgo);
      await setStart(p.id, startDate);
      const firstOn = addDays(startDate, c.firstAfter);
      const sinceOn = c.since === null ? null : addDays(today, -c.since);
      const latestOn = sinceOn === null ? null : ([sinceOn, firstOn].sort()[1] ?? null);
      if (latestOn) {
        await agreed(org.id, p.id, [
          { on: firstOn, content: content() },
          { on: latestOn, content: c.content },
        ]);
      }
      expected.set(
        p.id,
        complianceOf(
          {
            status: 'active',
            archived: false,
            startDate,
            firstAgreedOn: latestOn ? firstOn : null,
            latest: latestOn ? { agreedOn: latestOn, content: c.content } : null,
          },
          settings,
          today,
        ),
      );
    }
    const result = await listCompliance(db, { actor }, { limit: 200, offset: 0 }, today);
    expect(result.total).toBe(cases.length);
    for (const item of result.items) expect(item.status).toEqual(expected.get(item.participant.id));
  });
  it('keeps the day of each agreement in Belgium and the next review date as dates, for any moment and any date', async () => {
    const org = await buildOrganisation(db);
    const belgianDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });
    const moments = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    // Around midnight in Belgium, in winter and in summer time, besides the random moments and review dates.
    const edges = [
      { at: new Date('2026-03-28T23:30:00Z'), review: '2028-02-29' },
      { at: new Date('2026-07-31T22:30:00Z'), review: '2026-12-31' },
      { at: new Date('2026-10-25T00:59:00Z'), review: null },
    ];
    const cases = [
      ...edges,
      ...fc.sample(
        fc.record({
          at: moments,
          review: fc.option(
            moments.map((d) => d.toISOString().slice(0, 10)),
            { nil: null },
          ),
        }),
        { numRuns: 40, seed: 7 },
      ),
    ];
    const ids: string[] = [];
    for (const c of cases) {
      const p = await buildParticipant(db, { organisationId: org.id, coachId: null });
      ids.push(p.id);
      await agreedAt(org.id, p.id, c.at, content({ review: c.review }));
    }
    const rows = await db
      .select({
        participantId: developmentPlanVersions.participantId,
        agreedOn: developmentPlanVersions.agreedOn,
        nextReviewOn: developmentPlanVersions.nextReviewOn,
      })
      .from(developmentPlanVersions)
      .where(eq(developmentPlanVersions.organisationId, org.id));
    const byParticipant = new Map(rows.map((r) => [r.participantId, r]));
    for (const [i, c] of cases.entries()) {
      expect(byParticipant.get(ids[i] as string)).toEqual({
        participantId: ids[i],
        agreedOn: belgianDay.format(c.at),
        nextReviewOn: c.review,
      });
    }
  });

  it('orders, counts and filters by the same state and deadline as complianceOfFacts, in both regimes, on any day', async () => {
    // The list judges in SQL (compliance-list.ts) and shows complianceOfFacts' statuses; here the two must agree for
    // random histories around month ends and leap days, every participant status, both regimes and any day.
    const org = await buildOrganisation(db);
    const team = await buildTeam(db, { organisationId: org.id });
    const admin = await buildUser(db, { organisationId: org.id, role: 'admin' });
    const actor: Actor = { id: admin.id, name: admin.name, role: 'admin', organisationId: org.id };
    const dayArb = fc
      .record({
        year: fc.constantFrom(2019, 2020, 2023, 2024),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.constantFrom(1, 15, 28, 29, 30, 31),
      })
      .map(({ year, month, day }) => {
        const first = `${year}-${String(month).padStart(2, '0')}-01`;
        // The month's last day when it lacks this one.
        const last = Number(addDays(addMonths(first, 1), -1).slice(8));
        return addDays(first, Math.min(day, last) - 1);
      });
    const historyArb = fc.record({
      status: fc.constantFrom(...participantStatuses, 'active', 'active', 'paused'),
      start: fc.option(dayArb, { nil: null, freq: 6 }),
      agreedAfter: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null, freq: 4 }),
      counts: fc.tuple(...Array.from({ length: 4 }, () => fc.constantFrom(1, 1, 1, 1, 1, 0))),
      actions: fc.constantFrom(0, 1, 2, 2, 3, 3),
      reviewAfter: fc.option(fc.integer({ min: -30, max: 400 }), { nil: null, freq: 5 }),
    });
    const histories = fc.sample(historyArb, { numRuns: 50, seed: 7 });
    const facts = new Map<string, Parameters<typeof complianceOfFacts>[0]>();
    for (const h of histories) {
      const p = await buildParticipant(db, {
        organisationId: org.id,
        teamId: team.id,
        coachId: null,
        status: h.status,
      });
      await db.update(participants).set({ startDate: h.start }).where(eq(participants.id, p.id));
      const agreedOn = h.start && h.agreedAfter !== null ? addDays(h.start, h.agreedAfter) : null;
      const [gc, gf, tc, tf] = h.counts;
      const planFacts = {
        genericCurrent: gc ?? 0,
        genericFuture: gf ?? 0,
        technicalCurrent: tc ?? 0,
        technicalFuture: tf ?? 0,
        actions: h.actions,
        nextReviewDate: agreedOn && h.reviewAfter !== null ? addDays(agreedOn, h.reviewAfter) : null,
      };
      if (agreedOn) {
        await agreed(org.id, p.id, [
          {
            on: agreedOn,
            content: planContent.parse({
              competencies: {
                genericCurrent: ['samenwerken'].slice(0, planFacts.genericCurrent),
                genericFuture: ['initiatief'].slice(0, planFacts.genericFuture),
                technicalCurrent: [key()].slice(0, planFacts.technicalCurrent),
                technicalFuture: [key()].slice(0, planFacts.technicalFuture),
              },
              actions: Array.from({ length: h.actions }, () => ({
                key: key(),
                what: 'x',
                owner: 'coach',
                dueDate: agreedOn,
              })),
              nextReviewDate: planFacts.nextReviewDate,
            }),
          },
        ]);
      }
      facts.set(p.id, {
        status: h.status,
        archived: false,
        startDate: h.start,
        firstAgreedOn: agreedOn,
        latest: agreedOn ? { agreedOn, facts: planFacts } : null,
      });
    }

    const rank = { late: 0, incomplete: 1, due: 2, ok: 3, not_applicable: 4 } as const;
    // Any day, or one on either side of a participant's deadline or of the start of its due window: where the
    // judgements could part.
    const ids = [...facts]
      .filter(([, f]) => f.startDate && f.status !== 'registered' && f.status !== 'exited')
      .map(([id]) => id);
    const dayOf = (
      pick: { id: string; edge: 'deadline' | 'window'; shift: number } | string,
      settings: ComplianceSettings,
    ) => {
      if (typeof pick === 'string') return pick;
      const f = facts.get(pick.id);
      const deadline = f && complianceOfFacts(f, settings, '2000-01-01').deadline;
      if (!deadline) return '2022-06-15';
      const window = settings.regime === 'yearly' ? 30 : 14;
      return addDays(deadline, pick.shift - (pick.edge === 'window' && f.latest ? window : 0));
    };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          dayArb,
          fc.record({
            id: fc.constantFrom(...ids),
            edge: fc.constantFrom('deadline' as const, 'window' as const),
            shift: fc.integer({ min: -1, max: 1 }),
          }),
        ),
        fc.constantFrom('evaluation' as const, 'yearly' as const),
        fc.integer({ min: 0, max: 30 }),
        async (pick, regime, daysBeforeEvaluation) => {
          const settings = { regime, daysBeforeEvaluation };
          const today = dayOf(pick, settings);
          await db
            .insert(developmentPlanSettings)
            .values({ organisationId: org.id, ...settings })
            .onConflictDoUpdate({ target: developmentPlanSettings.organisationId, set: settings });
          const expected = new Map([...facts].map(([id, f]) => [id, complianceOfFacts(f, settings, today)]));
          const all = await listCompliance(db, { actor }, { limit: 200, offset: 0 }, today);
          expect(all.total).toBe(histories.length);
          for (const item of all.items) expect(item.status).toEqual(expected.get(item.participant.id));
          const tally = Object.fromEntries(complianceStates.map((st) => [st, 0]));
          for (const e of expected.values()) tally[e.state] = (tally[e.state] ?? 0) + 1;
          expect(all.counts).toEqual(tally);
          // Most urgent first, then the nearest deadline (none last).
          const keys = all.items.map((i) => [rank[i.status.state], i.status.deadline ?? '9999'] as const);
          for (let i = 1; i < keys.length; i++) {
            const [a, b] = [keys[i - 1], keys[i]] as [(typeof keys)[number], (typeof keys)[number]];
            expect(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1])).toBe(true);
          }
          for (const state of complianceStates) {
            const only = await listCompliance(db, { actor }, { state, limit: 200, offset: 0 }, today);
            expect(only.total).toBe(tally[state]);
            expect(only.items.every((i) => i.status.state === state)).toBe(true);
          }
        },
      ),
      { numRuns: 60, seed: 20261207 },
    );
  });
});

describe('GET/PUT /pop-settings', () => {
  it('defaults to the evaluation regime with 10 days; the admin changes it (audited); it changes the list', async () => {
    const org = await buildOrganisation(db);
    const admin = await loggedIn(t.app, db, 'admin', org.id);
    const coach = await loggedIn(t.app, db, 'coach', org.id);
    const get = (cookie: string) => call(cookie, { method: 'GET', url: '/api/v1/pop-settings' });
    const put = (cookie: string, payload: object) =>
      call(cookie, { method: 'PUT', url: '/api/v1/pop-settings', payload });

    const initial = await get(coach.cookie);
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toEqual({ regime: 'evaluation', daysBeforeEvaluation: 10 });

    const p = await buildParticipant(db, { organisationId: org.id, coachId: coach.user.id });
    await agreed(org.id, p.id, [{ on: addDays(today, -350), content: content({ review: null }) }]);
    expect((await list(coach.cookie)).items[0]?.status.state).toBe('incomplete');
    // The POP screen judges by the same settings.
    const overviewState = async () =>
      (await call(coach.cookie, { method: 'GET', url: `/api/v1/participants/${p.id}/pop` })).json<PlanOverview>()
        .compliance.state;
    expect(await overviewState()).toBe('incomplete');

    const saved = await put(admin.cookie, { regime: 'yearly', daysBeforeEvaluation: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ regime: 'yearly', daysBeforeEvaluation: 0 });
    expect((await get(coach.cookie)).json()).toEqual({ regime: 'yearly', daysBeforeEvaluation: 0 });
    // Yearly: no review date needed; 350 days after the last agreement the update is due.
    expect((await list(coach.cookie)).items[0]?.status).toMatchObject({
      state: 'due',
      reasons: [
        { code: 'first_plan_late', date: addDays(today, -350) },
        { code: 'yearly_update', date: addMonths(addDays(today, -350), 12) },
      ],
    });
    expect(await overviewState()).toBe('due');
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'pop.settings.update'))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(entry).toMatchObject({ targetId: org.id, actorId: admin.user.id });

    // Saved again: one row, updated.
    expect((await put(admin.cookie, { regime: 'evaluation', daysBeforeEvaluation: 14 })).json()).toEqual({
      regime: 'evaluation',
      daysBeforeEvaluation: 14,
    });
  });

  it('refuses bad settings (400, nothing stored) and anyone but the admin (403)', async () => {
    const org = await buildOrganisation(db);
    const admin = await loggedIn(t.app, db, 'admin', org.id);
    const put = (cookie: string, payload: object) =>
      call(cookie, { method: 'PUT', url: '/api/v1/pop-settings', payload });
    for (const payload of [
      { regime: 'monthly', daysBeforeEvaluation: 10 },
      { regime: 'evaluation', daysBeforeEvaluation: 91 },
      { regime: 'evaluation', daysBeforeEvaluation: -1 },
      { regime: 'evaluation', daysBeforeEvaluation: 1.5 },
      { regime: 'evaluation' },
      { regime: 'evaluation', daysBeforeEvaluation: 10, extra: true },
    ]) {
      const res = await put(admin.cookie, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    for (const role of ['manager', 'coach', 'supervisor', 'participant'] as const) {
      const who = await loggedIn(t.app, db, role, org.id);
      expect((await put(who.cookie, { regime: 'yearly', daysBeforeEvaluation: 10 })).statusCode).toBe(403);
    }
    const res = await call(admin.cookie, { method: 'GET', url: '/api/v1/pop-settings' });
    expect(res.json()).toEqual({ regime: 'evaluation', daysBeforeEvaluation: 10 });
    for (const role of ['supervisor', 'participant'] as const) {
      const who = await loggedIn(t.app, db, role, org.id);
      expect((await call(who.cookie, { method: 'GET', url: '/api/v1/pop-settings' })).statusCode).toBe(403);
    }
  });
});
