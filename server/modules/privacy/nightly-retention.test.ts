import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, loggedIn } from '../../../test/support/factories';
import { auditLog, careerEvents, participants } from '../../db/schema';
import { brusselsWallClock, nextRunAt, retentionEverywhere, scheduleNightlyRetention } from './nightly-retention';
import { setRetention } from './service';

const pad = (n: number) => String(n).padStart(2, '0');
const wallTime = (instant: Date) => {
  const w = brusselsWallClock(instant);
  return `${pad(w.hour)}:${pad(w.minute)}`;
};

describe('nextRunAt', () => {
  it('is the next moment the Belgian clock shows the time, in winter and in summer', () => {
    // 17:00 in Brussels (winter, UTC+1): tonight's 02:15 is tomorrow 01:15 UTC.
    expect(nextRunAt(new Date('2026-12-07T16:00:00Z'), '02:15').toISOString()).toBe('2026-12-08T01:15:00.000Z');
    // 01:00 in Brussels: 02:15 is still to come today.
    expect(nextRunAt(new Date('2026-12-08T00:00:00Z'), '02:15').toISOString()).toBe('2026-12-08T01:15:00.000Z');
    // Exactly at the moment: the next one is a day later.
    expect(nextRunAt(new Date('2026-12-08T01:15:00Z'), '02:15').toISOString()).toBe('2026-12-09T01:15:00.000Z');
    // Summer (UTC+2).
    expect(nextRunAt(new Date('2026-07-01T12:00:00Z'), '02:15').toISOString()).toBe('2026-07-02T00:15:00.000Z');
    // Across the end of a month and a year.
    expect(nextRunAt(new Date('2026-12-31T22:45:00Z'), '23:30').toISOString()).toBe('2027-01-01T22:30:00.000Z');
  });

  it('runs an hour later on the clock when the spring change skips the time, and once in the autumn overlap', () => {
    // 29 March 2026: the clock jumps from 02:00 to 03:00. 02:15 does not exist; 03:15 CEST is 01:15 UTC.
    const spring = nextRunAt(new Date('2026-03-28T12:00:00Z'), '02:15');
    expect(spring.toISOString()).toBe('2026-03-29T01:15:00.000Z');
    expect(wallTime(spring)).toBe('03:15');
    // 25 October 2026: 02:00–03:00 happens twice; one run, at the second 02:15 (01:15 UTC).
    const autumn = nextRunAt(new Date('2026-10-24T12:00:00Z'), '02:15');
    expect(autumn.toISOString()).toBe('2026-10-25T01:15:00.000Z');
    expect(nextRunAt(autumn, '02:15').toISOString()).toBe('2026-10-26T01:15:00.000Z');
  });

  it('is always after now, at most a day and an hour later, and at the asked time on the Belgian clock', () => {
    const times = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${pad(h)}:${pad(m)}`);
    const instants = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, times, (now, at) => {
        const next = nextRunAt(now, at);
        expect(next.getTime()).toBeGreaterThan(now.getTime());
        expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3600_000);
        const shown = wallTime(next);
        // Only a time the spring change skips (02:xx) shows an hour later.
        if (shown !== at) expect(shown).toBe(`03:${at.slice(3)}`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('scheduleNightlyRetention', () => {
  afterEach(() => vi.useRealTimers());
  const quietLog = () => ({ info: vi.fn(), error: vi.fn() });

  it('runs at the time every night, logs counts only, and stops when told', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T16:00:00Z') });
    const run = vi.fn(async () => ({ organisations: 2, anonymised: 3 }));
    const log = quietLog();
    const job = scheduleNightlyRetention(run, log, '02:15');
    await vi.advanceTimersByTimeAsync(9 * 3600_000 + 14 * 60_000); // 01:14 UTC: a minute early
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(log.info).toHaveBeenCalledWith({ organisations: 2, anonymised: 3 }, 'nightly retention run done');
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(run).toHaveBeenCalledTimes(2);
    job.stop();
    await vi.advanceTimersByTimeAsync(48 * 3600_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('logs a failed run and tries again the next night', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T16:00:00Z') });
    const run = vi
      .fn<() => Promise<{ organisations: number; anonymised: number }>>()
      .mockRejectedValueOnce(new Error('database gone'))
      .mockResolvedValue({ organisations: 1, anonymised: 0 });
    const log = quietLog();
    const job = scheduleNightlyRetention(run, log, '02:15');
    await vi.advanceTimersByTimeAsync(10 * 3600_000);
    expect(log.error).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(log.info).toHaveBeenCalledTimes(1);
    job.stop();
  });
});

describe('retentionEverywhere', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function exitedOn(organisationId: string, exitDate: string) {
    const p = await buildParticipant(t.database.db, { organisationId, status: 'exited' });
    await t.database.db
      .update(careerEvents)
      .set({ date: exitDate })
      .where(and(eq(careerEvents.participantId, p.id), eq(careerEvents.kind, 'exit')));
    return p;
  }

  it('erases who is due in every organisation with a period, as the system, and nobody else', async () => {
    const db = t.database.db;
    const withPeriod = await Promise.all([buildOrganisation(db), buildOrganisation(db)]);
    const without = await buildOrganisation(db);
    for (const org of withPeriod) {
      const { user } = await loggedIn(t.app, db, 'admin', org.id);
      const ctx = { actor: { id: user.id, name: user.name, role: 'admin' as const, organisationId: org.id } };
      await setRetention(db, ctx, { monthsAfterExit: 12 }, '2025-03-15');
    }
    const due = await Promise.all(withPeriod.map((org) => exitedOn(org.id, '2020-01-01')));
    const recent = await exitedOn(withPeriod[0]?.id ?? '', '2025-01-01');
    const untouched = await exitedOn(without.id, '2000-01-01');

    const result = await retentionEverywhere(db, '2025-03-15');
    expect(result.anonymised).toBe(2);
    expect(result.organisations).toBeGreaterThanOrEqual(3);

    const rows = await db.select({ id: participants.id, anonymisedAt: participants.anonymisedAt }).from(participants);
    const erased = new Set(rows.filter((r) => r.anonymisedAt).map((r) => r.id));
    expect(erased).toEqual(new Set(due.map((p) => p.id)));
    expect(erased.has(recent.id) || erased.has(untouched.id)).toBe(false);
    const audits = await db
      .select({ actorId: auditLog.actorId, targetId: auditLog.targetId })
      .from(auditLog)
      .where(eq(auditLog.action, 'privacy.anonymised'));
    expect(audits.map((a) => a.actorId)).toEqual(['system:retention', 'system:retention']);
    expect(await retentionEverywhere(db, '2025-03-15')).toMatchObject({ anonymised: 0 });
  });
});
