import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseVersionContent, pictograms, sameVersionContent, type VersionContent } from './competencies';

/** Text as a person types it: words, spaces, line breaks (also Windows ones). */
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', '\n', '\r\n', ';', '"'), maxLength: 12 });
const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r\n'), maxLength: 3 });

const content: fc.Arbitrary<VersionContent> = fc.integer({ min: 2, max: 5 }).chain((levels) =>
  fc.record({
    scale: fc.tuple(
      ...Array.from({ length: levels }, (_, i) =>
        fc.record({ value: fc.constant(i + 1), label: text, meaning: text, pictogram: fc.constantFrom(...pictograms) }),
      ),
    ),
    competencies: fc.uniqueArray(
      fc.record({
        key: fc.nat(99).map((n) => `k_${n}`),
        name: text,
        description: text,
        indicators: fc.array(text, { minLength: levels, maxLength: levels }),
        escoUri: fc.option(fc.constant('http://data.europa.eu/esco/skill/1'), { nil: undefined }),
        escoLabel: fc.option(text, { nil: null }),
      }),
      { minLength: 1, maxLength: 4, selector: (x) => x.key },
    ),
  }),
);

/** The same content as a form might send it again: every text padded, missing ESCO fields as null or undefined. */
const resent = (c: VersionContent, pad: string): VersionContent => ({
  scale: c.scale.map((l) => ({ ...l, label: `${pad}${l.label}${pad}`, meaning: `${l.meaning}${pad}` })),
  competencies: c.competencies.map((x) => ({
    key: x.key,
    name: `${pad}${x.name}`,
    description: `${x.description}${pad}`,
    indicators: x.indicators.map((i) => `${pad}${i}${pad}`),
    escoUri: x.escoUri ?? null,
    escoLabel: x.escoLabel ? `${pad}${x.escoLabel}` : undefined,
  })),
});

describe('sameVersionContent: when a save needs no new version', () => {
  it('finds content the same as itself normalised, and as itself resent with whitespace around every text', () => {
    fc.assert(
      fc.property(content, whitespace, (c, pad) => {
        expect(sameVersionContent(c, normaliseVersionContent(c))).toBe(true);
        expect(sameVersionContent(c, resent(c, pad))).toBe(true);
        expect(sameVersionContent(resent(c, pad), c)).toBe(true);
      }),
    );
  });

  it('finds any real change to a level label different', () => {
    fc.assert(
      fc.property(content, fc.nat(), text, (c, at, label) => {
        const index = at % c.scale.length;
        const before = c.scale[index]?.label ?? '';
        fc.pre(label.replace(/\r\n/g, '\n').trim() !== before.replace(/\r\n/g, '\n').trim());
        const changed = { ...c, scale: c.scale.map((l, i) => (i === index ? { ...l, label } : l)) };
        expect(sameVersionContent(c, changed)).toBe(false);
      }),
    );
  });

  it('finds any change to an indicator, a pictogram or the order of competencies different', () => {
    fc.assert(
      fc.property(content, fc.nat(), (c, at) => {
        const index = at % c.competencies.length;
        const indicator = {
          ...c,
          competencies: c.competencies.map((x, i) =>
            i === index ? { ...x, indicators: x.indicators.map((s, j) => (j === 0 ? `${s}!` : s)) } : x,
          ),
        };
        expect(sameVersionContent(c, indicator)).toBe(false);
        const [first, ...rest] = c.scale;
        const other = pictograms.find((p) => p !== first?.pictogram) ?? 'seed';
        expect(
          sameVersionContent(c, {
            ...c,
            scale: [{ ...(first as VersionContent['scale'][0]), pictogram: other }, ...rest],
          }),
        ).toBe(false);
        const [a, b, ...others] = c.competencies;
        if (a && b) expect(sameVersionContent(c, { ...c, competencies: [b, a, ...others] })).toBe(false);
      }),
    );
  });

  it('treats a removed or added level as a change', () => {
    const scale = [1, 2, 3].map((value) => ({ value, label: `L${value}`, meaning: 'm', pictogram: 'seed' }));
    const c = { scale, competencies: [{ key: 'ab', name: 'n', description: 'd', indicators: ['a', 'b', 'c'] }] };
    expect(sameVersionContent(c, { ...c, scale: scale.slice(0, 2) })).toBe(false);
  });
});
