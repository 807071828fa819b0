import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  api,
  cleanUp,
  completeSetup,
  freePort,
  freshDataDir,
  killServer,
  loginAdmin,
  pause,
  type ServerProcess,
  siteNames,
  spawnServer,
  startServer,
  stopServer,
  waitForReady,
} from './server-process';

/**
 * The real server process, killed and restarted on its data folder.
 * Slow by nature (each start boots PGlite and migrates), so the timeouts are generous;
 * nothing here asserts on how long anything takes.
 */
const PROCESS_TEST_TIMEOUT = 240_000;

afterAll(cleanUp, 60_000);

const lockPath = (dataDir: string) => join(dataDir, 'groeipad.lock');
const leftovers = (dataDir: string) => readdirSync(dataDir).filter((e) => e.startsWith('pgdata.init-'));

/** A pid that belonged to a process that has exited: what a crashed server leaves in its lock file. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid;
  await new Promise((r) => child.on('exit', r));
  if (pid === undefined) throw new Error('no pid');
  return pid;
}

interface StreamResult {
  acknowledged: string[];
  /** Answers other than 201, and network errors before the kill: none are expected. */
  unexpected: string[];
}

/**
 * Several lanes post sites with distinct names, each waiting for its answer before the next.
 * Once `killAfter` writes are acknowledged the server gets SIGKILL while the other lanes still
 * have writes in flight. Only names answered with 201 count as acknowledged.
 */
