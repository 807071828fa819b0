import { type Gap, type LatestByRater, SELF_DIFFERENCE } from '#shared/competency-profile';

export interface GapInput {
  key: string;
  latest: LatestByRater;
  expected: { current: number | null; target: number | null };
}

/**
 * Conversation starters for one participant, in the order of `competencies`. Raters are never averaged: the
 * reference score is the supervisor's latest (the coach's only when the supervisor has not scored it), compared with
 * the target job profile's level (the current profile's when there is no target). Self and supervisor far apart is a
 * starter of its own, whatever the expectations. The mentor's scores are shown beside these, not judged.
 */
export function findGaps(competencies: readonly GapInput[]): Gap[] {
  const gaps: Gap[] = [];
  for (const c of competencies) {
    const { supervisor, coach, self } = c.latest;
    const reference = supervisor
      ? { rater: 'supervisor' as const, score: supervisor.score }
      : coach
        ? { rater: 'coach' as const, score: coach.score }
        : null;
    const expected =
      c.expected.target !== null
        ? { reason: 'below_target' as const, level: c.expected.target }
        : c.expected.current !== null
          ? { reason: 'below_current' as const, level: c.expected.current }
          : null;
    if (reference && expected && reference.score < expected.level) {
      gaps.push({
        competencyKey: c.key,
        reason: expected.reason,
        rater: reference.rater,
        score: reference.score,
        expected: expected.level,
      });
    }
    if (self && supervisor && Math.abs(self.score - supervisor.score) >= SELF_DIFFERENCE) {
      gaps.push({
        competencyKey: c.key,
        reason: self.score > supervisor.score ? 'self_higher' : 'self_lower',
        selfScore: self.score,
        supervisorScore: supervisor.score,
      });
    }
  }
  return gaps;
}
