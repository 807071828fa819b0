import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TenantOptions {
  /**
   * Plan every statement of the transaction once per connection and reuse the plan (PostgreSQL's generic plan)
   * instead of planning it again for its values. For a statement whose best plan does not depend on its values and
   * whose planning costs more than a millisecond (the compliance list's): PostgreSQL otherwise keeps choosing custom
   * plans when it cannot cost a generic LIMIT. Never for a statement marked UNPREPARED (db/prepared-client.ts).
   */
  genericPlans?: boolean;
}

/**
 * Runs fn in a transaction as the tenant role with one organisation set:
 * row-level security then hides every other organisation's rows, even from a query that forgets the filter.
 * Inside, use the tx argument only: on PGlite the global db would wait for this transaction forever.
 */
export function withTenant<T>(
  db: Db,
  organisationId: string,
  fn: (tx: Tx) => Promise<T>,
  options: TenantOptions = {},
): Promise<T> {
  // The id is a literal, not a parameter: a statement without parameters travels with the transaction's begin
  // (db/prepared-client.ts). It comes from the session, never from a request; it must still look like a uuid.
  if (!UUID.test(organisationId)) return Promise.reject(new Error('withTenant: the organisation id is not a uuid'));
  const plans = options.genericPlans ? `, set_config('plan_cache_mode', 'force_generic_plan', true)` : '';
  return db.transaction(async (tx) => {
    // One statement for all: set_config('role', …, true) is SET LOCAL ROLE, with the same membership check.
    await tx.execute(
      sql.raw(
        `select set_config('app.org_id', '${organisationId}', true), set_config('role', 'groeipad_app', true)${plans}`,
      ),
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
