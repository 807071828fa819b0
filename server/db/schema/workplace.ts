import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, organisations } from './organisations';
import { organisationId, tenantPolicy } from './tenancy';

/** Where people work: sites (vestigingen) and teams (ploegen) with their supervisors. */
export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId().references(() => organisations.id),
    name: text('name').notNull(),
    address: text('address'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('sites_org_id_unique').on(t.organisationId, t.id),
    uniqueIndex('sites_org_name_unique').on(t.organisationId, sql`lower(${t.name})`),
    tenantPolicy(),
  ],
).enableRLS();

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationId().references(() => organisations.id),
    siteId: uuid('site_id').notNull(),
    name: text('name').notNull(),
    workDomain: text('work_domain').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // The composite key keeps a team and its site in one organisation, whatever the caller sends.
    foreignKey({ columns: [t.organisationId, t.siteId], foreignColumns: [sites.organisationId, sites.id] }),
    unique('teams_org_id_unique').on(t.organisationId, t.id),
    uniqueIndex('teams_org_name_unique').on(t.organisationId, sql`lower(${t.name})`),
    index('teams_site_idx').on(t.siteId),
    tenantPolicy(),
  ],
).enableRLS();

export const teamSupervisors = pgTable(
  'team_supervisors',
  {
    organisationId: organisationId(),
    teamId: uuid('team_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [user.organisationId, user.id] }).onDelete(
      'cascade',
    ),
    index('team_supervisors_user_idx').on(t.userId),
    tenantPolicy(),
  ],
).enableRLS();
