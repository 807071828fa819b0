import { sql } from 'drizzle-orm';
import { foreignKey, type PgColumn, pgPolicy, pgRole, uuid } from 'drizzle-orm/pg-core';

/**
 * The role every tenant query runs as. It cannot bypass row-level security;
 * migration 0000 creates it, startup refuses to run if it could.
 */
export const appRole = pgRole('groeipad_app').existing();

export const currentOrganisation = sql`nullif(current_setting('app.org_id', true), '')::uuid`;

/** Every tenant table: organisation_id plus one policy that pins it to the current tenant. */
export const organisationId = () => uuid('organisation_id').notNull();

export const tenantPolicy = (column = sql`organisation_id`) =>
  pgPolicy('tenant_isolation', {
    as: 'permissive',
    for: 'all',
    to: appRole,
    using: sql`${column} = ${currentOrganisation}`,
    withCheck: sql`${column} = ${currentOrganisation}`,
  });

/**
 * A composite foreign key to a row of the same organisation: (organisation_id, column) → the target's
 * (organisation_id, id), so a row can never point across tenants.
 */
export const tenantFk = (
  name: string,
  t: { organisationId: PgColumn },
  column: PgColumn,
  target: { organisationId: PgColumn; id: PgColumn },
) => foreignKey({ name, columns: [t.organisationId, column], foreignColumns: [target.organisationId, target.id] });

/** A CHECK that a text column holds one of the values of a TypeScript union (the shared contract's list). */
export const inList = (column: unknown, values: readonly string[]) =>
  sql`${column} in (${sql.join(
    values.map((v) => sql.raw(`'${v}'`)),
    sql`, `,
  )})`;
