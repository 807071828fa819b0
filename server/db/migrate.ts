import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Database, type Db, queryRows } from './client';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

// Several instances may start at once on one PostgreSQL: one migrates, the others wait.
const MIGRATION_LOCK = 4_717_001;

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // An advisory lock belongs to one connection, so migrate on a dedicated one.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrateNodePg(drizzle(client), { migrationsFolder });
  } finally {
    await client.end();
  }
}

export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function appliedMigrationCount(database: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Number(row?.n ?? 0);
}

/**
 * PGlite runs no autovacuum, so nothing ever gathers planner statistics: without them the planner guesses row counts
 * and plans the caseload as nested loops over every dossier. ANALYZE samples at most 30,000 rows a table, so it
 * stays well under a second at umbrella scale. Runs as the owner, outside any tenant transaction.
 */
export async function refreshStatistics(db: Db, tables: readonly string[] = []): Promise<void> {
  await db.execute(tables.length ? sql.raw(`analyze ${tables.map((t) => `"${t}"`).join(', ')}`) : sql`analyze`);
}
