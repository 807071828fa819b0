import type { FastifyInstance } from 'fastify';
import { buildApp, defaultWebRoot } from './app';
import type { Config } from './config';
import { type Database, openDatabase } from './db/client';
import { refreshStatistics, runMigrations } from './db/migrate';
import { assertTenantIsolation } from './db/safety';
import { retentionEverywhere, scheduleNightlyRetention } from './modules/privacy/nightly-retention';

/** Opens the database chosen by the configuration, migrates it, checks isolation, builds the app. */
export async function start(config: Config): Promise<{ app: FastifyInstance; database: Database }> {
  const database = await openDatabase(
    config.DATABASE_URL
      ? { kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: config.DATA_DIR },
  );
  try {
    await runMigrations(database);
    // PostgreSQL's autovacuum keeps statistics current; PGlite only has what we gather.
    if (database.kind === 'pglite') await refreshStatistics(database.db);
    await assertTenantIsolation(database.db);
    const app = await buildApp({ config, database, webRoot: config.WEB_ROOT ?? defaultWebRoot });
    if (config.RETENTION_NIGHTLY_AT !== 'off') {
      const nightly = scheduleNightlyRetention(
        () => retentionEverywhere(database.db),
        app.log,
        config.RETENTION_NIGHTLY_AT,
      );
      app.addHook('onClose', async () => nightly.stop());
    }
    return { app, database };
  } catch (err) {
    await database.close();
    throw err;
  }
}
