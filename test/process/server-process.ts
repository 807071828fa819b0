import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Helpers for tests that run the real server as a separate process (`node --import tsx server/main.ts`),
 * so that signals, lock files and crash recovery are exercised exactly as in production.
 * Every loop here is bounded by a number of attempts, never by a clock the test asserts on.
 */

export const repoRoot = resolve(import.meta.dirname, '../..');

export const ADMIN = { name: 'Beheerder Proef', email: 'beheer@example.org', password: 'fiets-boom-wolk-42' };

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  dataDir: string;
  /** stdout and stderr so far, for assertions and for failure messages. */
  output(): string;
  /** Settles once the process has exited. */
  exited: Promise<Exit>;
  /** True until the process has exited. */
  running(): boolean;
}

const live = new Set<ServerProcess>();
const tempDirs: string[] = [];

export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'groeipad-process-'));
  tempDirs.push(dir);
  return dir;
}

/** A port nobody listens on right now: the OS picks one, we release it and hand it to the server. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (!address || typeof address === 'string') {
        probe.close();
        reject(new Error('no port'));
        return;
      }
      probe.close(() => resolvePort(address.port));
    });
  });
}

export function spawnServer(dataDir: string, port: number, extraEnv: Record<string, string> = {}): ServerProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The process tests are about the embedded database and its data folder, whatever the test run targets.
  for (const name of ['DATABASE_URL', 'TEST_DATABASE_URL', 'NODE_ENV', 'AUTH_SECRET', 'PUBLIC_URL', 'HOST']) {
    delete env[name];
  }
  Object.assign(env, { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' }, extraEnv);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  let running = true;
  const exited = new Promise<Exit>((resolveExit) => {
    child.on('exit', (code, signal) => {
      running = false;
      resolveExit({ code, signal });
    });
  });
  if (child.pid === undefined) throw new Error('the server process did not start');
  const server: ServerProcess = {
    child,
    pid: child.pid,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => output,
    exited,
    running: () => running,
  };
  live.add(server);
  void exited.then(() => live.delete(server));
  return server;
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls /readyz until it answers 200; fails with the server's output if it exits or never gets ready. */
export async function waitForReady(server: ServerProcess, attempts = 600): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (!server.running()) {
      throw new Error(
        `server exited before it was ready (${JSON.stringify(await server.exited)}):\n${server.output()}`,
      );
    }
    try {
      const res = await fetch(`${server.baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
      const body = (await res.json()) as { status?: string };
      if (res.status === 200 && body.status === 'ready') return;
    } catch {
      // not listening yet
    }
    await pause(200);
  }
  throw new Error(`server never became ready:\n${server.output()}`);
}

export async function startServer(dataDir: string): Promise<ServerProcess> {
  const server = spawnServer(dataDir, await freePort());
  await waitForReady(server);
  return server;
}

/** SIGTERM, then SIGKILL if it is still running after a bounded wait. */
export async function stopServer(server: ServerProcess): Promise<Exit> {
  if (!server.running()) return server.exited;
  server.child.kill('SIGTERM');
  for (let i = 0; i < 300 && server.running(); i++) await pause(100);
  if (server.running()) server.child.kill('SIGKILL');
  return server.exited;
}

export async function killServer(server: ServerProcess): Promise<Exit> {
  if (server.running()) server.child.kill('SIGKILL');
  return server.exited;
}

/** For afterAll: no process or temporary folder outlives the test file. */
export async function cleanUp(): Promise<void> {
  await Promise.all([...live].map((s) => killServer(s)));
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export async function api(
  server: ServerProcess,
  method: string,
  path: string,
  { cookie, body }: { cookie?: string; body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
}

export async function completeSetup(server: ServerProcess): Promise<void> {
  const res = await api(server, 'POST', '/api/v1/setup', {
    body: { organisationName: 'Werkplaats Proef', siteName: 'Hoofdzetel', admin: ADMIN },
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
}

/** Logs the admin in and returns the Cookie header value. */
export async function loginAdmin(server: ServerProcess): Promise<string> {
  const res = await api(server, 'POST', '/api/v1/auth/login', {
    body: { identifier: ADMIN.email, password: ADMIN.password },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('groeipad.session_token='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0] as string;
}

export async function siteNames(server: ServerProcess, cookie: string): Promise<string[]> {
  const res = await api(server, 'GET', '/api/v1/sites', { cookie });
  if (res.status !== 200) throw new Error(`listing sites failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { items: { name: string }[] };
  return body.items.map((s) => s.name);
}
