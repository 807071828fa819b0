import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Tx } from '../server/db/client';
import { assertTenantIsolation, UnsafeDatabaseError } from '../server/db/safety';
import {
  account,
  auditLog,
  careerEvents,
  mailOutbox,
  organisations,
  participantCoaches,
  participants,
  referrers,
  session,
  sites,
  teamSupervisors,
  teams,
  user,
  verification,
} from '../server/db/schema';
import { withTenant } from '../server/db/tenant';
import { createTestApp, type TestApp } from './support/app';
import {
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildReferrer,
  buildTeam,
  buildUser,
  login,
} from './support/factories';

/**
 * Row-level security is the second wall: these queries deliberately forget the organisation filter
 * and must still see, and be able to write, only the tenant's own rows.
 */

let t: TestApp;
let db: Db;

interface Tenant {
  orgId: string;
  siteId: string;
  teamId: string;
  userIds: string[];
}

/** An organisation with a site, a team with a supervisor, two users with sessions, audit rows and a mail. */
async function populatedTenant(): Promise<Tenant> {
  const org = await buildOrganisation(db);
  const team = await buildTeam(db, { organisationId: org.id });
  const supervisor = await buildUser(db, { organisationId: org.id, role: 'supervisor' });
  const participant = await buildUser(db, { organisationId: org.id, role: 'participant' });
  await addSupervisor(db, team.id, supervisor.id, org.id);
  // Real logins make real sessions and audit rows.
  await login(t.app, supervisor);
  await login(t.app, participant);
  await db.insert(mailOutbox).values({ organisationId: org.id, to: supervisor.email, subject: 'Hallo', body: 'Dag' });
  const referrer = await buildReferrer(db, { organisationId: org.id });
  const coach = await buildUser(db, { organisationId: org.id, role: 'coach' });
  await buildParticipant(db, { organisationId: org.id, teamId: team.id, referrerId: referrer.id, coachId: coach.id });
  return { orgId: org.id, siteId: team.siteId, teamId: team.id, userIds: [supervisor.id, participant.id, coach.id] };
}

/** The SQLSTATE of a database error, however deep the driver or the ORM wrapped it. */
function pgCode(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

async function refusal(run: Promise<unknown>): Promise<string | undefined> {
  try {
    await run;
  } catch (err) {
    return pgCode(err);
  }
  throw new Error('the database accepted what it should refuse');
}

const INSUFFICIENT_PRIVILEGE = '42501';

let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  a = await populatedTenant();
  b = await populatedTenant();
});
afterAll(() => t.close());

describe('reads without a where clause', () => {
  const tables = {
    sites,
    teams,
    team_supervisors: teamSupervisors,
    user,
    session,
    audit_log: auditLog,
    mail_outbox: mailOutbox,
    participants,
    participant_coaches: participantCoaches,
    career_events: careerEvents,
    referrers,
  } as const;

  it.each(Object.keys(tables) as (keyof typeof tables)[])('%s shows only the tenant’s own rows', async (name) => {
    const table = tables[name];
    const all = await db.select({ org: table.organisationId }).from(table);
    // Both tenants have rows: a tenant seeing "only its own" is not vacuous.
    expect(all.filter((r) => r.org === a.orgId).length).toBeGreaterThan(0);
    expect(all.filter((r) => r.org === b.orgId).length).toBeGreaterThan(0);

    const seen = await withTenant(db, a.orgId, (tx) => tx.select().from(table));
    expect(seen.length).toBe(all.filter((r) => r.org === a.orgId).length);
    expect(new Set(seen.map((r) => r.organisationId))).toEqual(new Set([a.orgId]));
  });

  it('organisations shows only the tenant itself', async () => {
    const seen = await withTenant(db, a.orgId, (tx) => tx.select().from(organisations));
    expect(seen.map((o) => o.id)).toEqual([a.orgId]);
  });

  it('the user and session of another organisation cannot be found even by id', async () => {
    const [other] = b.userIds;
    const found = await withTenant(db, a.orgId, async (tx) => ({
      users: await tx
        .select()
        .from(user)
        .where(eq(user.id, other as string)),
      sessions: await tx
        .select()
        .from(session)
        .where(eq(session.userId, other as string)),
    }));
    expect(found).toEqual({ users: [], sessions: [] });
  });

  it('the tenant role with no organisation set sees nothing at all', async () => {
    const counts = await db.transaction(async (tx) => {
      await tx.execute(sql`set local role groeipad_app`);
      return {
        sites: (await tx.select().from(sites)).length,
        users: (await tx.select().from(user)).length,
        audit: (await tx.select().from(auditLog)).length,
      };
    });
    expect(counts).toEqual({ sites: 0, users: 0, audit: 0 });
  });
});

