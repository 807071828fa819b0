import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#shared/common';
import {
  definitionParams,
  instrumentDefinition,
  instrumentDefinitionBody,
  instrumentDefinitions,
  instrumentResult,
  instrumentResultBody,
  instrumentResults,
  instrumentResultUpdateBody,
  resultParams,
} from '#shared/instruments';
import type { Deps } from '../../deps';
import { archiveDefinition, createDefinition, listDefinitions, updateDefinition } from './definitions';
import { createResult, deleteResult, listResults, updateResult } from './results';

/**
 * Instruments. Definitions are not personal: coaches read them, the admin defines them. Results are in the sensitive
 * compartment: the services open it (instrument.read / instrument.write) and audit every read and write.
 * Attachments are in ./attachment-routes.ts, for their own body parsers.
 */
export const instrumentRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['instruments'];

  app.get(
    '/instrument-definitions',
    {
      config: { policy: 'instrumentDefinition.read' },
      schema: { tags, response: { 200: instrumentDefinitions } },
    },
    async (request) => ({ items: await listDefinitions(db, request.context()) }),
  );

  app.post(
    '/instrument-definitions',
    {
      config: { policy: 'instrumentDefinition.manage' },
      schema: { tags, body: instrumentDefinitionBody, response: { 201: instrumentDefinition } },
    },
    async (request, reply) => reply.status(201).send(await createDefinition(db, request.context(), request.body)),
  );

  app.put(
    '/instrument-definitions/:definitionId',
    {
      config: { policy: 'instrumentDefinition.manage' },
      schema: {
        tags,
        params: definitionParams,
        body: instrumentDefinitionBody,
        response: { 200: instrumentDefinition },
      },
    },
    async (request) => updateDefinition(db, request.context(), request.params.definitionId, request.body),
  );

  app.post(
    '/instrument-definitions/:definitionId/archive',
    {
      config: { policy: 'instrumentDefinition.manage' },
      schema: { tags, params: definitionParams, response: { 200: instrumentDefinition } },
    },
    async (request) => archiveDefinition(db, request.context(), request.params.definitionId),
  );

  app.get(
    '/participants/:id/instrument-results',
    {
      config: { policy: 'instrument.read' },
      schema: { tags, params: idParams, response: { 200: instrumentResults } },
    },
    async (request) => listResults(db, request.context(), request.params.id),
  );

  app.post(
    '/participants/:id/instrument-results',
    {
      config: { policy: 'instrument.write' },
      schema: { tags, params: idParams, body: instrumentResultBody, response: { 201: instrumentResult } },
    },
    async (request, reply) =>
      reply.status(201).send(await createResult(db, request.context(), request.params.id, request.body)),
  );

  app.put(
    '/participants/:id/instrument-results/:resultId',
    {
      config: { policy: 'instrument.write' },
      schema: { tags, params: resultParams, body: instrumentResultUpdateBody, response: { 200: instrumentResult } },
    },
    async (request) => updateResult(db, request.context(), request.params.id, request.params.resultId, request.body),
  );

  app.delete(
    '/participants/:id/instrument-results/:resultId',
    {
      config: { policy: 'instrument.write' },
      schema: { tags, params: resultParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteResult(db, request.context(), request.params.id, request.params.resultId);
      return reply.status(204).send(null);
    },
  );
};
