import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDBACK_INTERVAL_DAYS } from '#shared/feedback';
import { participantStatuses } from '#shared/participants';
import { addDays, type CadenceInput, computeCadence, daysBetween, intervalFor, weekOf } from './cadence';

const EPOCH_2020 = Date.UTC(2020, 0, 1) / 86_400_000;
const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('1970-01-01', EPOCH_2020 + n));
const interval = fc.integer({ min: 1, max: 365 });

/** A random history: a start (or resume) some time before today, maybe a conversation since, any interval. */
const activeHistory = fc
  .record({
    today: day,
    startAgo: fc.integer({ min: 0, max: 800 }),
    heldAgo: fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }),
    intervalDays: interval,
  })
  .map(
    ({ today, startAgo, heldAgo, intervalDays }): CadenceInput => ({
      status: 'active',
      archived: false,
      lastStartOn: addDays(today, -startAgo),
      lastHeldOn: heldAgo === null ? null : addDays(today, -heldAgo),
      intervalDays,
      today,
    }),
  );

describe('date helpers', () => {
  it('weekOf gives the Monday and Sunday around the day', () => {
    fc.assert(
      fc.property(day, (d) => {
        const { monday, sunday } = weekOf(d);
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(daysBetween(monday, sunday)).toBe(6);
        expect(monday <= d && d <= sunday).toBe(true);
      }),
    );
  });

  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-01', 28)).toBe('2024-02-29');
    expect(addDays('2023-12-20', 28)).toBe('2024-01-17');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(weekOf('2025-01-01')).toEqual({ monday: '2024-12-30', sunday: '2025-01-05' });
    expect(weekOf('2025-03-30')).toEqual({ monday: '2025-03-24', sunday: '2025-03-30' });
  });
});

describe('computeCadence', () => {
  it('on a known history: due 28 days after the later of start and last conversation', () => {
    const base = { status: 'active', archived: false, intervalDays: 28 } as const;
    // Wednesday 2025-03-12: the week runs from Monday 10 to Sunday 16 March.
    const today = '2025-03-12';
    expect(computeCadence({ ...base, today, lastStartOn: '2025-01-06', lastHeldOn: '2025-02-10' })).toEqual({
      intervalDays: 28,
      anchor: '2025-02-10',
      nextDueOn: '2025-03-10',
      state: 'overdue',
    });
    expect(computeCadence({ ...base, today, lastStartOn: '2025-02-14', lastHeldOn: '2025-02-10' }).state).toBe(
      'due_this_week',
    );
    expect(computeCadence({ ...base, today, lastStartOn: '2025-02-12', lastHeldOn: null }).nextDueOn).toBe(
      '2025-03-12',
    );
    expect(computeCadence({ ...base, today, lastStartOn: '2025-02-19', lastHeldOn: null }).state).toBe('ok');
  });

  it('never puts the next date before the anchor, and the anchor is the latest of start and conversation', () => {
    fc.assert(
      fc.property(activeHistory, (input) => {
        const c = computeCadence(input);
        const latest = [input.lastStartOn, input.lastHeldOn].filter((d) => d !== null).sort();
        expect(c.anchor).toBe(latest[latest.length - 1]);
        expect(c.nextDueOn && c.anchor && c.nextDueOn > c.anchor).toBe(true);
        expect(daysBetween(c.anchor as string, c.nextDueOn as string)).toBe(input.intervalDays);
      }),
    );
  });

  it('is overdue exactly when more days than the interval have passed since the anchor', () => {
    fc.assert(
      fc.property(activeHistory, (input) => {
        const c = computeCadence(input);
        expect(c.state === 'overdue').toBe(daysBetween(c.anchor as string, input.today) > input.intervalDays);
      }),
    );
  });

  it('is never overdue right after a conversation recorded today', () => {
    fc.assert(
      fc.property(activeHistory, (input) => {
        expect(computeCadence({ ...input, lastHeldOn: input.today }).state).not.toBe('overdue');
      }),
    );
  });

  it('is due this week exactly when the date falls between today and Sunday', () => {
    fc.assert(
      fc.property(activeHistory, (input) => {
        const c = computeCadence(input);
        const due = c.nextDueOn as string;
        const inWeek = due >= input.today && due <= weekOf(input.today).sunday;
        expect(c.state === 'due_this_week').toBe(inWeek);
        expect(c.state === 'ok').toBe(due > weekOf(input.today).sunday);
      }),
    );
  });

  it('a later conversation never brings the next date forward', () => {
    fc.assert(
      fc.property(activeHistory, fc.integer({ min: 0, max: 60 }), (input, later) => {
        const before = computeCadence(input);
        const held = addDays(input.lastHeldOn ?? input.lastStartOn ?? input.today, later);
        const after = computeCadence({ ...input, lastHeldOn: held });
        expect((after.nextDueOn as string) >= (before.nextDueOn as string)).toBe(true);
      }),
    );
  });

  it('has no due date for a participant who is not active or is archived', () => {
    fc.assert(
      fc.property(activeHistory, fc.constantFrom(...participantStatuses), fc.boolean(), (input, status, archived) => {
        fc.pre(status !== 'active' || archived);
        const c = computeCadence({ ...input, status, archived });
        expect(c).toEqual({ intervalDays: input.intervalDays, anchor: null, nextDueOn: null, state: 'not_applicable' });
      }),
    );
  });
});

