import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  breakGlassBody,
  grantCandidates as grantCandidatesResponse,
  grantCreateBody,
  grantParams,
  sensitiveAccess,
  sensitiveCounts,
  sensitiveLog,
  sensitiveParams,
} from '#shared/sensitive';
import type { Deps } from '../../deps';
import { readSensitiveCounts } from './counts';
import { breakGlass, createGrant, grantCandidates, revokeGrant } from './grants';
import { readAccessLog } from './log';
import { readAccess } from './state';

/**
 * Access to a participant's sensitive compartment (shared/sensitive.ts): the access state the page asks first,
 * break-the-glass, explicit grants by the participant's coaches, the access log, and counts for managers.
 */
export const sensitiveRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, config, mailer }) => {
  const tags = ['sensitive'];
  const glass = { publicUrl: config.PUBLIC_URL, mailer };

  app.get(
    '/participants/:id/sensitive/access',
    {
      config: { policy: 'sensitive.access' },
      schema: { tags, params: sensitiveParams, response: { 200: sensitiveAccess } },
    },
    async (request) => readAccess(db, request.context(), request.params.id),
  );

  app.post(
    '/participants/:id/sensitive/break-glass',
    {
      config: { policy: 'sensitive.breakGlass' },
      schema: {
        tags,
        summary: 'Open the compartment for a few hours with a reason; the coaches get a mail. 409 with access already',
        params: sensitiveParams,
        body: breakGlassBody,
        response: { 201: sensitiveAccess },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await breakGlass(db, glass, request.context(), request.params.id, request.body)),
  );

  app.get(
    '/participants/:id/sensitive/grant-candidates',
    {
      config: { policy: 'sensitive.grant' },
      schema: { tags, params: sensitiveParams, response: { 200: grantCandidatesResponse } },
    },
    async (request) => grantCandidates(db, request.context(), request.params.id),
  );

  app.post(
    '/participants/:id/sensitive/grants',
    {
      config: { policy: 'sensitive.grant' },
      schema: { tags, params: sensitiveParams, body: grantCreateBody, response: { 201: sensitiveAccess } },
    },
    async (request, reply) =>
      reply.status(201).send(await createGrant(db, request.context(), request.params.id, request.body)),
  );

  app.post(
    '/participants/:id/sensitive/grants/:grantId/revoke',
    {
      config: { policy: 'sensitive.grant' },
      schema: { tags, params: grantParams, response: { 200: sensitiveAccess } },
    },
    async (request) => revokeGrant(db, request.context(), request.params.id, request.params.grantId),
  );

  app.get(
    '/participants/:id/sensitive/log',
    {
      config: { policy: 'sensitive.accessLog' },
      schema: { tags, params: sensitiveParams, response: { 200: sensitiveLog } },
    },
    async (request) => readAccessLog(db, request.context(), request.params.id),
  );

  app.get(
    '/sensitive/counts',
    { config: { policy: 'sensitive.counts' }, schema: { tags, response: { 200: sensitiveCounts } } },
    async (request) => readSensitiveCounts(db, request.context()),
  );
};
