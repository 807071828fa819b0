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

/**
 * What a save did. `unchanged`: nothing of the framework or its version differed, nothing was written.
 * `updated`: the name or description, or the content of a version without ratings, changed in place.
 * `version_created`: the content of a version with ratings changed, so it became version n+1.
 */
export const frameworkSaveOutcomes = ['unchanged', 'updated', 'version_created'] as const;
export type FrameworkSaveOutcome = (typeof frameworkSaveOutcomes)[number];

/** PUT /competency-frameworks/:id: `newVersion` is `outcome === 'version_created'`, kept for older clients. */
export const frameworkSaved = z.object({
  framework: frameworkDetail,
  newVersion: z.boolean(),
  outcome: z.enum(frameworkSaveOutcomes),
});

// ---------- what makes up a version ----------

/**
 * A version's content: the scale and the competencies in their order. The framework's name and description live
 * on the framework, not the version, so changing them never needs a new version. Structural, so both a request
 * body and a stored version fit.
 */
export interface VersionContent {
  scale: readonly { value: number; label: string; meaning: string; pictogram: string }[];
  competencies: readonly {
    key: string;
    name: string;
    description: string;
    indicators: readonly string[];
    escoUri?: string | null;
    escoLabel?: string | null;
  }[];
}

// Line endings differ between browsers and spreadsheets without the text changing; inner spaces are kept, since
// they may be deliberate and a participant sees the text as stored.
const normaliseText = (text: string) => text.replace(/\r\n?/g, '\n').trim();
const normaliseOptional = (text: string | null | undefined) => (text ? normaliseText(text) || null : null);

/** The content in one canonical shape: trimmed text, absent ESCO fields as null, ids and positions left out. */
export function normaliseVersionContent(content: VersionContent) {
  return {
    scale: content.scale.map((l) => ({
      value: l.value,
      label: normaliseText(l.label),
      meaning: normaliseText(l.meaning),
      pictogram: l.pictogram,
    })),
    competencies: content.competencies.map((c) => ({
      key: normaliseText(c.key),
      name: normaliseText(c.name),
      description: normaliseText(c.description),
      indicators: c.indicators.map(normaliseText),
      escoUri: normaliseOptional(c.escoUri),
      escoLabel: normaliseOptional(c.escoLabel),
    })),
  };
}

/**
 * Whether two contents are the same version: a save of a version with ratings that leaves this true must not create
 * a new one. The server decides with it; the editor uses it to ask before a save that will create a version.
 */
export function sameVersionContent(a: VersionContent, b: VersionContent): boolean {
  // normaliseVersionContent builds both with the same key order, so their JSON is equal exactly when they are.
  return JSON.stringify(normaliseVersionContent(a)) === JSON.stringify(normaliseVersionContent(b));
}

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
