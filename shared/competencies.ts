import { z } from 'zod';
import { id, shortText } from './common';
import { code } from './lists';

/**
 * Competency frameworks, their rating scales and job profiles: the contract for the admin screens, the observation
 * forms and the charts. A framework's content (scale + competencies) is versioned; see server/db/schema/competencies.ts.
 */

/** Uitvoerend (carrying out assignments) or inzichtelijk (understanding and organising the work). */
export const workModes = ['uitvoerend', 'inzichtelijk'] as const;
export type WorkMode = (typeof workModes)[number];

/** Pictograms a scale level can show; the web draws each as an icon with the level's label beside it. */
export const pictograms = ['seed', 'sprout', 'plant', 'tree', 'star', 'thumb_up', 'check', 'flag'] as const;
export type Pictogram = (typeof pictograms)[number];

export const SCALE_MIN_LEVELS = 2;
export const SCALE_MAX_LEVELS = 10;
export const FRAMEWORK_MAX_COMPETENCIES = 40;

export const scaleLevel = z.strictObject({
  value: z.number().int().min(1).max(SCALE_MAX_LEVELS),
  label: shortText(40),
  /** What the level means, in words a participant understands. */
  meaning: shortText(300),
  pictogram: z.enum(pictograms),
});
export type ScaleLevel = z.infer<typeof scaleLevel>;

/** Levels 1..n, lowest first, no gaps. */
export const ratingScale = z
  .array(scaleLevel)
  .min(SCALE_MIN_LEVELS)
  .max(SCALE_MAX_LEVELS)
  .refine((levels) => levels.every((l, i) => l.value === i + 1), 'Levels must be numbered 1, 2, 3… in order');

const escoUri = z
  .url()
  .max(200)
  .regex(/^http:\/\/data\.europa\.eu\/esco\//, 'Use an ESCO URI (http://data.europa.eu/esco/…)');

export const competencyInput = z.strictObject({
  /** Stable across versions: ratings of "samenwerken" in version 1 and version 2 form one line. */
  key: code,
  name: shortText(80),
  description: shortText(600),
  /** One behavioural indicator per scale level, lowest first. */
  indicators: z.array(shortText(600)),
  escoUri: escoUri.nullish(),
  escoLabel: shortText(200).nullish(),
});
export type CompetencyInput = z.infer<typeof competencyInput>;

/** The whole content of a framework: creating one, or saving a change (which may create a new version). */
export const frameworkInput = z
  .strictObject({
    name: shortText(120),
    description: z.string().trim().max(2000).nullish(),
    scale: ratingScale,
    competencies: z.array(competencyInput).min(1).max(FRAMEWORK_MAX_COMPETENCIES),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.competencies.forEach((c, i) => {
      if (seen.has(c.key)) ctx.addIssue({ code: 'custom', path: ['competencies', i, 'key'], message: 'duplicate' });
      seen.add(c.key);
      if (c.indicators.length !== f.scale.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['competencies', i, 'indicators'],
          message: `Give one indicator per scale level (${f.scale.length})`,
        });
      }
    });
  });
export type FrameworkInput = z.infer<typeof frameworkInput>;

// ---------- responses ----------

export const competency = z.object({
  id,
  key: z.string(),
  position: z.number().int(),
  name: z.string(),
  description: z.string(),
  indicators: z.array(z.string()),
  escoUri: z.string().nullable(),
  escoLabel: z.string().nullable(),
});
export type Competency = z.infer<typeof competency>;

/** One version of a framework, complete: what an observation form, a self-assessment or a mentor form shows. */
export const frameworkVersion = z.object({
  id,
  frameworkId: id,
  frameworkName: z.string(),
  number: z.number().int(),
  scale: z.array(scaleLevel),
  competencies: z.array(competency),
  createdAt: z.iso.datetime({ offset: true }),
});
export type FrameworkVersion = z.infer<typeof frameworkVersion>;

export const frameworkSummary = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  isDefault: z.boolean(),
  archived: z.boolean(),
  currentVersion: z.number().int(),
  competencyCount: z.number().int(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummary>;

export const frameworkDetail = frameworkSummary.extend({
  current: frameworkVersion,
  versions: z.array(
    z.object({
      id,
      number: z.number().int(),
      createdAt: z.iso.datetime({ offset: true }),
      ratingCount: z.number().int(),
    }),
  ),
});
export type FrameworkDetail = z.infer<typeof frameworkDetail>;

/** PUT /competency-frameworks/:id: `newVersion` tells whether the change created a version (the old one had ratings). */
export const frameworkSaved = z.object({ framework: frameworkDetail, newVersion: z.boolean() });

// ---------- job profiles ----------

export const expectation = z.strictObject({
  competencyKey: code,
  level: z.number().int().min(1).max(SCALE_MAX_LEVELS),
});

export const jobProfileInput = z
  .strictObject({
    frameworkId: id,
    name: shortText(80),
    description: z.string().trim().max(1000).nullish(),
    ladderStep: z.number().int().min(1).max(20),
    workMode: z.enum(workModes),
    expectations: z.array(expectation).max(FRAMEWORK_MAX_COMPETENCIES),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.expectations.forEach((e, i) => {
      if (seen.has(e.competencyKey)) {
        ctx.addIssue({ code: 'custom', path: ['expectations', i, 'competencyKey'], message: 'duplicate' });
      }
      seen.add(e.competencyKey);
    });
  });
export type JobProfileInput = z.infer<typeof jobProfileInput>;

export const jobProfile = z.object({
  id,
  frameworkId: id,
  name: z.string(),
  description: z.string().nullable(),
  ladderStep: z.number().int(),
  workMode: z.enum(workModes),
  expectations: z.array(z.object({ competencyKey: z.string(), level: z.number().int() })),
  archived: z.boolean(),
});
export type JobProfile = z.infer<typeof jobProfile>;

const profileRef = z.object({ id, name: z.string(), ladderStep: z.number().int(), workMode: z.enum(workModes) });

/** GET/PUT /participants/:id/job-profiles */
export const participantJobProfiles = z.object({ current: profileRef.nullable(), target: profileRef.nullable() });
export type ParticipantJobProfiles = z.infer<typeof participantJobProfiles>;
export const participantJobProfilesInput = z.strictObject({
  currentProfileId: id.nullable(),
  targetProfileId: id.nullable(),
});

// ---------- exchange between organisations ----------

/** The JSON a partner organisation imports: the framework's current content and its job profiles. */
export const frameworkExchange = z.strictObject({
  format: z.literal('groeipad-competency-framework'),
  formatVersion: z.literal(1),
  framework: frameworkInput,
  jobProfiles: z.array(
    z.strictObject({
      name: shortText(80),
      description: z.string().trim().max(1000).nullish(),
      ladderStep: z.number().int().min(1).max(20),
      workMode: z.enum(workModes),
      expectations: z.array(expectation).max(FRAMEWORK_MAX_COMPETENCIES),
    }),
  ),
});
export type FrameworkExchange = z.infer<typeof frameworkExchange>;
