import { z } from 'zod';
import { id, isoDate } from './common';
import { scaleLevel, workModes } from './competencies';
import { raterKinds } from './observations';
import { participantStatuses } from './participants';

/**
 * The pictures: a participant's competency profile (radar), its evolution over time and a team's heat map.
 * Every rater kind is its own series; nothing here averages raters together.
 */

const int = z.number().int();

/** The organisation's default framework in its current version: what the radar and the heat map are drawn on. */
export const currentFramework = z.object({
  id,
  name: z.string(),
  versionId: id,
  versionNumber: int,
});
export type CurrentFramework = z.infer<typeof currentFramework>;

/** The latest score of one rater kind; versionNumber tells when it was given in an older version of the framework. */
export const latestScore = z.object({ score: int, observedOn: isoDate, versionNumber: int });
export type LatestScore = z.infer<typeof latestScore>;

export const latestByRater = z.object({
  supervisor: latestScore.nullable(),
  coach: latestScore.nullable(),
  mentor: latestScore.nullable(),
  self: latestScore.nullable(),
});
export type LatestByRater = z.infer<typeof latestByRater>;

/** Where a gap comes from: the reference score below the expected level, or self and supervisor far apart. */
export const gapReasons = ['below_target', 'below_current', 'self_higher', 'self_lower'] as const;
export type GapReason = (typeof gapReasons)[number];

/** Self and supervisor scores this far apart (or further) make a conversation starter. */
export const SELF_DIFFERENCE = 2;

export const gap = z.discriminatedUnion('reason', [
  z.object({
    competencyKey: z.string(),
    /** below_target: under the target job profile's level; below_current: no target, under the current one. */
    reason: z.enum(['below_target', 'below_current']),
    /** The supervisor's latest score, or the coach's when the supervisor has not scored this competency. */
    rater: z.enum(['supervisor', 'coach']),
    score: int,
    expected: int,
  }),
  z.object({
    competencyKey: z.string(),
    reason: z.enum(['self_higher', 'self_lower']),
    selfScore: int,
    supervisorScore: int,
  }),
]);
export type Gap = z.infer<typeof gap>;

const jobProfileRef = z.object({ id, name: z.string(), ladderStep: int, workMode: z.enum(workModes) });

/** GET /participants/:id/competency-profile */
export const competencyProfile = z.object({
  participantId: id,
  /** Null when the organisation has no default framework yet. */
  framework: currentFramework.nullable(),
  /** The current version's scale, lowest level first: the radar's axes run from 1 to its length. */
  scale: z.array(scaleLevel),
  jobProfiles: z.object({ current: jobProfileRef.nullable(), target: jobProfileRef.nullable() }),
  /** The competencies of the current version, in their order. */
  competencies: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      description: z.string(),
      position: int,
      latest: latestByRater,
      /** The level the current and the target job profile expect (null: no profile, or no level for this one). */
      expected: z.object({ current: int.nullable(), target: int.nullable() }),
    }),
  ),
  /** Conversation starters, in the competencies' order. */
  gaps: z.array(gap),
});
export type CompetencyProfile = z.infer<typeof competencyProfile>;

// ---------- evolution ----------

export const competencyEvolutionQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Must be on or after from' });
    }
  });

export const evolutionPoint = z.object({ observedOn: isoDate, score: int, versionNumber: int });
export type EvolutionPoint = z.infer<typeof evolutionPoint>;

/** GET /participants/:id/competency-evolution */
export const competencyEvolution = z.object({
  participantId: id,
  framework: currentFramework.nullable(),
  /**
   * Every competency of the framework's versions, current ones first in their order, then keys that only older
   * versions had; the name is the one of the newest version that has the key.
   */
  competencies: z.array(z.object({ key: z.string(), name: z.string(), inCurrentVersion: z.boolean() })),
  /** One series per competency key × rater kind that has points, each in date order. */
  series: z.array(
    z.object({ competencyKey: z.string(), raterKind: z.enum(raterKinds), points: z.array(evolutionPoint) }),
  ),
  /** The framework's versions and the day each started (in Belgium): the markers on the time axis. */
  versions: z.array(z.object({ number: int, startedOn: isoDate })),
});
export type CompetencyEvolution = z.infer<typeof competencyEvolution>;

// ---------- team heat map ----------

/** active: participants whose status is active; all: every participant of the team that is not archived. */
export const heatmapStatuses = ['active', 'all'] as const;
export const competencyHeatmapQuery = z.strictObject({ status: z.enum(heatmapStatuses).default('active') });

export const heatmapCell = z.object({ score: int, observedOn: isoDate });
export type HeatmapCell = z.infer<typeof heatmapCell>;

/** GET /teams/:id/competency-heatmap */
export const competencyHeatmap = z.object({
  team: z.object({ id, name: z.string() }),
  framework: currentFramework.nullable(),
  scale: z.array(scaleLevel),
  competencies: z.array(z.object({ key: z.string(), name: z.string(), position: int })),
  /**
   * The team's participants the caller reaches, by name. `cells` follows `competencies`: the latest supervisor
   * score of each, or null.
   */
  rows: z.array(
    z.object({
      participantId: id,
      firstName: z.string(),
      lastName: z.string(),
      status: z.enum(participantStatuses),
      cells: z.array(heatmapCell.nullable()),
    }),
  ),
});
export type CompetencyHeatmap = z.infer<typeof competencyHeatmap>;
