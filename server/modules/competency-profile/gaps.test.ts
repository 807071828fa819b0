import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LatestScore, SELF_DIFFERENCE } from '#shared/competency-profile';
import { findGaps, type GapInput } from './gaps';

const score = (n: number): LatestScore => ({ score: n, observedOn: '2025-03-10', versionNumber: 1 });
const maybeScore = fc.option(fc.integer({ min: 1, max: 5 }).map(score), { nil: null });
const maybeLevel = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });

const competency = (key: string) =>
  fc.record({
    key: fc.constant(key),
    latest: fc.record({ supervisor: maybeScore, coach: maybeScore, mentor: maybeScore, self: maybeScore }),
    expected: fc.record({ current: maybeLevel, target: maybeLevel }),
  });
const profile = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => competency(`k${i}`))))
  .map((list): GapInput[] => list);

describe('findGaps', () => {
  it('flags a competency below the expectation exactly when the reference score is below it', () => {
    fc.assert(
      fc.property(profile, (competencies) => {
        const gaps = findGaps(competencies);
        for (const c of competencies) {
          const reference = c.latest.supervisor ?? c.latest.coach;
          const expected = c.expected.target ?? c.expected.current;
          const below = gaps.filter(
            (g) => g.competencyKey === c.key && (g.reason === 'below_target' || g.reason === 'below_current'),
          );
          const shouldFlag = reference !== null && expected !== null && reference.score < expected;
          expect(below).toHaveLength(shouldFlag ? 1 : 0);
          const [gap] = below;
          if (gap && 'rater' in gap) {
            // The supervisor's score wins over the coach's; the target over the current profile.
            expect(gap.rater).toBe(c.latest.supervisor ? 'supervisor' : 'coach');
            expect(gap.score).toBe(reference?.score);
            expect(gap.reason).toBe(c.expected.target !== null ? 'below_target' : 'below_current');
            expect(gap.expected).toBe(expected);
          }
        }
      }),
    );
  });

  it('flags self and supervisor apart by the threshold or more, in the right direction', () => {
    fc.assert(
      fc.property(profile, (competencies) => {
        const gaps = findGaps(competencies);
        for (const c of competencies) {
          const apart = gaps.filter(
            (g) => g.competencyKey === c.key && (g.reason === 'self_higher' || g.reason === 'self_lower'),
          );
          const { self, supervisor } = c.latest;
          const far =
            self !== null && supervisor !== null && Math.abs(self.score - supervisor.score) >= SELF_DIFFERENCE;
          expect(apart).toHaveLength(far ? 1 : 0);
          const [gap] = apart;
          if (gap && self && supervisor) {
            expect(gap.reason).toBe(self.score > supervisor.score ? 'self_higher' : 'self_lower');
            expect(gap).toMatchObject({ selfScore: self.score, supervisorScore: supervisor.score });
          }
        }
      }),
    );
  });

  it('never looks at the mentor and never mixes raters: changing mentor scores changes nothing', () => {
    fc.assert(
      fc.property(profile, fc.array(maybeScore, { minLength: 8, maxLength: 8 }), (competencies, mentors) => {
        const other = competencies.map((c, i) => ({ ...c, latest: { ...c.latest, mentor: mentors[i] ?? null } }));
        expect(findGaps(other)).toEqual(findGaps(competencies));
      }),
    );
  });

  it('keeps the competencies order and only names competencies it was given', () => {
    fc.assert(
      fc.property(profile, (competencies) => {
        const order = competencies.map((c) => c.key);
        const positions = findGaps(competencies).map((g) => order.indexOf(g.competencyKey));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
    );
  });

  it('says nothing without scores', () => {
    const none = { supervisor: null, coach: null, mentor: null, self: null };
    expect(findGaps([{ key: 'samenwerken', latest: none, expected: { current: 3, target: 4 } }])).toEqual([]);
  });

  it('uses the coach only when the supervisor has not scored, and the current profile only without a target', () => {
    const gaps = findGaps([
      {
        key: 'stiptheid',
        latest: { supervisor: null, coach: score(2), mentor: score(1), self: score(4) },
        expected: { current: 3, target: null },
      },
      {
        key: 'samenwerken',
        latest: { supervisor: score(3), coach: score(1), mentor: null, self: score(1) },
        expected: { current: 2, target: 4 },
      },
    ]);
    expect(gaps).toEqual([
      { competencyKey: 'stiptheid', reason: 'below_current', rater: 'coach', score: 2, expected: 3 },
      { competencyKey: 'samenwerken', reason: 'below_target', rater: 'supervisor', score: 3, expected: 4 },
      { competencyKey: 'samenwerken', reason: 'self_lower', selfScore: 1, supervisorScore: 3 },
    ]);
  });
});
