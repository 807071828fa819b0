import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ComplianceSettings,
  type ComplianceStatus,
  complianceStatus,
  type PlanContent,
  planContent,
} from '#shared/development-plans';
import { participantStatuses } from '#shared/participants';
import { addDays, daysBetween } from '../feedback/cadence';
import {
  addMonths,
  type ComplianceInput,
  complianceOf,
  DUE_WINDOW_DAYS,
  deadlineCodes,
  incompleteCodes,
} from './compliance';

const EVALUATION: ComplianceSettings = { regime: 'evaluation', daysBeforeEvaluation: 10 };
const YEARLY: ComplianceSettings = { regime: 'yearly', daysBeforeEvaluation: 10 };

const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A plan that meets every content rule, with a review date. */
function completePlan(nextReviewDate: string | null = '2026-06-30', actions = 2): PlanContent {
  return planContent.parse({
    competencies: {
      genericCurrent: ['samenwerken'],
      genericFuture: ['initiatief'],
      technicalCurrent: [key(1)],
      technicalFuture: [key(2)],
    },
    actions: Array.from({ length: actions }, (_, i) => ({
      key: key(100 + i),
      what: `Actie ${i}`,
      owner: 'participant',
      dueDate: '2026-03-01',
    })),
    nextReviewDate,
  });
}

const active = (over: Partial<ComplianceInput> = {}): ComplianceInput => ({
  status: 'active',
  archived: false,
  startDate: '2026-01-15',
  firstAgreedOn: null,
  latest: null,
  ...over,
});

const codes = (s: ComplianceStatus) => s.reasons.map((r) => r.code);

describe('addMonths', () => {
  it('keeps the day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-12-20', 1)).toBe('2026-01-20');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29');
  });

  it('agrees with the calendar for any date and any number of months', () => {
    const calendar = (iso: string, months: number) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
      return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
    };
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2150-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 36 }),
        (date, months) => {
          const iso = date.toISOString().slice(0, 10);
          expect(addMonths(iso, months)).toBe(calendar(iso, months));
        },
      ),
    );
  });
});

