import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organisation, organisationUpdateBody } from '#shared/organisation';
import { organisations } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import type { Deps } from '../../deps';
import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit/record';

export const organisationRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/organisation',
    { config: { policy: 'organisation.read' }, schema: { tags: ['organisation'], response: { 200: organisation } } },
    async (request) => {
      const { actor } = request.context();
      const [row] = await withTenant(db, actor.organisationId, (tx) =>
        tx.select({ id: organisations.id, name: organisations.name }).from(organisations),
      );
      if (!row) throw notFound('Organisation');
      return row;
    },
  );

  app.patch(
    '/organisation',
    {
      config: { policy: 'organisation.update' },
      schema: {
        tags: ['organisation'],
        body: organisationUpdateBody,
        response: { 200: organisation },
      },
    },
    async (request) => {
      const ctx = request.context();
      return withTenant(db, ctx.actor.organisationId, async (tx) => {
        const [row] = await tx
          .update(organisations)
          .set({ name: request.body.name })
          .where(eq(organisations.id, ctx.actor.organisationId))
          .returning({ id: organisations.id, name: organisations.name });
        if (!row) throw notFound('Organisation');
        await recordAudit(tx, ctx, { action: 'organisation.updated', targetType: 'organisation', targetId: row.id });
        return row;
      });
    },
  );
};
