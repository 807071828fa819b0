import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Another app's database: a second app with other settings, without migrating a new database. */
  database?: TestDatabase;
  /** Captures the log lines (set LOG_LEVEL in env too, it is silent by default). */
  logStream?: { write(line: string): void };
  /** A built web app to serve (plugins/web.ts). */
  webRoot?: string;
}

/** A real app on its own database, driven through app.inject: no port, no browser. */
export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ config, database, logStream: options.logStream, webRoot: options.webRoot });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      // A shared database belongs to the app that created it.
      if (!options.database) await database.destroy();
    },
  };
}
