import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '#shared/errors';
import { AppError } from '../lib/errors';
import { fromDatabaseError } from '../lib/pg-errors';

function fieldsFromValidation(err: { validation: { instancePath: string; message?: string; params?: unknown }[] }) {
  const fields: Record<string, string> = {};
  for (const issue of err.validation) {
    const params = issue.params as { keys?: string[] } | undefined;
    if (params?.keys?.length) {
      for (const key of params.keys) fields[key] = 'Unknown field';
      continue;
    }
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(body)';
    fields[path] ??= issue.message ?? 'Invalid value';
  }
  return fields;
}

function toResponse(err: FastifyError | AppError | Error): { status: number; body: ErrorResponse } {
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: { ...err.extra, error: { code: err.code, message: err.message, fields: err.fields } },
    };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    return {
      status: 400,
      body: {
        error: { code: 'validation_failed', message: 'Some fields are invalid', fields: fieldsFromValidation(err) },
      },
    };
  }
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { error: { code: 'payload_too_large', message: 'The request is too large' } } };
  }
  if (
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    err instanceof SyntaxError
  ) {
    return { status: 400, body: { error: { code: 'invalid_json', message: 'The request body is not valid JSON' } } };
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return {
      status: 400,
      body: { error: { code: 'validation_failed', message: 'Send JSON with Content-Type: application/json' } },
    };
  }
  const fromDb = fromDatabaseError(err);
  if (fromDb) return toResponse(fromDb);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && !isResponseSerializationError(err)) {
    return { status: fe.statusCode, body: { error: { code: 'validation_failed', message: fe.message } } };
  }
  return { status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong on our side' } } };
}

/**
 * Failures of the router itself, before any route or error handler runs (Fastify's `frameworkErrors`): a path that is
 * not valid percent-encoding (`%E0%A4%A`, `%FF`) or a path parameter longer than the router's limit. Fastify would
 * answer them in a shape of its own (and the too-long one as 414); they are bad input like any other.
 */
export function answerFrameworkError(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const problem = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'too_long' : 'invalid_encoding';
  const body: ErrorResponse = {
    error: {
      code: 'validation_failed',
      message: 'The address of this request is not valid',
      fields: { path: problem },
    },
  };
  return reply.status(400).send(body);
}

/** One error shape for every failure; 5xx are logged with their stack, 4xx are not noise. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toResponse(err as FastifyError);
    if (status >= 500) request.log.error({ err }, 'request failed');
    if (status === 429 && err instanceof AppError && err.fields?.retryAfter) {
      reply.header('Retry-After', err.fields.retryAfter);
    }
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } }),
  );
}