describe('complianceOf on known cases', () => {
  it('is not applicable before a start, after an exit, when archived or without a start date', () => {
    for (const input of [
      active({ status: 'registered' }),
      active({ status: 'exited' }),
      active({ archived: true }),
      active({ startDate: null }),
    ]) {
      expect(complianceOf(input, EVALUATION, '2026-01-20')).toEqual({
        state: 'not_applicable',
        reasons: [],
        deadline: null,
        lastAgreedOn: null,
      });
    }
  });

  it('wants a first POP within one calendar month of the start', () => {
    expect(complianceOf(active(), EVALUATION, '2026-02-15')).toEqual({
      state: 'due',
      reasons: [{ code: 'no_plan', date: '2026-02-15' }],
      deadline: '2026-02-15',
      lastAgreedOn: null,
    });
    expect(complianceOf(active(), EVALUATION, '2026-02-16').state).toBe('late');
    // A paused participant has started: the rule holds.
    expect(complianceOf(active({ status: 'paused' }), EVALUATION, '2026-03-01').state).toBe('late');
  });

  it('keeps a late first POP as history, without making the state late', () => {
    const s = complianceOf(
      active({ firstAgreedOn: '2026-03-01', latest: { agreedOn: '2026-03-01', content: completePlan() } }),
      EVALUATION,
      '2026-03-02',
    );
    expect(s.state).toBe('ok');
    expect(s.reasons).toEqual([{ code: 'first_plan_late', date: '2026-03-01' }]);
    expect(s.deadline).toBe('2026-06-20');
    expect(s.lastAgreedOn).toBe('2026-03-01');
  });

  it('lists every missing part of the content as incomplete', () => {
    const content = planContent.parse({ actions: [completePlan().actions[0]] });
    const s = complianceOf(
      active({ firstAgreedOn: '2026-01-20', latest: { agreedOn: '2026-01-20', content } }),
      EVALUATION,
      '2026-01-21',
    );
    expect(s.state).toBe('incomplete');
    expect(codes(s)).toEqual([
      'missing_generic_current',
      'missing_generic_future',
      'missing_technical_current',
      'missing_technical_future',
      'too_few_actions',
      'no_review_date',
    ]);
    expect(s.deadline).toBeNull();
    // The yearly regime does not ask for a review date.
    expect(
      codes(complianceOf(active({ latest: { agreedOn: '2026-01-20', content } }), YEARLY, '2026-01-21')),
    ).not.toContain('no_review_date');
  });

  it('evaluation regime: the update is agreed by the review date minus the configured days', () => {
    const input = active({ firstAgreedOn: '2026-01-20', latest: { agreedOn: '2026-01-20', content: completePlan() } });
    // Review 2026-06-30, 10 days before: deadline 2026-06-20; due from 14 days before it (2026-06-06).
    expect(complianceOf(input, EVALUATION, '2026-06-05').state).toBe('ok');
    expect(complianceOf(input, EVALUATION, '2026-06-06')).toEqual({
      state: 'due',
      reasons: [{ code: 'update_before_review', date: '2026-06-20' }],
      deadline: '2026-06-20',
      lastAgreedOn: '2026-01-20',
    });
    expect(complianceOf(input, EVALUATION, '2026-06-20').state).toBe('due');
    expect(complianceOf(input, EVALUATION, '2026-06-21').state).toBe('late');
    expect(complianceOf(input, { regime: 'evaluation', daysBeforeEvaluation: 30 }, '2026-06-01').state).toBe('late');
  });

  it('yearly regime: the update is agreed within a year, due the last 30 days', () => {
    const input = active({ firstAgreedOn: '2026-01-20', latest: { agreedOn: '2026-01-20', content: completePlan() } });
    expect(complianceOf(input, YEARLY, '2026-12-20').state).toBe('ok');
    expect(complianceOf(input, YEARLY, '2026-12-21')).toMatchObject({
      state: 'due',
      reasons: [{ code: 'yearly_update', date: '2027-01-20' }],
      deadline: '2027-01-20',
    });
    expect(complianceOf(input, YEARLY, '2027-01-21').state).toBe('late');
  });

  it('late wins over incomplete, incomplete over due', () => {
    const content = completePlan('2026-06-30', 1);
    const input = active({ latest: { agreedOn: '2026-01-20', content } });
    expect(complianceOf(input, EVALUATION, '2026-06-10').state).toBe('incomplete');
    expect(codes(complianceOf(input, EVALUATION, '2026-06-10'))).toEqual(['too_few_actions', 'update_before_review']);
    expect(complianceOf(input, EVALUATION, '2026-06-21').state).toBe('late');
  });
});

// ---------- properties ----------

const EPOCH = '2024-01-01';
const day = fc.integer({ min: 0, max: 1500 }).map((n) => addDays(EPOCH, n));
const settingsArb = fc.record({
  regime: fc.constantFrom('evaluation' as const, 'yearly' as const),
  daysBeforeEvaluation: fc.integer({ min: 0, max: 90 }),
});
const contentArb = fc
  .record({
    genericCurrent: fc.boolean(),
    genericFuture: fc.boolean(),
    technicalCurrent: fc.boolean(),
    technicalFuture: fc.boolean(),
    actions: fc.integer({ min: 0, max: 4 }),
    reviewIn: fc.option(fc.integer({ min: -100, max: 500 }), { nil: null }),
  })
  .map((c) => (agreedOn: string) => {
    const plan = completePlan(c.reviewIn === null ? null : addDays(agreedOn, c.reviewIn), c.actions);
    const comp = plan.competencies;
    return {
      ...plan,
      competencies: {
        genericCurrent: c.genericCurrent ? comp.genericCurrent : [],
        genericFuture: c.genericFuture ? comp.genericFuture : [],
        technicalCurrent: c.technicalCurrent ? comp.technicalCurrent : [],
        technicalFuture: c.technicalFuture ? comp.technicalFuture : [],
      },
    };
  });

/** Any participant: any status, maybe archived, maybe a plan agreed some days after the start. */
const inputArb = fc
  .record({
    status: fc.constantFrom(...participantStatuses),
    archived: fc.boolean(),
    start: fc.option(day, { nil: null, freq: 8 }),
    plan: fc.option(
      fc.record({ firstAfter: fc.integer({ min: -30, max: 200 }), latestAfter: fc.integer({ min: 0, max: 900 }) }),
      { nil: null },
    ),
    content: contentArb,
  })
  .map(({ status, archived, start, plan, content }): ComplianceInput => {
    if (!plan || !start) return { status, archived, startDate: start, firstAgreedOn: null, latest: null };
    const firstAgreedOn = addDays(start, plan.firstAfter);
    const agreedOn = addDays(firstAgreedOn, plan.latestAfter);
    return { status, archived, startDate: start, firstAgreedOn, latest: { agreedOn, content: content(agreedOn) } };
  });

