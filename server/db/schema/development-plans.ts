import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  actionStatuses,
  complianceRegimes,
  type PlanContent,
  type PlanEvidence,
  planStatuses,
  presentationOccasions,
  proposalKinds,
} from '#shared/development-plans';
import { userFk } from './auth';
import { createdAt } from './organisations';
import { participantFk } from './participants';
import { inList, organisationId, tenantPolicy } from './tenancy';

/**
 * The POP: versions of one living plan per participant, and the follow-up stored beside the agreed version
 * (action statuses, notes on goals, proposals, presentations). See shared/development-plans.ts.
 */

/** The length of a JSON array in the content; 0 when absent (older contents get the contract's defaults). */
const arrayLength = (path: string) =>
  sql.raw(`case when jsonb_typeof(${path}) = 'array' then jsonb_array_length(${path}) else 0 end`);

/**
 * The content's next review date as a date. A text-to-date cast depends on DateStyle, so PostgreSQL refuses it in a
 * generated column; this spells the ISO date out with immutable functions. The contract only lets real dates in;
 * anything else gives null here, never an error that would refuse the row.
 */
const reviewDay = `content->>'nextReviewDate'`;
const nextReviewOn = sql.raw(
  `case when ${reviewDay} ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' then ` +
    `make_date(substr(${reviewDay}, 1, 4)::int, substr(${reviewDay}, 6, 2)::int, 1) + (substr(${reviewDay}, 9, 2)::int - 1) end`,
);

export const developmentPlanVersions = pgTable(
  'development_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    number: integer('number').notNull(),
    status: text('status', { enum: planStatuses }).notNull(),
    /** Optimistic concurrency: every save of the draft adds one; a save names the revision it started from. */
    revision: integer('revision').notNull().default(0),
    content: jsonb('content').$type<PlanContent>().notNull(),
    /** The scores and levels the plan was agreed on, frozen at agreement; null while a draft (read live). */
    evidence: jsonb('evidence').$type<PlanEvidence>(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Each confirmation holds for one revision: a later save clears both. */
    participantAgreedAt: timestamp('participant_agreed_at', { withTimezone: true }),
    coachAgreedAt: timestamp('coach_agreed_at', { withTimezone: true }),
    coachAgreedBy: text('coach_agreed_by'),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    /** The day of the agreement in Belgium, kept by PostgreSQL: the compliance list reads it for every participant. */
    agreedOn: date('agreed_on', { mode: 'string' }).generatedAlwaysAs(
      sql.raw(`(agreed_at at time zone 'Europe/Brussels')::date`),
    ),
    /**
     * What the maatwerk rules count, kept by PostgreSQL beside the content (generated, stored): the compliance list
     * of an organisation reads these small columns instead of detoasting every agreed plan's JSON.
     */
    genericCurrentCount: integer('generic_current_count').generatedAlwaysAs(
      arrayLength(`content->'competencies'->'genericCurrent'`),
    ),
    genericFutureCount: integer('generic_future_count').generatedAlwaysAs(
      arrayLength(`content->'competencies'->'genericFuture'`),
    ),
    technicalCurrentCount: integer('technical_current_count').generatedAlwaysAs(
      arrayLength(`content->'competencies'->'technicalCurrent'`),
    ),
    technicalFutureCount: integer('technical_future_count').generatedAlwaysAs(
      arrayLength(`content->'competencies'->'technicalFuture'`),
    ),
    actionCount: integer('action_count').generatedAlwaysAs(arrayLength(`content->'actions'`)),
    nextReviewOn: date('next_review_on', { mode: 'string' }).generatedAlwaysAs(nextReviewOn),
  },
  (t) => [
    unique('development_plan_versions_org_id_unique').on(t.organisationId, t.id),
    unique('development_plan_versions_number_unique').on(t.organisationId, t.participantId, t.number),
    // One draft and one agreed version in force per participant; the database refuses a second.
    uniqueIndex('development_plan_versions_one_draft')
      .on(t.organisationId, t.participantId)
      .where(sql`status = 'draft'`),
    // Migrations 0021 and 0022 add INCLUDE (agreed_on and the count columns) for the compliance list's index-only scan.
    uniqueIndex('development_plan_versions_one_agreed')
      .on(t.organisationId, t.participantId)
      .where(sql`status = 'agreed'`),
    participantFk(t, 'development_plan_versions_participant_fk'),
    userFk(t, t.createdBy, 'development_plan_versions_created_by_fk'),
    userFk(t, t.updatedBy, 'development_plan_versions_updated_by_fk'),
    userFk(t, t.coachAgreedBy, 'development_plan_versions_coach_agreed_by_fk'),
    check('development_plan_versions_status_check', inList(t.status, planStatuses)),
    check('development_plan_versions_number_check', sql`${t.number} >= 1`),
    check(
      'development_plan_versions_agreed_check',
      sql`(${t.status} = 'draft') = (${t.agreedAt} is null) and (${t.status} = 'draft') = (${t.evidence} is null)`,
    ),
    // The compliance list reads the agreed versions of every participant of an organisation.
    index('development_plan_versions_agreed_idx')
      .on(t.organisationId, t.participantId, t.agreedAt)
      .where(sql`status <> 'draft'`),
    tenantPolicy(),
  ],
).enableRLS();

