import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  type PgColumn,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { workModes } from '#shared/competencies';
import { nextStepKinds } from '#shared/pathways';
import { user } from './auth';
import { jobProfiles } from './competencies';
import { skills } from './iluo';
import { createdAt } from './organisations';
import { participants } from './participants';
import { inList, organisationId, tenantFk, tenantPolicy } from './tenancy';
import { teams } from './workplace';

/**
 * The pathway map (pakkettenschema): work packages per team with their requirements and next steps, and the
 * placements of participants in them. See shared/pathways.ts. Packages are archived, never deleted, so a placement
 * in the past keeps pointing at the package it was.
 */

export const workPackages = pgTable(
  'work_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    teamId: uuid('team_id').notNull(),
    name: text('name').notNull(),
    step: smallint('step').notNull(),
    workMode: text('work_mode', { enum: workModes }).notNull(),
    description: text('description').notNull().default(''),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('work_packages_org_id_unique').on(t.organisationId, t.id),
    uniqueIndex('work_packages_team_name_unique')
      .on(t.teamId, sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    tenantFk('work_packages_team_fk', t, t.teamId, teams),
    index('work_packages_org_team_idx').on(t.organisationId, t.teamId),
    check('work_packages_step_check', sql`${t.step} between 1 and 20`),
    check('work_packages_work_mode_check', inList(t.workMode, workModes)),
    tenantPolicy(),
  ],
).enableRLS();

const packageFk = (t: { organisationId: PgColumn; packageId: PgColumn }, name: string) =>
  tenantFk(name, t, t.packageId, workPackages).onDelete('cascade');

/** Required competency levels, by key of the default framework (stable across its versions). */
export const workPackageCompetencies = pgTable(
  'work_package_competencies',
  {
    organisationId: organisationId(),
    packageId: uuid('package_id').notNull(),
    competencyKey: text('competency_key').notNull(),
    level: smallint('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.packageId, t.competencyKey] }),
    packageFk(t, 'work_package_competencies_package_fk'),
    check('work_package_competencies_level_check', sql`${t.level} between 1 and 10`),
    tenantPolicy(),
  ],
).enableRLS();

/** Required ILUO levels (1 = I … 4 = O). */
export const workPackageSkills = pgTable(
  'work_package_skills',
  {
    organisationId: organisationId(),
    packageId: uuid('package_id').notNull(),
    skillId: uuid('skill_id').notNull(),
    level: smallint('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.packageId, t.skillId] }),
    packageFk(t, 'work_package_skills_package_fk'),
    tenantFk('work_package_skills_skill_fk', t, t.skillId, skills),
    check('work_package_skills_level_check', sql`${t.level} between 1 and 4`),
    tenantPolicy(),
  ],
).enableRLS();

/**
 * The edges of the map: to another package, to a job profile (up the ladder) or out (an exit destination code).
 * Exactly one target per kind; never to the package itself; each target once per package.
 */
export const workPackageNextSteps = pgTable(
  'work_package_next_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    packageId: uuid('package_id').notNull(),
    kind: text('kind', { enum: nextStepKinds }).notNull(),
    toPackageId: uuid('to_package_id'),
    toJobProfileId: uuid('to_job_profile_id'),
    exitDestination: text('exit_destination'),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    packageFk(t, 'work_package_next_steps_package_fk'),
    tenantFk('work_package_next_steps_to_package_fk', t, t.toPackageId, workPackages),
    tenantFk('work_package_next_steps_job_profile_fk', t, t.toJobProfileId, jobProfiles),
    check('work_package_next_steps_kind_check', inList(t.kind, nextStepKinds)),
    check(
      'work_package_next_steps_target_check',
      sql`(${t.kind} = 'package') = (${t.toPackageId} is not null)
        and (${t.kind} = 'job_profile') = (${t.toJobProfileId} is not null)
        and (${t.kind} = 'outflow') = (${t.exitDestination} is not null)`,
    ),
    check('work_package_next_steps_not_self', sql`${t.toPackageId} is null or ${t.toPackageId} <> ${t.packageId}`),
    uniqueIndex('work_package_next_steps_target_unique').on(
      t.packageId,
      t.kind,
      sql`coalesce(${t.toPackageId}::text, ${t.toJobProfileId}::text, ${t.exitDestination})`,
    ),
    index('work_package_next_steps_package_idx').on(t.organisationId, t.packageId),
    index('work_package_next_steps_to_package_idx').on(t.toPackageId),
    tenantPolicy(),
  ],
).enableRLS();

/** Which package a participant works in, from when to when; the current one has no to_date (one per participant). */
export const workPackagePlacements = pgTable(
  'work_package_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId(),
    participantId: uuid('participant_id').notNull(),
    packageId: uuid('package_id').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    placedBy: text('placed_by'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantFk('work_package_placements_participant_fk', t, t.participantId, participants).onDelete('cascade'),
    tenantFk('work_package_placements_package_fk', t, t.packageId, workPackages),
    tenantFk('work_package_placements_placed_by_fk', t, t.placedBy, user),
    uniqueIndex('work_package_placements_one_current').on(t.participantId).where(sql`${t.toDate} is null`),
    index('work_package_placements_participant_idx').on(t.participantId, t.fromDate),
    check('work_package_placements_range_check', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
    tenantPolicy(),
  ],
).enableRLS();
