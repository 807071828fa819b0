import { z } from 'zod';
import { id, isoDate, shortText } from './common';
import { workModes } from './competencies';
import { raterKinds } from './observations';

/**
 * The POP (persoonlijk ontwikkelingsplan): one living plan per participant, in versions.
 * A version is a draft (edited by the participant and the coach), then agreed (both confirmed, with date), then
 * superseded by the next agreed one. An agreed version is never edited: it is read as it was, including the
 * competency scores and ILUO levels it was agreed on (frozen at agreement).
 *
 * Following up (ticking off actions, notes on goals, proposals, the dates it was presented) is not plan content:
 * it is stored beside the agreed version and never changes it.
 */

export const planStatuses = ['draft', 'agreed', 'superseded'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const actionStatuses = ['open', 'busy', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** Who does an action; only actions of the participant can be ticked off by the participant. */
export const actionOwners = ['participant', 'coach', 'supervisor', 'other'] as const;
export type ActionOwner = (typeof actionOwners)[number];

/** The free-text parts of a plan a participant may propose new words for. */
export const planTextSections = ['summary', 'jobTarget', 'dreams', 'workModeReason', 'support'] as const;
export type PlanTextSection = (typeof planTextSections)[number];

export const presentationOccasions = ['team_meeting', 'closing_event'] as const;

/** Regimes of the Flemish maatwerk POP: update before every evaluation, or at least once a year. */
export const complianceRegimes = ['evaluation', 'yearly'] as const;
export type ComplianceRegime = (typeof complianceRegimes)[number];

/**
 * Field error codes these routes answer with, besides the zod ones:
 * unknown_goal: an action linked to a goal that is not in the plan; duplicate: a key, competency or skill twice;
 * not_in_framework: a competency key that the organisation's framework does not have; unknown_skill: a skill that
 * does not exist or is archived; not_own_action: a participant ticking off an action that is not theirs;
 * stale: a save or agreement based on an older revision of the draft (see the 409 conflict).
 */
export const planFieldCodes = [
  'unknown_goal',
  'duplicate',
  'not_in_framework',
  'unknown_skill',
  'not_own_action',
  'stale',
] as const;

// ---------- plan content (what a version holds) ----------

/** Free text people type; an empty box is the empty string, so a version compares field by field. */
const text = (max: number) => z.string().trim().max(max).default('');

const competencyKey = z.string().trim().min(1).max(60);

export const planGoal = z.strictObject({
  /** Stable across versions: how a goal is followed and compared from one version to the next. */
  key: id,
  /** What I want to reach. */
  what: shortText(300),
  /** How we will see that I reached it. */
  evidence: text(1000),
  /** Why it matters to me. */
  why: text(1000),
  /** By when: a SMART goal always has a date. */
  dueDate: isoDate,
  competencyKeys: z.array(competencyKey).max(20).default([]),
  skillIds: z.array(id).max(20).default([]),
});
export type PlanGoal = z.infer<typeof planGoal>;

export const planAction = z.strictObject({
  key: id,
  what: shortText(300),
  owner: z.enum(actionOwners),
  /** The person's name when it is not the participant or their coach, or to be precise ("Sara van de keuken"). */
  ownerName: text(120),
  dueDate: isoDate,
  status: z.enum(actionStatuses).default('open'),
  /** The goal this action serves, if any. */
  goalKey: id.nullable().default(null),
});
export type PlanAction = z.infer<typeof planAction>;

/**
 * Competencies the participant and the coach chose: generic ones by key of the competency framework, technical ones
 * by ILUO skill. Current = what I can now; future = what I want to learn next.
 */
export const planCompetencies = z.strictObject({
  genericCurrent: z.array(competencyKey).max(30).default([]),
  genericFuture: z.array(competencyKey).max(30).default([]),
  technicalCurrent: z.array(id).max(60).default([]),
  technicalFuture: z.array(id).max(60).default([]),
});
export type PlanCompetencies = z.infer<typeof planCompetencies>;

export const escoOccupationRef = z.strictObject({
  uri: z.url().max(300),
  label: shortText(300),
});

export const planContent = z
  .strictObject({
    /** Who I am, in my own words. */
    summary: text(4000),
    /** Jobdoelwit: the job I am aiming for. */
    jobTarget: text(500),
    escoOccupation: escoOccupationRef.nullable().default(null),
    /** Dreams, passions and interests. */
    dreams: text(4000),
    workMode: z.enum(workModes).nullable().default(null),
    workModeReason: text(1000),
    competencies: planCompetencies.default({
      genericCurrent: [],
      genericFuture: [],
      technicalCurrent: [],
      technicalFuture: [],
    }),
    goals: z.array(planGoal).max(30).default([]),
    actions: z.array(planAction).max(60).default([]),
    /** The support I need. */
    support: text(4000),
    /** The next review (evaluation) of this plan. */
    nextReviewDate: isoDate.nullable().default(null),
  })
  .superRefine((plan, ctx) => {
    const twice = <T>(values: readonly T[], path: (i: number) => (string | number)[]) => {
      const seen = new Set<T>();
      values.forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', message: 'duplicate', path: path(i) });
        seen.add(v);
      });
    };
    twice(
      plan.goals.map((g) => g.key),
      (i) => ['goals', i, 'key'],
    );
    twice(
      plan.actions.map((a) => a.key),
      (i) => ['actions', i, 'key'],
    );
    for (const list of ['genericCurrent', 'genericFuture', 'technicalCurrent', 'technicalFuture'] as const) {
      twice(plan.competencies[list], (i) => ['competencies', list, i]);
    }
    const goals = new Set(plan.goals.map((g) => g.key));
    plan.actions.forEach((a, i) => {
      if (a.goalKey && !goals.has(a.goalKey)) {
        ctx.addIssue({ code: 'custom', message: 'unknown_goal', path: ['actions', i, 'goalKey'] });
      }
    });
  });
