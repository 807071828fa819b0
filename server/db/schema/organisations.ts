import { sql } from 'drizzle-orm';
import { check, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy } from './tenancy';

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  () => [tenantPolicy(sql`id`)],
).enableRLS();

/** One row, ever: its primary key makes the setup wizard impossible to run twice. */
export const instanceSetup = pgTable(
  'instance_setup',
  {
    id: smallint('id').primaryKey().default(1),
    firstOrganisationId: uuid('first_organisation_id')
      .notNull()
      .references(() => organisations.id),
    completedAt: createdAt(),
  },
  (t) => [check('instance_setup_single_row', sql`${t.id} = 1`)],
);
