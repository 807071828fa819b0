import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const repoRoot = resolve(import.meta.dirname, '..');

export interface Child {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now: the OS picks it. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** The resident memory of a process in MB, from /proc (Linux), or NaN where there is none. */
export function rssMb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux), or NaN. */
export function cpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS while something runs: the peak and the last value. */
export async function sampleRss<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; peakMb: number; afterMb: number }> {
  let peakMb = rssMb(pid);
  const timer = setInterval(() => {
    const now = rssMb(pid);
    if (now > peakMb || Number.isNaN(peakMb)) peakMb = now;
  }, 200);
  try {
    const result = await work();
    const afterMb = rssMb(pid);
    return { result, peakMb: Math.max(peakMb, afterMb), afterMb };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Starts `node --import tsx <script>` directly (no npm or shell in between, so pid is the server's own process
 * and its RSS is what /proc reports), then waits until readyPath answers 200. Bounded: two minutes (starting tsx and
 * opening PGlite takes seconds, many more on a busy machine).
 */
export async function startChild(
  script: string,
  env: NodeJS.ProcessEnv,
  port: number,
  readyPath: string,
  nodeArgs: string[] = [],
): Promise<Child> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    // Keep the tail only: a server that logs every request must not grow the benchmark's own memory.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let attempt = 0; attempt < 480; attempt++) {
    if (child.exitCode !== null) throw new Error(`${script} exited early:\n${output}`);
    try {
      const res = await fetch(baseUrl + readyPath);
      if (res.ok) return { child, pid: child.pid as number, baseUrl, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`${script} did not become ready:\n${output}`);
}
