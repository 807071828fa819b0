import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../server/db/client';
import { runMigrations } from '../../server/db/migrate';

export interface TestDatabase extends Database {
  /** Closes the connections and drops the database (PostgreSQL) or the in-memory cluster (PGlite). */
  destroy(): Promise<void>;
}

/**
 * Each test file gets its own freshly migrated database, so files run in parallel:
 * an in-memory PGlite by default, a new database on the server named by TEST_DATABASE_URL otherwise.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ kind: 'pglite-memory' });
    await runMigrations(database);
    return { ...database, destroy: () => database.close() };
  }
  const name = `groeipad_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  await runMigrations(database);
  return {
    ...database,
    destroy: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
