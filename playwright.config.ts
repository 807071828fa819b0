import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys against the real server on a fresh embedded database (e2e/start-server.mjs).
 *
 * One worker, files in name order: the journeys share one database and the setup wizard runs once.
 * So the journey that completes setup sorts first (e2e/01-setup.spec.ts), the others log in with the
 * admin it created (or users they create themselves, with unique names) and never assume another
 * journey's data beyond that. The smoke test needs no setup and can run in any position.
 */
const PORT = Number(process.env.E2E_PORT || 3300);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A journey is a whole task of a person (several pages, axe on each): on a 2-core CI machine with the server and
  // the browser sharing it, 30 s was too tight for the longer ones.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium: Playwright's own browser download is not available on these machines.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node e2e/start-server.mjs',
    url: `http://127.0.0.1:${PORT}/readyz`,
    env: { E2E_PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
