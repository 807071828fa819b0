/**
 * npm run bench -- [--scale workplace|umbrella] [--connections N] [--duration S] [--seed N] [--log-level L]
 *                  [--profile] [--existing] [--only scenario,scenario]
 * Loads the scale into a fresh database (PGlite in a temporary folder, or a new database on the PostgreSQL server
 * named by DATABASE_URL), measures the SQL floor in-process, starts the real server as a child process, logs in
 * as a manager and a coach, drives it with autocannon over loopback, then does the same against a bare Fastify
 * server. Prints a table and writes bench/results/<time>-<scale>-<db>.json. See bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from 'better-auth/crypto';
import { openForLoading } from '../scripts/seed/database';
import { loadDataset } from '../scripts/seed/load';
import { DEMO_PASSWORD, type ScaleName, scaleNames, scales } from '../scripts/seed/scales';
import { generateScale } from '../scripts/seed/scenario';
import { summarise } from '../scripts/seed/summary';
import { type BenchDatabase, existingPostgres, freshPglite, freshPostgres } from './database';
import { type FloorResult, measureFloor } from './floor';
import { type HttpResult, runHello, runScenarios } from './http';
import { choosePlan } from './plan';
import { type Child, freePort, repoRoot, rssMb, startChild } from './processes';
import { checkTargets, formatTable, formatTargets, targetsFor } from './report';

class UsageError extends Error {}

const positive = (name: string, value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number.`);
  return n;
};

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'workplace' },
      connections: { type: 'string', default: '10' },
      duration: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      'floor-seconds': { type: 'string', default: '3' },
      'log-level': { type: 'string', default: 'warn' },
      profile: { type: 'boolean', default: false },
      existing: { type: 'boolean', default: false },
      only: { type: 'string' },
      compressed: { type: 'boolean', default: false },
    },
  });
  if (!scaleNames.includes(values.scale as ScaleName)) {
    throw new UsageError(`Unknown scale "${values.scale}". Choose one of: ${scaleNames.join(', ')}.`);
  }
  const scale = scales[values.scale as ScaleName];
  const settings = {
    connections: positive('connections', values.connections),
    duration: positive('duration', values.duration),
    compressed: values.compressed,
  };
  const floorSeconds = positive('floor-seconds', values['floor-seconds']);
  const only = values.only ? new Set(values.only.split(',').map((n) => n.trim())) : undefined;
  const log = (line: string) => console.log(line);
  const started = performance.now();
  const loadBefore = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

  const adminUrl = process.env.DATABASE_URL?.trim();
  if (values.existing && !adminUrl)
    throw new UsageError('--existing needs DATABASE_URL: the database npm run seed loaded.');
  const database: BenchDatabase = values.existing
    ? existingPostgres(adminUrl as string)
    : adminUrl
      ? await freshPostgres(adminUrl, scale.name)
      : freshPglite();
  const children: Child[] = [];
  const cleanup = async () => {
    for (const c of children) await c.stop().catch(() => undefined);
    await database.drop().catch((err) => console.error(`Could not drop the bench database: ${err}`));
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    if (loadBefore > 1) {
      log(`Warning: the machine is busy (load average ${loadBefore}); every figure will be worse than on a quiet one.`);
    }
    log(
      `Bench: scale ${scale.name} on ${database.label}, ${settings.connections} connections, ${settings.duration} s per scenario${settings.compressed ? ', compressed responses (br, gzip)' : ''}`,
    );
    const databaseSettings = (await database.serverSettings?.()) ?? {};
    if (Object.keys(databaseSettings).length) {
      log(
        `  PostgreSQL: ${Object.entries(databaseSettings)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`,
      );
    }
    const generated = generateScale(scale, { seed: values.seed });
    const plan = choosePlan(generated, settings.connections);
    const loadStarted = performance.now();
    let loaded: Record<string, number> = {};
    let loadSeconds = 0;
    const db = await openForLoading(database.target);
    let floor: FloorResult[];
    let floorN: FloorResult[] = [];
    try {
      if (!values.existing) {
        loaded = await loadDataset(db.db, generated.dataset, {
          passwordHash: await hashPassword(DEMO_PASSWORD),
          origin: { scale: scale.name, seed: values.seed, purpose: 'bench' },
          concurrency: db.kind === 'postgres' ? 3 : 1,
          bulk: generated.bulk,
        });
      }
      loadSeconds = (performance.now() - loadStarted) / 1000;
      const rows = Object.values(loaded).reduce((a, b) => a + b, 0);
      log(
        `  loaded ${generated.dataset.participants.length.toLocaleString('en')} participants and their history (${rows.toLocaleString('en')} rows, ${(loaded.ratings ?? 0).toLocaleString('en')} ratings) in ${loadSeconds.toFixed(1)} s: ${Math.round(rows / loadSeconds).toLocaleString('en')} rows/s (${elapsed()})`,
      );
      log('  SQL floor (service functions in-process, 1 at a time) …');
      floor = await measureFloor(db.db, plan, 1, floorSeconds, only);
      if (db.kind === 'postgres') {
        log(`  SQL floor (${settings.connections} at a time, pool of 20 like the server) …`);
        floorN = await measureFloor(db.db, plan, settings.connections, floorSeconds, only);
      }
    } finally {
      // PGlite: one process per data folder, so the server can only open it once this one has let go.
      await db.close();
    }

    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ['DATABASE_URL', 'TEST_DATABASE_URL', 'DATA_DIR']) delete env[name];
    Object.assign(env, database.serverEnv, {
      NODE_ENV: 'production',
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: values['log-level'],
    });
    log(`  starting the server (${elapsed()}) …`);
    // --profile: V8 writes the server's CPU profile when it exits (open it in Chrome DevTools or speedscope).
    const profileDir = join(repoRoot, 'bench', 'results', 'profiles');
    const server = await startChild(
      'server/main.ts',
      env,
      port,
      '/readyz',
      values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    );
    children.push(server);
    const rssIdleMb = rssMb(server.pid);
    const http = await runScenarios(
      server.baseUrl,
      server.pid,
      plan,
      DEMO_PASSWORD,
      settings,
      log,
      database.backendCpuMs,
      only,
    );
    const rssEndMb = rssMb(server.pid);
    await server.stop();

    const helloResults: HttpResult[] = [];
    if (!only || only.has('fastify-hello-world')) {
      log(`  Fastify hello-world floor (${elapsed()}) …`);
      const helloPort = await freePort();
      const hello = await startChild('bench/hello.ts', { ...env, PORT: String(helloPort) }, helloPort, '/hello');
      children.push(hello);
      helloResults.push(await runHello(hello.baseUrl, hello.pid, settings));
      await hello.stop();
    }

    const serverRssPeakMb = Math.max(...http.map((h) => h.rssPeakMb));
    // --only: the targets of the scenarios that ran.
    const checks = checkTargets(
      targetsFor(scale.name, database.kind).filter((t) => !only || t.scenario === 'server' || only.has(t.scenario)),
      http,
      serverRssPeakMb,
    );
    const results = [...http, ...helloResults];
    log('');
    log(formatTable(results, floor, floorN));
    log(`\nServer RSS: ${rssIdleMb} MB after start, ${serverRssPeakMb} MB at peak, ${rssEndMb} MB at the end.`);
    log(`Targets (issues 3, 4 and 5):\n${formatTargets(checks)}`);

    const stamp = new Date().toISOString().replaceAll(':', '-').slice(0, 19);
    const dir = join(repoRoot, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${stamp}-${scale.name}-${database.kind}.json`);
    const report = {
      at: new Date().toISOString(),
      scale: scale.name,
      seed: values.seed,
      database: database.kind,
      settings: { ...settings, floorSeconds, logLevel: values['log-level'] },
      databaseSettings,
      // Other processes on the machine skew every figure: the 1-minute load average before the run.
      loadAverageBefore: loadBefore,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      data: summarise(generated.dataset, loaded),
      load: { seconds: Math.round(loadSeconds * 10) / 10, rows: Object.values(loaded).reduce((a, b) => a + b, 0) },
      plan: {
        manager: plan.manager.loginName,
        coach: plan.coach.loginName,
        writer: `${plan.writer.role} ${plan.writer.loginName}`,
        dossiers: plan.dossierIds.length,
        writePool: plan.writePool.length,
        filter: plan.filter,
        team: { id: plan.team.id, supervisor: plan.team.supervisor.loginName, active: plan.team.participantIds.length },
        popSavers: {
          drafts: plan.popSavers.length,
          coaches: [...new Set(plan.popSavers.map((s) => s.coach.loginName))],
        },
      },
      http: results,
      sqlFloor: floor,
      sqlFloorConcurrent: floorN,
      serverRssMb: { idle: rssIdleMb, peak: serverRssPeakMb, end: rssEndMb },
      targets: checks,
      totalSeconds: Math.round((performance.now() - started) / 1000),
    };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`\nWritten ${file} (${elapsed()} in all).`);
    if (values.profile) log(`Server CPU profile in ${profileDir}.`);
  } finally {
    await cleanup();
  }
}

main().catch((err) => {
  console.error(err instanceof UsageError ? err.message : err);
  process.exit(1);
});
