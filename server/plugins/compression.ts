import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses API responses above 1 KB when the client accepts it (every browser does): a team's ILUO matrix is half a
 * megabyte of JSON and a twelfth of that compressed, which on a supervisor's phone is the difference that counts. Files
 * of the web build arrive precompressed (plugins/web.ts); PDFs, images and spreadsheets are no compressible types.
 * Behind a reverse proxy that compresses, set COMPRESS_RESPONSES=false.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // The fastest levels: on JSON they already shrink it ten- to fifteen-fold, for a quarter of the CPU of the defaults.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
    // Up to 64 KB (a list page, a profile) compressed in place: a compression stream costs more to set up than a
    // small response takes to compress. Larger ones (an ILUO matrix) go to libuv's thread pool.
    syncThreshold: 65_536,
  });
}
