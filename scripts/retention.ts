/**
 * npm run retention
 * Anonymises, in every organisation that set a retention period (Instellingen → Privacy), each participant whose
 * latest exit lies longer ago than that period: the same as the admin's "run now" (POST /privacy/retention/run),
 * each erasure in its own transaction and audited with the actor "Groeipad (bewaartermijn)".
 * The server already does this every night (RETENTION_NIGHTLY_AT, default 02:15); this command is for a run at
 * another moment, or for a cron when every server has RETENTION_NIGHTLY_AT=off.
 * On the embedded database the running server holds the data folder's lock: stop it first, or use the admin screen.
 */
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { retentionEverywhere } from '../server/modules/privacy/nightly-retention';

async function main() {
  // The script signs no session or token, so the servers' shared AUTH_SECRET is not asked of a cron line.
  const unused = 'retention-script-signs-nothing-0123456789';
  const config = loadConfig({ AUTH_SECRET: unused, ...process.env }, () => unused);
  const database = await openDatabase(
    config.DATABASE_URL
      ? { kind: 'postgres', url: config.DATABASE_URL, poolSize: 2 }
      : { kind: 'pglite', dataDir: config.DATA_DIR },
  );
  try {
    const run = await retentionEverywhere(database.db);
    console.log(
      `Retention run done: ${run.anonymised} participant(s) anonymised in ${run.organisations} organisation(s).`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