describe('intervalFor', () => {
  const teamIds = ['t1', 't2', 't3'];
  const types = ['maatwerk', 'activering', 'arbeidszorg'];
  /** A set of rules with at most one per team × programme type, as the database allows. */
  const ruleSet = fc
    .uniqueArray(
      fc.record({
        teamId: fc.option(fc.constantFrom(...teamIds), { nil: null }),
        programmeType: fc.option(fc.constantFrom(...types), { nil: null }),
        intervalDays: interval,
      }),
      { selector: (r) => `${r.teamId}|${r.programmeType}`, maxLength: 16 },
    )
    .chain((rules) => fc.shuffledSubarray(rules, { minLength: rules.length, maxLength: rules.length }));
  const participant = fc.record({
    teamId: fc.option(fc.constantFrom(...teamIds), { nil: null }),
    programmeType: fc.constantFrom(...types),
  });

  it('takes 28 days without rules, and the default rule when nothing else matches', () => {
    expect(intervalFor([], { teamId: 't1', programmeType: 'maatwerk' })).toBe(DEFAULT_FEEDBACK_INTERVAL_DAYS);
    const rules = [
      { teamId: null, programmeType: null, intervalDays: 21 },
      { teamId: 't2', programmeType: null, intervalDays: 14 },
      { teamId: null, programmeType: 'activering', intervalDays: 7 },
      { teamId: 't1', programmeType: 'activering', intervalDays: 3 },
    ];
    expect(intervalFor(rules, { teamId: 't1', programmeType: 'maatwerk' })).toBe(21);
    expect(intervalFor(rules, { teamId: 't2', programmeType: 'activering' })).toBe(14);
    expect(intervalFor(rules, { teamId: null, programmeType: 'activering' })).toBe(7);
    expect(intervalFor(rules, { teamId: 't1', programmeType: 'activering' })).toBe(3);
  });

  it('the most specific matching rule wins: team and programme, then team, then programme, then the default', () => {
    fc.assert(
      fc.property(ruleSet, participant, (rules, p) => {
        const find = (teamId: string | null, programmeType: string | null) =>
          rules.find((r) => r.teamId === teamId && r.programmeType === programmeType);
        const expected =
          (p.teamId ? find(p.teamId, p.programmeType) : undefined) ??
          (p.teamId ? find(p.teamId, null) : undefined) ??
          find(null, p.programmeType) ??
          find(null, null);
        expect(intervalFor(rules, p)).toBe(expected?.intervalDays ?? DEFAULT_FEEDBACK_INTERVAL_DAYS);
      }),
    );
  });

  it('ignores rules of other teams and other programme types, whatever their order', () => {
    fc.assert(
      fc.property(ruleSet, participant, (rules, p) => {
        const matching = rules.filter(
          (r) =>
            (r.teamId === null || r.teamId === p.teamId) &&
            (r.programmeType === null || r.programmeType === p.programmeType),
        );
        expect(intervalFor(rules, p)).toBe(intervalFor([...matching].reverse(), p));
      }),
    );
  });
});
