import { type Pictogram, pictograms } from '#shared/competencies';
import type { ObservationContext } from '#shared/observations';

/**
 * The values of a score form (observation, self-assessment, mentor) and how they become a request body. Pure
 * functions: the form component, the drafts and the outbox all go through them.
 */

/** What a score form needs of a framework version: the default version and a mentor link's view both fit. */
export interface FormVersion {
  id: string;
  /** The pictogram is a key of `pictograms` (shared/competencies.ts); the mentor view sends it as plain text. */
  scale: { value: number; label: string; meaning: string; pictogram: string }[];
  competencies: { id: string; key: string; name: string; description: string; indicators: string[] }[];
}

export interface ScoreValues {
  /** competencyId → chosen level; a competency without a level is not sent. */
  scores: Record<string, number>;
  /** competencyId → note. */
  notes: Record<string, string>;
  note: string;
  observedOn: string;
  context: ObservationContext;
}

export interface RatingBody {
  competencyId: string;
  score: number;
  note?: string;
}

export function emptyValues(observedOn: string, context: ObservationContext): ScoreValues {
  return { scores: {}, notes: {}, note: '', observedOn, context };
}

/** The scored competencies in the framework's order, each with its note when there is one. */
export function ratingsOf(values: ScoreValues, version: FormVersion): RatingBody[] {
  const ratings: RatingBody[] = [];
  for (const competency of version.competencies) {
    const score = values.scores[competency.id];
    if (score === undefined || !version.scale.some((level) => level.value === score)) continue;
    const note = values.notes[competency.id]?.trim();
    ratings.push(note ? { competencyId: competency.id, score, note } : { competencyId: competency.id, score });
  }
  return ratings;
}

/** The fields every score route shares; the caller adds participantId or context where its route wants them. */
export function commonBody(values: ScoreValues, version: FormVersion) {
  const note = values.note.trim();
  return {
    frameworkVersionId: version.id,
    observedOn: values.observedOn,
    ...(note ? { note } : {}),
    ratings: ratingsOf(values, version),
  };
}

/**
 * A stored draft may stem from an older framework version or hold a level the scale no longer has: keep only what
 * still fits, so the form never shows a score it would not send.
 */
export function fitToVersion(values: ScoreValues, version: FormVersion): ScoreValues {
  const ids = new Set(version.competencies.map((c) => c.id));
  const levels = new Set(version.scale.map((l) => l.value));
  const scores = Object.fromEntries(Object.entries(values.scores).filter(([id, s]) => ids.has(id) && levels.has(s)));
  const notes = Object.fromEntries(Object.entries(values.notes).filter(([id]) => ids.has(id)));
  return { ...values, scores, notes };
}

/** Back from a request body to form values: an outbox item the server refused goes back into the form to fix. */
export function valuesFromBody(body: Record<string, unknown>, fallbackContext: ObservationContext): ScoreValues {
  const values = emptyValues(typeof body.observedOn === 'string' ? body.observedOn : '', fallbackContext);
  if (typeof body.context === 'string') values.context = body.context as ObservationContext;
  if (typeof body.note === 'string') values.note = body.note;
  if (Array.isArray(body.ratings)) {
    for (const rating of body.ratings as Partial<RatingBody>[]) {
      if (typeof rating?.competencyId !== 'string' || typeof rating.score !== 'number') continue;
      values.scores[rating.competencyId] = rating.score;
      if (typeof rating.note === 'string') values.notes[rating.competencyId] = rating.note;
    }
  }
  return values;
}

export type DateProblem = 'required' | 'future' | 'too_early';

/** What the browser can check before sending: at least one score, and a date between `earliest` and today. */
export function checkValues(
  values: ScoreValues,
  version: FormVersion,
  { today, earliest }: { today: string; earliest?: string | null },
): { observedOn?: DateProblem; ratings?: 'none' } {
  const problems: { observedOn?: DateProblem; ratings?: 'none' } = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.observedOn)) problems.observedOn = 'required';
  else if (values.observedOn > today) problems.observedOn = 'future';
  else if (earliest && values.observedOn < earliest) problems.observedOn = 'too_early';
  if (ratingsOf(values, version).length === 0) problems.ratings = 'none';
  return problems;
}

export interface ScoreFieldErrors {
  observedOn?: string;
  note?: string;
  ratings?: string;
  /** competencyId → error about its score. */
  scores: Record<string, string>;
  /** competencyId → error about its note. */
  notes: Record<string, string>;
}

export const noFieldErrors: ScoreFieldErrors = { scores: {}, notes: {} };

/**
 * The server's field errors ("ratings.2.score": "out_of_scale") placed on the competency they concern, found through
 * the ratings that were sent. Returns the ones that fit on no field as `other`.
 */
export function placeFieldErrors(
  fields: Record<string, string>,
  sent: RatingBody[],
  text: (code: string) => string,
): { errors: ScoreFieldErrors; other: string[] } {
  const errors: ScoreFieldErrors = { scores: {}, notes: {} };
  const other: string[] = [];
  for (const [path, code] of Object.entries(fields)) {
    const rating = /^ratings\.(\d+)\.(\w+)$/.exec(path);
    if (rating) {
      const competencyId = sent[Number(rating[1])]?.competencyId;
      if (!competencyId) other.push(code);
      else if (rating[2] === 'note') errors.notes[competencyId] = text(code);
      else errors.scores[competencyId] = text(code);
    } else if (path === 'observedOn' || path === 'note' || path === 'ratings') {
      errors[path] = text(code);
    } else {
      other.push(code);
    }
  }
  return { errors, other };
}

export const hasFieldErrors = (errors: ScoreFieldErrors) =>
  !!(errors.observedOn || errors.note || errors.ratings) ||
  Object.keys(errors.scores).length > 0 ||
  Object.keys(errors.notes).length > 0;

/** A scale level's pictogram as a known key; an unknown one (a newer server) is drawn as a check mark. */
export const pictogramKey = (name: string): Pictogram => pictograms.find((known) => known === name) ?? 'check';
