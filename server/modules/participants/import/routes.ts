import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportQuery, IMPORT_MAX_BYTES, importQuery, importReport } from '#shared/participant-import';
import type { Deps } from '../../../deps';
import { AppError } from '../../../lib/errors';
import { exportParticipants } from './export';
import { importParticipants } from './service';

const isCsv = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase() === 'text/csv';

/**
 * CSV import and CSV/XLSX export of dossiers. A plugin of its own, registered before participantRoutes: its
 * text/csv body parser and larger body limit apply to the import route only.
 */
export const participantImportRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['participants'];

  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/participants/import',
    {
      config: { policy: 'participant.register' },
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Import participants from a CSV file (raw body, Content-Type text/csv)',
        querystring: importQuery,
        response: { 200: importReport, 422: importReport },
      },
      // Before the body is read: a JSON or form body would otherwise be parsed (or refused) as something else.
      onRequest: async (request) => {
        if (request.headers['content-length'] !== '0' && !isCsv(request.headers['content-type'])) {
          throw new AppError('validation_failed', 'Send the file with Content-Type: text/csv', { file: 'not_csv' });
        }
      },
    },
    async (request, reply) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const { status, report } = await importParticipants(db, request.context(), request.query.mode, bytes);
      return reply.status(status).send(report);
    },
  );

  app.get(
    '/participants/export',
    {
      config: { policy: 'participant.list' },
      schema: {
        tags,
        summary: 'The (filtered) caseload as a CSV or XLSX file',
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportParticipants(db, request.context(), request.query);
      return reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .type(file.contentType)
        .send(file.body);
    },
  );
};
