import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { user } from './auth';
import { createdAt, organisations } from './organisations';
import { participants } from './participants';
import { organisationId, tenantFk, tenantPolicy } from './tenancy';
import { teams } from './workplace';

/**
 * The ILUO matrix: technical skills (tasks) per team, and per person per skill a level 1–4
 * (I = in training, L = with help, U = alone, O = can train others). Participants and staff can both be assessed:
 * a level row names exactly one of them.
 */

export const skills = pgTable(
  'skills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    teamId: uuid('team_id').notNull(),
    /** A heading within the team's matrix, e.g. "Snoeien" or "Machines"; empty for ungrouped skills. */
    groupName: text('group_name').notNull().default(''),
    name: text('name').notNull(),
    description: text('description'),
    /** Critical skills are flagged when nobody or only one person covers them (level U or O). */
    critical: boolean('critical').notNull().default(false),
    position: smallint('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('skills_org_id_unique').on(t.organisationId, t.id),
    uniqueIndex('skills_team_name_unique').on(t.teamId, sql`lower(${t.name})`).where(sql`${t.archivedAt} is null`),
    tenantFk('skills_team_fk', t, t.teamId, teams).onDelete('cascade'),
    index('skills_org_team_idx').on(t.organisationId, t.teamId),
    tenantPolicy(),
  ],
).enableRLS();

/** Full history: every assessment is a row; the matrix shows the latest per skill × person (skill_levels_current). */
export const skillLevels = pgTable(
  'skill_levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    skillId: uuid('skill_id').notNull(),
    participantId: uuid('participant_id'),
    userId: text('user_id'),
    level: smallint('level').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    assessorId: text('assessor_id').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('skill_levels_org_id_unique').on(t.organisationId, t.id),
    tenantFk('skill_levels_skill_fk', t, t.skillId, skills).onDelete('cascade'),
    tenantFk('skill_levels_participant_fk', t, t.participantId, participants).onDelete('cascade'),
    tenantFk('skill_levels_user_fk', t, t.userId, user).onDelete('cascade'),
    check('skill_levels_level_check', sql`${t.level} between 1 and 4`),
    check('skill_levels_subject_check', sql`(${t.participantId} is null) <> (${t.userId} is null)`),
    index('skill_levels_skill_participant_idx').on(t.skillId, t.participantId, t.assessedOn),
    index('skill_levels_skill_user_idx').on(t.skillId, t.userId, t.assessedOn),
    index('skill_levels_participant_idx').on(t.organisationId, t.participantId),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * Cache of the latest level per skill × person (latest by assessed_on, then created_at), for the team matrix.
 * Written only by the ILUO service in the same transaction as the history row; a test compares it with the
 * derivation. `subject` is the participant id or the staff user id, so one unique key covers both.
 */
export const skillLevelsCurrent = pgTable(
  'skill_levels_current',
  {
    organisationId: organisationId(),
    skillId: uuid('skill_id').notNull(),
    subject: text('subject').notNull(),
    participantId: uuid('participant_id'),
    userId: text('user_id'),
    level: smallint('level').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    skillLevelId: uuid('skill_level_id').notNull(),
    levelCreatedAt: timestamp('level_created_at', { withTimezone: true }).notNull(),
    /** The history row's assessor, so the team matrix reads the cache alone (no lookup per cell). */
    assessorId: text('assessor_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.skillId, t.subject] }),
    tenantFk('skill_levels_current_level_fk', t, t.skillLevelId, skillLevels).onDelete('cascade'),
    check('skill_levels_current_subject_check', sql`${t.subject} = coalesce(${t.participantId}::text, ${t.userId})`),
    tenantPolicy(),
  ],
).enableRLS();

/** The organisation's own words for the four ILUO levels; a level without a row uses the built-in label. */
export const iluoLevelLabels = pgTable(
  'iluo_level_labels',
  {
    organisationId: organisationId().references(() => organisations.id),
    level: smallint('level').notNull(),
    label: text('label').notNull(),
    meaning: text('meaning').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.level] }),
    check('iluo_level_labels_level_check', sql`${t.level} between 1 and 4`),
    tenantPolicy(),
  ],
).enableRLS();
