import { z } from 'zod';
import { id, isoDate } from './common';
import { code } from './lists';
import { raterKinds } from './observations';
import { pastDate } from './participants';

/**
 * The feedbackgesprek: a conversation with an active participant at least every 28 days (the interval is a rule per
 * team and programme type). The cadence itself is computed by server/modules/feedback/cadence.ts.
 */

/** Without any rule of the organisation: at least every four weeks. */
export const DEFAULT_FEEDBACK_INTERVAL_DAYS = 28;
export const FEEDBACK_INTERVAL_MAX_DAYS = 365;

/**
 * ok: the next conversation is later than this week; due_this_week: due between today and Sunday;
 * overdue: the due date has passed; not_applicable: not active (registered, paused, exited) or archived.
 */
export const cadenceStates = ['ok', 'due_this_week', 'overdue', 'not_applicable'] as const;
export type CadenceState = (typeof cadenceStates)[number];

/**
 * Field error codes these routes answer with, besides unknown_reference and not_in_list:
 * before_start: dated before the participant's first start (or they never started);
 * not_of_participant: an observation of another participant (or none at all);
 * after_conversation: an observation dated after the conversation, so it cannot have been reviewed in it;
 * not_staff: not an active staff member of the organisation; one_required: went well, to work on and agreements
 * are all empty; duplicate: a second feedback rule for the same team and programme type.
 */
export const feedbackFieldCodes = [
  'before_start',
  'not_of_participant',
  'after_conversation',
  'not_staff',
  'one_required',
  'duplicate',
] as const;

// ---------- requests ----------

/** Free text people type; an empty box is no text (null). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));

const staffIds = z.array(z.string().min(1).max(64)).max(20);
const observationIds = z.array(id).max(50);

const conversationFields = {
  heldOn: pastDate,
  /** Other staff who took part; the one who records it is always added. */
  staffIds: staffIds.default([]),
  participantPresent: z.boolean().default(true),
  /** Others present, in words: a mentor, someone of the referrer… */
  otherAttendees: text(300),
  /** Observations of this participant whose scores were talked through. */
  reviewedObservationIds: observationIds.default([]),
  wentWell: text(4000),
  toWorkOn: text(4000),
  agreements: text(4000),
};

const hasContent = (v: { wentWell?: string | null; toWorkOn?: string | null; agreements?: string | null }) =>
  Boolean(v.wentWell || v.toWorkOn || v.agreements);

/** POST /participants/:id/feedback. */
export const feedbackCreateBody = z.strictObject(conversationFields).superRefine((v, ctx) => {
  if (!hasContent(v)) ctx.addIssue({ code: 'custom', path: ['wentWell'], message: 'one_required' });
});
export type FeedbackCreateBody = z.infer<typeof feedbackCreateBody>;

/** PATCH /feedback/:id: only the fields sent change; the result must still have some content (checked on save). */
export const feedbackUpdateBody = z.strictObject({
  heldOn: pastDate.optional(),
  staffIds: staffIds.optional(),
  participantPresent: z.boolean().optional(),
  otherAttendees: text(300),
  reviewedObservationIds: observationIds.optional(),
  wentWell: text(4000),
  toWorkOn: text(4000),
  agreements: text(4000),
});
export type FeedbackUpdateBody = z.infer<typeof feedbackUpdateBody>;

export const dueListScopes = ['mine', 'organisation'] as const;

/** GET /feedback/due. scope: mine (my caseload and my teams) or organisation (all I reach); default mine for coaches and supervisors. */
export const dueListQuery = z.strictObject({
  scope: z.enum(dueListScopes).optional(),
  teamId: id.optional(),
});

const feedbackRuleInput = z.strictObject({
  teamId: id.nullish(),
  programmeType: code.nullish(),
  intervalDays: z.number().int().min(1).max(FEEDBACK_INTERVAL_MAX_DAYS),
});

/** PUT /feedback-rules: the organisation's whole set; one rule per team × programme type (both may be empty). */
export const feedbackRulesBody = z.strictObject({
  items: z
    .array(feedbackRuleInput)
    .max(500)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const key = `${item.teamId ?? ''}|${item.programmeType ?? ''}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'teamId'], message: 'duplicate' });
        seen.add(key);
      });
    }),
});
export type FeedbackRulesBody = z.infer<typeof feedbackRulesBody>;

// ---------- responses ----------

const named = z.object({ id: z.string(), name: z.string() });

export const feedbackConversation = z.object({
  id,
  participantId: id,
  heldOn: isoDate,
  /** Staff who took part, by name; the recorder is one of them. */
  staff: z.array(named),
  participantPresent: z.boolean(),
  otherAttendees: z.string().nullable(),
  /** Reviewed observations that still exist, newest first. */
  reviewedObservations: z.array(z.object({ id, observedOn: isoDate, raterKind: z.enum(raterKinds) })),
  wentWell: z.string().nullable(),
  toWorkOn: z.string().nullable(),
  agreements: z.string().nullable(),
  recordedBy: named.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type FeedbackConversation = z.infer<typeof feedbackConversation>;

export const cadence = z.object({
  intervalDays: z.number().int(),
  /** The later of the last conversation and the latest start or resume; null when not applicable. */
  anchor: isoDate.nullable(),
  nextDueOn: isoDate.nullable(),
  state: z.enum(cadenceStates),
});
export type Cadence = z.infer<typeof cadence>;

/** GET /participants/:id/feedback: every conversation, newest first, and when the next one is due. */
export const participantFeedback = z.object({ items: z.array(feedbackConversation), cadence });
export type ParticipantFeedback = z.infer<typeof participantFeedback>;

export const dueListItem = z.object({
  participant: z.object({ id, firstName: z.string(), lastName: z.string() }),
  team: named.nullable(),
  coaches: z.array(named),
  nextDueOn: isoDate,
  /** Days past the due date; 0 for a conversation due later this week. */
  daysOverdue: z.number().int(),
  lastHeldOn: isoDate.nullable(),
});
export type DueListItem = z.infer<typeof dueListItem>;

/** Both lists sorted most overdue first (the earliest due date first). */
export const dueList = z.object({ overdue: z.array(dueListItem), dueThisWeek: z.array(dueListItem) });
export type DueList = z.infer<typeof dueList>;

/** GET /me/feedback: what the participant sees of their own conversations. */
export const myFeedback = z.object({
  nextDueOn: isoDate.nullable(),
  state: z.enum(cadenceStates),
  conversations: z.array(feedbackConversation),
  /**
   * The participant's newest self-assessment (by date, then by when it was stored), or null. With the id the portal
   * can tell one filled in on the day of a conversation, and talked through in it, from one filled in after it.
   */
  lastSelfAssessment: z.object({ id, observedOn: isoDate }).nullable(),
});
export type MyFeedback = z.infer<typeof myFeedback>;

export const feedbackRule = z.object({
  id,
  team: named.nullable(),
  programmeType: z.string().nullable(),
  intervalDays: z.number().int(),
});
export type FeedbackRule = z.infer<typeof feedbackRule>;

/** GET and PUT /feedback-rules: the rules, most specific first, and the interval that applies without any. */
export const feedbackRules = z.object({
  items: z.array(feedbackRule),
  defaultIntervalDays: z.number().int(),
});
export type FeedbackRules = z.infer<typeof feedbackRules>;