export type PlanContent = z.infer<typeof planContent>;
export type PlanContentInput = z.input<typeof planContent>;

// ---------- requests ----------

export const planParams = z.strictObject({ id });
export const planVersionParams = z.strictObject({ id, number: z.coerce.number().int().min(1).max(100_000) });
export const planItemParams = z.strictObject({ id, key: id });
export const proposalParams = z.strictObject({ id, proposalId: id });
export const presentationParams = z.strictObject({ id, presentationId: id });

/**
 * Routes (under /api/v1/participants/:id/pop):
 * GET / (planOverview) · POST /versions (start a draft: a copy of the agreed version with the live action statuses,
 * or empty; 409 draft_exists) · GET /versions/:number · PUT /versions/:number (save a draft; 409 version_agreed for
 * an agreed or superseded one; 409 conflict for a stale revision) · DELETE /versions/:number (discard a draft) ·
 * POST /versions/:number/agree · GET /versions/:number/pdf · PUT /actions/:key (status) · POST /goals/:key/notes ·
 * POST /proposals · POST /proposals/:proposalId/resolve · POST /presentations · DELETE /presentations/:presentationId.
 * Organisation-wide: GET /api/v1/pop-compliance, GET/PUT /api/v1/pop-settings, GET /api/v1/esco/occupations,
 * POST /api/v1/esco/occupations/import (the official ESCO occupations CSV, as text/csv).
 */

/**
 * Saving a draft: the whole content, with the revision it was based on. A save based on an older revision is refused
 * with 409 conflict; the response carries the draft as it is now (see draftConflict).
 */
export const draftSaveBody = z.strictObject({
  revision: z.number().int().min(0),
  content: planContent,
});

/** Confirming the draft as it is at that revision: the participant for themselves, or one of their coaches. */
export const agreeBody = z.strictObject({ revision: z.number().int().min(0) });

export const actionStatusBody = z.strictObject({ status: z.enum(actionStatuses) });
export const goalNoteBody = z.strictObject({ text: shortText(1000) });

