import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { observationContexts, raterKinds } from '#shared/observations';
import { user } from './auth';
import { competencies, competencyFrameworkVersions } from './competencies';
import { createdAt } from './organisations';
import { participantFk } from './participants';
import { inList, organisationId, tenantFk, tenantPolicy } from './tenancy';
import { teams } from './workplace';

/**
 * Observations (scores from one rater at one moment), their ratings, the feedback conversations and their cadence
 * rules, and the invitation links of external mentors.
 *
 * Raters are kept apart: rater_kind (supervisor, coach, mentor, self) is a series of its own everywhere, and no
 * query averages across kinds.
 */

/** An external mentor (stagebegeleider) reaches one participant's competency form through a link, for a period. */
export const mentorInvitations = pgTable(
  'mentor_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    mentorName: text('mentor_name').notNull(),
    mentorEmail: text('mentor_email').notNull(),
    /** The host organisation of the internship, for the coach's overview. */
    hostOrganisation: text('host_organisation'),
    /** HMAC of the link's token: the token itself is only in the e-mail. Looked up before the tenant is known. */
    tokenHash: text('token_hash').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /**
     * The outbox row of the last mail with the link, for its delivery status. No foreign key: the outbox is a log
     * that may be cleaned up, and the invitation outlives it (the status is then unknown).
     */
    mailId: uuid('mail_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('mentor_invitations_org_id_unique').on(t.organisationId, t.id),
    uniqueIndex('mentor_invitations_token_unique').on(t.tokenHash),
    participantFk(t, 'mentor_invitations_participant_fk'),
    index('mentor_invitations_participant_idx').on(t.organisationId, t.participantId),
    check('mentor_invitations_period_check', sql`${t.validFrom} <= ${t.validUntil}`),
    tenantPolicy(),
  ],
).enableRLS();

