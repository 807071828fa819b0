import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionStatusBody,
  complianceList,
  complianceListQuery,
  complianceSettings,
  complianceSettingsBody,
  escoImportResult,
  escoSearchQuery,
  escoSearchResult,
  goalNoteBody,
  planItemParams,
  planOverview,
  planParams,
  presentationCreateBody,
  presentationParams,
  proposalCreateBody,
  proposalParams,
  proposalResolveBody,
} from '#shared/development-plans';
import { IMPORT_MAX_BYTES } from '#shared/participant-import';
import type { Deps } from '../../deps';
import { AppError } from '../../lib/errors';
import { listCompliance } from './compliance-list';
import { importEscoOccupations, searchEscoOccupations } from './esco';
import {
  addGoalNote,
  addPresentation,
  createProposal,
  removePresentation,
  resolveProposal,
  setActionStatus,
} from './followup';
import { getComplianceSettings, saveComplianceSettings } from './settings';

const isCsv = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase() === 'text/csv';

/**
 * Following the agreed POP up (actions, notes on goals, proposals, presentations), the compliance list and its
 * settings, and the ESCO occupations. A plugin of its own: its text/csv body parser applies to the ESCO import only.
 */
export const developmentPlanFollowUpRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['development-plans'];

  app.put(
    '/participants/:id/pop/actions/:key',
    {
      config: { policy: 'pop.progress' },
      schema: { tags, params: planItemParams, body: actionStatusBody, response: { 200: planOverview } },
    },
    async (request) => setActionStatus(db, request.context(), request.params.id, request.params.key, request.body),
  );

  app.post(
    '/participants/:id/pop/goals/:key/notes',
    {
      config: { policy: 'pop.progress' },
      schema: { tags, params: planItemParams, body: goalNoteBody, response: { 201: planOverview } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addGoalNote(db, request.context(), request.params.id, request.params.key, request.body)),
  );

  app.post(
    '/participants/:id/pop/proposals',
    {
      config: { policy: 'pop.propose' },
      schema: { tags, params: planParams, body: proposalCreateBody, response: { 201: planOverview } },
    },
    async (request, reply) =>
      reply.status(201).send(await createProposal(db, request.context(), request.params.id, request.body)),
  );

  app.post(
    '/participants/:id/pop/proposals/:proposalId/resolve',
    {
      config: { policy: 'pop.resolveProposal' },
      schema: { tags, params: proposalParams, body: proposalResolveBody, response: { 200: planOverview } },
    },
    async (request) =>
      resolveProposal(db, request.context(), request.params.id, request.params.proposalId, request.body),
  );

  app.post(
    '/participants/:id/pop/presentations',
    {
      config: { policy: 'pop.present' },
      schema: { tags, params: planParams, body: presentationCreateBody, response: { 201: planOverview } },
    },
    async (request, reply) =>
      reply.status(201).send(await addPresentation(db, request.context(), request.params.id, request.body)),
  );

  app.delete(
    '/participants/:id/pop/presentations/:presentationId',
    {
      config: { policy: 'pop.present' },
      schema: { tags, params: presentationParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removePresentation(db, request.context(), request.params.id, request.params.presentationId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/pop-compliance',
    {
      config: { policy: 'pop.compliance' },
      schema: { tags, querystring: complianceListQuery, response: { 200: complianceList } },
    },
    async (request) => listCompliance(db, request.context(), request.query),
  );

  app.get(
    '/pop-settings',
    { config: { policy: 'pop.compliance' }, schema: { tags, response: { 200: complianceSettings } } },
    async (request) => getComplianceSettings(db, request.context()),
  );

  app.put(
    '/pop-settings',
    {
      config: { policy: 'pop.configure' },
      schema: { tags, body: complianceSettingsBody, response: { 200: complianceSettings } },
    },
    async (request) => saveComplianceSettings(db, request.context(), request.body),
  );

  app.get(
    '/esco/occupations',
    {
      config: { policy: 'esco.read' },
      schema: { tags, querystring: escoSearchQuery, response: { 200: escoSearchResult } },
    },
    async (request) => searchEscoOccupations(db, request.context(), request.query),
  );

  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/esco/occupations/import',
    {
      config: { policy: 'esco.import' },
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Replace the ESCO occupations with the official ESCO occupations CSV (raw body, text/csv)',
        response: { 200: escoImportResult },
      },
      onRequest: async (request) => {
        if (request.headers['content-length'] !== '0' && !isCsv(request.headers['content-type'])) {
          throw new AppError('validation_failed', 'Send the file with Content-Type: text/csv', { file: 'not_csv' });
        }
      },
    },
    async (request) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return importEscoOccupations(db, request.context(), bytes);
    },
  );
};
