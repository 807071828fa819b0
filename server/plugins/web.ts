import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web app; every non-API path gets index.html so the client router takes over. */
export async function registerWeb(app: FastifyInstance, { root }: { root: string }) {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn(`No built web app in ${root}: run "npm run build". The API still works.`);
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path === '/api') {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${path}` } });
    }
    const file = path.slice(1);
    if (file && !file.includes('..') && existsSync(join(root, file))) return reply.sendFile(file);
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