export const observations = pgTable(
  'observations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    frameworkVersionId: uuid('framework_version_id').notNull(),
    raterKind: text('rater_kind', { enum: raterKinds }).notNull(),
    /** The staff member or the participant who scored; null for a mentor (see mentor_invitation_id). */
    raterUserId: text('rater_user_id'),
    mentorInvitationId: uuid('mentor_invitation_id'),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    context: text('context', { enum: observationContexts }).notNull(),
    note: text('note'),
    /**
     * Chosen by the browser when the draft is made: a draft sent twice (lost connection, retry when back online)
     * is stored once.
     */
    clientKey: uuid('client_key'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('observations_org_id_unique').on(t.organisationId, t.id),
    unique('observations_org_id_version_unique').on(t.organisationId, t.id, t.frameworkVersionId),
    uniqueIndex('observations_client_key_unique').on(t.organisationId, t.clientKey),
    participantFk(t, 'observations_participant_fk'),
    tenantFk('observations_version_fk', t, t.frameworkVersionId, competencyFrameworkVersions),
    tenantFk('observations_rater_fk', t, t.raterUserId, user),
    tenantFk('observations_mentor_invitation_fk', t, t.mentorInvitationId, mentorInvitations),
    check('observations_rater_kind_check', inList(t.raterKind, raterKinds)),
    check('observations_context_check', inList(t.context, observationContexts)),
    check(
      'observations_rater_check',
      sql`(${t.raterKind} = 'mentor') = (${t.mentorInvitationId} is not null)
        and (${t.raterKind} = 'mentor' or ${t.raterUserId} is not null)`,
    ),
    index('observations_participant_idx').on(t.organisationId, t.participantId, t.observedOn),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * One score for one competency in one observation. participant_id, rater_kind, competency_key and observed_on are
 * copies of the observation's and the competency's, so the evolution chart reads one index range per participant.
 */
export const ratings = pgTable(
  'ratings',
  {
    organisationId: organisationId(),
    observationId: uuid('observation_id').notNull(),
    competencyId: uuid('competency_id').notNull(),
    frameworkVersionId: uuid('framework_version_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    raterKind: text('rater_kind', { enum: raterKinds }).notNull(),
    competencyKey: text('competency_key').notNull(),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    score: smallint('score').notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.observationId, t.competencyId] }),
    // Both keys carry the version: the competency must belong to the version the observation was made in.
    foreignKey({
      name: 'ratings_observation_fk',
      columns: [t.organisationId, t.observationId, t.frameworkVersionId],
      foreignColumns: [observations.organisationId, observations.id, observations.frameworkVersionId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'ratings_competency_fk',
      columns: [t.organisationId, t.frameworkVersionId, t.competencyId],
      foreignColumns: [competencies.organisationId, competencies.versionId, competencies.id],
    }),
    check('ratings_score_check', sql`${t.score} between 1 and 10`),
    index('ratings_participant_idx').on(t.participantId, t.observedOn),
    // The version history's rating counts and the "has this version ratings?" check when a framework is saved.
    index('ratings_version_idx').on(t.frameworkVersionId),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * Cache of the latest rating per participant × rater kind × competency key (latest by observed_on, then by the
 * observation's created_at), for the radar and the team heat map at 10 million ratings. Written only by the
 * observations service in the same transaction as the ratings; a test compares it with the derivation.
 */
export const latestRatings = pgTable(
  'latest_ratings',
  {
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    raterKind: text('rater_kind', { enum: raterKinds }).notNull(),
    competencyKey: text('competency_key').notNull(),
    score: smallint('score').notNull(),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    observationId: uuid('observation_id').notNull(),
    competencyId: uuid('competency_id').notNull(),
    frameworkVersionId: uuid('framework_version_id').notNull(),
    observationCreatedAt: timestamp('observation_created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.raterKind, t.competencyKey] }),
    participantFk(t, 'latest_ratings_participant_fk'),
    // Taking back an observation clears its cached rows: without this, a scan of the whole cache.
    index('latest_ratings_observation_idx').on(t.organisationId, t.observationId),
    tenantFk('latest_ratings_observation_fk', t, t.observationId, observations).onDelete('cascade'),
    tenantPolicy(),
  ],
).enableRLS();

/** The feedbackgesprek: at least every 28 days (feedback_rules) per active participant. */
export const feedbackConversations = pgTable(
  'feedback_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** Staff who took part; the one who records it is always among them. */
    staffIds: text('staff_ids').array().notNull(),
    participantPresent: boolean('participant_present').notNull().default(true),
    /** Others present, in words (a mentor, a job coach of the referrer…). */
    otherAttendees: text('other_attendees'),
    /** The observations whose scores were reviewed in the conversation. */
    reviewedObservationIds: uuid('reviewed_observation_ids').array().notNull().default(sql`'{}'::uuid[]`),
    wentWell: text('went_well'),
    toWorkOn: text('to_work_on'),
    agreements: text('agreements'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('feedback_conversations_org_id_unique').on(t.organisationId, t.id),
    participantFk(t, 'feedback_conversations_participant_fk'),
    index('feedback_conversations_participant_idx').on(t.organisationId, t.participantId, t.heldOn),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * The feedback interval: the most specific rule wins (team + programme type, then team, then programme type, then
 * the organisation's own default row with both empty); without any row the interval is 28 days.
 */
export const feedbackRules = pgTable(
  'feedback_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    teamId: uuid('team_id'),
    programmeType: text('programme_type'),
    intervalDays: smallint('interval_days').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('feedback_rules_scope_unique').on(
      t.organisationId,
      sql`coalesce(${t.teamId}::text, '')`,
      sql`coalesce(${t.programmeType}, '')`,
    ),
    tenantFk('feedback_rules_team_fk', t, t.teamId, teams).onDelete('cascade'),
    check('feedback_rules_interval_check', sql`${t.intervalDays} between 1 and 365`),
    tenantPolicy(),
  ],
).enableRLS();
