import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './client';

export class UnsafeDatabaseError extends Error {}

/**
 * Tenant isolation rests on two facts the database must confirm at every start:
 * the tenant role cannot bypass row-level security, and every table with an organisation_id has it enabled.
 */
export async function assertTenantIsolation(db: Db): Promise<void> {
  const [r] = await queryRows<{ rolsuper: boolean; rolbypassrls: boolean }>(
    db,
    sql`select rolsuper, rolbypassrls from pg_roles where rolname = 'groeipad_app'`,
  );
  if (!r) throw new UnsafeDatabaseError('The database role groeipad_app is missing; migrations did not run.');
  if (r.rolsuper || r.rolbypassrls) {
    throw new UnsafeDatabaseError(
      'The database role groeipad_app is a superuser or has BYPASSRLS: tenant isolation would not hold. ' +
        'Run: ALTER ROLE groeipad_app NOSUPERUSER NOBYPASSRLS;',
    );
  }
  const open = await queryRows<{ table_name: string }>(
    db,
    sql`
    select c.relname as table_name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped
    where c.relkind = 'r' and not c.relrowsecurity`,
  );
  if (open.length > 0) {
    const names = open.map((t) => t.table_name).join(', ');
    throw new UnsafeDatabaseError(`Row-level security is off on tenant tables: ${names}.`);
  }
}
