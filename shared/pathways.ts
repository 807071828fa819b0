import { z } from 'zod';
import { id, isoDate, shortText } from './common';
import { workModes } from './competencies';
import { code } from './lists';
import { pastDate } from './participants';

/**
 * The pathway map (pakkettenschema): work packages per team, their requirements and the next steps between them,
 * and each participant's placement in a package. "Where do you see yourself in the schema?"
 *
 * Routes (server/modules/pathways):
 *   GET  /work-packages?teamId=&archived=true   the packages (with requirements and next steps): pathway.read
 *   POST /work-packages                          a new package: pathway.manage
 *   PUT  /work-packages/:id                      the whole definition replaced: pathway.manage
 *   POST /work-packages/:id/archive              out of the map; stays readable in history: pathway.manage
 *   POST /work-packages/:id/unarchive            back in the map: pathway.manage
 *   GET  /participants/:id/pathway               the participant's map, position and readiness (audited read)
 *   GET  /participants/me/pathway                the same for the participant themselves
 *   POST /participants/:id/placements            move the participant to a package (+ career event package_change)
 *
 * Field error codes besides the zod ones: duplicate (a competency, skill or next step twice); self_step (a next
 * step to the package itself); not_in_framework (a competency key the default framework does not have);
 * level_out_of_scale (a level above the default framework's scale); unknown_skill (a skill that does not exist or is
 * archived); unknown_reference (a package or job profile that does not exist); archived (a package or job profile
 * that is archived); not_in_list (an outflow code that is not an active exit destination); already_placed (the
 * participant is already in that package); before_current (a move dated before the current placement started);
 * name: already_in_use (409: another current package of the team has this name).
 */

export const MAX_PACKAGE_STEP = 20;
export const MAX_REQUIREMENTS = 40;
export const MAX_NEXT_STEPS = 12;

/** Where a next step leads: another package, a role up the ladder (job profile) or out (an exit destination). */
export const nextStepKinds = ['package', 'job_profile', 'outflow'] as const;
export type NextStepKind = (typeof nextStepKinds)[number];

export const packageCompetencyInput = z.strictObject({
  /** A competency of the organisation's default framework (its key is stable across versions). */
  competencyKey: code,
  level: z.number().int().min(1).max(10),
});

export const packageSkillInput = z.strictObject({
  /** An ILUO skill; level 1 = I, 2 = L, 3 = U, 4 = O. */
  skillId: id,
  level: z.number().int().min(1).max(4),
});

export const nextStepInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('package'), packageId: id }),
  z.strictObject({ kind: z.literal('job_profile'), jobProfileId: id }),
  /** An exit destination code (list exit_destination): a regular job, training, … */
  z.strictObject({ kind: z.literal('outflow'), exitDestination: code }),
]);
export type NextStepInput = z.infer<typeof nextStepInput>;

const stepTargetKey = (s: NextStepInput) =>
  s.kind === 'package'
    ? `p:${s.packageId}`
    : s.kind === 'job_profile'
      ? `j:${s.jobProfileId}`
      : `o:${s.exitDestination}`;

export const workPackageInput = z
  .strictObject({
    teamId: id,
    name: shortText(120),
    /** Position on the map: 1 = the first step. Several packages may share a step. */
    step: z.number().int().min(1).max(MAX_PACKAGE_STEP),
    workMode: z.enum(workModes),
    /** The kind of assignments, in plain words. */
    description: z.string().trim().max(1000).default(''),
    competencies: z.array(packageCompetencyInput).max(MAX_REQUIREMENTS).default([]),
    skills: z.array(packageSkillInput).max(MAX_REQUIREMENTS).default([]),
    nextSteps: z.array(nextStepInput).max(MAX_NEXT_STEPS).default([]),
  })
  .superRefine((p, ctx) => {
    const dup = (path: (string | number)[]) => ctx.addIssue({ code: 'custom', path, message: 'duplicate' });
    const keys = new Set<string>();
    p.competencies.forEach((c, i) => {
      if (keys.has(c.competencyKey)) dup(['competencies', i, 'competencyKey']);
      keys.add(c.competencyKey);
    });
    const skills = new Set<string>();
    p.skills.forEach((s, i) => {
      if (skills.has(s.skillId)) dup(['skills', i, 'skillId']);
      skills.add(s.skillId);
    });
    const steps = new Set<string>();
    p.nextSteps.forEach((s, i) => {
      const key = stepTargetKey(s);
      if (steps.has(key)) dup(['nextSteps', i]);
      steps.add(key);
    });
  });
