import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
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
import { type ScaleLevel, workModes } from '#shared/competencies';
import { createdAt, organisations } from './organisations';
import { participants } from './participants';
import { inList, organisationId, tenantFk, tenantPolicy } from './tenancy';

/**
 * Competency frameworks (kerncompetenties) and job profiles on the career ladder.
 *
 * A framework's content lives in versions: a version is the scale plus its competencies. Once a version has
 * ratings it is never changed again; editing the framework then creates the next version, and old ratings keep
 * pointing at the version (and the competency rows) they were given in. A competency's `key` is stable across
 * versions, so evolution charts and job profiles follow "samenwerken" from version 1 to version 3.
 */

export const competencyFrameworks = pgTable(
  'competency_frameworks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId().references(() => organisations.id),
    name: text('name').notNull(),
    description: text('description'),
    /** The framework observations use when none is named: exactly one per organisation (partial unique index). */
    isDefault: boolean('is_default').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('competency_frameworks_org_id_unique').on(t.organisationId, t.id),
    uniqueIndex('competency_frameworks_org_name_unique').on(t.organisationId, sql`lower(${t.name})`),
    uniqueIndex('competency_frameworks_one_default').on(t.organisationId).where(sql`${t.isDefault}`),
    tenantPolicy(),
  ],
).enableRLS();

export const competencyFrameworkVersions = pgTable(
  'competency_framework_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    frameworkId: uuid('framework_id').notNull(),
    /** 1, 2, 3…: the highest number is the framework's current version. */
    number: smallint('number').notNull(),
    /** The rating scale of this version, lowest level first: value 1..n with label, meaning and pictogram. */
    scale: jsonb('scale').$type<ScaleLevel[]>().notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('competency_framework_versions_org_id_unique').on(t.organisationId, t.id),
    unique('competency_framework_versions_number_unique').on(t.frameworkId, t.number),
    tenantFk('competency_framework_versions_framework_fk', t, t.frameworkId, competencyFrameworks).onDelete('cascade'),
    check('competency_framework_versions_number_check', sql`${t.number} >= 1`),
    tenantPolicy(),
  ],
).enableRLS();

export const competencies = pgTable(
  'competencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    versionId: uuid('version_id').notNull(),
    /** Stable across versions of one framework, e.g. "samenwerken". */
    key: text('key').notNull(),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    /** Plain language a participant understands. */
    description: text('description').notNull(),
    /** Behavioural indicators, one text per scale level (index 0 = level 1). */
    indicators: jsonb('indicators').$type<string[]>().notNull(),
    escoUri: text('esco_uri'),
    escoLabel: text('esco_label'),
  },
  (t) => [
    unique('competencies_org_id_unique').on(t.organisationId, t.id),
    // Ratings point at (organisation, version, competency): a competency of another version cannot be rated.
    unique('competencies_org_version_id_unique').on(t.organisationId, t.versionId, t.id),
    unique('competencies_version_key_unique').on(t.versionId, t.key),
    tenantFk('competencies_version_fk', t, t.versionId, competencyFrameworkVersions).onDelete('cascade'),
    check('competencies_key_check', sql`${t.key} ~ '^[a-z][a-z0-9_]{1,39}$'`),
    tenantPolicy(),
  ],
).enableRLS();

/** A role on the career ladder (arbeider → hulpmeestergast → meestergast → omkadering): configurable per framework. */
export const jobProfiles = pgTable(
  'job_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    frameworkId: uuid('framework_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Position on the career ladder, 1 = first rung. Several profiles may share a rung. */
    ladderStep: smallint('ladder_step').notNull(),
    workMode: text('work_mode', { enum: workModes }).notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('job_profiles_org_id_unique').on(t.organisationId, t.id),
    uniqueIndex('job_profiles_framework_name_unique').on(t.frameworkId, sql`lower(${t.name})`),
    tenantFk('job_profiles_framework_fk', t, t.frameworkId, competencyFrameworks).onDelete('cascade'),
    check('job_profiles_work_mode_check', inList(t.workMode, workModes)),
    check('job_profiles_ladder_step_check', sql`${t.ladderStep} between 1 and 20`),
    tenantPolicy(),
  ],
).enableRLS();

/** Expected level per competency, by competency key so a profile survives new framework versions. */
export const jobProfileExpectations = pgTable(
  'job_profile_expectations',
  {
    organisationId: organisationId(),
    jobProfileId: uuid('job_profile_id').notNull(),
    competencyKey: text('competency_key').notNull(),
    level: smallint('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.jobProfileId, t.competencyKey] }),
    tenantFk('job_profile_expectations_profile_fk', t, t.jobProfileId, jobProfiles).onDelete('cascade'),
    check('job_profile_expectations_level_check', sql`${t.level} between 1 and 10`),
    tenantPolicy(),
  ],
).enableRLS();

/** A participant's current job profile and the one they work towards (both optional). */
export const participantJobProfiles = pgTable(
  'participant_job_profiles',
  {
    organisationId: organisationId(),
    participantId: uuid('participant_id').primaryKey(),
    currentProfileId: uuid('current_profile_id'),
    targetProfileId: uuid('target_profile_id'),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantFk('participant_job_profiles_participant_fk', t, t.participantId, participants).onDelete('cascade'),
    tenantFk('participant_job_profiles_current_fk', t, t.currentProfileId, jobProfiles),
    tenantFk('participant_job_profiles_target_fk', t, t.targetProfileId, jobProfiles),
    index('participant_job_profiles_org_idx').on(t.organisationId),
    tenantPolicy(),
  ],
).enableRLS();
