import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { domainStatuses, papActionOwners, papActionStatuses } from '#shared/action-plans';
import { type FieldValue, type InstrumentField, instrumentKinds } from '#shared/instruments';
import { grantKinds } from '#shared/sensitive';
import { userFk } from './auth';
import { createdAt } from './organisations';
import { participantFk } from './participants';
import { inList, organisationId, tenantFk, tenantPolicy } from './tenancy';

/**
 * The sensitive compartment (shared/sensitive.ts): the PAP per life domain, instrument results with attachments,
 * and the access grants (explicit and break-the-glass). Every table is a tenant table; reaching a row is decided by
 * the service (server/modules/sensitive/access.ts), every read and write audited with its reason.
 * Anonymising a participant deletes all of it (cascade from the dossier is not used: the dossier stays).
 */

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** One row per participant and life domain once it was saved; a domain without a row reads as not_discussed. */
export const papDomains = pgTable(
  'pap_domains',
  {
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    domainCode: text('domain_code').notNull(),
    status: text('status', { enum: domainStatuses }).notNull(),
    hinderingFactors: text('hindering_factors').notNull().default(''),
    ownView: text('own_view').notNull().default(''),
    staffOnly: boolean('staff_only').notNull().default(false),
    staffOnlyReason: text('staff_only_reason').notNull().default(''),
    /** Optimistic concurrency: a save names the revision it read. */
    revision: integer('revision').notNull().default(1),
    updatedBy: text('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.domainCode] }),
    participantFk(t, 'pap_domains_participant_fk'),
    userFk(t, t.updatedBy, 'pap_domains_updated_by_fk').onDelete('set null'),
    check('pap_domains_status_check', inList(t.status, domainStatuses)),
    check('pap_domains_staff_only_reason_check', sql`not ${t.staffOnly} or length(${t.staffOnlyReason}) > 0`),
    // Managers' counts per domain and status.
    index('pap_domains_org_domain_status_idx').on(t.organisationId, t.domainCode, t.status),
    tenantPolicy(),
  ],
).enableRLS();

export const papActions = pgTable(
  'pap_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    domainCode: text('domain_code').notNull(),
    what: text('what').notNull(),
    owner: text('owner', { enum: papActionOwners }).notNull(),
    ownerName: text('owner_name').notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: papActionStatuses }).notNull().default('open'),
    staffOnly: boolean('staff_only').notNull().default(false),
    staffOnlyReason: text('staff_only_reason').notNull().default(''),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    participantFk(t, 'pap_actions_participant_fk'),
    userFk(t, t.createdBy, 'pap_actions_created_by_fk').onDelete('set null'),
    check('pap_actions_owner_check', inList(t.owner, papActionOwners)),
    check('pap_actions_status_check', inList(t.status, papActionStatuses)),
    check('pap_actions_staff_only_reason_check', sql`not ${t.staffOnly} or length(${t.staffOnlyReason}) > 0`),
    index('pap_actions_participant_idx').on(t.organisationId, t.participantId, t.dueDate),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * Instrument definitions: built-in ones (builtInCode set: asi, bps, orientation, fitness) are created for an
 * organisation the first time its definitions are listed, and can be edited like any other.
 */
export const instrumentDefinitions = pgTable(
  'instrument_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    builtInCode: text('built_in_code'),
    name: text('name').notNull(),
    kind: text('kind', { enum: instrumentKinds }).notNull(),
    description: text('description').notNull().default(''),
    fields: jsonb('fields').$type<InstrumentField[]>().notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('instrument_definitions_org_id_unique').on(t.organisationId, t.id),
    uniqueIndex('instrument_definitions_built_in_unique').on(t.organisationId, t.builtInCode),
    uniqueIndex('instrument_definitions_name_unique')
      .on(t.organisationId, sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    check('instrument_definitions_kind_check', inList(t.kind, instrumentKinds)),
    tenantPolicy(),
  ],
).enableRLS();

export const instrumentResults = pgTable(
  'instrument_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    definitionId: uuid('definition_id').notNull(),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    values: jsonb('values').$type<Record<string, FieldValue>>().notNull(),
    note: text('note').notNull().default(''),
    assessorId: text('assessor_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('instrument_results_org_id_unique').on(t.organisationId, t.id),
    participantFk(t, 'instrument_results_participant_fk'),
    tenantFk('instrument_results_definition_fk', t, t.definitionId, instrumentDefinitions),
    userFk(t, t.assessorId, 'instrument_results_assessor_fk').onDelete('set null'),
    index('instrument_results_participant_idx').on(t.organisationId, t.participantId, t.takenOn),
    index('instrument_results_definition_idx').on(t.organisationId, t.definitionId, t.takenOn),
    tenantPolicy(),
  ],
).enableRLS();

/** Files kept in the database: small (10 MB at most), few, and they go wherever the dossier goes (export, erase). */
export const instrumentAttachments = pgTable(
  'instrument_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    resultId: uuid('result_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantFk('instrument_attachments_result_fk', t, t.resultId, instrumentResults).onDelete('cascade'),
    userFk(t, t.uploadedBy, 'instrument_attachments_uploaded_by_fk').onDelete('set null'),
    check('instrument_attachments_size_check', sql`${t.size} > 0 and ${t.size} <= 10485760`),
    index('instrument_attachments_result_idx').on(t.organisationId, t.resultId),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * Access to one participant's compartment beyond the caseload: an explicit grant by one of their coaches, or
 * break-the-glass by the person themselves. Never deleted by the app (it is part of the access history); a grant
 * is revoked by setting revoked_at.
 */
export const sensitiveAccessGrants = pgTable(
  'sensitive_access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    userId: text('user_id').notNull(),
    kind: text('kind', { enum: grantKinds }).notNull(),
    reason: text('reason').notNull(),
    grantedBy: text('granted_by'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by'),
  },
  (t) => [
    participantFk(t, 'sensitive_access_grants_participant_fk'),
    userFk(t, t.userId, 'sensitive_access_grants_user_fk').onDelete('cascade'),
    userFk(t, t.grantedBy, 'sensitive_access_grants_granted_by_fk').onDelete('set null'),
    userFk(t, t.revokedBy, 'sensitive_access_grants_revoked_by_fk').onDelete('set null'),
    check('sensitive_access_grants_kind_check', inList(t.kind, grantKinds)),
    check('sensitive_access_grants_period_check', sql`${t.expiresAt} > ${t.startsAt}`),
    // "Does this user have access to this participant now?": one index probe per request.
    index('sensitive_access_grants_lookup_idx').on(t.participantId, t.userId, t.expiresAt),
    index('sensitive_access_grants_org_kind_idx').on(t.organisationId, t.kind, t.startsAt),
    tenantPolicy(),
  ],
).enableRLS();

/** The organisation's retention period after exit; without a row no participant is erased automatically. */
export const privacySettings = pgTable(
  'privacy_settings',
  {
    organisationId: organisationId().primaryKey(),
    retentionMonthsAfterExit: integer('retention_months_after_exit'),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'privacy_settings_retention_check',
      sql`${t.retentionMonthsAfterExit} is null or ${t.retentionMonthsAfterExit} between 12 and 240`,
    ),
    tenantPolicy(),
  ],
).enableRLS();