export type WorkPackageInput = z.input<typeof workPackageInput>;

export const workPackageListQuery = z.strictObject({
  teamId: id.optional(),
  archived: z.enum(['true', 'false']).optional(),
});

// ---------- responses ----------

const named = z.object({ id, name: z.string() });

export const packageCompetency = z.object({ competencyKey: z.string(), name: z.string(), level: z.number().int() });
export const packageSkill = z.object({
  skillId: id,
  name: z.string(),
  level: z.number().int(),
  archived: z.boolean(),
});

export const nextStep = z.object({
  kind: z.enum(nextStepKinds),
  /** The package, job profile or exit destination it leads to (code as id for an outflow). */
  targetId: z.string(),
  /** Its name: the package's, the job profile's, or the exit destination's label. */
  label: z.string(),
  /** A package's step, a job profile's ladder step; null for an outflow. */
  step: z.number().int().nullable(),
  archived: z.boolean(),
});
export type NextStep = z.infer<typeof nextStep>;

export const workPackage = z.object({
  id,
  team: named,
  name: z.string(),
  step: z.number().int(),
  workMode: z.enum(workModes),
  description: z.string(),
  competencies: z.array(packageCompetency),
  skills: z.array(packageSkill),
  nextSteps: z.array(nextStep),
  archived: z.boolean(),
});
export type WorkPackage = z.infer<typeof workPackage>;

export const workPackageList = z.object({ items: z.array(workPackage) });

// ---------- a participant's position ----------

export const placementCreateBody = z.strictObject({
  packageId: id,
  /** From when: today or earlier. */
  fromDate: pastDate,
  note: z.string().trim().max(1000).optional(),
});

export const placement = z.object({
  id,
  package: named.extend({ step: z.number().int(), archived: z.boolean() }),
  fromDate: isoDate,
  /** Null for the current placement. */
  toDate: isoDate.nullable(),
});
export type Placement = z.infer<typeof placement>;

/** Where a current level comes from: the latest supervisor score, else the latest coach score; ILUO for skills. */
export const levelSources = ['supervisor', 'coach', 'iluo'] as const;

export const readinessItem = z.object({
  kind: z.enum(['competency', 'skill']),
  /** Competency key or skill id. */
  key: z.string(),
  name: z.string(),
  required: z.number().int(),
  /** Null when never scored or assessed. */
  current: z.number().int().nullable(),
  source: z.enum(levelSources).nullable(),
  met: z.boolean(),
});
export type ReadinessItem = z.infer<typeof readinessItem>;

export const readiness = z.object({
  items: z.array(readinessItem),
  met: z.number().int(),
  total: z.number().int(),
  /** Every requirement met (also when there are none). */
  ready: z.boolean(),
});
export type Readiness = z.infer<typeof readiness>;

export const participantPathway = z.object({
  participant: z.object({ id, name: z.string() }),
  current: placement.nullable(),
  /** Every placement, newest first (the current one included). */
  history: z.array(placement),
  /** The packages drawn: the current team's, every visited one and every next-step target. */
  packages: z.array(workPackage),
  /** The next steps of the current package, each with the participant's readiness. */
  nextSteps: z.array(nextStep.extend({ readiness })),
  /** Whether the caller may move the participant (pathway.place). */
  canPlace: z.boolean(),
});
export type ParticipantPathway = z.infer<typeof participantPathway>;
