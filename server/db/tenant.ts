import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client';

/**
 * Runs fn in a transaction as the tenant role with one organisation set:
 * row-level security then hides every other organisation's rows, even from a query that forgets the filter.
 * Inside, use the tx argument only: on PGlite the global db would wait for this transaction forever.
 */
export function withTenant<T>(db: Db, organisationId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // One round trip for both: set_config('role', …, true) is SET LOCAL ROLE, with the same membership check.
    await tx.execute(
      sql`select set_config('app.org_id', ${organisationId}, true), set_config('role', 'groeipad_app', true)`,
    );
    return fn(tx);
  });
}

/**
 * The few steps that must cross tenants run as the owner: the setup wizard, and looking up
 * an account by e-mail or username before anyone is logged in. Keep this list short.
 */
export function asPlatform<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
