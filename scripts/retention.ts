/**
 * npm run retention
 * Anonymises, in every organisation that set a retention period (Instellingen → Privacy), each participant whose
 * latest exit lies longer ago than that period: the same as the admin's "run now" (POST /privacy/retention/run),
 * each erasure in its own transaction and audited with the actor "Groeipad (bewaartermijn)".
 * Meant for a nightly cron on PostgreSQL (DATABASE_URL set), e.g. `15 2 * * * cd /opt/groeipad && npm run retention`.
 * On the embedded database the running server holds the data folder's lock: stop it first, or use the admin screen.
 */
import { asc } from 'drizzle-orm';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { organisations } from '../server/db/schema';
import { asPlatform } from '../server/db/tenant';
import type { RequestContext } from '../server/modules/audit/record';
import { runRetention } from '../server/modules/privacy/service';

const REASON = 'Bewaartermijn na uitstroom verstreken (automatische nachtelijke run)';

/** Not a person: audit_log.actor_id has no foreign key, and the name says what did it. */
const systemContext = (organisationId: string): RequestContext => ({
  actor: { id: 'system:retention', name: 'Groeipad (bewaartermijn)', role: 'admin', organisationId },
});

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
    // Listing the organisations crosses tenants; each run below is in its own organisation's transactions.
    const orgs = await asPlatform(database.db, (tx) =>
      tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .orderBy(asc(organisations.name)),
    );
    let total = 0;
    for (const org of orgs) {
      const { anonymised } = await runRetention(database.db, systemContext(org.id), REASON);
      if (anonymised) console.log(`${org.name}: ${anonymised} anonymised`);
      total += anonymised;
    }
    console.log(`Retention run done: ${total} participant(s) anonymised in ${orgs.length} organisation(s).`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
