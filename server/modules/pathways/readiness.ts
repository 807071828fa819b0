import type { Readiness, ReadinessItem } from '#shared/pathways';

/**
 * Readiness for a next step, as a pure function (no database, no clock).
 *
 * A requirement is met when the participant's current level is at least the required level:
 * - a competency: the latest supervisor score, or the latest coach score when no supervisor ever scored it
 *   (self and mentor scores never count: they are the participant's view and an outsider's);
 * - a skill: the current ILUO level (1 = I … 4 = O).
 * Ready means every requirement is met; a step without requirements is ready.
 */

export interface Requirement {
  kind: 'competency' | 'skill';
  key: string;
  name: string;
  level: number;
}

export interface CurrentLevels {
  /** Competency key → latest score per rater kind. */
  competencies: ReadonlyMap<string, { supervisor?: number; coach?: number }>;
  /** Skill id → current ILUO level. */
  skills: ReadonlyMap<string, number>;
}

export function currentLevelOf(
  requirement: Pick<Requirement, 'kind' | 'key'>,
  levels: CurrentLevels,
): Pick<ReadinessItem, 'current' | 'source'> {
  if (requirement.kind === 'skill') {
    const level = levels.skills.get(requirement.key);
    return level === undefined ? { current: null, source: null } : { current: level, source: 'iluo' };
  }
  const scores = levels.competencies.get(requirement.key);
  if (scores?.supervisor !== undefined) return { current: scores.supervisor, source: 'supervisor' };
  if (scores?.coach !== undefined) return { current: scores.coach, source: 'coach' };
  return { current: null, source: null };
}

export function readinessFor(requirements: readonly Requirement[], levels: CurrentLevels): Readiness {
  const items: ReadinessItem[] = requirements.map((r) => {
    const { current, source } = currentLevelOf(r, levels);
    return {
      kind: r.kind,
      key: r.key,
      name: r.name,
      required: r.level,
      current,
      source,
      met: current !== null && current >= r.level,
    };
  });
  const met = items.filter((i) => i.met).length;
  return { items, met, total: items.length, ready: met === items.length };
}
