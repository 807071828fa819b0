import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { listKinds } from '#shared/lists';
import { createdAt, organisations } from './organisations';
import { organisationId, tenantPolicy } from './tenancy';

/**
 * The organisation's own version of its configurable lists. A built-in item without a row here applies as shipped;
 * a row overrides its label, order or active flag. Codes are never deleted by the app once dossiers may use them:
 * PUT /lists/:kind replaces the rows of one kind but keeps every built-in code.
 */
export const organisationListItems = pgTable(
  'organisation_list_items',
  {
    organisationId: organisationId().references(() => organisations.id),
    kind: text('kind', { enum: listKinds }).notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    active: boolean('active').notNull().default(true),
    position: smallint('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.kind, t.code] }),
    check(
      'organisation_list_items_kind_check',
      sql`${t.kind} in (${sql.join(
        listKinds.map((k) => sql.raw(`'${k}'`)),
        sql`, `,
      )})`,
    ),
    check('organisation_list_items_code_check', sql`${t.code} ~ '^[a-z][a-z0-9_]{1,39}$'`),
    tenantPolicy(),
  ],
).enableRLS();
