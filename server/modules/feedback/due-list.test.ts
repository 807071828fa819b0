import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueList, DueListItem } from '#shared/feedback';
import { type CareerEventKind, todayIso } from '#shared/participants';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  addCoach,
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildSite,
  buildTeam,
  loggedIn,
} from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { careerEvents, feedbackConversations, feedbackRules, participants } from '../../db/schema';
import { deriveState } from '../participants/timeline';
import { addDays, computeCadence, intervalFor } from './cadence';
import { listDue } from './due-list';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });
const due = async (cookie: string, query = ''): Promise<DueList> => {
  const res = await call(cookie, { method: 'GET', url: `/api/v1/feedback/due${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ids = (items: DueListItem[]) => items.map((i) => i.participant.id);

/** Replaces the factory's fixed path (start 2024-01-15) with the given events after the intake of 2024-01-08. */
async function setPath(
  participantId: string,
  organisationId: string,
  events: { kind: CareerEventKind; date: string }[],
) {
  await db.delete(careerEvents).where(eq(careerEvents.participantId, participantId));
  const stored = await db
    .insert(careerEvents)
    .values(
      [{ kind: 'intake' as const, date: '2024-01-08' }, ...events].map((e) => ({
        organisationId,
        participantId,
        kind: e.kind,
        date: e.date,
      })),
    )
    .returning({
      kind: careerEvents.kind,
      date: careerEvents.date,
      seq: careerEvents.seq,
      teamId: careerEvents.teamId,
    });
  const state = deriveState(stored);
  await db
    .update(participants)
    .set({ status: state.status, startDate: state.startDate })
    .where(eq(participants.id, participantId));
}

describe('the due list agrees with the cadence function', () => {
  const teamsOf = ['t0', 't1', null] as const;
  const types = ['maatwerk', 'activering'] as const;
  // Mostly active people, so the lists are seldom empty; the others must stay off them.
  const paths = ['registered', 'active', 'active', 'active', 'paused', 'resumed', 'resumed', 'exited'] as const;

  const history = fc.record({
    todayOffset: fc.integer({ min: 0, max: 500 }),
    rules: fc.uniqueArray(
      fc.record({
        team: fc.constantFrom(...teamsOf),
        programmeType: fc.option(fc.constantFrom(...types), { nil: null }),
        intervalDays: fc.integer({ min: 5, max: 60 }),
      }),
      { selector: (r) => `${r.team}|${r.programmeType}`, maxLength: 6 },
    ),
    people: fc.array(
      fc.record({
        team: fc.constantFrom(...teamsOf),
        programmeType: fc.constantFrom(...types),
        path: fc.constantFrom(...paths),
        // One in five archived.
        archived: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
        startAgo: fc.integer({ min: 2, max: 90 }),
        pauseAfter: fc.integer({ min: 0, max: 20 }),
        resumeAfter: fc.integer({ min: 0, max: 20 }),
        heldAgo: fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 3 }),
        // Instead of those: the last conversation placed so the next falls this many days from today (near "this week").
        aimDue: fc.option(fc.integer({ min: -4, max: 8 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  });

  it('on random histories: the same participants, dates and order as computeCadence', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const today = addDays('2024-06-01', h.todayOffset);
        const org = await buildOrganisation(db);
        const site = await buildSite(db, { organisationId: org.id });
        const teamIds = {
          t0: (await buildTeam(db, { organisationId: org.id, siteId: site.id })).id,
          t1: (await buildTeam(db, { organisationId: org.id, siteId: site.id })).id,
        };
        const teamId = (team: (typeof teamsOf)[number]) => (team ? teamIds[team] : null);
        if (h.rules.length) {
          await db.insert(feedbackRules).values(
            h.rules.map((r) => ({
              organisationId: org.id,
              teamId: teamId(r.team),
              programmeType: r.programmeType,
              intervalDays: r.intervalDays,
            })),
          );
        }
        const rules = h.rules.map((r) => ({ ...r, teamId: teamId(r.team) }));

        const expected: { item: Omit<DueListItem, 'coaches' | 'team'>; state: string }[] = [];
        for (const [i, person] of h.people.entries()) {
          const p = await buildParticipant(db, {
            organisationId: org.id,
            siteId: site.id,
            teamId: teamId(person.team),
            coachId: null,
            lastName: `Naam${i}`,
            programmeType: person.programmeType,
            status: 'registered',
            archived: person.archived,
          });
          const start = addDays(today, -person.startAgo);
          const pause = addDays(start, person.pauseAfter);
          const resume = addDays(pause, person.resumeAfter);
          const events: { kind: CareerEventKind; date: string }[] =
            person.path === 'registered'
              ? []
              : person.path === 'active'
                ? [{ kind: 'start', date: start }]
                : person.path === 'paused'
                  ? [
                      { kind: 'start', date: start },
                      { kind: 'pause', date: pause },
                    ]
                  : person.path === 'resumed'
                    ? [
                        { kind: 'start', date: start },
                        { kind: 'pause', date: pause },
                        { kind: 'resume', date: resume },
                      ]
                    : [
                        { kind: 'start', date: start },
                        { kind: 'exit', date: pause },
                      ];
          await setPath(p.id, org.id, events);
          const intervalDays = intervalFor(rules, { teamId: teamId(person.team), programmeType: person.programmeType });
          const starts = events.filter((e) => e.kind === 'start' || e.kind === 'resume').map((e) => e.date);
          const lastStartOn = starts.length ? (starts.sort().at(-1) as string) : null;
          const aimed = person.aimDue === null ? null : addDays(today, person.aimDue - intervalDays);
          const held =
            aimed && lastStartOn && aimed >= lastStartOn && aimed <= today
              ? [aimed]
              : person.heldAgo.map((ago) => addDays(today, -Math.min(ago, person.startAgo)));
          if (person.path !== 'registered' && held.length) {
            await db.insert(feedbackConversations).values(
              held.map((heldOn) => ({
                organisationId: org.id,
                participantId: p.id,
                heldOn,
                staffIds: [],
                agreements: 'Afspraak',
                createdBy: 'test',
              })),
            );
          }
          const lastHeldOn = person.path !== 'registered' && held.length ? ([...held].sort().at(-1) as string) : null;
          const cadence = computeCadence({
            status: deriveState(events.map((e, seq) => ({ ...e, seq }))).status,
            archived: person.archived,
            lastHeldOn,
            lastStartOn,
            intervalDays,
            today,
          });
          if (cadence.nextDueOn) {
            expected.push({
              state: cadence.state,
              item: {
                participant: { id: p.id, firstName: p.firstName, lastName: p.lastName },
                nextDueOn: cadence.nextDueOn,
                daysOverdue:
                  cadence.state === 'overdue' ? (Date.parse(today) - Date.parse(cadence.nextDueOn)) / 86_400_000 : 0,
                lastHeldOn,
              },
            });
          }
        }
        const order = (a: { item: { nextDueOn: string; participant: { lastName: string } } }, b: typeof a) =>
          a.item.nextDueOn.localeCompare(b.item.nextDueOn) ||
          a.item.participant.lastName.localeCompare(b.item.participant.lastName);
        expected.sort(order);

        const ctx = { actor: { id: 'admin', name: 'Beheerder', role: 'admin' as const, organisationId: org.id } };
        const list = await listDue(db, ctx, {}, today);
        const strip = ({ coaches: _c, team: _t, ...rest }: DueListItem) => rest;
        expect(list.overdue.map(strip)).toEqual(expected.filter((e) => e.state === 'overdue').map((e) => e.item));
        expect(list.dueThisWeek.map(strip)).toEqual(
          expected.filter((e) => e.state === 'due_this_week').map((e) => e.item),
        );
      }),
      { numRuns: 15 },
    );
  });
});

describe('GET /feedback/due', () => {
  const today = todayIso();

  /** Two teams; an overdue participant in each, coached by different coaches; a supervisor per team. */
  async function organisation() {
    const org = await buildOrganisation(db);
    const teamA = await buildTeam(db, { organisationId: org.id, name: 'Groen' });
    const teamB = await buildTeam(db, { organisationId: org.id, name: 'Industrie' });
    const coachA = await loggedIn(t.app, db, 'coach', org.id);
    const coachB = await loggedIn(t.app, db, 'coach', org.id);
    const supervisorA = await loggedIn(t.app, db, 'supervisor', org.id);
    await addSupervisor(db, teamA.id, supervisorA.user.id, org.id);
    const inA = await buildParticipant(db, {
      organisationId: org.id,
      teamId: teamA.id,
      coachId: coachA.user.id,
      lastName: 'Aerts',
    });
    const inB = await buildParticipant(db, {
      organisationId: org.id,
      teamId: teamB.id,
      coachId: coachB.user.id,
      lastName: 'Baert',
    });
    return { org, teamA, teamB, coachA, coachB, supervisorA, inA, inB };
  }

  it('gives each role the participants it reaches, most overdue first, with team and coaches', async () => {
    const w = await organisation();
    // inB started later: less overdue than inA (both started on 2024-01-15 by the factory).
    await setPath(w.inB.id, w.org.id, [{ kind: 'start', date: '2024-03-01' }]);
    // Not on any list: paused, archived, exited, or seen recently.
    const paused = await buildParticipant(db, {
      organisationId: w.org.id,
      teamId: w.teamA.id,
      coachId: w.coachA.user.id,
      status: 'paused',
    });
    const exited = await buildParticipant(db, {
      organisationId: w.org.id,
      teamId: w.teamA.id,
      coachId: w.coachA.user.id,
      status: 'exited',
      archived: true,
    });
    const seen = await buildParticipant(db, {
      organisationId: w.org.id,
      teamId: w.teamA.id,
      coachId: w.coachA.user.id,
    });
    await db.insert(feedbackConversations).values({
      organisationId: w.org.id,
      participantId: seen.id,
      heldOn: today,
      staffIds: [w.coachA.user.id],
      wentWell: 'Goed',
      createdBy: w.coachA.user.id,
    });

    const manager = await loggedIn(t.app, db, 'manager', w.org.id);
    const all = await due(manager.cookie);
    expect(ids(all.overdue)).toEqual([w.inA.id, w.inB.id]);
    expect(all.dueThisWeek).toEqual([]);
    for (const hidden of [paused.id, exited.id, seen.id]) expect(ids(all.overdue)).not.toContain(hidden);
    expect(all.overdue[0]).toEqual({
      participant: { id: w.inA.id, firstName: w.inA.firstName, lastName: 'Aerts' },
      team: { id: w.teamA.id, name: 'Groen' },
      coaches: [{ id: w.coachA.user.id, name: w.coachA.user.name }],
      nextDueOn: '2024-02-12',
      daysOverdue: (Date.parse(today) - Date.parse('2024-02-12')) / 86_400_000,
      lastHeldOn: null,
    });

    expect(ids((await due(w.coachA.cookie)).overdue)).toEqual([w.inA.id]);
    expect(ids((await due(w.coachB.cookie, '?scope=organisation')).overdue)).toEqual([w.inB.id]);
    expect(ids((await due(w.supervisorA.cookie)).overdue)).toEqual([w.inA.id]);
    expect(ids((await due(manager.cookie, `?teamId=${w.teamB.id}`)).overdue)).toEqual([w.inB.id]);
    // A manager has no caseload of their own.
    expect((await due(manager.cookie, '?scope=mine')).overdue).toEqual([]);
    const admin = await loggedIn(t.app, db, 'admin', w.org.id);
    expect(ids((await due(admin.cookie)).overdue)).toEqual([w.inA.id, w.inB.id]);
  });

  it('puts a participant due by Sunday under this week, and takes them off after a conversation', async () => {
    const w = await organisation();
    // Due today: never overdue yet, always this week.
    await setPath(w.inA.id, w.org.id, [{ kind: 'start', date: addDays(today, -28) }]);
    const list = await due(w.coachA.cookie);
    expect(list.overdue).toEqual([]);
    expect(list.dueThisWeek).toMatchObject([{ participant: { id: w.inA.id }, nextDueOn: today, daysOverdue: 0 }]);

    const res = await call(w.coachB.cookie, {
      method: 'POST',
      url: `/api/v1/participants/${w.inB.id}/feedback`,
      payload: { heldOn: today, agreements: 'We zien elkaar binnen vier weken.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = await due(w.coachB.cookie);
    expect(after).toEqual({ overdue: [], dueThisWeek: [] });
  });

  it('shows a participant to each of their coaches, and to nobody in another organisation', async () => {
    const w = await organisation();
    await addCoach(db, w.inA.id, w.coachB.user.id, w.org.id);
    expect(ids((await due(w.coachB.cookie)).overdue).sort()).toEqual([w.inA.id, w.inB.id].sort());
    const item = (await due(w.coachB.cookie)).overdue.find((i) => i.participant.id === w.inA.id);
    expect(item?.coaches.map((c) => c.id).sort()).toEqual([w.coachA.user.id, w.coachB.user.id].sort());
    const foreign = await loggedIn(t.app, db, 'admin');
    const theirs = await due(foreign.cookie);
    expect([...ids(theirs.overdue), ...ids(theirs.dueThisWeek)]).not.toContain(w.inA.id);
  });

  it('refuses other roles and bad parameters', async () => {
    const trainer = await loggedIn(t.app, db, 'trainer');
    expect((await call(trainer.cookie, { method: 'GET', url: '/api/v1/feedback/due' })).statusCode).toBe(403);
    const participant = await loggedIn(t.app, db, 'participant');
    expect((await call(participant.cookie, { method: 'GET', url: '/api/v1/feedback/due' })).statusCode).toBe(403);
    const manager = await loggedIn(t.app, db, 'manager');
    for (const query of ['?scope=all', '?teamId=abc', '?extra=1']) {
      const res = await call(manager.cookie, { method: 'GET', url: `/api/v1/feedback/due${query}` });
      expect(res.statusCode, query).toBe(400);
    }
  });
});
