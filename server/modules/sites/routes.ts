import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#shared/common';
import { site, siteCreateBody, siteUpdateBody } from '#shared/organisation';
import type { Deps } from '../../deps';
import { createSite, listSites, updateSite } from './service';

export const siteRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/sites',
    {
      config: { policy: 'site.read' },
      schema: {
        tags: ['sites'],
        querystring: z.strictObject({ archived: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ items: z.array(site) }) },
      },
    },
    async (request) => ({ items: await listSites(db, request.context(), request.query.archived === 'true') }),
  );

  app.post(
    '/sites',
    { config: { policy: 'site.manage' }, schema: { tags: ['sites'], body: siteCreateBody, response: { 201: site } } },
    async (request, reply) => reply.status(201).send(await createSite(db, request.context(), request.body)),
  );

  app.patch(
    '/sites/:id',
    {
      config: { policy: 'site.manage' },
      schema: { tags: ['sites'], params: idParams, body: siteUpdateBody, response: { 200: site } },
    },
    async (request) => updateSite(db, request.context(), request.params.id, request.body),
  );
};