const timingCodes = new Set(deadlineCodes);
const contentCodes = new Set(incompleteCodes);

describe('complianceOf properties', () => {
  it('always answers the contract shape, with reasons consistent with the state and the deadline', () => {
    fc.assert(
      fc.property(inputArb, settingsArb, day, (input, settings, today) => {
        const s = complianceOf(input, settings, today);
        expect(complianceStatus.parse(s)).toEqual(s);
        const timing = s.reasons.filter((r) => timingCodes.has(r.code));
        const missing = s.reasons.filter((r) => contentCodes.has(r.code));
        // At most one deadline applies at a time, and it is the deadline the status names.
        expect(timing.length).toBeLessThanOrEqual(1);
        for (const r of timing) expect(r.date).toBe(s.deadline);
        switch (s.state) {
          case 'not_applicable':
            expect(s.reasons).toEqual([]);
            expect(s.deadline).toBeNull();
            break;
          case 'ok':
            // Never ok with a reason that is late, due or incomplete: only the history of a late first POP.
            expect(s.reasons.every((r) => r.code === 'first_plan_late')).toBe(true);
            if (s.deadline) expect(today < s.deadline).toBe(true);
            break;
          case 'late':
            expect(timing).toHaveLength(1);
            expect(s.deadline && today > s.deadline).toBe(true);
            break;
          case 'incomplete':
            expect(missing.length).toBeGreaterThan(0);
            if (timing.length) expect(s.deadline && today <= s.deadline).toBe(true);
            break;
          case 'due': {
            expect(missing).toEqual([]);
            expect(timing).toHaveLength(1);
            const deadline = s.deadline as string;
            expect(today <= deadline).toBe(true);
            if (timing[0]?.code === 'no_plan') expect(deadline).toBe(addMonths(input.startDate as string, 1));
            else expect(daysBetween(today, deadline)).toBeLessThanOrEqual(DUE_WINDOW_DAYS[settings.regime]);
            break;
          }
        }
        // first_plan_late is only ever history of a first POP agreed more than a month after the start.
        for (const r of s.reasons.filter((x) => x.code === 'first_plan_late')) {
          expect(input.startDate && r.date && r.date > addMonths(input.startDate, 1)).toBe(true);
        }
        if (s.state !== 'not_applicable') expect(s.lastAgreedOn).toBe(input.latest?.agreedOn ?? null);
      }),
      { numRuns: 500 },
    );
  });

  it('moving today later never turns late into anything else without a new agreed version', () => {
    fc.assert(
      fc.property(inputArb, settingsArb, day, fc.integer({ min: 1, max: 800 }), (input, settings, today, later) => {
        if (complianceOf(input, settings, today).state !== 'late') return;
        expect(complianceOf(input, settings, addDays(today, later)).state).toBe('late');
      }),
      { numRuns: 500 },
    );
  });

  it('moving today later never makes a state better (ok → due → late; incomplete stays at least incomplete)', () => {
    const rank = { not_applicable: 0, ok: 1, due: 2, incomplete: 3, late: 4 } as const;
    fc.assert(
      fc.property(inputArb, settingsArb, day, fc.integer({ min: 1, max: 800 }), (input, settings, today, later) => {
        const before = complianceOf(input, settings, today).state;
        const after = complianceOf(input, settings, addDays(today, later)).state;
        expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
      }),
      { numRuns: 500 },
    );
  });

  it('a complete plan agreed in time with a review far away is ok', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), settingsArb, (start, after, settings) => {
        const agreedOn = addDays(start, after);
        if (agreedOn > addMonths(start, 1)) return;
        const s = complianceOf(
          active({
            startDate: start,
            firstAgreedOn: agreedOn,
            latest: { agreedOn, content: completePlan(addDays(agreedOn, 200)) },
          }),
          settings,
          agreedOn,
        );
        expect(s.state).toBe('ok');
        expect(s.reasons).toEqual([]);
      }),
    );
  });
});
