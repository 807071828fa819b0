import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/common';
import {
  anonymiseBody,
  anonymiseResult,
  exportBody,
  retentionOverview,
  retentionRunBody,
  retentionRunResult,
  retentionSettingsBody,
} from '#shared/privacy';
import type { Deps } from '../../deps';
import { exportParticipant } from './export';
import { anonymiseParticipant, getRetention, runRetention, setRetention } from './service';

/** Privacy rights (shared/privacy.ts): export, erasure and the retention period after exit. */
export const privacyRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['privacy'];

  app.post(
    '/participants/:id/privacy/export',
    {
      config: { policy: 'privacy.export' },
      schema: {
        tags,
        summary: 'Everything about one participant as a JSON or PDF file (GDPR access and portability)',
        params: idParams,
        body: exportBody,
      },
    },
    async (request, reply) => {
      const file = await exportParticipant(db, request.context(), request.params.id, request.body);
      return reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .type(file.mediaType)
        .send(file.body);
    },
  );

  app.post(
    '/participants/:id/privacy/anonymise',
    {
      config: { policy: 'privacy.erase' },
      schema: {
        tags,
        summary: 'Erase a participant who has exited: 409 while the trajectory is open or when already anonymised',
        params: idParams,
        body: anonymiseBody,
        response: { 200: anonymiseResult },
      },
    },
    async (request) => anonymiseParticipant(db, request.context(), request.params.id, request.body),
  );

  app.get(
    '/privacy/retention',
    {
      config: { policy: 'privacy.retention' },
      schema: { tags, summary: 'The retention period and who is due', response: { 200: retentionOverview } },
    },
    async (request) => getRetention(db, request.context()),
  );

  app.put(
    '/privacy/retention',
    {
      config: { policy: 'privacy.retention' },
      schema: { tags, body: retentionSettingsBody, response: { 200: retentionOverview } },
    },
    async (request) => setRetention(db, request.context(), request.body),
  );

  app.post(
    '/privacy/retention/run',
    {
      config: { policy: 'privacy.retention' },
      schema: {
        tags,
        summary: 'Anonymise everyone whose retention period has passed',
        body: retentionRunBody,
        response: { 200: retentionRunResult },
      },
    },
    async (request) => runRetention(db, request.context(), request.body.reason),
  );
};
