import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainStatuses } from '#shared/action-plans';
import { countPerDomain } from './counts';

const item = (code: string, active = true) => ({ code, label: code, active, builtIn: false });

describe('countPerDomain', () => {
  it('lists every active domain, counts the unsaved as not discussed, and keeps codes that left the list', () => {
    const list = [item('alcohol'), item('drugs'), item('old', false), item('unused', false)];
    const saved = [
      { domainCode: 'alcohol', status: 'attention', count: 2 },
      { domainCode: 'alcohol', status: 'not_discussed', count: 1 },
      { domainCode: 'old', status: 'hindering', count: 1 },
      { domainCode: 'gone', status: 'no_concern', count: 1 },
    ];
    expect(countPerDomain(list, saved, 5)).toEqual([
      { domainCode: 'alcohol', status: 'not_discussed', count: 3 },
      { domainCode: 'alcohol', status: 'attention', count: 2 },
      { domainCode: 'drugs', status: 'not_discussed', count: 5 },
      { domainCode: 'old', status: 'not_discussed', count: 4 },
      { domainCode: 'old', status: 'hindering', count: 1 },
      { domainCode: 'gone', status: 'not_discussed', count: 4 },
      { domainCode: 'gone', status: 'no_concern', count: 1 },
    ]);
  });

  it('adds up to the participants with a PAP in every domain', () => {
    const codes = ['a', 'b', 'c', 'd'];
    const savedRows = fc.uniqueArray(
      fc.record({ domainCode: fc.constantFrom(...codes), status: fc.constantFrom(...domainStatuses) }),
      { selector: (r) => `${r.domainCode}/${r.status}` },
    );
    fc.assert(
      fc.property(savedRows, fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 16, maxLength: 16 }), (rows, ns) => {
        const saved = rows.map((row, i) => ({ ...row, count: ns[i] ?? 1 }));
        // At most one row per participant and domain: the PAP total is at least what any domain holds.
        const perDomain = codes.map((c) => saved.filter((l) => l.domainCode === c).reduce((s, l) => s + l.count, 0));
        const withPap = Math.max(0, ...perDomain) + 3;
        const lines = countPerDomain(
          codes.slice(0, 2).map((c) => item(c)),
          saved,
          withPap,
        );
        const shown = new Set(lines.map((l) => l.domainCode));
        for (const code of ['a', 'b', ...saved.map((l) => l.domainCode)]) {
          expect(shown.has(code)).toBe(true);
          const total = lines.filter((l) => l.domainCode === code).reduce((s, l) => s + l.count, 0);
          expect(total).toBe(withPap);
        }
      }),
    );
  });
});