describe('writes that name another organisation', () => {
  it.each([
    ['sites', (tx: Tx) => tx.insert(sites).values({ organisationId: b.orgId, name: 'Binnengesmokkeld' })],
    [
      'teams',
      (tx: Tx) =>
        tx.insert(teams).values({ organisationId: b.orgId, siteId: b.siteId, name: 'X', workDomain: 'groen' }),
    ],
    [
      'user',
      (tx: Tx) =>
        tx.insert(user).values({
          id: crypto.randomUUID(),
          organisationId: b.orgId,
          name: 'Indringer',
          email: `${crypto.randomUUID()}@example.org`,
          role: 'admin',
        }),
    ],
    ['audit_log', (tx: Tx) => tx.insert(auditLog).values({ organisationId: b.orgId, action: 'forged.entry' })],
    [
      'mail_outbox',
      (tx: Tx) =>
        tx.insert(mailOutbox).values({ organisationId: b.orgId, to: 'x@example.org', subject: 's', body: 'b' }),
    ],
  ])('inserting into %s with organisation B’s id inside A’s transaction is refused', async (_name, insert) => {
    const code = await refusal(withTenant(db, a.orgId, (tx) => insert(tx)));
    expect(code).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('moving an own row to another organisation is refused', async () => {
    const code = await refusal(
      withTenant(db, a.orgId, (tx) => tx.update(sites).set({ organisationId: b.orgId }).where(eq(sites.id, a.siteId))),
    );
    expect(code).toBe(INSUFFICIENT_PRIVILEGE);
    const [row] = await db.select().from(sites).where(eq(sites.id, a.siteId));
    expect(row?.organisationId).toBe(a.orgId);
  });

  it('updates and deletes of another organisation’s rows touch nothing', async () => {
    const touched = await withTenant(db, a.orgId, async (tx) => ({
      renamed: await tx.update(sites).set({ name: 'Gekaapt' }).returning({ id: sites.id }),
      deletedTeams: await tx.delete(teams).where(eq(teams.id, b.teamId)).returning({ id: teams.id }),
      deletedSessions: await tx
        .delete(session)
        .where(eq(session.userId, b.userIds[0] as string))
        .returning({ id: session.id }),
    }));
    // Only A's own sites were renamed; B's team and sessions are still there.
    expect(touched.deletedTeams).toEqual([]);
    expect(touched.deletedSessions).toEqual([]);
    const renamedIds = new Set(touched.renamed.map((r) => r.id));
    expect(renamedIds.has(b.siteId)).toBe(false);
    const [siteB] = await db.select().from(sites).where(eq(sites.id, b.siteId));
    expect(siteB?.name).not.toBe('Gekaapt');
    expect(await db.select().from(teams).where(eq(teams.id, b.teamId))).toHaveLength(1);
    expect(
      await db
        .select()
        .from(session)
        .where(eq(session.userId, b.userIds[0] as string)),
    ).not.toHaveLength(0);
  });
});

describe('secrets the tenant role cannot read at all', () => {
  it('refuses the password column of account, while the harmless columns are readable', async () => {
    const code = await refusal(withTenant(db, a.orgId, (tx) => tx.select({ hash: account.password }).from(account)));
    expect(code).toBe(INSUFFICIENT_PRIVILEGE);
    const whole = await refusal(withTenant(db, a.orgId, (tx) => tx.select().from(account)));
    expect(whole).toBe(INSUFFICIENT_PRIVILEGE);
    const ids = await withTenant(db, a.orgId, (tx) =>
      tx.select({ userId: account.userId, org: account.organisationId }).from(account),
    );
    expect(ids.map((r) => r.userId).sort()).toEqual([...a.userIds].sort());
  });

  it('refuses the verification table (password-reset tokens)', async () => {
    await db
      .insert(verification)
      .values({ id: crypto.randomUUID(), identifier: 'reset-password:x', value: 'y', expiresAt: new Date() });
    const code = await refusal(withTenant(db, a.orgId, (tx) => tx.select().from(verification)));
    expect(code).toBe(INSUFFICIENT_PRIVILEGE);
  });
});

describe('assertTenantIsolation (startup check)', () => {
  /** Runs fn in a transaction that is always rolled back, so no change outlives the test. */
  async function inRolledBackTransaction(fn: (tx: Tx) => Promise<void>) {
    const rollback = new Error('rollback');
    await expect(
      db.transaction(async (tx) => {
        await fn(tx);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  }
  const check = (q: Db | Tx) => assertTenantIsolation(q as Db);

  it('passes on a migrated database', async () => {
    await expect(check(db)).resolves.toBeUndefined();
  });

  it('throws when row-level security is off on a tenant table', async () => {
    await inRolledBackTransaction(async (tx) => {
      await tx.execute(sql`alter table teams disable row level security`);
      await expect(check(tx)).rejects.toThrow(UnsafeDatabaseError);
      await expect(check(tx)).rejects.toThrow(/teams/);
    });
    await expect(check(db)).resolves.toBeUndefined();
  });

  // The role is cluster-wide on PostgreSQL: the change stays inside a transaction that is rolled back,
  // so no other session (or parallel test database) ever sees it.
  it('throws when the tenant role may bypass row-level security', async () => {
    await inRolledBackTransaction(async (tx) => {
      await tx.execute(sql`alter role groeipad_app bypassrls`);
      await expect(check(tx)).rejects.toThrow(/BYPASSRLS/);
    });
    const [role] = (
      (await db.execute(sql`select rolbypassrls from pg_roles where rolname = 'groeipad_app'`)) as unknown as {
        rows: { rolbypassrls: boolean }[];
      }
    ).rows;
    expect(role?.rolbypassrls).toBe(false);
    await expect(check(db)).resolves.toBeUndefined();
  });
});
