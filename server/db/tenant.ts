import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs fn in a transaction as the tenant role with one organisation set:
 * row-level security then hides every other organisation's rows, even from a query that forgets the filter.
 * Inside, use the tx argument only: on PGlite the global db would wait for this transaction forever.
 */
export function withTenant<T>(db: Db, organisationId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // The id is a literal, not a parameter: a statement without parameters travels with the transaction's begin
  // (db/prepared-client.ts). It comes from the session, never from a request; it must still look like a uuid.
  if (!UUID.test(organisationId)) return Promise.reject(new Error('withTenant: the organisation id is not a uuid'));
  return db.transaction(async (tx) => {
    // One statement for both: set_config('role', …, true) is SET LOCAL ROLE, with the same membership check.
    await tx.execute(
      sql.raw(`select set_config('app.org_id', '${organisationId}', true), set_config('role', 'groeipad_app', true)`),
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