/** The status of an action of the agreed plan, as it is followed up; the agreed version itself keeps its own. */
export const developmentPlanActionProgress = pgTable(
  'development_plan_action_progress',
  {
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    actionKey: uuid('action_key').notNull(),
    status: text('status', { enum: actionStatuses }).notNull(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.participantId, t.actionKey] }),
    participantFk(t, 'development_plan_action_progress_participant_fk'),
    userFk(t, t.updatedBy, 'development_plan_action_progress_updated_by_fk'),
    check('development_plan_action_progress_status_check', inList(t.status, actionStatuses)),
    tenantPolicy(),
  ],
).enableRLS();

export const developmentPlanGoalNotes = pgTable(
  'development_plan_goal_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    goalKey: uuid('goal_key').notNull(),
    text: text('text').notNull(),
    authorId: text('author_id'),
    createdAt: createdAt(),
  },
  (t) => [
    participantFk(t, 'development_plan_goal_notes_participant_fk'),
    userFk(t, t.authorId, 'development_plan_goal_notes_author_fk'),
    index('development_plan_goal_notes_participant_idx').on(t.organisationId, t.participantId, t.createdAt),
    tenantPolicy(),
  ],
).enableRLS();

/** A change the participant proposes; the coach accepts it (it goes into the draft) or asks to talk about it. */
export const developmentPlanProposals = pgTable(
  'development_plan_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    kind: text('kind', { enum: proposalKinds }).notNull(),
    /** The proposal as made (proposalCreateBody without kind and message). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    message: text('message').notNull().default(''),
    status: text('status', { enum: ['open', 'accepted', 'discussed'] })
      .notNull()
      .default('open'),
    reply: text('reply'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    participantFk(t, 'development_plan_proposals_participant_fk'),
    userFk(t, t.createdBy, 'development_plan_proposals_created_by_fk'),
    userFk(t, t.resolvedBy, 'development_plan_proposals_resolved_by_fk'),
    check('development_plan_proposals_kind_check', inList(t.kind, proposalKinds)),
    check('development_plan_proposals_status_check', inList(t.status, ['open', 'accepted', 'discussed'])),
    index('development_plan_proposals_participant_idx').on(t.organisationId, t.participantId, t.createdAt),
    tenantPolicy(),
  ],
).enableRLS();

/** The team meetings and closing events where the participant presented their POP. */
export const developmentPlanPresentations = pgTable(
  'development_plan_presentations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    versionNumber: integer('version_number').notNull(),
    presentedOn: date('presented_on', { mode: 'string' }).notNull(),
    occasion: text('occasion', { enum: presentationOccasions }).notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    participantFk(t, 'development_plan_presentations_participant_fk'),
    foreignKey({
      name: 'development_plan_presentations_version_fk',
      columns: [t.organisationId, t.participantId, t.versionNumber],
      foreignColumns: [
        developmentPlanVersions.organisationId,
        developmentPlanVersions.participantId,
        developmentPlanVersions.number,
      ],
    }).onDelete('cascade'),
    userFk(t, t.createdBy, 'development_plan_presentations_created_by_fk'),
    check('development_plan_presentations_occasion_check', inList(t.occasion, presentationOccasions)),
    index('development_plan_presentations_participant_idx').on(t.organisationId, t.participantId),
    tenantPolicy(),
  ],
).enableRLS();

/** The organisation's POP regime; without a row: the evaluation regime, 10 days before. */
export const developmentPlanSettings = pgTable(
  'development_plan_settings',
  {
    organisationId: organisationId().primaryKey(),
    regime: text('regime', { enum: complianceRegimes }).notNull(),
    daysBeforeEvaluation: smallint('days_before_evaluation').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('development_plan_settings_regime_check', inList(t.regime, complianceRegimes)),
    check('development_plan_settings_days_check', sql`${t.daysBeforeEvaluation} between 0 and 90`),
    tenantPolicy(),
  ],
).enableRLS();

/** ESCO occupations, imported by the organisation from the official CSV: what a job target can be linked to. */
export const escoOccupations = pgTable(
  'esco_occupations',
  {
    organisationId: organisationId(),
    uri: text('uri').notNull(),
    label: text('label').notNull(),
    /** Alternative labels, one per line as in the CSV. */
    altLabels: text('alt_labels').notNull().default(''),
    iscoGroup: text('isco_group'),
    description: text('description'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.uri] }), tenantPolicy()],
).enableRLS();
