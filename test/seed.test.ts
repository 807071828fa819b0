import { createHash } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { asc, count, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { username as usernameSchema } from '#shared/auth';
import { builtInListItems } from '#shared/lists';
import { generateDemo } from '../scripts/seed/demo';
import { exitDestinations } from '../scripts/seed/generators/participants';
import { DatabaseNotEmptyError, loadDataset } from '../scripts/seed/load';
import { addDays } from '../scripts/seed/random';
import type { Dataset } from '../scripts/seed/records';
import { DEMO_PASSWORD, type Scale, scales } from '../scripts/seed/scales';
import { type Generated, generateScale } from '../scripts/seed/scenario';
import { summarise } from '../scripts/seed/summary';
import type { Db } from '../server/db/client';
import { careerEvents, organisations, participants, user } from '../server/db/schema';
import { checkTimeline, deriveState } from '../server/modules/participants/timeline';
import { createTestApp, type TestApp } from './support/app';
import { login } from './support/factories';

/** The umbrella's shape at a size a test can afford. */
const small: Scale = {
  name: 'small',
  organisations: 3,
  participants: 150,
  years: 5,
  sites: [1, 3],
  teamsPerSite: [2, 3],
  participantsPerCoach: 30,
};

/** Map.groupBy is ES2024; Node 20 lacks it. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const fingerprint = (dataset: Dataset) => createHash('sha256').update(JSON.stringify(dataset)).digest('hex');

/** Every rule a generated data set must keep, whatever the seed: the same checks for the scales and the demo. */
function assertConsistent({ dataset, referenceDate }: Generated) {
  const ids = new Set<string>();
  for (const rows of [dataset.organisations, dataset.sites, dataset.teams, dataset.users, dataset.participants]) {
    for (const row of rows) {
      expect(ids.has(row.id as string), `duplicate id ${row.id}`).toBe(false);
      ids.add(row.id as string);
    }
  }
  const orgOf = new Map<string, string>();
  for (const rows of [dataset.sites, dataset.teams, dataset.users, dataset.referrers, dataset.participants]) {
    for (const row of rows) orgOf.set(row.id as string, row.organisationId);
  }
  const sameOrg = (id: string | null | undefined, organisationId: string) =>
    expect(id ? orgOf.get(id) : organisationId).toBe(organisationId);
  const teamSite = new Map(dataset.teams.map((t) => [t.id, t.siteId]));
  const roleOf = new Map(dataset.users.map((u) => [u.id, u.role]));

  for (const org of dataset.organisations) {
    const roles = new Set(dataset.users.filter((u) => u.organisationId === org.id).map((u) => u.role));
    for (const role of ['admin', 'manager', 'trainer', 'coach', 'supervisor'] as const) expect(roles).toContain(role);
    for (const team of dataset.teams.filter((t) => t.organisationId === org.id)) {
      expect(dataset.teamSupervisors.some((s) => s.teamId === team.id)).toBe(true);
    }
  }
  expect(new Set(dataset.users.map((u) => u.email)).size).toBe(dataset.users.length);
  for (const u of dataset.users.filter((x) => x.username))
    expect(usernameSchema.safeParse(u.username).success).toBe(true);

  const eventsOf = groupBy(dataset.careerEvents, (e) => e.participantId);
  const coachesOf = groupBy(dataset.participantCoaches, (c) => c.participantId);
  const programmeTypes = builtInListItems.programme_type.map((i) => i.code as string);
  for (const p of dataset.participants) {
    const events = eventsOf.get(p.id) ?? [];
    // seq is the insertion order: the loader inserts events in the order of the data set.
    const timeline = events.map((e, seq) => ({ kind: e.kind, date: e.date, seq, teamId: e.teamId }));
    expect(checkTimeline(timeline)).toBeNull();
    const state = deriveState(timeline);
    expect({ status: p.status, startDate: p.startDate, teamId: p.teamId }).toEqual({
      status: state.status,
      startDate: state.startDate,
      teamId: state.teamId ?? null,
    });
    const intake = events[0];
    expect(intake?.kind).toBe('intake');
    for (const e of events) {
      expect(e.date >= (intake?.date ?? '')).toBe(true);
      expect(e.date <= referenceDate).toBe(true);
      expect(e.organisationId).toBe(p.organisationId);
      sameOrg(e.teamId, p.organisationId);
      sameOrg(e.recordedBy, p.organisationId);
      if (e.kind === 'exit') expect(exitDestinations).toContain(e.exitDestination);
      else expect(e.exitDestination).toBeNull();
      if (e.kind === 'team_change') expect(e.teamId).toBeTruthy();
      if (e.kind === 'promotion') expect(e.toRole).toBe('hulpmeestergast');
    }
    if (p.archivedAt) expect(p.status).toBe('exited');
    expect(p.siteId).toBe(p.teamId ? teamSite.get(p.teamId) : p.siteId);
    sameOrg(p.siteId, p.organisationId);
    sameOrg(p.referrerId, p.organisationId);
    sameOrg(p.userId, p.organisationId);
    if (p.userId) expect(roleOf.get(p.userId)).toBe('participant');
    expect(programmeTypes).toContain(p.programmeType);
    expect(p.dateOfBirth < (intake?.date ?? '')).toBe(true);
    const coaches = coachesOf.get(p.id) ?? [];
    expect(coaches.length).toBeGreaterThan(0);
    for (const c of coaches) {
      expect(roleOf.get(c.userId)).toBe('coach');
      sameOrg(c.userId, p.organisationId);
    }
  }
  for (const i of dataset.indications) expect(!i.validUntil || i.validUntil >= i.validFrom).toBe(true);
  for (const c of dataset.consents) expect(c.recordedOn <= referenceDate).toBe(true);
}

describe('the generator', () => {
  it('gives the same data for the same seed, and other data for another seed', () => {
    const once = generateScale(small, { seed: 42 });
    const again = generateScale(small, { seed: 42 });
    const other = generateScale(small, { seed: 43 });
    expect(fingerprint(again.dataset)).toBe(fingerprint(once.dataset));
    expect(fingerprint(other.dataset)).not.toBe(fingerprint(once.dataset));
    expect(other.dataset.participants[0]?.id).not.toBe(once.dataset.participants[0]?.id);
  });

  it('makes the counts of the scale, with participants at every point of their path', () => {
    const { dataset } = generateScale(small, { seed: 1 });
    const s = summarise(dataset);
    expect(s.tables.organisations).toBe(3);
    expect(s.tables.participants).toBe(150);
    for (const status of ['registered', 'active', 'paused', 'exited']) expect(s.statuses[status]).toBeGreaterThan(0);
    expect(s.archived).toBeGreaterThan(0);
    const kinds = new Set(dataset.careerEvents.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['exit', 'intake', 'pause', 'promotion', 'resume', 'start', 'team_change']);
    // Five years of history: the oldest intake lies more than four years before the reference date.
    const oldest = dataset.careerEvents.map((e) => e.date).sort()[0] ?? '';
    expect(oldest < addDays('2026-06-30', -4 * 365)).toBe(true);
  });

  it('sizes the workplace scale as the issue describes', () => {
    const { dataset } = generateScale(scales.workplace, { seed: 1 });
    expect(dataset.organisations).toHaveLength(1);
    expect(dataset.participants).toHaveLength(300);
    assertConsistent(generateScale(scales.workplace, { seed: 1 }));
  });

  it('keeps every rule for any seed and reference date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.date({ min: new Date('2022-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (seed, day) => {
          const scale = { ...small, organisations: 2, participants: 40 };
          assertConsistent(generateScale(scale, { seed, referenceDate: day.toISOString().slice(0, 10) }));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('builds the demo workplace by hand: two sites, four teams, every role, about 40 people', () => {
    const demo = generateDemo('2026-11-23');
    assertConsistent(demo);
    const { dataset } = demo;
    expect(dataset.sites.map((s) => s.name).sort()).toEqual(['Antwerpen', 'Gent']);
    expect(dataset.teams.map((t) => t.name).sort()).toEqual(['Administratie', 'Groen', 'Industrie', 'Renovatie']);
    expect(dataset.participants).toHaveLength(40);
    const s = summarise(dataset);
    for (const role of ['admin', 'manager', 'trainer', 'coach', 'supervisor', 'participant']) {
      expect(s.roles[role]).toBeGreaterThan(0);
    }
    for (const status of ['registered', 'active', 'paused', 'exited']) expect(s.statuses[status]).toBeGreaterThan(0);
    expect(dataset.stakeholders.length).toBeGreaterThan(0);
    expect(dataset.consents.length).toBeGreaterThan(0);
    expect(dataset.participants.filter((p) => p.userId)).toHaveLength(2);
    expect(dataset.careerEvents.find((e) => e.note?.includes('hulpmeestergast'))).toBeTruthy();
    // Dates count back from the reference date: the demo always looks current.
    expect(
      generateDemo('2027-03-01')
        .dataset.careerEvents.map((e) => e.date)
        .sort()
        .at(-1),
    ).toBe('2027-02-26');
  });
});

/** Rows per table as the owner sees them. */
async function countRows(db: Db) {
  const rows = async (table: typeof organisations | typeof participants | typeof careerEvents | typeof user) =>
    (await db.select({ n: count() }).from(table))[0]?.n;
  return {
    organisations: await rows(organisations),
    users: await rows(user),
    participants: await rows(participants),
    careerEvents: await rows(careerEvents),
  };
}

/** The participants a coach finds in their caseload (not archived), by name, from the generated rows. */
function caseloadOf(dataset: Dataset, coachId: string) {
  const mine = new Set(dataset.participantCoaches.filter((c) => c.userId === coachId).map((c) => c.participantId));
  return dataset.participants
    .filter((p) => mine.has(p.id) && !p.archivedAt)
    .map((p) => `${p.firstName} ${p.lastName}`)
    .sort();
}

describe('loading', () => {
  let passwordHash: string;
  beforeAll(async () => {
    passwordHash = await hashPassword(DEMO_PASSWORD);
  });

  describe('a generated scale', () => {
    let t: TestApp;
    const generated = generateScale(small, { seed: 5 });
    beforeAll(async () => {
      t = await createTestApp();
      await loadDataset(t.database.db, generated.dataset, { passwordHash, origin: { scale: 'small', seed: 5 } });
    });
    afterAll(() => t.close());

    it('stores every row, with the cached status equal to the timeline the database orders by (date, seq)', async () => {
      const db = t.database.db;
      expect(await countRows(db)).toEqual({
        organisations: 3,
        users: generated.dataset.users.length,
        participants: 150,
        careerEvents: generated.dataset.careerEvents.length,
      });
      const stored = await db
        .select({
          participantId: careerEvents.participantId,
          kind: careerEvents.kind,
          date: careerEvents.date,
          seq: careerEvents.seq,
          teamId: careerEvents.teamId,
        })
        .from(careerEvents)
        .orderBy(asc(careerEvents.seq));
      const byParticipant = groupBy(stored, (e) => e.participantId);
      const cached = await db.select().from(participants);
      for (const p of cached) {
        const state = deriveState(byParticipant.get(p.id) ?? []);
        expect([p.status, p.startDate]).toEqual([state.status, state.startDate]);
      }
    });

    it('lets a generated coach log in and see their caseload', async () => {
      const coach = generated.dataset.users.find(
        (u) => u.role === 'coach' && caseloadOf(generated.dataset, u.id as string).length > 0,
      );
      if (!coach) throw new Error('no coach with a caseload');
      const cookie = await login(t.app, { loginName: coach.email, password: DEMO_PASSWORD });
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/participants?limit=200', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const names = res
        .json()
        .items.map((p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`);
      expect(names.sort()).toEqual(caseloadOf(generated.dataset, coach.id as string));
    });

    it('refuses a database that already holds organisations, and changes nothing', async () => {
      const before = await countRows(t.database.db);
      const other = generateScale(small, { seed: 6 });
      await expect(loadDataset(t.database.db, other.dataset, { passwordHash, origin: {} })).rejects.toBeInstanceOf(
        DatabaseNotEmptyError,
      );
      expect(await countRows(t.database.db)).toEqual(before);
    });
  });

  describe('the demo workplace', () => {
    let t: TestApp;
    const demo = generateDemo('2026-11-23');
    beforeAll(async () => {
      t = await createTestApp();
      await loadDataset(t.database.db, demo.dataset, { passwordHash, origin: { scenario: 'demo' } });
    });
    afterAll(() => t.close());

    it('lets the demo coach log in and see her caseload', async () => {
      const cookie = await login(t.app, { loginName: 'sofie@demo.example.org', password: DEMO_PASSWORD });
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/participants?limit=100', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const sofie = demo.dataset.users.find((u) => u.email === 'sofie@demo.example.org');
      const expected = caseloadOf(demo.dataset, sofie?.id as string);
      expect(expected.length).toBeGreaterThan(5);
      expect(
        body.items.map((p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`).sort(),
      ).toEqual(expected);
    });

    it('lets a participant log in and open their own dossier with its timeline', async () => {
      const cookie = await login(t.app, { loginName: 'yusuf.demir', password: DEMO_PASSWORD });
      const yusuf = demo.dataset.participants.find((p) => p.firstName === 'Yusuf');
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/participants/${yusuf?.id}`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['intake', 'start', 'team_change']);
    });

    it('keeps the setup wizard closed', async () => {
      const rows = await t.database.db.execute(sql`select count(*)::int as n from instance_setup`);
      expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
    });
  });
});
