import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { coachOptionsResponse } from '#shared/coach-options';
import type { Deps } from '../../deps';
import { listCoachOptions } from './service';

/** Beside the dossier routes: Fastify's router prefers this static path over /participants/:id. */
export const coachOptionRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/participants/coach-options',
    {
      config: { policy: 'participant.coachOptions' },
      schema: { tags: ['participants'], response: { 200: coachOptionsResponse } },
    },
    async (request) => ({ items: await listCoachOptions(db, request.context()) }),
  );
};
