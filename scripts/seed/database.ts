import { sql } from 'drizzle-orm';
import { type Database, type DatabaseTarget, openDatabase } from '../../server/db/client';
import { runMigrations } from '../../server/db/migrate';

/** Where to load: the flags win, then DATABASE_URL, then DATA_DIR, like the server's own configuration. */
export function targetFrom(
  flags: { databaseUrl?: string; dataDir?: string },
  env: NodeJS.ProcessEnv = process.env,
): DatabaseTarget {
  if (flags.databaseUrl && flags.dataDir) throw new Error('Give --database-url or --data-dir, not both.');
  if (flags.dataDir) return { kind: 'pglite', dataDir: flags.dataDir };
  const url = flags.databaseUrl ?? (env.DATABASE_URL?.trim() || undefined);
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: env.DATA_DIR?.trim() || './data' };
}

export const describeTarget = (target: DatabaseTarget) =>
  target.kind === 'postgres'
    ? `PostgreSQL ${new URL(target.url).host}${new URL(target.url).pathname}`
    : target.kind === 'pglite'
      ? `the embedded database in ${target.dataDir}`
      : 'an in-memory database';

/**
 * Drops every table (the app's schema and drizzle's migration log) so the migrations build it anew.
 * Dropping, not deleting rows: the audit log refuses DELETE and TRUNCATE, for the owner too.
 */
export async function dropEverything(database: Database) {
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  await database.db.execute(sql`drop schema public cascade`);
  await database.db.execute(sql`create schema public`);
}

/** Opens the target (taking the data folder's lock on PGlite), optionally wipes it, and migrates it. */
export async function openForLoading(target: DatabaseTarget, options: { reset?: boolean } = {}): Promise<Database> {
  const database = await openDatabase(target);
  try {
    if (options.reset) await dropEverything(database);
    await runMigrations(database);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}
