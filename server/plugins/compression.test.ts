import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app';
import { buildOrganisation, loggedIn } from '../../test/support/factories';

/**
 * What a phone downloads: API responses compressed as the browser accepts (plugins/compression.ts), the web build's
 * precompressed copies with their cache headers (plugins/web.ts).
 */
let t: TestApp;
let root: string;
const script = `export const hello = ${JSON.stringify('Groeipad '.repeat(400))};\n`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'groeipad-web-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Groeipad</title>');
  await writeFile(join(root, 'assets', 'app-Ab12Cd34.js'), script);
  await writeFile(join(root, 'assets', 'app-Ab12Cd34.js.br'), brotliCompressSync(script));
  await writeFile(join(root, 'assets', 'app-Ab12Cd34.js.gz'), gzipSync(script));
  t = await createTestApp({}, { webRoot: root });
});
afterAll(async () => {
  await t.close();
  await rm(root, { recursive: true, force: true });
});

describe('the web build', () => {
  it('sends the brotli or gzip copy as the browser accepts, the file itself to one that accepts neither', async () => {
    const url = '/assets/app-Ab12Cd34.js';
    const br = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.headers.vary).toMatch(/accept-encoding/i);

    const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await t.app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('caches hashed assets for a year and has the browser revalidate the page itself', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-Ab12Cd34.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/mijn-pad', '/deelnemers/123']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<title>Groeipad</title>');
    }
  });
});

describe('API responses', () => {
  it('are compressed above 1 KB when the client accepts it, and arrive the same once decompressed', async () => {
    const org = await buildOrganisation(t.database.db);
    const admin = await loggedIn(t.app, t.database.db, 'admin', org.id);
    const get = (encoding?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/v1/lists',
        headers: { cookie: admin.cookie, ...(encoding ? { 'accept-encoding': encoding } : {}) },
      });
    const plain = await get();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);

    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('leaves small responses alone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('can be left to a reverse proxy (COMPRESS_RESPONSES=false)', async () => {
    const behindProxy = await createTestApp({ COMPRESS_RESPONSES: 'false' }, { database: t.database });
    try {
      const org = await buildOrganisation(t.database.db);
      const admin = await loggedIn(behindProxy.app, t.database.db, 'admin', org.id);
      const res = await behindProxy.app.inject({
        method: 'GET',
        url: '/api/v1/lists',
        headers: { cookie: admin.cookie, 'accept-encoding': 'br, gzip' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
    } finally {
      await behindProxy.close();
    }
  });
});
