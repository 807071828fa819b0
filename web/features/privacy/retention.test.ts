import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retentionSettingsBody } from '#shared/privacy';
import {
  addMonths,
  RETENTION_MAX_MONTHS,
  RETENTION_MIN_MONTHS,
  retentionBody,
  retentionValues,
  validMonths,
} from './retention';

describe('retentionBody', () => {
  it('switches automatic erasure off with null', () => {
    expect(retentionBody({ mode: 'off', months: 36 })).toEqual({ monthsAfterExit: null });
  });

  it('sends the months when switched on', () => {
    expect(retentionBody({ mode: 'on', months: 36 })).toEqual({ monthsAfterExit: 36 });
  });

  it('lets the shared schema refuse an empty or out-of-range number on its field', () => {
    for (const months of ['', 11, 241, 12.5]) {
      const result = retentionSettingsBody.safeParse(retentionBody({ mode: 'on', months }));
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['monthsAfterExit']);
    }
  });

  it('round-trips every valid setting through the form values', () => {
    const setting = fc.option(fc.integer({ min: RETENTION_MIN_MONTHS, max: RETENTION_MAX_MONTHS }), { nil: null });
    fc.assert(
      fc.property(setting, (months) => {
        const body = retentionBody(retentionValues(months));
        expect(body).toEqual({ monthsAfterExit: months });
        expect(retentionSettingsBody.safeParse(body).success).toBe(true);
      }),
    );
  });
});

describe('validMonths', () => {
  it('agrees with the shared schema on every number the field can hold', () => {
    const input = fc.oneof(
      fc.integer({ min: -10, max: 300 }),
      fc.double({ min: -10, max: 300, noNaN: true }),
      fc.constant(''),
      fc.constant(Number.NaN),
    );
    fc.assert(
      fc.property(input, (months) => {
        const accepted = retentionSettingsBody.safeParse(retentionBody({ mode: 'on', months })).success;
        expect(validMonths(months)).toBe(accepted);
      }),
    );
  });
});

describe('addMonths', () => {
  it('adds months and years', () => {
    expect(addMonths('2024-03-15', 12)).toBe('2025-03-15');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2023-01-31', 13)).toBe('2024-02-29');
  });

  it('keeps the day when the target month has it, else takes the last day of that month', () => {
    const day = fc
      .record({
        y: fc.integer({ min: 2000, max: 2100 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate());
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: RETENTION_MAX_MONTHS }), ({ y, m, d }, months) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const [ty, tm, td] = addMonths(iso, months).split('-').map(Number) as [number, number, number];
        expect((ty - y) * 12 + (tm - m)).toBe(months);
        const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
        expect(td).toBe(Math.min(d, lastDay));
      }),
    );
  });
});