/** What a participant may propose: a new goal, a new action, or new words for one part of the plan. */
export const proposalCreateBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('goal'),
    what: shortText(300),
    why: text(1000),
    dueDate: isoDate,
    message: text(1000),
  }),
  z.strictObject({
    kind: z.literal('action'),
    what: shortText(300),
    dueDate: isoDate,
    goalKey: id.nullable().default(null),
    message: text(1000),
  }),
  z.strictObject({
    kind: z.literal('text'),
    section: z.enum(planTextSections),
    text: z.string().trim().min(1).max(4000),
    message: text(1000),
  }),
]);
export type ProposalCreateBody = z.infer<typeof proposalCreateBody>;
export const proposalKinds = ['goal', 'action', 'text'] as const;

/** The coach accepts (the proposal goes into the draft) or answers that it needs a conversation first. */
export const proposalResolveBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), reply: text(1000) }),
  z.strictObject({ decision: z.literal('discuss'), reply: shortText(1000) }),
]);

export const presentationCreateBody = z.strictObject({
  presentedOn: isoDate,
  occasion: z.enum(presentationOccasions),
});

export const complianceSettingsBody = z.strictObject({
  regime: z.enum(complianceRegimes),
  /** Evaluation regime: the update is agreed at least this many days before the evaluation. */
  daysBeforeEvaluation: z.number().int().min(0).max(90),
});

export const complianceStates = ['ok', 'due', 'late', 'incomplete', 'not_applicable'] as const;
export type ComplianceState = (typeof complianceStates)[number];

