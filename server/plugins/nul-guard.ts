import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors';

/**
 * PostgreSQL cannot store U+0000 in text or jsonb: a NUL character anywhere in a request would reach the database and
 * fail there as a 500. It is refused before validation instead, as a field error on the path where it was found.
 * Raw uploads (Buffers) are bytes, not text, and are left alone.
 */
export function registerNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const parts = { body: request.body, query: request.query, params: request.params } as const;
    for (const [part, value] of Object.entries(parts)) {
      const path = pathOfNul(value);
      if (path !== undefined) {
        throw new AppError('validation_failed', 'Some fields are invalid', { [path || part]: 'invalid_characters' });
      }
    }
  });
}

const MAX_DEPTH = 32;

/** The dotted path of the first string (or key) holding U+0000, '' for the value itself; undefined when there is none. */
export function pathOfNul(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || value instanceof Uint8Array) return undefined;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const found = pathOfNul(child, childPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