async function writeStreamThenKill(
  server: ServerProcess,
  cookie: string,
  round: number,
  killAfter: number,
): Promise<StreamResult> {
  const acknowledged: string[] = [];
  const unexpected: string[] = [];
  let killed = false;
  const lane = async (laneNo: number) => {
    for (let i = 0; i < 500 && !killed; i++) {
      const name = `Crash ${round}-${laneNo}-${i}`;
      let res: Response;
      try {
        res = await api(server, 'POST', '/api/v1/sites', { cookie, body: { name } });
      } catch (err) {
        if (!killed) unexpected.push(`${name}: ${(err as Error).message}`);
        return;
      }
      if (res.status !== 201) {
        unexpected.push(`${name}: ${res.status} ${await res.text()}`);
        return;
      }
      acknowledged.push(name);
      if (!killed && acknowledged.length >= killAfter) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all([1, 2, 3, 4].map(lane));
  // A bounded stream that ended without reaching the kill still gets killed: the test is about the restart.
  if (!killed) server.child.kill('SIGKILL');
  const exit = await server.exited;
  expect(exit.signal).toBe('SIGKILL');
  return { acknowledged, unexpected };
}

describe('the server process', () => {
  it(
    'keeps every acknowledged write through SIGKILL and takes over the stale lock on restart',
    async () => {
      const dataDir = freshDataDir();
      let server = await startServer(dataDir);
      await completeSetup(server);
      const acknowledged: string[] = [];

      for (const round of [1, 2]) {
        const cookie = await loginAdmin(server);
        const killAfter = 20 + Math.floor(Math.random() * 30);
        const result = await writeStreamThenKill(server, cookie, round, killAfter);
        expect(result.unexpected, `round ${round}, kill after ${killAfter}`).toEqual([]);
        expect(result.acknowledged.length).toBeGreaterThanOrEqual(killAfter);
        acknowledged.push(...result.acknowledged);

        // The killed process could not clean up: its lock file is still there, naming it.
        const killedPid = server.pid;
        expect(readFileSync(lockPath(dataDir), 'utf8')).toBe(String(killedPid));

        server = await startServer(dataDir);
        expect(readFileSync(lockPath(dataDir), 'utf8')).toBe(String(server.pid));

        const names = new Set(await siteNames(server, await loginAdmin(server)));
        const lost = acknowledged.filter((n) => !names.has(n));
        expect(lost, `acknowledged sites missing after crash ${round}`).toEqual([]);
        expect(names.has('Hoofdzetel')).toBe(true);
      }

      const ready = await api(server, 'GET', '/readyz');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
      expect(await stopServer(server)).toEqual({ code: 0, signal: null });
    },
    PROCESS_TEST_TIMEOUT,
  );

  it(
    'refuses a second process on a data folder in use, and leaves the first one running',
    async () => {
      const dataDir = freshDataDir();
      const first = await startServer(dataDir);
      const second = spawnServer(dataDir, await freePort());
      const exit = await second.exited;
      expect(exit.code).not.toBe(0);
      expect(exit.code).not.toBeNull();
      expect(second.output()).toContain(`The data folder ${resolve(dataDir)} is in use`);
      expect(second.output()).toContain(`pid ${first.pid}`);
      // A clear message, not a stack trace.
      expect(second.output()).not.toMatch(/^\s+at /m);

      expect(readFileSync(lockPath(dataDir), 'utf8')).toBe(String(first.pid));
      const ready = await api(first, 'GET', '/readyz');
      expect(ready.status).toBe(200);
      await stopServer(first);
    },
    PROCESS_TEST_TIMEOUT,
  );

  it(
    'exits 0 on SIGTERM and removes its lock file',
    async () => {
      const dataDir = freshDataDir();
      const server = await startServer(dataDir);
      await completeSetup(server);
      expect(readFileSync(lockPath(dataDir), 'utf8')).toBe(String(server.pid));
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(existsSync(lockPath(dataDir))).toBe(false);

      // A clean stop leaves a folder the next start opens as it was.
      const again = await startServer(dataDir);
      const setup = await api(again, 'GET', '/api/v1/setup');
      expect(await setup.json()).toEqual({ needsSetup: false });
      await stopServer(again);
    },
    PROCESS_TEST_TIMEOUT,
  );

  for (const lock of ['a dead pid', 'nothing'] as const) {
    it(
      `starts after a crash during the first initialisation left a half-made cluster and a lock holding ${lock}`,
      async () => {
        const dataDir = freshDataDir();
        const garbage = join(dataDir, 'pgdata.init-12345');
        mkdirSync(join(garbage, 'base'), { recursive: true });
        writeFileSync(join(garbage, 'PG_VERSION'), 'half');
        writeFileSync(join(garbage, 'base', 'junk'), 'not a database');
        // An empty lock file is what a crash between creating it and writing the pid leaves.
        writeFileSync(lockPath(dataDir), lock === 'a dead pid' ? String(await deadPid()) : '');

        const server = await startServer(dataDir);
        expect(leftovers(dataDir)).toEqual([]);
        expect(existsSync(join(dataDir, 'pgdata'))).toBe(true);
        expect(readFileSync(lockPath(dataDir), 'utf8')).toBe(String(server.pid));
        await completeSetup(server);
        await stopServer(server);
      },
      PROCESS_TEST_TIMEOUT,
    );
  }

  for (const stage of ['pgdata.init-*', 'pgdata'] as const) {
    it(
      `starts after the first start was killed once ${stage} appeared`,
      async () => {
        const dataDir = freshDataDir();
        const first = spawnServer(dataDir, await freePort());
        const reached = (entries: string[]) =>
          stage === 'pgdata' ? entries.includes('pgdata') : entries.some((e) => e.startsWith('pgdata.init-'));
        // Poll the folder closely; bounded, and the kill happens whatever stage was reached by then.
        for (let i = 0; i < 20_000 && first.running(); i++) {
          if (existsSync(dataDir) && reached(readdirSync(dataDir))) break;
          await pause(2);
        }
        expect(first.running(), `the first start ended on its own:\n${first.output()}`).toBe(true);
        await killServer(first);

        const server = spawnServer(dataDir, await freePort());
        await waitForReady(server);
        expect(leftovers(dataDir)).toEqual([]);
        const setup = await api(server, 'GET', '/api/v1/setup');
        expect(await setup.json()).toEqual({ needsSetup: true });
        await completeSetup(server);
        expect(await stopServer(server)).toEqual({ code: 0, signal: null });
      },
      PROCESS_TEST_TIMEOUT,
    );
  }

  it(
    'stops with a clear message when its port is taken, and releases the data folder',
    async () => {
      const blocker = createServer();
      await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
      const address = blocker.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      try {
        const dataDir = freshDataDir();
        const server = spawnServer(dataDir, address.port);
        const exit = await server.exited;
        expect(exit.code).toBe(1);
        expect(server.output()).toContain(`Port ${address.port} on 127.0.0.1 is already in use`);
        expect(server.output()).not.toMatch(/^\s+at /m);
        expect(existsSync(lockPath(dataDir))).toBe(false);
      } finally {
        await new Promise((r) => blocker.close(r));
      }
    },
    PROCESS_TEST_TIMEOUT,
  );

  it(
    'stops with a message naming a bad variable, without a stack trace',
    async () => {
      const server = spawnServer(freshDataDir(), await freePort(), { PORT: 'abc' });
      const exit = await server.exited;
      expect(exit.code).toBe(1);
      expect(server.output()).toContain('Invalid configuration');
      expect(server.output()).toMatch(/PORT:/);
      expect(server.output()).not.toMatch(/^\s+at /m);
    },
    PROCESS_TEST_TIMEOUT,
  );
});
