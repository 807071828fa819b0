/**
 * npm run demo [-- --reset]
 * Starts Groeipad on its own embedded database in ./data-demo, holding the demo workplace "Werkplaats De Brug"
 * (scripts/seed/demo.ts): created on the first run, kept afterwards, rebuilt from scratch with --reset.
 * Prints the login names per role with the shared demo password, then runs the real server (server/main.ts).
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { todayIso } from '#shared/participants';
import type { Db } from '../server/db/client';
import { acquireLock } from '../server/db/embedded';
import { organisations } from '../server/db/schema';
import { openForLoading } from './seed/database';
import { generateDemo } from './seed/demo';
import { loadDemo } from './seed/demo-services';
import { isEmpty } from './seed/load';
import { DEMO_PASSWORD } from './seed/scales';
import { formatSummary } from './seed/summary';

const roleLabels: Record<string, string> = {
  admin: 'functioneel beheerder (admin)',
  manager: 'directie (manager)',
  trainer: 'opleidingsverantwoordelijke (trainer)',
  coach: 'trajectbegeleider (coach)',
  supervisor: 'meestergast (supervisor)',
  participant: 'deelnemer (participant)',
};
const roleOrder = Object.keys(roleLabels);

async function holdsDemo(db: Db, generated: ReturnType<typeof generateDemo>) {
  const id = generated.dataset.organisations[0]?.id ?? '';
  const found = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
  return found.length === 1;
}

async function prepare(dataDir: string, reset: boolean) {
  if (reset && existsSync(dataDir)) {
    // Refuses while a demo server still runs on the folder; the lock goes with the folder.
    acquireLock(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const generated = generateDemo(todayIso());
  const database = await openForLoading({ kind: 'pglite', dataDir });
  try {
    if (await isEmpty(database.db)) {
      console.log(`Building the demo workplace in ${resolve(dataDir)} …`);
      const { loaded, services } = await loadDemo(database.db, generated, {
        passwordHash: await hashPassword(DEMO_PASSWORD),
        origin: { scenario: 'demo', referenceDate: generated.referenceDate },
      });
      console.log(formatSummary(generated.dataset, loaded));
      console.log(
        `  pathway map: ${services.packages} work packages, ${services.placements} placements; ` +
          `compartment: ${services.papDomains} PAP domains, ${services.papActions} PAP actions, ` +
          `${services.instrumentResults} instrument results`,
      );
    } else if (!(await holdsDemo(database.db, generated))) {
      throw new Error(`${dataDir} holds another database. Use --reset to replace it with the demo.`);
    } else {
      console.log(`Using the demo workplace in ${resolve(dataDir)} (npm run demo -- --reset rebuilds it).`);
    }
  } finally {
    await database.close();
  }
  return generated;
}

function printLogins(generated: ReturnType<typeof generateDemo>) {
  const [org] = generated.organisations;
  if (!org) return;
  const teamNames = new Map(org.built.teams.map((t) => [t.id, t.name]));
  const siteNames = new Map(org.built.sites.map((s) => [s.id, s.name]));
  const supervised = new Map(generated.dataset.teamSupervisors.map((s) => [s.userId, teamNames.get(s.teamId)]));
  const rows = generated.dataset.users
    .map((u) => {
      const staff = org.staff.find((s) => s.user.id === u.id);
      const where = supervised.get(u.id) ?? (staff?.siteId ? siteNames.get(staff.siteId) : undefined);
      return { role: u.role, name: where ? `${u.name} (${where})` : u.name, login: u.username ?? u.email };
    })
    .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
  const width = (k: 'name' | 'login') => Math.max(...rows.map((r) => r[k].length));
  const roleWidth = Math.max(...rows.map((r) => (roleLabels[r.role] ?? r.role).length));
  console.log(`\n${org.built.organisation.name}: log in with one of these (password for all: ${DEMO_PASSWORD})\n`);
  for (const r of rows) {
    console.log(`  ${(roleLabels[r.role] ?? r.role).padEnd(roleWidth)}  ${r.name.padEnd(width('name'))}  ${r.login}`);
  }
  console.log('');
}

async function main() {
  const { values } = parseArgs({
    options: { reset: { type: 'boolean', default: false }, 'data-dir': { type: 'string', default: './data-demo' } },
  });
  const dataDir = values['data-dir'];
  const generated = await prepare(dataDir, values.reset);
  printLogins(generated);
  // The real server, exactly as `tsx server/main.ts` runs it, on the demo folder.
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  await import('../server/main');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
