import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { code } from '#shared/lists';
import { codeFromLabel } from './codes';

describe('codeFromLabel', () => {
  it('makes readable codes from Dutch labels', () => {
    const none = new Set<string>();
    expect(codeFromLabel('Wijk-werken (PWA)', none)).toBe('wijk_werken_pwa');
    expect(codeFromLabel('Opleiding één', none)).toBe('opleiding_een');
    expect(codeFromLabel('Art. 60 §7', none)).toBe('art_60_7');
    expect(codeFromLabel('1ste job', none)).toBe('x_1ste_job');
    expect(codeFromLabel('!!', none)).toBeUndefined();
    expect(codeFromLabel('a', none)).toBeUndefined();
  });

  it('never gives a code that is taken', () => {
    expect(codeFromLabel('Maatwerk', new Set(['maatwerk', 'maatwerk_2']))).toBe('maatwerk_3');
  });

  it('gives, for any label and any taken codes, either nothing or a valid code that is not taken', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{1,39}$/)),
        (label, list) => {
          const taken = new Set(list);
          const result = codeFromLabel(label, taken);
          if (result === undefined) return;
          expect(code.safeParse(result).success).toBe(true);
          expect(taken.has(result)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
