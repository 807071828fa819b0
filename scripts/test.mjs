#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in one run, in this order:
 *   (a) type check   tsc --noEmit                       counts as one test
 *   (b) lint         biome check .                      counts as one test
 *   (c) web build    vite build (Playwright needs it)   counts as one test; left out without vite.config.ts
 *   (d) Vitest on the embedded database (PGlite), TEST_DATABASE_URL unset
 *   (e) Vitest on PostgreSQL, when TEST_DATABASE_URL is set (test/process/ is left out: it tests the
 *       embedded data folder and never uses PostgreSQL)
 *   (f) Playwright journeys (playwright.config.ts)
 * A failed step does not stop the others. Test counts come from the JSON reporters.
 * The very last line of output is `N passed, N failed` (plus `, N skipped` when any were skipped);
 * the exit code is 1 when anything failed.
 * Node only, no dependencies beyond the project's own tools in node_modules/.bin.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

/** @typedef {{ label: string, title: string, status: 'passed' | 'failed' | 'not run', passed: number, failed: number, skipped: number, seconds: number, note: string }} Step */
/** @type {Step[]} */
const steps = [];

function header(label, title) {
  const line = `━━ (${label}) ${title} `;
  console.log(`\n${line}${'━'.repeat(Math.max(4, 100 - line.length))}`);
}

/** Runs a command with the terminal as its output; resolves to its exit code (1 when it could not start). */
function run(command, args, env = process.env) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    child.on('error', (err) => {
      console.error(`Could not start ${command}: ${err.message}`);
      resolveRun(1);
    });
    child.on('exit', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

async function step(label, title, body) {
  header(label, title);
  const started = performance.now();
  const result = await body();
  const seconds = (performance.now() - started) / 1000;
  const entry = { label, title, seconds, passed: 0, failed: 0, skipped: 0, note: '', ...result };
  entry.status = entry.status ?? (entry.failed > 0 ? 'failed' : 'passed');
  steps.push(entry);
  console.log(`\n(${label}) ${title}: ${entry.status}${entry.note ? ` (${entry.note})` : ''}`);
}

/** A command that is one test: exit 0 passes it. */
async function single(command, args) {
  const code = await run(command, args);
  return code === 0 ? { passed: 1 } : { failed: 1, note: `exit code ${code}` };
}

/** Vitest with the default reporter on screen and the JSON reporter into test-results/. */
async function vitest(outputName, env, extraArgs = []) {
  const output = join(resultsDir, outputName);
  rmSync(output, { force: true });
  const code = await run(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`, ...extraArgs],
    env,
  );
  const report = readJson(output);
  if (!report) return { failed: 1, note: `no JSON report, exit code ${code}` };
  const files = report.testResults ?? [];
  // A file that fails to load or throws outside a test has no failed test of its own: count it once.
  const fileErrors = files.filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + fileErrors,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    note: `${files.length} files${fileErrors ? `, ${fileErrors} failed outside a test` : ''}`,
  };
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.note += `, exit code ${code} (errors outside tests)`;
  }
  return counts;
}

async function playwright() {
  const output = join(resultsDir, 'playwright.json');
  rmSync(output, { force: true });
  const code = await run(bin('playwright'), ['test']);
  const report = readJson(output);
  if (!report?.stats) return { failed: 1, note: `no JSON report, exit code ${code}` };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  const counts = { passed: expected + flaky, failed: unexpected, skipped, note: flaky ? `${flaky} flaky` : '' };
  const globalErrors = report.errors?.length ?? 0;
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.note = `exit code ${code}${globalErrors ? `, ${globalErrors} error(s) outside tests (web server?)` : ''}`;
  }
  return counts;
}

const withoutTestDatabase = { ...process.env };
delete withoutTestDatabase.TEST_DATABASE_URL;
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
const viteConfig = ['vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'].find((f) =>
  existsSync(f),
);

await step('a', 'Type check: tsc --noEmit', () => single(bin('tsc'), ['--noEmit']));
await step('b', 'Lint: biome check .', () => single(bin('biome'), ['check', '.']));
await step('c', 'Web build: vite build', async () => {
  if (!viteConfig) {
    console.log('No vite.config.ts yet: nothing to build. Playwright runs the API-only smoke checks.');
    return { status: 'not run', note: 'no vite.config.ts' };
  }
  return single(bin('vite'), ['build']);
});
await step('d', 'Vitest on PGlite (embedded database)', () => vitest('vitest-pglite.json', withoutTestDatabase));
await step('e', 'Vitest on PostgreSQL (TEST_DATABASE_URL)', async () => {
  if (!testDatabaseUrl) {
    console.log('TEST_DATABASE_URL is not set: the PostgreSQL run is left out.');
    return { status: 'not run', note: 'TEST_DATABASE_URL not set' };
  }
  const target = new URL(testDatabaseUrl);
  console.log(`Each test file gets its own database on ${target.host}; test/process/ ran in (d) only.`);
  return vitest('vitest-postgres.json', process.env, ['--exclude', 'test/process/**']);
});
await step('f', 'Playwright journeys', playwright);

const total = { passed: 0, failed: 0, skipped: 0 };
for (const s of steps) {
  total.passed += s.passed;
  total.failed += s.failed;
  total.skipped += s.skipped;
}

const rows = [
  ['step', 'result', 'passed', 'failed', 'skipped', 'time', 'note'],
  ...steps.map((s) => [
    `(${s.label}) ${s.title}`,
    s.status,
    String(s.passed),
    String(s.failed),
    String(s.skipped),
    `${s.seconds.toFixed(1)} s`,
    s.note,
  ]),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const format = (r) =>
  r
    .map((cell, i) => (i >= 2 && i <= 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
    .join('  ')
    .trimEnd();
header('=', 'Summary');
console.log(format(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows.slice(1)) console.log(format(r));
console.log('');
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 ? 1 : 0;
