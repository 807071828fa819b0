import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#shared/common';
import { referrer, referrerCreateBody, referrerListQuery, referrerUpdateBody } from '#shared/referrers';
import type { Deps } from '../../deps';
import { createReferrer, listReferrers, updateReferrer } from './service';

export const referrerRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/referrers',
    {
      config: { policy: 'referrer.read' },
      schema: {
        tags: ['referrers'],
        querystring: referrerListQuery,
        response: { 200: z.object({ items: z.array(referrer) }) },
      },
    },
    async (request) => ({ items: await listReferrers(db, request.context(), request.query.archived === 'true') }),
  );

  app.post(
    '/referrers',
    {
      config: { policy: 'referrer.manage' },
      schema: { tags: ['referrers'], body: referrerCreateBody, response: { 201: referrer } },
    },
    async (request, reply) => reply.status(201).send(await createReferrer(db, request.context(), request.body)),
  );

  app.patch(
    '/referrers/:id',
    {
      config: { policy: 'referrer.manage' },
      schema: { tags: ['referrers'], params: idParams, body: referrerUpdateBody, response: { 200: referrer } },
    },
    async (request) => updateReferrer(db, request.context(), request.params.id, request.body),
  );
};
