import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreeBody,
  draftSaveBody,
  planOverview,
  planParams,
  planVersion,
  planVersionParams,
} from '#shared/development-plans';
import type { Deps } from '../../deps';
import { getPlanOverview } from './overview';
import { exportPlanPdf } from './pdf';
import { agreeDraft, discardDraft, getVersion, saveDraft, startDraft } from './versions';

/**
 * The POP of one participant: the overview, its versions, drafting, agreeing and the PDF of an agreed version.
 * The follow-up routes (actions, notes, proposals, presentations) are in routes-followup.ts.
 */
export const developmentPlanVersionRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['development-plans'];
  const base = '/participants/:id/pop';

  app.get(
    base,
    { config: { policy: 'pop.read' }, schema: { tags, params: planParams, response: { 200: planOverview } } },
    async (request) => getPlanOverview(db, request.context(), request.params.id),
  );

  app.post(
    `${base}/versions`,
    {
      config: { policy: 'pop.edit' },
      schema: {
        tags,
        summary: 'Start a draft: a copy of the agreed version with the live action statuses, or an empty plan',
        params: planParams,
        // Nothing to send: an empty object or no body at all.
        body: z.strictObject({}).nullish(),
        response: { 201: planVersion },
      },
    },
    async (request, reply) => reply.status(201).send(await startDraft(db, request.context(), request.params.id)),
  );

  app.get(
    `${base}/versions/:number`,
    {
      config: { policy: 'pop.read' },
      schema: { tags, params: planVersionParams, response: { 200: planVersion } },
    },
    async (request) => getVersion(db, request.context(), request.params.id, request.params.number),
  );

  app.put(
    `${base}/versions/:number`,
    {
      config: { policy: 'pop.edit' },
      schema: {
        tags,
        summary: 'Save the draft; 409 version_agreed for an agreed version, 409 conflict (with the draft) when stale',
        params: planVersionParams,
        body: draftSaveBody,
        response: { 200: planVersion },
      },
    },
    async (request) => saveDraft(db, request.context(), request.params.id, request.params.number, request.body),
  );

  app.delete(
    `${base}/versions/:number`,
    {
      config: { policy: 'pop.edit' },
      schema: { tags, summary: 'Discard a draft', params: planVersionParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await discardDraft(db, request.context(), request.params.id, request.params.number);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/versions/:number/agree`,
    {
      config: { policy: 'pop.agree' },
      schema: {
        tags,
        summary: 'Confirm the draft at this revision (participant or coach); agreed once both confirmed',
        params: planVersionParams,
        body: agreeBody,
        response: { 200: planOverview },
      },
    },
    async (request) => agreeDraft(db, request.context(), request.params.id, request.params.number, request.body),
  );

  app.get(
    `${base}/versions/:number/pdf`,
    {
      config: { policy: 'pop.read' },
      schema: { tags, summary: 'An agreed version as a PDF', params: planVersionParams },
    },
    async (request, reply) => {
      const file = await exportPlanPdf(db, request.context(), request.params.id, request.params.number);
      return reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .type('application/pdf')
        .send(file.body);
    },
  );
};
