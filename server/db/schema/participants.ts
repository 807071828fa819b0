import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  type PgColumn,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { careerEventKinds, participantStatuses, supportLevels } from '#shared/participants';
import { referrerKinds } from '#shared/referrers';
import { user } from './auth';
import { createdAt, organisations } from './organisations';
import { inList, organisationId, tenantFk, tenantPolicy } from './tenancy';
import { sites, teams } from './workplace';

/**
 * Participant dossiers. Every reference is a composite foreign key (organisation_id, x_id), so a dossier can only
 * point at a site, team, referrer, coach or login of its own organisation, whatever the caller sends.
 */

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** The organisation's managed list of referring organisations (doorverwijzers). */
export const referrers = pgTable(
  'referrers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId().references(() => organisations.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: referrerKinds }).notNull(),
    email: text('email'),
    phone: text('phone'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('referrers_org_id_unique').on(t.organisationId, t.id),
    uniqueIndex('referrers_org_name_unique').on(t.organisationId, sql`lower(${t.name})`),
    check('referrers_kind_check', inList(t.kind, referrerKinds)),
    tenantPolicy(),
  ],
).enableRLS();

export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId().references(() => organisations.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    siteId: uuid('site_id').notNull(),
    teamId: uuid('team_id'),
    programmeType: text('programme_type').notNull(),
    referrerId: uuid('referrer_id'),
    referrerContact: text('referrer_contact'),
    /** The participant's own login, when they have one. */
    userId: text('user_id'),
    /**
     * Cache of deriveState(career events).status, written only by the service in the same transaction as the
     * career-event write (participants/career-events.ts). It exists so the caseload list can filter and sort on
     * status with an index at 20,000 dossiers; a test checks it always equals the derivation.
     */
    status: text('status', { enum: participantStatuses }).notNull().default('registered'),
    /** Cache of deriveState(...).startDate (the latest 'start'), kept like status: for sorting the caseload. */
    startDate: date('start_date', { mode: 'string' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Set when the participant was erased (shared/privacy.ts): the row stays as a statistical skeleton. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('participants_org_id_unique').on(t.organisationId, t.id),
    tenantFk('participants_site_fk', t, t.siteId, sites),
    tenantFk('participants_team_fk', t, t.teamId, teams),
    tenantFk('participants_referrer_fk', t, t.referrerId, referrers),
    tenantFk('participants_user_fk', t, t.userId, user),
    uniqueIndex('participants_user_unique').on(t.userId),
    check('participants_status_check', inList(t.status, participantStatuses)),
    // The caseload list: sorted by name (case-insensitive), filtered by status, team, site; start date sort.
    index('participants_org_name_idx').on(t.organisationId, sql`lower(${t.lastName})`, sql`lower(${t.firstName})`),
    index('participants_org_status_idx').on(t.organisationId, t.status),
    index('participants_org_start_idx').on(t.organisationId, t.startDate),
    // Team filters and a supervisor's caseload (their teams), with status, the most common filter, in the index too.
    index('participants_org_team_status_idx').on(t.organisationId, t.teamId, t.status),
    index('participants_org_site_idx').on(t.organisationId, t.siteId),
    index('participants_org_referrer_idx').on(t.organisationId, t.referrerId),
    tenantPolicy(),
  ],
).enableRLS();

/** A composite foreign key to the participant of the same organisation; the row goes with the dossier. */
export const participantFk = (t: { organisationId: PgColumn; participantId: PgColumn }, name: string) =>
  tenantFk(name, t, t.participantId, participants).onDelete('cascade');

/** The caseload relation: a participant can have several coaches. */
export const participantCoaches = pgTable(
  'participant_coaches',
  {
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.userId] }),
    participantFk(t, 'participant_coaches_participant_fk'),
    tenantFk('participant_coaches_user_fk', t, t.userId, user).onDelete('cascade'),
    // "My caseload": from the coach to their participants.
    index('participant_coaches_user_idx').on(t.userId, t.participantId),
    tenantPolicy(),
  ],
).enableRLS();

/** Indicering: the government classification of distance to the labour market. */
export const indications = pgTable(
  'indications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    type: text('type').notNull(),
    supportLevel: text('support_level', { enum: supportLevels }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    participantFk(t, 'indications_participant_fk'),
    index('indications_participant_idx').on(t.participantId),
    check('indications_support_level_check', inList(t.supportLevel, supportLevels)),
    check('indications_valid_range', sql`${t.validUntil} is null or ${t.validUntil} >= ${t.validFrom}`),
    tenantPolicy(),
  ],
).enableRLS();

/** Significant others: people who matter to the participant. */
export const stakeholders = pgTable(
  'stakeholders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    contact: text('contact'),
    mayBeInvolved: boolean('may_be_involved').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    participantFk(t, 'stakeholders_participant_fk'),
    index('stakeholders_participant_idx').on(t.participantId),
    tenantPolicy(),
  ],
).enableRLS();

/** Consent records, append-only from the app: a withdrawal is a new record. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    kind: text('kind').notNull(),
    granted: boolean('granted').notNull(),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    recordedBy: text('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    participantFk(t, 'consents_participant_fk'),
    tenantFk('consents_recorded_by_fk', t, t.recordedBy, user),
    index('consents_participant_idx').on(t.participantId, t.recordedOn),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * Instroom, doorstroom, uitstroom. The timeline is ordered by (date, seq): seq keeps the order of events
 * recorded on the same day. The app may insert but not change or delete them (migration grants).
 */
export const careerEvents = pgTable(
  'career_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    kind: text('kind', { enum: careerEventKinds }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** The new team (team_change), or the team at intake. */
    teamId: uuid('team_id'),
    toRole: text('to_role'),
    exitDestination: text('exit_destination'),
    note: text('note'),
    recordedBy: text('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    participantFk(t, 'career_events_participant_fk'),
    tenantFk('career_events_team_fk', t, t.teamId, teams),
    tenantFk('career_events_recorded_by_fk', t, t.recordedBy, user),
    index('career_events_participant_idx').on(t.participantId, t.date, t.seq),
    check('career_events_kind_check', inList(t.kind, careerEventKinds)),
    tenantPolicy(),
  ],
).enableRLS();
