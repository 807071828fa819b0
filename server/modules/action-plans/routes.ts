import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  actionPlan,
  ownActionPlan,
  papActionCreateBody,
  papActionParams,
  papActionUpdateBody,
  papDomainBody,
  papDomainParams,
  papParams,
} from '#shared/action-plans';
import type { Deps } from '../../deps';
import { readOwnPlan, readPlan } from './read';
import { addAction, saveDomain, updateAction } from './write';

/**
 * The PAP (persoonlijk actieplan), part of the sensitive compartment: staff with access read and write it
 * (pap.read / pap.write, decided per participant by server/modules/sensitive/access.ts); the participant reads their
 * own without staff-only items (pap.readOwn).
 */
export const actionPlanRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['action-plans'];

  app.get(
    '/participants/me/pap',
    { config: { policy: 'pap.readOwn' }, schema: { tags, response: { 200: ownActionPlan } } },
    async (request) => readOwnPlan(db, request.context()),
  );

  app.get(
    '/participants/:id/pap',
    { config: { policy: 'pap.read' }, schema: { tags, params: papParams, response: { 200: actionPlan } } },
    async (request) => readPlan(db, request.context(), request.params.id),
  );

  app.put(
    '/participants/:id/pap/domains/:code',
    {
      config: { policy: 'pap.write' },
      schema: {
        tags,
        summary: 'Save one life domain; 409 conflict (with the domain as it is now) when the revision is stale',
        params: papDomainParams,
        body: papDomainBody,
        response: { 200: actionPlan },
      },
    },
    async (request) => saveDomain(db, request.context(), request.params.id, request.params.code, request.body),
  );

  app.post(
    '/participants/:id/pap/actions',
    {
      config: { policy: 'pap.write' },
      schema: { tags, params: papParams, body: papActionCreateBody, response: { 201: actionPlan } },
    },
    async (request, reply) =>
      reply.status(201).send(await addAction(db, request.context(), request.params.id, request.body)),
  );

  app.put(
    '/participants/:id/pap/actions/:actionId',
    {
      config: { policy: 'pap.write' },
      schema: { tags, params: papActionParams, body: papActionUpdateBody, response: { 200: actionPlan } },
    },
    async (request) => updateAction(db, request.context(), request.params.id, request.params.actionId, request.body),
  );
};
