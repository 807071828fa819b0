import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CurrentLevels, currentLevelOf, type Requirement, readinessFor } from './readiness';

const keys = ['samenwerken', 'stiptheid', 'zorgvuldigheid', 'veiligheid', 'plannen'];
const skillIds = ['s1', 's2', 's3', 's4'];

const requirement: fc.Arbitrary<Requirement> = fc.oneof(
  fc.record({
    kind: fc.constant('competency' as const),
    key: fc.constantFrom(...keys),
    name: fc.constant('Competentie'),
    level: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('skill' as const),
    key: fc.constantFrom(...skillIds),
    name: fc.constant('Taak'),
    level: fc.integer({ min: 1, max: 4 }),
  }),
);

const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
const levels: fc.Arbitrary<CurrentLevels> = fc
  .record({
    competencies: fc.dictionary(
      fc.constantFrom(...keys),
      fc.record({ supervisor: score, coach: score }, { requiredKeys: [] }),
    ),
    skills: fc.dictionary(fc.constantFrom(...skillIds), fc.integer({ min: 1, max: 4 })),
  })
  .map((l) => ({
    competencies: new Map(Object.entries(l.competencies)),
    skills: new Map(Object.entries(l.skills)),
  }));

describe('readinessFor', () => {
  it('is ready exactly when every requirement is met, and counts the met ones', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 8 }), levels, (reqs, have) => {
        const r = readinessFor(reqs, have);
        expect(r.total).toBe(reqs.length);
        expect(r.met).toBe(r.items.filter((i) => i.met).length);
        expect(r.ready).toBe(r.items.every((i) => i.met));
        for (const item of r.items) expect(item.met).toBe(item.current !== null && item.current >= item.required);
      }),
    );
  });

  it('adding a requirement that is already met never lowers readiness', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 8 }), requirement, levels, fc.nat(), (reqs, extra, have, n) => {
        const { current } = currentLevelOf(extra, have);
        fc.pre(current !== null);
        // Any level up to the current one is met.
        const met = { ...extra, level: 1 + (n % (current as number)) };
        const before = readinessFor(reqs, have);
        const after = readinessFor([...reqs, met], have);
        expect(after.met).toBe(before.met + 1);
        expect(after.ready).toBe(before.ready);
        // The share of met requirements does not go down.
        const share = (x: { met: number; total: number }) => (x.total ? x.met / x.total : 1);
        expect(share(after)).toBeGreaterThanOrEqual(share(before));
      }),
    );
  });

  it('adding a requirement that is not met makes the step not ready', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 8 }), requirement, levels, (reqs, extra, have) => {
        const { current } = currentLevelOf(extra, have);
        const unmet = { ...extra, level: (current ?? 0) + 1 };
        const after = readinessFor([...reqs, unmet], have);
        expect(after.ready).toBe(false);
      }),
    );
  });

  it('uses the supervisor score, the coach score only without one, and ILUO for skills', () => {
    const have: CurrentLevels = {
      competencies: new Map([
        ['samenwerken', { supervisor: 2, coach: 4 }],
        ['stiptheid', { coach: 3 }],
      ]),
      skills: new Map([['s1', 3]]),
    };
    const r = readinessFor(
      [
        { kind: 'competency', key: 'samenwerken', name: 'Samenwerken', level: 3 },
        { kind: 'competency', key: 'stiptheid', name: 'Stiptheid', level: 3 },
        { kind: 'competency', key: 'plannen', name: 'Plannen', level: 1 },
        { kind: 'skill', key: 's1', name: 'Maaien', level: 3 },
        { kind: 'skill', key: 's2', name: 'Snoeien', level: 1 },
      ],
      have,
    );
    expect(r.items.map((i) => [i.current, i.source, i.met])).toEqual([
      [2, 'supervisor', false],
      [3, 'coach', true],
      [null, null, false],
      [3, 'iluo', true],
      [null, null, false],
    ]);
    expect(r).toMatchObject({ met: 2, total: 5, ready: false });
    expect(readinessFor([], have)).toMatchObject({ met: 0, total: 0, ready: true });
  });
});
