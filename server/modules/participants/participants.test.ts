import { and, asc, eq, gt, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/common';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  addCoach,
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildReferrer,
  buildSite,
  buildTeam,
  buildUser,
  loggedIn,
  login,
} from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { auditLog, careerEvents, participants } from '../../db/schema';
import { deriveState } from './timeline';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });

/** An organisation with a site, a team and a logged-in user of each role asked for. */
async function workplace() {
  const org = await buildOrganisation(db);
  const team = await buildTeam(db, { organisationId: org.id });
  const as = async (role: Role) => loggedIn(t.app, db, role, org.id);
  return { orgId: org.id, team, siteId: team.siteId, as };
}

const registration = (siteId: string, extra: Record<string, unknown> = {}) => ({
  firstName: 'Sofie',
  lastName: 'Claes',
  dateOfBirth: '1991-04-12',
  email: 'sofie.claes@example.org',
  phone: '0470 11 22 33',
  siteId,
  programmeType: 'maatwerk',
  intakeDate: '2024-02-01',
  ...extra,
});

async function lastAuditId() {
  return (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]?.max ?? 0;
}

describe('registration', () => {
  it('lets a coach register a participant: they become the coach, an intake is recorded, status registered', async () => {
    const w = await workplace();
    const { cookie, user: coach } = await w.as('coach');
    const res = await call(cookie, {
      method: 'POST',
      url: '/api/v1/participants',
      payload: registration(w.siteId, { teamId: w.team.id }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const dossier = res.json();
    expect(dossier).toMatchObject({
      firstName: 'Sofie',
      status: 'registered',
      startDate: null,
      view: 'full',
      team: { id: w.team.id },
      site: { id: w.siteId },
      coaches: [{ id: coach.id, name: coach.name }],
      confidential: { dateOfBirth: '1991-04-12', email: 'sofie.claes@example.org', account: null },
    });
    expect(dossier.timeline).toMatchObject([{ kind: 'intake', date: '2024-02-01', recordedBy: { id: coach.id } }]);
  });

  it('records a start too when a start date is given, and takes further coaches', async () => {
    const w = await workplace();
    const { cookie, user: coach } = await w.as('coach');
    const colleague = await buildUser(db, { organisationId: w.orgId, role: 'coach' });
    const referrer = await buildReferrer(db, { organisationId: w.orgId, kind: 'ocmw_cpas' });
    const res = await call(cookie, {
      method: 'POST',
      url: '/api/v1/participants',
      payload: registration(w.siteId, {
        startDate: '2024-02-15',
        coachIds: [colleague.id],
        referrerId: referrer.id,
        referrerContact: 'Mevr. Peeters',
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d.status).toBe('active');
    expect(d.startDate).toBe('2024-02-15');
    expect(d.timeline.map((e: { kind: string }) => e.kind)).toEqual(['intake', 'start']);
    expect(d.coaches.map((c: { id: string }) => c.id).sort()).toEqual([coach.id, colleague.id].sort());
    expect(d.confidential.referrer).toEqual({ id: referrer.id, name: referrer.name, kind: 'ocmw_cpas' });
  });

  it('lets an admin register without becoming a coach; a manager may not register', async () => {
    const w = await workplace();
    const admin = await w.as('admin');
    const res = await call(admin.cookie, {
      method: 'POST',
      url: '/api/v1/participants',
      payload: registration(w.siteId),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().coaches).toEqual([]);
    const manager = await w.as('manager');
    const refused = await call(manager.cookie, {
      method: 'POST',
      url: '/api/v1/participants',
      payload: registration(w.siteId),
    });
    expect(refused.statusCode).toBe(403);
  });

  it.each([
    ['an impossible date of birth', { dateOfBirth: '1990-02-30' }, 'dateOfBirth'],
    ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
    ['an impossible intake date', { intakeDate: '2024-13-01' }, 'intakeDate'],
    ['an intake in the future', { intakeDate: '2999-01-01' }, 'intakeDate'],
    ['a start before the intake', { startDate: '2024-01-01' }, 'startDate'],
    ['an unknown team', { teamId: '00000000-0000-4000-8000-000000000000' }, 'teamId'],
    ['an unknown site', { siteId: '00000000-0000-4000-8000-000000000000' }, 'siteId'],
    ['an unknown referrer', { referrerId: '00000000-0000-4000-8000-000000000000' }, 'referrerId'],
    ['a field that does not exist', { status: 'active' }, 'status'],
    ['a bad e-mail', { email: 'niet-een-adres' }, 'email'],
    ['an empty last name', { lastName: '  ' }, 'lastName'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_label, extra, field) => {
    const w = await workplace();
    const { cookie } = await w.as('coach');
    const before = await db.select({ id: participants.id }).from(participants);
    const res = await call(cookie, {
      method: 'POST',
      url: '/api/v1/participants',
      payload: registration(w.siteId, extra),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.fields).toHaveProperty(field);
    expect(await db.select({ id: participants.id }).from(participants)).toHaveLength(before.length);
  });

  it("refuses another organisation's team, site, referrer and coach as 400 field errors, never 500", async () => {
    const w = await workplace();
    const other = await workplace();
    const { cookie } = await w.as('coach');
    const foreignReferrer = await buildReferrer(db, { organisationId: other.orgId });
    const foreignCoach = await buildUser(db, { organisationId: other.orgId, role: 'coach' });
    for (const [extra, field] of [
      [{ teamId: other.team.id }, 'teamId'],
      [{ siteId: other.siteId }, 'siteId'],
      [{ referrerId: foreignReferrer.id }, 'referrerId'],
      [{ coachIds: [foreignCoach.id] }, 'coachIds'],
    ] as const) {
      const res = await call(cookie, {
        method: 'POST',
        url: '/api/v1/participants',
        payload: registration(w.siteId, extra),
      });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.fields).toHaveProperty(field);
    }
  });

  it('refuses a team of another site, and a supervisor as coach', async () => {
    const w = await workplace();
    const { cookie } = await w.as('coach');
    const elsewhere = await buildTeam(db, { organisationId: w.orgId });
    const supervisor = await buildUser(db, { organisationId: w.orgId, role: 'supervisor' });
    const team = await call(cookie, {
      method: 'POST',
      url: '/api/v1/participants',
      payload: registration(w.siteId, { teamId: elsewhere.id }),
    });
    expect(team.json().error.fields).toEqual({ teamId: 'team_at_other_site' });
    const coach = await call(cookie, {
      method: 'POST',
      url: '/api/v1/participants',
      payload: registration(w.siteId, { coachIds: [supervisor.id] }),
    });
    expect(coach.statusCode).toBe(400);
    expect(coach.json().error.fields).toHaveProperty('coachIds');
  });
});

describe('career events and the derived status', () => {
  async function registered() {
    const w = await workplace();
    const coach = await w.as('coach');
    const res = await call(coach.cookie, {
      method: 'POST',
      url: '/api/v1/participants',
      payload: registration(w.siteId, { teamId: w.team.id, intakeDate: '2024-01-08' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id: string = res.json().id;
    const add = (payload: Record<string, unknown>) =>
      call(coach.cookie, { method: 'POST', url: `/api/v1/participants/${id}/career-events`, payload });
    return { ...w, coach, id, add };
  }

  it('builds the timeline and derives the status at every step; a team change moves team and site', async () => {
    const p = await registered();
    const otherTeam = await buildTeam(db, { organisationId: p.orgId, name: 'Groen Gent' });
    const steps: [Record<string, unknown>, string][] = [
      [{ kind: 'start', date: '2024-01-15' }, 'active'],
      [{ kind: 'team_change', date: '2024-02-01', teamId: otherTeam.id }, 'active'],
      [{ kind: 'promotion', date: '2024-03-01', toRole: 'hulpmeestergast', note: 'Neemt initiatief' }, 'active'],
      [{ kind: 'pause', date: '2024-04-01', note: 'Ziekte' }, 'paused'],
      [{ kind: 'resume', date: '2024-05-01' }, 'active'],
      [{ kind: 'exit', date: '2024-06-01', exitDestination: 'regular_job' }, 'exited'],
      [{ kind: 'start', date: '2024-09-02' }, 'active'],
    ];
    for (const [payload, status] of steps) {
      const res = await p.add(payload);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().status).toBe(status);
    }
    const d = (await call(p.coach.cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` })).json();
    expect(d.timeline.map((e: { kind: string; date: string }) => `${e.kind} ${e.date}`)).toEqual([
      'intake 2024-01-08',
      'start 2024-01-15',
      'team_change 2024-02-01',
      'promotion 2024-03-01',
      'pause 2024-04-01',
      'resume 2024-05-01',
      'exit 2024-06-01',
      'start 2024-09-02',
    ]);
    expect(d.timeline[2].team).toEqual({ id: otherTeam.id, name: 'Groen Gent' });
    expect(d.timeline[3]).toMatchObject({ toRole: 'hulpmeestergast', note: 'Neemt initiatief' });
    expect(d.timeline[6].exitDestination).toBe('regular_job');
    expect(d).toMatchObject({ startDate: '2024-09-02', team: { id: otherTeam.id }, site: { id: otherTeam.siteId } });
  });

  it('a backdated event is placed in date order and the status follows the dates, not the recording order', async () => {
    const p = await registered();
    expect((await p.add({ kind: 'start', date: '2024-01-15' })).statusCode).toBe(201);
    expect((await p.add({ kind: 'resume', date: '2024-03-01' })).statusCode).toBe(400);
    expect((await p.add({ kind: 'pause', date: '2024-02-01' })).json().status).toBe('paused');
    const res = await p.add({ kind: 'resume', date: '2024-03-01' });
    expect(res.json().status).toBe('active');
    // A pause dated before the resume is refused: it would follow a pause.
    const twice = await p.add({ kind: 'pause', date: '2024-02-15' });
    expect(twice.statusCode).toBe(400);
  });

  it.each([
    ['an exit before any start', [], { kind: 'exit', date: '2024-02-01', exitDestination: 'drop_out' }, 'kind'],
    [
      'an exit dated before the start',
      [{ kind: 'start', date: '2024-03-01' }],
      { kind: 'exit', date: '2024-02-01', exitDestination: 'drop_out' },
      'date',
    ],
    ['an event before the intake', [], { kind: 'start', date: '2024-01-01' }, 'date'],
    ['an impossible date', [], { kind: 'start', date: '2024-02-30' }, 'date'],
    ['a date in the future', [], { kind: 'start', date: '2999-01-01' }, 'date'],
    [
      'a pause after an exit',
      [
        { kind: 'start', date: '2024-01-15' },
        { kind: 'exit', date: '2024-02-01', exitDestination: 'training' },
      ],
      { kind: 'pause', date: '2024-03-01' },
      'kind',
    ],
    [
      'an event dated before an exit that breaks what follows',
      [
        { kind: 'start', date: '2024-01-15' },
        { kind: 'exit', date: '2024-03-01', exitDestination: 'training' },
      ],
      { kind: 'exit', date: '2024-02-01', exitDestination: 'drop_out' },
      'date',
    ],
    ['a team change without a team', [], { kind: 'team_change', date: '2024-02-01' }, 'teamId'],
    [
      'an unknown team',
      [],
      { kind: 'team_change', date: '2024-02-01', teamId: '00000000-0000-4000-8000-000000000000' },
      'teamId',
    ],
    [
      'an exit without destination',
      [{ kind: 'start', date: '2024-01-15' }],
      { kind: 'exit', date: '2024-02-01' },
      'exitDestination',
    ],
    [
      'a destination on a pause',
      [{ kind: 'start', date: '2024-01-15' }],
      { kind: 'pause', date: '2024-02-01', exitDestination: 'other' },
      'exitDestination',
    ],
    ['a second intake', [], { kind: 'intake', date: '2024-02-01' }, 'kind'],
    [
      'a promotion without a role',
      [{ kind: 'start', date: '2024-01-15' }],
      { kind: 'promotion', date: '2024-02-01' },
      'toRole',
    ],
  ])(
    'refuses %s with 400 naming the field, leaving timeline and status as they were',
    async (_l, before, payload, field) => {
      const p = await registered();
      for (const e of before) expect((await p.add(e)).statusCode).toBe(201);
      const [was] = await db.select().from(participants).where(eq(participants.id, p.id));
      const count = (await db.select().from(careerEvents).where(eq(careerEvents.participantId, p.id))).length;
      const res = await p.add(payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.fields).toHaveProperty(field);
      const [now] = await db.select().from(participants).where(eq(participants.id, p.id));
      expect(now?.status).toBe(was?.status);
      expect(await db.select().from(careerEvents).where(eq(careerEvents.participantId, p.id))).toHaveLength(count);
    },
  );

  it("refuses another organisation's team for a team change with 400, not 500", async () => {
    const p = await registered();
    const foreign = await buildTeam(db, { organisationId: (await buildOrganisation(db)).id });
    const res = await p.add({ kind: 'team_change', date: '2024-02-01', teamId: foreign.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ teamId: 'unknown_reference' });
  });

  it('keeps the cached status and start date equal to the derivation, whatever events are sent', async () => {
    const kinds = ['start', 'pause', 'resume', 'exit', 'promotion'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ kind: fc.constantFrom(...kinds), day: fc.integer({ min: 0, max: 120 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        async (sends) => {
          const p = await registered();
          for (const s of sends) {
            const date = new Date(Date.UTC(2024, 0, 1 + s.day)).toISOString().slice(0, 10);
            const extra =
              s.kind === 'exit' ? { exitDestination: 'other' } : s.kind === 'promotion' ? { toRole: 'x' } : {};
            const res = await p.add({ kind: s.kind, date, ...extra });
            expect([201, 400]).toContain(res.statusCode);
            const events = await db.select().from(careerEvents).where(eq(careerEvents.participantId, p.id));
            const [row] = await db.select().from(participants).where(eq(participants.id, p.id));
            const derived = deriveState(events);
            expect({ status: row?.status, startDate: row?.startDate }).toEqual({
              status: derived.status,
              startDate: derived.startDate,
            });
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe('who sees which dossier', () => {
  it('coach: own caseload yes (full); another caseload 404 for reads and writes', async () => {
    const w = await workplace();
    const mine = await w.as('coach');
    const other = await w.as('coach');
    const p = await buildParticipant(db, { organisationId: w.orgId, coachId: mine.user.id });
    const own = await call(mine.cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().view).toBe('full');
    for (const options of [
      { method: 'GET', url: `/api/v1/participants/${p.id}` },
      { method: 'PATCH', url: `/api/v1/participants/${p.id}`, payload: { firstName: 'X' } },
      {
        method: 'POST',
        url: `/api/v1/participants/${p.id}/career-events`,
        payload: { kind: 'pause', date: '2024-02-01' },
      },
      { method: 'PUT', url: `/api/v1/participants/${p.id}/coaches`, payload: { userIds: [other.user.id] } },
    ] as InjectOptions[]) {
      const res = await call(other.cookie, options);
      expect(res.statusCode, `${options.method} ${options.url}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const [row] = await db.select().from(participants).where(eq(participants.id, p.id));
    expect(row?.firstName).toBe(p.firstName);
  });

  it('supervisor: participants of their teams as a summary without confidential parts; other teams 404; no writes', async () => {
    const w = await workplace();
    const sup = await w.as('supervisor');
    await addSupervisor(db, w.team.id, sup.user.id, w.orgId);
    const referrer = await buildReferrer(db, { organisationId: w.orgId, kind: 'addiction_care' });
    const inTeam = await buildParticipant(db, { organisationId: w.orgId, teamId: w.team.id, referrerId: referrer.id });
    const elsewhere = await buildParticipant(db, { organisationId: w.orgId });
    await db
      .update(careerEvents)
      .set({ note: 'Privé omstandigheden' })
      .where(eq(careerEvents.participantId, inTeam.id));

    const seen = await call(sup.cookie, { method: 'GET', url: `/api/v1/participants/${inTeam.id}` });
    expect(seen.statusCode).toBe(200);
    const d = seen.json();
    expect(d.view).toBe('summary');
    expect(d.confidential).toBeNull();
    expect(d.timeline.every((e: { note: string | null }) => e.note === null)).toBe(true);
    for (const secret of [inTeam.email, inTeam.phone, inTeam.dateOfBirth, referrer.name, 'Privé']) {
      expect(seen.body).not.toContain(secret);
    }
    expect((await call(sup.cookie, { method: 'GET', url: `/api/v1/participants/${elsewhere.id}` })).statusCode).toBe(
      404,
    );
    const write = await call(sup.cookie, {
      method: 'PATCH',
      url: `/api/v1/participants/${inTeam.id}`,
      payload: { firstName: 'X' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('participant: own dossier as a summary; anyone else’s 404; no list', async () => {
    const w = await workplace();
    const self = await buildUser(db, { organisationId: w.orgId, role: 'participant' });
    const cookie = await login(t.app, self);
    const own = await buildParticipant(db, { organisationId: w.orgId, userId: self.id });
    const other = await buildParticipant(db, { organisationId: w.orgId });
    const res = await call(cookie, { method: 'GET', url: `/api/v1/participants/${own.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ view: 'summary', confidential: null, id: own.id });
    expect((await call(cookie, { method: 'GET', url: `/api/v1/participants/${other.id}` })).statusCode).toBe(404);
    expect((await call(cookie, { method: 'GET', url: '/api/v1/participants' })).statusCode).toBe(403);
  });

  it('manager and admin read every dossier in full; a trainer may not; another organisation gets 404', async () => {
    const w = await workplace();
    const p = await buildParticipant(db, { organisationId: w.orgId });
    for (const role of ['manager', 'admin'] as const) {
      const res = await call((await w.as(role)).cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().view).toBe('full');
    }
    expect(
      (await call((await w.as('trainer')).cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` })).statusCode,
    ).toBe(403);
    const foreign = await workplace();
    const res = await call((await foreign.as('admin')).cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` });
    expect(res.statusCode).toBe(404);
  });

  it('a coach who is added to a caseload gains the dossier, and loses it when removed', async () => {
    const w = await workplace();
    const first = await w.as('coach');
    const second = await w.as('coach');
    const p = await buildParticipant(db, { organisationId: w.orgId, coachId: first.user.id });
    const get = (cookie: string) => call(cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` });
    expect((await get(second.cookie)).statusCode).toBe(404);
    const set = await call(first.cookie, {
      method: 'PUT',
      url: `/api/v1/participants/${p.id}/coaches`,
      payload: { userIds: [second.user.id] },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().coaches.map((c: { id: string }) => c.id)).toEqual([second.user.id]);
    expect((await get(second.cookie)).statusCode).toBe(200);
    expect((await get(first.cookie)).statusCode).toBe(404);
  });
});

describe('the caseload list', () => {
  type Item = { id: string; lastName: string; firstName: string; status: string };
  const list = async (cookie: string, query = '') => {
    const res = await call(cookie, { method: 'GET', url: `/api/v1/participants?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number };
  };

  it('shows a coach their caseload, a supervisor their teams, a manager everyone', async () => {
    const w = await workplace();
    const coach = await w.as('coach');
    const sup = await w.as('supervisor');
    const manager = await w.as('manager');
    await addSupervisor(db, w.team.id, sup.user.id, w.orgId);
    const mine = await buildParticipant(db, { organisationId: w.orgId, coachId: coach.user.id });
    const inTeam = await buildParticipant(db, { organisationId: w.orgId, teamId: w.team.id });
    const neither = await buildParticipant(db, { organisationId: w.orgId });
    // Another organisation's participant never shows up.
    await buildParticipant(db);
    expect((await list(coach.cookie)).items.map((i) => i.id)).toEqual([mine.id]);
    expect((await list(coach.cookie, 'scope=all')).items.map((i) => i.id)).toEqual([mine.id]);
    expect((await list(sup.cookie)).items.map((i) => i.id)).toEqual([inTeam.id]);
    const all = await list(manager.cookie);
    expect(all.items.map((i) => i.id).sort()).toEqual([mine.id, inTeam.id, neither.id].sort());
    expect(all.total).toBe(3);
    expect((await list(manager.cookie, 'scope=mine')).items).toEqual([]);
  });

  it('searches by name, filters, sorts and pages with a total', async () => {
    const w = await workplace();
    const admin = await w.as('admin');
    const coach = await buildUser(db, { organisationId: w.orgId, role: 'coach' });
    const otherTeam = await buildTeam(db, { organisationId: w.orgId });
    const make = (firstName: string, lastName: string, extra: Parameters<typeof buildParticipant>[1] = {}) =>
      buildParticipant(db, { organisationId: w.orgId, firstName, lastName, teamId: w.team.id, ...extra });
    const jan = await make('Jan', 'Peeters', { status: 'active', coachId: coach.id });
    const an = await make('An', 'Janssens', { status: 'registered', programmeType: 'activering' });
    const piet = await make('Piet', 'de Smet', { status: 'paused', teamId: otherTeam.id });
    await make('Els', 'Willems', { status: 'exited' });
    const gone = await make('Gert', 'Archief', { status: 'exited', archived: true });

    expect((await list(admin.cookie, 'q=jan')).items.map((i) => i.id).sort()).toEqual([jan.id, an.id].sort());
    expect((await list(admin.cookie, 'q=jan%20peet')).items.map((i) => i.id)).toEqual([jan.id]);
    expect((await list(admin.cookie, 'q=%25')).items).toEqual([]);
    expect((await list(admin.cookie, 'status=paused')).items.map((i) => i.id)).toEqual([piet.id]);
    expect((await list(admin.cookie, `teamId=${otherTeam.id}`)).items.map((i) => i.id)).toEqual([piet.id]);
    expect((await list(admin.cookie, `siteId=${otherTeam.siteId}`)).items.map((i) => i.id)).toEqual([piet.id]);
    expect((await list(admin.cookie, `coachId=${coach.id}`)).items.map((i) => i.id)).toEqual([jan.id]);
    expect((await list(admin.cookie, 'programmeType=activering')).items.map((i) => i.id)).toEqual([an.id]);

    // Archived dossiers are hidden unless asked for.
    expect((await list(admin.cookie)).total).toBe(4);
    expect((await list(admin.cookie, 'archived=true')).total).toBe(5);
    expect((await list(admin.cookie, 'archived=only')).items.map((i) => i.id)).toEqual([gone.id]);

    const names = (r: { items: Item[] }) => r.items.map((i) => i.lastName);
    expect(names(await list(admin.cookie))).toEqual(['de Smet', 'Janssens', 'Peeters', 'Willems']);
    expect(names(await list(admin.cookie, 'sort=name&order=desc'))).toEqual([
      'Willems',
      'Peeters',
      'Janssens',
      'de Smet',
    ]);
    expect((await list(admin.cookie, 'sort=status')).items.map((i) => i.status)).toEqual([
      'registered',
      'active',
      'paused',
      'exited',
    ]);
    // Start dates are equal in the factory; those without a start (registered) come last.
    expect(names(await list(admin.cookie, 'sort=startDate&order=desc')).at(-1)).toBe('Janssens');

    const page = await list(admin.cookie, 'limit=2&offset=1');
    expect(page.total).toBe(4);
    expect(names(page)).toEqual(['Janssens', 'Peeters']);
    expect((await list(admin.cookie, 'limit=2&offset=4')).items).toEqual([]);
  });

  it('lists coaches of each participant on the page', async () => {
    const w = await workplace();
    const admin = await w.as('admin');
    const c1 = await buildUser(db, { organisationId: w.orgId, role: 'coach', name: 'Anja' });
    const c2 = await buildUser(db, { organisationId: w.orgId, role: 'coach', name: 'Bart' });
    const p = await buildParticipant(db, { organisationId: w.orgId, coachId: c1.id });
    await addCoach(db, p.id, c2.id, w.orgId);
    const [item] = (await list(admin.cookie)).items as unknown as { coaches: { name: string }[] }[];
    expect(item?.coaches.map((c) => c.name)).toEqual(['Anja', 'Bart']);
  });

  it.each(['limit=0', 'limit=201', 'status=weg', 'sort=age', 'teamId=abc', 'bogus=1', 'archived=maybe'])(
    'refuses %s with 400',
    async (query) => {
      const w = await workplace();
      const res = await call((await w.as('admin')).cookie, { method: 'GET', url: `/api/v1/participants?${query}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    },
  );
});

describe('archive', () => {
  it('only after an exit; an archived dossier is read-only (409) but readable; the admin unarchives', async () => {
    const w = await workplace();
    const coach = await w.as('coach');
    const admin = await w.as('admin');
    const active = await buildParticipant(db, { organisationId: w.orgId, coachId: coach.user.id });
    const early = await call(coach.cookie, { method: 'POST', url: `/api/v1/participants/${active.id}/archive` });
    expect(early.statusCode).toBe(409);

    const left = await buildParticipant(db, { organisationId: w.orgId, coachId: coach.user.id, status: 'exited' });
    const archived = await call(coach.cookie, { method: 'POST', url: `/api/v1/participants/${left.id}/archive` });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archived).toBe(true);

    const writes: InjectOptions[] = [
      { method: 'PATCH', url: `/api/v1/participants/${left.id}`, payload: { firstName: 'X' } },
      {
        method: 'POST',
        url: `/api/v1/participants/${left.id}/career-events`,
        payload: { kind: 'start', date: '2024-09-01' },
      },
      { method: 'PUT', url: `/api/v1/participants/${left.id}/coaches`, payload: { userIds: [coach.user.id] } },
      { method: 'PUT', url: `/api/v1/participants/${left.id}/indications`, payload: { items: [] } },
      { method: 'PUT', url: `/api/v1/participants/${left.id}/stakeholders`, payload: { items: [] } },
      {
        method: 'POST',
        url: `/api/v1/participants/${left.id}/consents`,
        payload: { kind: 'share_progress_with_referrer', granted: true },
      },
      { method: 'POST', url: `/api/v1/participants/${left.id}/archive` },
    ];
    for (const options of writes) {
      for (const cookie of [coach.cookie, admin.cookie]) {
        const res = await call(cookie, options);
        expect(res.statusCode, `${options.method} ${options.url}`).toBe(409);
        expect(res.json().error.code).toBe('conflict');
      }
    }
    expect((await call(coach.cookie, { method: 'GET', url: `/api/v1/participants/${left.id}` })).statusCode).toBe(200);
    expect(
      (await call(coach.cookie, { method: 'POST', url: `/api/v1/participants/${left.id}/unarchive` })).statusCode,
    ).toBe(403);
    const back = await call(admin.cookie, { method: 'POST', url: `/api/v1/participants/${left.id}/unarchive` });
    expect(back.statusCode).toBe(200);
    expect(back.json().archived).toBe(false);
    const reentry = await call(coach.cookie, writes[1] as InjectOptions);
    expect(reentry.statusCode, reentry.body).toBe(201);
    expect(reentry.json().status).toBe('active');
  });
});

describe('confidential parts', () => {
  it('keeps indications and stakeholders as lists and consents as a record, all in the full view', async () => {
    const w = await workplace();
    const coach = await w.as('coach');
    const p = await buildParticipant(db, { organisationId: w.orgId, coachId: coach.user.id });
    const url = `/api/v1/participants/${p.id}`;
    const ind = await call(coach.cookie, {
      method: 'PUT',
      url: `${url}/indications`,
      payload: { items: [{ type: 'pmah', supportLevel: 'medium', validFrom: '2024-01-01', validUntil: '2026-12-31' }] },
    });
    expect(ind.statusCode, ind.body).toBe(200);
    expect(ind.json().confidential.indications).toMatchObject([{ type: 'pmah', supportLevel: 'medium' }]);
    const badRange = await call(coach.cookie, {
      method: 'PUT',
      url: `${url}/indications`,
      payload: { items: [{ type: 'pmp', supportLevel: 'low', validFrom: '2024-01-01', validUntil: '2023-01-01' }] },
    });
    expect(badRange.statusCode).toBe(400);
    const st = await call(coach.cookie, {
      method: 'PUT',
      url: `${url}/stakeholders`,
      payload: { items: [{ name: 'Moeder', relation: 'ouder', mayBeInvolved: true }] },
    });
    expect(st.json().confidential.stakeholders).toMatchObject([{ name: 'Moeder', mayBeInvolved: true, contact: null }]);
    for (const granted of [true, false]) {
      const c = await call(coach.cookie, {
        method: 'POST',
        url: `${url}/consents`,
        payload: { kind: 'share_progress_with_referrer', granted, recordedOn: '2024-03-01' },
      });
      expect(c.statusCode, c.body).toBe(201);
    }
    const d = (await call(coach.cookie, { method: 'GET', url })).json();
    // Newest first: the withdrawal is the current consent, the grant stays on record.
    expect(d.confidential.consents.map((c: { granted: boolean }) => c.granted)).toEqual([false, true]);
    expect(d.confidential.consents[0].recordedBy.id).toBe(coach.user.id);
  });

  it('lets PATCH change contact data and refuses a site that is not the team’s', async () => {
    const w = await workplace();
    const coach = await w.as('coach');
    const p = await buildParticipant(db, { organisationId: w.orgId, coachId: coach.user.id, teamId: w.team.id });
    const ok = await call(coach.cookie, {
      method: 'PATCH',
      url: `/api/v1/participants/${p.id}`,
      payload: { phone: null, address: 'Kaai 3, Gent' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().confidential).toMatchObject({ phone: null, address: 'Kaai 3, Gent' });
    const other = await buildSite(db, { organisationId: w.orgId });
    const refused = await call(coach.cookie, {
      method: 'PATCH',
      url: `/api/v1/participants/${p.id}`,
      payload: { siteId: other.id },
    });
    expect(refused.json().error.fields).toEqual({ siteId: 'team_at_other_site' });
    const team = await call(coach.cookie, {
      method: 'PATCH',
      url: `/api/v1/participants/${p.id}`,
      payload: { teamId: w.team.id },
    });
    expect(team.statusCode).toBe(400);
  });
});

describe('audit', () => {
  it('records every read of a dossier with who, which and when; never its contents', async () => {
    const w = await workplace();
    const coach = await w.as('coach');
    const sup = await w.as('supervisor');
    await addSupervisor(db, w.team.id, sup.user.id, w.orgId);
    const p = await buildParticipant(db, { organisationId: w.orgId, coachId: coach.user.id, teamId: w.team.id });
    const before = await lastAuditId();
    await call(coach.cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` });
    await call(sup.cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` });
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before), eq(auditLog.action, 'participant.read')))
      .orderBy(asc(auditLog.id));
    expect(
      rows.map((r) => ({ actorId: r.actorId, targetId: r.targetId, targetType: r.targetType, details: r.details })),
    ).toEqual([
      { actorId: coach.user.id, targetId: p.id, targetType: 'participant', details: { view: 'full' } },
      { actorId: sup.user.id, targetId: p.id, targetType: 'participant', details: { view: 'summary' } },
    ]);
    expect(rows.every((r) => r.at instanceof Date && r.organisationId === w.orgId)).toBe(true);
  });

  it('a refused read (404) leaves no read record; a write keeps field names, never values', async () => {
    const w = await workplace();
    const coach = await w.as('coach');
    const stranger = await w.as('coach');
    const p = await buildParticipant(db, { organisationId: w.orgId, coachId: coach.user.id });
    const before = await lastAuditId();
    expect((await call(stranger.cookie, { method: 'GET', url: `/api/v1/participants/${p.id}` })).statusCode).toBe(404);
    await call(coach.cookie, {
      method: 'PATCH',
      url: `/api/v1/participants/${p.id}`,
      payload: { email: 'geheim.adres@example.org', phone: '0499 99 99 99' },
    });
    await call(coach.cookie, {
      method: 'PUT',
      url: `/api/v1/participants/${p.id}/indications`,
      payload: { items: [{ type: 'pmah', supportLevel: 'high', validFrom: '2024-01-01', note: 'Geheime-notitie' }] },
    });
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before)).orderBy(asc(auditLog.id));
    expect(rows.map((r) => r.action)).toEqual(['participant.updated', 'participant.indications_set']);
    expect(rows[0]?.details).toEqual({ fields: ['email', 'phone'] });
    const text = JSON.stringify(rows);
    for (const value of ['geheim.adres', '0499', 'Geheime-notitie']) expect(text).not.toContain(value);
  });
});
