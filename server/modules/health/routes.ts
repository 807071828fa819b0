import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';
import { appliedMigrationCount, expectedMigrationCount } from '../../db/migrate';

/** Outside /api/v1: load balancers and orchestrators call these without a session. */
export async function healthRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    try {
      await database.db.execute(sql`select 1`);
      const [applied, expected] = [await appliedMigrationCount(database), expectedMigrationCount()];
      if (applied < expected) return reply.status(503).send({ status: 'migrations_pending', applied, expected });
      return { status: 'ready', database: database.kind, migrations: applied };
    } catch {
      return reply.status(503).send({ status: 'database_unreachable' });
    }
  });
}
