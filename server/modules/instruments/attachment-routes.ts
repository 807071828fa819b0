import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ATTACHMENT_MAX_BYTES,
  attachment,
  attachmentParams,
  attachmentTypes,
  attachmentUploadQuery,
  resultParams,
} from '#shared/instruments';
import type { Deps } from '../../deps';
import { AppError } from '../../lib/errors';
import { addAttachment, deleteAttachment, readAttachment } from './attachments';
import { contentDisposition, mediaTypeOf } from './file-type';

const unsupported = () => new AppError('unsupported_file', 'Send a PDF, PNG or JPEG file with its Content-Type');

/**
 * Files attached to an instrument result. A plugin of its own: the raw-body parsers for PDF, PNG and JPEG and the
 * larger body limit apply to the upload route only, never to a JSON route.
 */
export const instrumentAttachmentRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['instruments'];
  const base = '/participants/:id/instrument-results/:resultId/attachments';

  app.addContentTypeParser(
    Object.keys(attachmentTypes),
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    base,
    {
      config: { policy: 'instrument.write' },
      bodyLimit: ATTACHMENT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Attach a PDF, PNG or JPEG file (raw body with its Content-Type, ?fileName=)',
        params: resultParams,
        querystring: attachmentUploadQuery,
        response: { 201: attachment },
      },
      // Before the body is read: any other type would be parsed (or refused) as something else.
      onRequest: async (request) => {
        if (request.headers['content-length'] !== '0' && !mediaTypeOf(request.headers['content-type'])) {
          throw unsupported();
        }
      },
    },
    async (request, reply) => {
      const mediaType = mediaTypeOf(request.headers['content-type']);
      if (!mediaType) throw unsupported();
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const { id, resultId } = request.params;
      const added = await addAttachment(db, request.context(), id, resultId, {
        mediaType,
        fileName: request.query.fileName,
        bytes,
      });
      return reply.status(201).send(added);
    },
  );

  app.get(
    `${base}/:attachmentId`,
    {
      config: { policy: 'instrument.read' },
      schema: { tags, summary: 'The attached file itself', params: attachmentParams },
    },
    async (request, reply) => {
      const { id, resultId, attachmentId } = request.params;
      const file = await readAttachment(db, request.context(), id, resultId, attachmentId);
      return reply
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .type(file.mediaType)
        .send(file.content);
    },
  );

  app.delete(
    `${base}/:attachmentId`,
    {
      config: { policy: 'instrument.write' },
      schema: { tags, params: attachmentParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const { id, resultId, attachmentId } = request.params;
      await deleteAttachment(db, request.context(), id, resultId, attachmentId);
      return reply.status(204).send(null);
    },
  );
};
