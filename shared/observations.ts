import { z } from 'zod';
import { mailDeliveries } from './audit';
import { id, isoDate, pageOf, pageQuery, shortText } from './common';
import { SCALE_MAX_LEVELS } from './competencies';
import { pastDate } from './participants';

/**
 * Observations: the scores one rater gives at one moment. Who rates follows from who is logged in:
 * a supervisor's scores are the supervisor series, a coach's the coach series, a participant's own scores the
 * self-assessment, and scores sent through a mentor link the mentor series. Series are never averaged together.
 */
export const raterKinds = ['supervisor', 'coach', 'mentor', 'self'] as const;
export type RaterKind = (typeof raterKinds)[number];

export const observationContexts = ['werkvloer', 'stage', 'jobclub', 'other'] as const;
export type ObservationContext = (typeof observationContexts)[number];

const note = z.string().trim().max(2000).nullish();

export const ratingInput = z.strictObject({
  competencyId: id,
  score: z.number().int().min(1).max(SCALE_MAX_LEVELS),
  note,
});

/** Scores for any subset of the version's competencies, at least one; each competency once. */
const ratingInputs = z
  .array(ratingInput)
  .min(1)
  .max(40)
  .superRefine((ratings, ctx) => {
    const seen = new Set<string>();
    ratings.forEach((r, i) => {
      if (seen.has(r.competencyId)) ctx.addIssue({ code: 'custom', path: [i, 'competencyId'], message: 'duplicate' });
      seen.add(r.competencyId);
    });
  });

const observationFields = {
  frameworkVersionId: id,
  observedOn: pastDate,
  note,
  ratings: ratingInputs,
  /** Chosen by the browser for each draft: sending the same draft again stores it once (200 with the first one). */
  clientKey: id.optional(),
};

/** POST /observations: a supervisor or a coach scores a participant. */
export const observationInput = z.strictObject({
  participantId: id,
  context: z.enum(observationContexts),
  ...observationFields,
});
export type ObservationInput = z.infer<typeof observationInput>;

/** POST /me/self-assessments: the participant scores themselves. */
export const selfAssessmentInput = z.strictObject({
  context: z.enum(observationContexts).default('werkvloer'),
  ...observationFields,
});

/** POST /mentor-links/:token/observations: the mentor scores their intern (context is always "stage"). */
export const mentorObservationInput = z.strictObject(observationFields);

export const rating = z.object({
  competencyId: id,
  competencyKey: z.string(),
  competencyName: z.string(),
  score: z.number().int(),
  note: z.string().nullable(),
});

export const observation = z.object({
  id,
  participantId: id,
  raterKind: z.enum(raterKinds),
  /** The staff member or participant; for a mentor, their name from the invitation (id null). */
  rater: z.object({ id: z.string().nullable(), name: z.string() }),
  frameworkVersion: z.object({ id, frameworkId: id, number: z.number().int() }),
  observedOn: isoDate,
  context: z.enum(observationContexts),
  /** Notes are for staff; a participant reading their own observations gets null here and in every rating. */
  note: z.string().nullable(),
  ratings: z.array(rating),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Observation = z.infer<typeof observation>;

/** GET /observations/participants: whom I may rate, the ones I observed most recently first. */
export const rateableParticipant = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  team: z.object({ id, name: z.string() }).nullable(),
  lastObservedByMeOn: isoDate.nullable(),
});
export type RateableParticipant = z.infer<typeof rateableParticipant>;

// ---------- external mentors ----------

export const MENTOR_LINK_MAX_DAYS = 366;

export const mentorInvitationInput = z
  .strictObject({
    mentorName: shortText(120),
    mentorEmail: z.email().max(254),
    hostOrganisation: shortText(160).nullish(),
    validFrom: isoDate,
    validUntil: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.validUntil < v.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'Must be on or after the start' });
    }
    const days = (Date.parse(v.validUntil) - Date.parse(v.validFrom)) / 86_400_000;
    if (days > MENTOR_LINK_MAX_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: `At most ${MENTOR_LINK_MAX_DAYS} days` });
    }
  });

export const mentorInvitationStatuses = ['pending', 'active', 'expired', 'revoked'] as const;

export const mentorInvitation = z.object({
  id,
  participantId: id,
  mentorName: z.string(),
  mentorEmail: z.string(),
  hostOrganisation: z.string().nullable(),
  validFrom: isoDate,
  validUntil: isoDate,
  /** pending before validFrom, active within the period, expired after it, revoked once revoked. */
  status: z.enum(mentorInvitationStatuses),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  observationCount: z.number().int(),
  /**
   * What the outbox says of the last mail with the link; null when no outbox row is known (an invitation older than
   * this field, or an outbox cleaned up).
   */
  mailDelivery: z.enum(mailDeliveries).nullable(),
  /** When the last mail with the link was written to the outbox. */
  mailedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type MentorInvitation = z.infer<typeof mentorInvitation>;

/**
 * The answer to inviting and to resending, and only to those: the link itself, once, for the coach to pass on when
 * the mail does not arrive. Only its hash is stored, so no later answer can hold it again.
 */
export const mentorInvitationWithLink = mentorInvitation.extend({ link: z.url() });
export type MentorInvitationWithLink = z.infer<typeof mentorInvitationWithLink>;

export const mentorTokenParams = z.strictObject({ token: z.string().min(20).max(200) });

/** GET /mentor-links/:token: everything the mentor sees, and nothing more. */
export const mentorLinkView = z.object({
  organisationName: z.string(),
  participant: z.object({ firstName: z.string(), lastName: z.string() }),
  mentorName: z.string(),
  validUntil: isoDate,
  /** Earliest date a score may carry: the later of the participant's start and the link's validFrom. */
  earliestDate: isoDate,
  frameworkVersion: z.object({
    id,
    number: z.number().int(),
    frameworkName: z.string(),
    scale: z.array(
      z.object({ value: z.number().int(), label: z.string(), meaning: z.string(), pictogram: z.string() }),
    ),
    competencies: z.array(
      z.object({ id, key: z.string(), name: z.string(), description: z.string(), indicators: z.array(z.string()) }),
    ),
  }),
  /** The mentor's earlier submissions through this link: date and number of scores. */
  submitted: z.array(z.object({ observedOn: isoDate, ratingCount: z.number().int() })),
});
export type MentorLinkView = z.infer<typeof mentorLinkView>;

// ---------- request and response wrappers of the observation routes ----------

/** GET /participants/:id/observations: newest first, optionally one rater series. */
export const observationListQuery = pageQuery.extend({ raterKind: z.enum(raterKinds).optional() });
export const observationPage = pageOf(observation);
export type ObservationPage = z.infer<typeof observationPage>;

export const rateableParticipantList = z.object({ items: z.array(rateableParticipant) });
export const mentorInvitationList = z.object({ items: z.array(mentorInvitation) });

/** POST /mentor-links/:token/observations: what the mentor is told back (201, or 200 for a retried draft). */
export const mentorObservationSaved = z.object({
  ok: z.literal(true),
  observedOn: isoDate,
  ratingCount: z.number().int(),
});
export type MentorObservationSaved = z.infer<typeof mentorObservationSaved>;

/**
 * Field error codes the observation routes answer with (besides unknown_reference): the web translates them.
 * not_in_version: the competency is not part of the framework version; out_of_scale: the score is above the
 * version's highest level; before_start: dated before the participant's first start; outside_link_period: dated
 * outside the mentor link's period; in_the_past: a mentor link that would already be over.
 */
export const observationFieldCodes = [
  'not_in_version',
  'out_of_scale',
  'before_start',
  'outside_link_period',
  'in_the_past',
] as const;
