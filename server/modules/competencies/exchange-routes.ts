import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '#shared/common';
import { frameworkDetail } from '#shared/competencies';
import { FRAMEWORK_IMPORT_MAX_BYTES, frameworkExportQuery, frameworkImportQuery } from '#shared/competency-admin';
import type { Deps } from '../../deps';
import { AppError } from '../../lib/errors';
import { exportFramework, importFramework } from './exchange';

const mediaType = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase();

/**
 * Export and import of a framework with its job profiles (JSON or CSV). A plugin of its own, so its text/csv body
 * parser applies here only.
 */
export const exchangeRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['competencies'];

  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: FRAMEWORK_IMPORT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/competency-frameworks/:id/export',
    {
      config: { policy: 'competency.read' },
      schema: {
        tags,
        summary: 'The framework and its active job profiles as a JSON or CSV file (see frameworkCsvColumns)',
        params: idParams,
        querystring: frameworkExportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportFramework(db, request.context(), request.params.id, request.query.format);
      return reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .type(file.contentType)
        .send(file.body);
    },
  );

  app.post(
    '/competency-frameworks/import',
    {
      config: { policy: 'competency.manage' },
      bodyLimit: FRAMEWORK_IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Creates a framework from an exchange file: the JSON (application/json) or the CSV (text/csv); ' +
          '`name` imports it under another name than the file gives',
        querystring: frameworkImportQuery,
        response: { 201: frameworkDetail },
      },
      // Before the body is read: any other type would be parsed (or refused) as something it is not.
      onRequest: async (request) => {
        const type = mediaType(request.headers['content-type']);
        if (type !== 'text/csv' && type !== 'application/json') {
          throw new AppError('validation_failed', 'Send a JSON file (application/json) or a CSV file (text/csv)', {
            file: 'unsupported_type',
          });
        }
      },
    },
    async (request, reply) => {
      const file =
        mediaType(request.headers['content-type']) === 'text/csv'
          ? { csv: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0) }
          : { json: request.body };
      return reply.status(201).send(await importFramework(db, request.context(), file, request.query.name));
    },
  );
};
