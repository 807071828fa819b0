import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite names what it builds into assets/ by content hash: a new release has new names, so these never change. */
const HASHED = `${sep}assets${sep}`;

/**
 * Serves the built web app; every non-API path gets index.html so the client router takes over.
 * The build holds a brotli and a gzip copy of each text file (scripts/vite/precompress.ts): sent as the browser
 * accepts them, never compressed per request. Hashed assets are cached for a year; everything else is revalidated,
 * so a release reaches every phone at its next visit.
 */
export async function registerWeb(app: FastifyInstance, { root }: { root: string }) {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn(`No built web app in ${root}: run "npm run build". The API still works.`);
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes(HASHED) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path === '/api') {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${path}` } });
    }
    const file = path.slice(1);
    if (file && !file.includes('..') && existsSync(join(root, file))) return reply.sendFile(file);
    return reply.sendFile('index.html');
  });
}
