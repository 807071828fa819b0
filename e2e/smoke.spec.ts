import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';

/** Needs no setup and changes nothing, so it can run before or after any journey. */

const webBuilt = existsSync(fileURLToPath(new URL('../dist/web/index.html', import.meta.url)));

test('the server answers its health checks', async ({ request }) => {
  const health = await request.get('/healthz');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });

  const ready = await request.get('/readyz');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
});

test('the API publishes a valid OpenAPI 3.1 contract for /api/v1', async ({ request }) => {
  const res = await request.get('/api/openapi.json');
  expect(res.status()).toBe(200);
  const spec = (await res.json()) as { openapi: string; info: { title: string }; paths: Record<string, unknown> };
  expect(spec.openapi).toMatch(/^3\.1\./);
  expect(spec.info.title).toBe('Groeipad API');
  const paths = Object.keys(spec.paths);
  expect(paths.length).toBeGreaterThan(0);
  // Everything but the health checks (which load balancers call at the root) is versioned.
  expect(paths.filter((p) => !p.startsWith('/api/v1/') && p !== '/healthz' && p !== '/readyz')).toEqual([]);
  expect(paths).toContain('/api/v1/setup');
});

test('the API documentation page loads', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const res = await page.goto('/api/docs');
  expect(res?.status()).toBe(200);
  await expect(page.locator('.swagger-ui .info .title')).toContainText('Groeipad API');
  await expect(page.getByText('/api/v1/setup').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('the web app opens with its title and no accessibility violations', async ({ page }) => {
  test.skip(!webBuilt, 'dist/web is not built yet (no vite.config.ts): the server answers 404 for /');
  await page.goto('/');
  await expect(page).toHaveTitle(/Groeipad/);
  await expectNoA11yViolations(page);
});
