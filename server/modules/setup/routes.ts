import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponse } from '#shared/common';
import { setupBody, setupStatusResponse } from '#shared/setup';
import type { Deps } from '../../deps';
import { needsSetup, runSetup } from './service';

export const setupRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/setup',
    { config: { policy: 'public' }, schema: { tags: ['setup'], response: { 200: setupStatusResponse } } },
    async () => ({ needsSetup: await needsSetup(db) }),
  );

  app.post(
    '/setup',
    { config: { policy: 'public' }, schema: { tags: ['setup'], body: setupBody, response: { 201: okResponse } } },
    async (request, reply) => {
      await runSetup(db, request.body, request.ip);
      return reply.status(201).send({ ok: true as const });
    },
  );
};
