/**
 * Backup and restore of the embedded database.
 *   npm run backup                 -> backups/groeipad-<time>.tar.gz
 *   npm run restore -- <file>      -> replaces DATA_DIR's database with the backup
 * Both take the data folder's lock, so they refuse to run while Groeipad is running on it.
 * On PostgreSQL use pg_dump / pg_restore instead (README.md).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireLock, openEmbedded } from '../server/db/embedded';

const dataDir = process.env.DATA_DIR || './data';
const [command, file] = process.argv.slice(2);

async function backup() {
  const { client, close } = await openEmbedded(dataDir);
  try {
    const dump = await client.dumpDataDir('gzip');
    mkdirSync('backups', { recursive: true });
    const target = join('backups', `groeipad-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.tar.gz`);
    writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
    console.log(`Backup written to ${resolve(target)}`);
  } finally {
    await close();
  }
}

async function restore(path: string) {
  if (!existsSync(path)) throw new Error(`No backup file at ${path}`);
  mkdirSync(dataDir, { recursive: true });
  const release = acquireLock(dataDir);
  try {
    // Restore into a temporary folder first: a failed restore leaves the current database untouched.
    const temporary = join(dataDir, `pgdata.restore-${process.pid}`);
    const client = new PGlite(temporary, { loadDataDir: new Blob([readFileSync(path)]) });
    await client.waitReady;
    await client.close();
    const current = join(dataDir, 'pgdata');
    if (existsSync(current)) renameSync(current, join(dataDir, `pgdata.before-restore-${Date.now()}`));
    renameSync(temporary, current);
    console.log(`Restored ${path} into ${resolve(current)}. The previous database was kept beside it.`);
  } catch (err) {
    rmSync(join(dataDir, `pgdata.restore-${process.pid}`), { recursive: true, force: true });
    throw err;
  } finally {
    release();
  }
}

const run = command === 'restore' ? () => restore(file ?? '') : backup;
run().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