export const complianceListQuery = z.strictObject({
  state: z.enum(complianceStates).optional(),
  coachId: z.string().min(1).max(64).optional(),
  teamId: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const escoSearchQuery = z.strictObject({
  q: z.string().trim().min(2).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

// ---------- responses ----------

const named = z.object({ id: z.string(), name: z.string() });

/** A generic competency as it stands: the latest score of each rater, and what the job profiles expect. */
export const liveCompetency = z.object({
  key: z.string(),
  name: z.string(),
  /** The latest score per rater kind; a rater who never scored it is absent. */
  latest: z.partialRecord(z.enum(raterKinds), z.object({ score: z.number().int(), on: isoDate })),
  /** The highest level of the framework version the scores belong to. */
  scaleMax: z.number().int(),
  currentExpected: z.number().int().nullable(),
  targetExpected: z.number().int().nullable(),
});
export type LiveCompetency = z.infer<typeof liveCompetency>;

/** A technical skill (ILUO) as it stands for this participant. */
export const liveSkill = z.object({
  id: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  team: z.string(),
  level: z.number().int().min(1).max(4).nullable(),
  on: isoDate.nullable(),
});
export type LiveSkill = z.infer<typeof liveSkill>;

/** The scores and levels a version's competencies and skills refer to: live for a draft, frozen once agreed. */
export const planEvidence = z.object({
  competencies: z.array(liveCompetency),
  skills: z.array(liveSkill),
  /** When the evidence was read: now for a draft, the moment of agreement for an agreed version. */
  asOf: z.iso.datetime(),
});
export type PlanEvidence = z.infer<typeof planEvidence>;

export const planVersion = z.object({
  number: z.number().int(),
  status: z.enum(planStatuses),
  /** Goes up with every save of a draft; an agreement confirms one revision. */
  revision: z.number().int(),
  content: planContent,
  evidence: planEvidence,
  createdAt: z.iso.datetime(),
  createdBy: named.nullable(),
  updatedAt: z.iso.datetime(),
  updatedBy: named.nullable(),
  participantAgreedAt: z.iso.datetime().nullable(),
  coachAgreedAt: z.iso.datetime().nullable(),
  coachAgreedBy: named.nullable(),
  /** When the second confirmation made it the agreed plan. */
  agreedAt: z.iso.datetime().nullable(),
});
export type PlanVersion = z.infer<typeof planVersion>;

export const planVersionSummary = z.object({
  number: z.number().int(),
  status: z.enum(planStatuses),
  agreedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});

export const actionProgress = z.object({
  key: z.string(),
  status: z.enum(actionStatuses),
  updatedAt: z.iso.datetime(),
  updatedBy: named.nullable(),
});

export const goalNote = z.object({
  id: z.string(),
  goalKey: z.string(),
  text: z.string(),
  createdAt: z.iso.datetime(),
  author: named.nullable(),
});

export const proposal = z.object({
  id: z.string(),
  kind: z.enum(proposalKinds),
  /** The proposal as the participant made it (see proposalCreateBody), without the kind. */
  what: z.string().nullable(),
  why: z.string().nullable(),
  dueDate: isoDate.nullable(),
  goalKey: z.string().nullable(),
  section: z.enum(planTextSections).nullable(),
  text: z.string().nullable(),
  message: z.string(),
  status: z.enum(['open', 'accepted', 'discussed']),
  reply: z.string().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: named.nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  resolvedBy: named.nullable(),
});
export type Proposal = z.infer<typeof proposal>;

export const presentation = z.object({
  id: z.string(),
  presentedOn: isoDate,
  occasion: z.enum(presentationOccasions),
  versionNumber: z.number().int(),
});

export const complianceReasonCodes = [
  /** No agreed POP yet; due within one month of the start date. */
  'no_plan',
  /** The first POP was agreed later than one month after the start (history, shown but not counted as late now). */
  'first_plan_late',
  'missing_generic_current',
  'missing_generic_future',
  'missing_technical_current',
  'missing_technical_future',
  /** Fewer than two improvement actions. */
  'too_few_actions',
  /** Evaluation regime: the agreed POP names no next review date. */
  'no_review_date',
  /** Evaluation regime: the update must be agreed by the deadline (days before the review). */
  'update_before_review',
  /** Yearly regime: more than a year since the last agreed version. */
  'yearly_update',
] as const;
export type ComplianceReasonCode = (typeof complianceReasonCodes)[number];

export const complianceStatus = z.object({
  state: z.enum(complianceStates),
  reasons: z.array(z.object({ code: z.enum(complianceReasonCodes), date: isoDate.nullable() })),
  /** The next date by which something must be done (first POP, update), if any. */
  deadline: isoDate.nullable(),
  lastAgreedOn: isoDate.nullable(),
});
export type ComplianceStatus = z.infer<typeof complianceStatus>;

export const complianceSettings = z.object({
  regime: z.enum(complianceRegimes),
  daysBeforeEvaluation: z.number().int(),
});
export type ComplianceSettings = z.infer<typeof complianceSettings>;

/** Everything one participant's POP screen needs, in one read. */
export const planOverview = z.object({
  participant: named,
  /** The agreed version in force, with its follow-up. */
  current: planVersion.nullable(),
  draft: planVersion.nullable(),
  versions: z.array(planVersionSummary),
  actionProgress: z.array(actionProgress),
  goalNotes: z.array(goalNote),
  proposals: z.array(proposal),
  presentations: z.array(presentation),
  compliance: complianceStatus,
  /** What the participant and the coach can choose from, as it stands now. */
  candidates: planEvidence,
  /** What the reader may do here. */
  can: z.object({
    edit: z.boolean(),
    agree: z.boolean(),
    progress: z.boolean(),
    propose: z.boolean(),
    resolveProposals: z.boolean(),
    present: z.boolean(),
  }),
});
export type PlanOverview = z.infer<typeof planOverview>;

/** The 409 of a stale save: what the other person stored meanwhile, so nothing is silently lost. */
export const draftConflict = z.object({
  error: z.object({
    code: z.literal('conflict'),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
  draft: planVersion,
});

export const complianceListItem = z.object({
  participant: named,
  team: named.nullable(),
  coaches: z.array(named),
  startDate: isoDate.nullable(),
  status: complianceStatus,
});
export type ComplianceListItem = z.infer<typeof complianceListItem>;

export const complianceList = z.object({
  items: z.array(complianceListItem),
  total: z.number().int(),
  counts: z.record(z.enum(complianceStates), z.number().int()),
});

export const escoOccupation = z.object({
  uri: z.string(),
  label: z.string(),
  altLabels: z.array(z.string()),
  iscoGroup: z.string().nullable(),
  description: z.string().nullable(),
});
export const escoSearchResult = z.object({ items: z.array(escoOccupation), total: z.number().int() });
export const escoImportResult = z.object({ imported: z.number().int(), replaced: z.number().int() });
