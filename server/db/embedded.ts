import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export class DataFolderInUseError extends Error {}

const LOCK_FILE = 'groeipad.lock';

/**
 * PGlite starts with PostgreSQL's 128 MB of shared buffers, all of it resident in the WebAssembly heap; 16 MB
 * keeps a workplace-sized database hot and the process about 120 MB smaller. The operating system's page cache
 * still holds the data files, so a miss costs a copy, not a disk read.
 */
export const pgliteOptions = {
  startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
};

const CLUSTER_DIR = 'pgdata';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own: two processes on one folder corrupt it.
 * The lock file holds the owner's pid; a lock whose process is gone is stale and taken over.
 */
export function acquireLock(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
        throw new DataFolderInUseError(
          `The data folder ${resolve(dataDir)} is in use by another Groeipad process (pid ${pid}). ` +
            'Stop that process first, or set DATA_DIR to another folder.',
        );
      }
      unlinkSync(path);
    }
  }
  throw new DataFolderInUseError(`Could not lock the data folder ${resolve(dataDir)}.`);
}

/**
 * The first start creates the cluster in a temporary folder and renames it into place,
 * so a crash halfway leaves no folder that can never open again; leftovers are removed.
 */
async function ensureCluster(dataDir: string): Promise<string> {
  const cluster = join(dataDir, CLUSTER_DIR);
  for (const entry of readdirSync(dataDir)) {
    if (entry.startsWith(`${CLUSTER_DIR}.init-`)) rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
  if (existsSync(cluster)) return cluster;
  const temporary = join(dataDir, `${CLUSTER_DIR}.init-${process.pid}`);
  const pg = new PGlite(temporary, pgliteOptions);
  await pg.waitReady;
  await pg.close();
  renameSync(temporary, cluster);
  return cluster;
}

export async function openEmbedded(dataDir: string): Promise<{ client: PGlite; close: () => Promise<void> }> {
  mkdirSync(dataDir, { recursive: true });
  const release = acquireLock(dataDir);
  try {
    const client = new PGlite(await ensureCluster(dataDir), pgliteOptions);
    await client.waitReady;
    return {
      client,
      close: async () => {
        try {
          // close() checkpoints: skipping it costs a recovery at the next start.
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
