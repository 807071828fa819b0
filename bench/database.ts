import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../server/db/client';
import { cpuMs } from './processes';

export interface BenchDatabase {
  kind: 'pglite' | 'postgres';
  target: DatabaseTarget;
  /** What the server child gets: DATABASE_URL or DATA_DIR. */
  serverEnv: Record<string, string>;
  /** Where it lives, for the report (no password). */
  label: string;
  /** PostgreSQL: CPU (ms) used so far by the backends connected to the bench database. */
  backendCpuMs?: () => Promise<number>;
  /** PostgreSQL: the server settings that move the figures most, for the report. */
  serverSettings?: () => Promise<Record<string, string>>;
  drop(): Promise<void>;
}

const REPORTED_SETTINGS = [
  'shared_buffers',
  'effective_cache_size',
  'work_mem',
  'synchronous_commit',
  'max_connections',
];

function serverSettings(url: string) {
  return async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; value: string }>(
        'SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY($1) ORDER BY name',
        [REPORTED_SETTINGS],
      );
      return Object.fromEntries(rows.map((r) => [r.name, r.value]));
    } finally {
      await client.end();
    }
  };
}

const BENCH_ROLE = 'groeipad_bench';

/**
 * A fresh embedded database in a temporary folder, removed at the end.
 */
export function freshPglite(): BenchDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), 'groeipad-bench-'));
  return {
    kind: 'pglite',
    target: { kind: 'pglite', dataDir },
    serverEnv: { DATA_DIR: dataDir },
    label: `PGlite in ${dataDir}`,
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** CPU (ms) used so far by the backends connected to database `name`: only meaningful on this machine's server. */
function backendCpu(adminUrl: string, name: string) {
  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      return rows.reduce((sum, r) => sum + (cpuMs(r.pid) || 0), 0);
    } finally {
      await client.end();
    }
  };
}

/**
 * A database already loaded with `npm run seed` (same scale and seed, today): nothing is loaded and nothing dropped,
 * so a change can be measured again in minutes instead of reloading ten million rows. The scenarios write to it.
 */
export function existingPostgres(url: string): BenchDatabase {
  const parsed = new URL(url);
  const name = parsed.pathname.slice(1);
  return {
    kind: 'postgres',
    target: { kind: 'postgres', url },
    serverEnv: { DATABASE_URL: url },
    label: `PostgreSQL ${parsed.host}/${name} as loaded (--existing)`,
    backendCpuMs: backendCpu(url, name),
    serverSettings: serverSettings(url),
    drop: async () => undefined,
  };
}

/**
 * A fresh database groeipad_bench_<scale> on the PostgreSQL server that adminUrl reaches, owned by a login role
 * that is no superuser and cannot bypass row-level security, as production runs (README: the connecting role owns
 * the tables; tenant queries run as groeipad_app). Dropped, with the role, at the end.
 */
export async function freshPostgres(adminUrl: string, scale: string): Promise<BenchDatabase> {
  const name = `groeipad_bench_${scale}`;
  const password = randomBytes(18).toString('base64url');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    // Same statement as migration 0000: the tenant role exists once per cluster.
    await admin.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'groeipad_app') THEN
        CREATE ROLE groeipad_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    END $$`);
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [BENCH_ROLE]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    await admin.query(
      `${verb} ROLE ${BENCH_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${password}'`,
    );
    // The owner must be able to SET ROLE groeipad_app, which a role without CREATEROLE cannot grant itself.
    await admin.query(`GRANT groeipad_app TO ${BENCH_ROLE}`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${BENCH_ROLE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.username = BENCH_ROLE;
  url.password = password;
  url.pathname = `/${name}`;
  const benchUrl = url.toString();
  return {
    kind: 'postgres',
    target: { kind: 'postgres', url: benchUrl },
    serverEnv: { DATABASE_URL: benchUrl },
    label: `PostgreSQL ${url.host}/${name} as ${BENCH_ROLE}`,
    // The server's pool keeps its connections while it is busy: the same backends before and after a scenario.
    // Only meaningful when PostgreSQL runs on this machine (its pids are in this /proc).
    backendCpuMs: backendCpu(adminUrl, name),
    serverSettings: serverSettings(adminUrl),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.query(`DROP ROLE IF EXISTS ${BENCH_ROLE}`);
      } finally {
        await dropper.end();
      }
    },
  };
}
