import { count, getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../server/db/client';
import {
  account,
  auditLog,
  careerEvents,
  consents,
  indications,
  instanceSetup,
  organisations,
  participantCoaches,
  participants,
  referrers,
  sites,
  stakeholders,
  teamSupervisors,
  teams,
  user,
} from '../../server/db/schema';
import { asPlatform, withTenant } from '../../server/db/tenant';
import { stableId } from './random';
import type { Dataset } from './records';

/** Tenant tables in the order their foreign keys need; a later capability appends its own tables here. */
function tenantTables(
  dataset: Dataset,
  passwordHash: string,
): { table: PgTable; rows: { organisationId: string }[] }[] {
  const accounts = dataset.users.map((u) => ({
    id: stableId(u.id, 'account'),
    organisationId: u.organisationId,
    userId: u.id,
    accountId: u.id,
    providerId: 'credential',
    password: passwordHash,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  }));
  return [
    { table: sites, rows: dataset.sites },
    { table: teams, rows: dataset.teams },
    { table: user, rows: dataset.users },
    { table: account, rows: accounts },
    { table: teamSupervisors, rows: dataset.teamSupervisors },
    { table: referrers, rows: dataset.referrers },
    { table: participants, rows: dataset.participants },
    { table: participantCoaches, rows: dataset.participantCoaches },
    { table: indications, rows: dataset.indications },
    { table: stakeholders, rows: dataset.stakeholders },
    { table: consents, rows: dataset.consents },
    // Inserted in timeline order: the identity column seq then orders events of one day as planned.
    { table: careerEvents, rows: dataset.careerEvents },
  ];
}

/** How a generated value travels as text: the insert casts it back to the column's own type. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Bulk insert with one array parameter per column (insert … select from unnest): a statement costs the same
 * few parameters whatever the number of rows, which keeps both the SQL builder and PostgreSQL's parser out of the
 * way (row-by-row VALUES through the ORM took most of the load time at umbrella scale).
 * Rows that leave a column out get its default: they are inserted in a group of their own.
 */
async function insertBatched(tx: Tx, table: PgTable, rows: readonly object[]) {
  const columns = getTableColumns(table);
  const groups = new Map<string, object[]>();
  for (const row of rows) {
    const key = Object.keys(row)
      .filter((k) => k in columns && (row as Record<string, unknown>)[k] !== undefined)
      .join(',');
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const [key, group] of groups) {
    const keys = key.split(',');
    const cols = keys.map((k) => columns[k] as PgColumn);
    for (let i = 0; i < group.length; i += 5000) {
      const batch = group.slice(i, i + 5000) as Record<string, unknown>[];
      const arrays = keys.map((k) => sql.param(batch.map((row) => asText(row[k]))));
      const names = sql.raw(cols.map((c) => `"${c.name}"`).join(', '));
      const casts = sql.raw(cols.map((c, n) => `c${n}::${c.getSQLType()}`).join(', '));
      const aliases = sql.raw(cols.map((_, n) => `c${n}`).join(', '));
      const unnest = sql.join(
        arrays.map((a) => sql`${a}::text[]`),
        sql`, `,
      );
      await tx.execute(sql`insert into ${table} (${names}) select ${casts} from unnest(${unnest}) as u(${aliases})`);
    }
  }
}

function byOrganisation<T extends { organisationId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.organisationId);
    if (group) group.push(row);
    else groups.set(row.organisationId, [row]);
  }
  return groups;
}

export class DatabaseNotEmptyError extends Error {}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

export interface LoadOptions {
  /** One hash for every generated account: hashing per user (scrypt) would take minutes at umbrella scale. */
  passwordHash: string;
  /** What the audit log says about where the data came from, e.g. { scale: 'workplace', seed: 1 }. */
  origin: Record<string, string | number>;
  /** Organisations loaded side by side: PostgreSQL's pool can take a few; PGlite has one connection. */
  concurrency?: number;
}

/**
 * Loads a generated data set into an empty, migrated database. The organisations (and the setup row, so the
 * setup wizard stays closed) are written as the owner; everything else per organisation inside withTenant, as the
 * app's own role, so row-level security checks every generated row the way it checks the app's writes.
 * One transaction per organisation: a failure leaves no half-loaded organisation behind.
 */
export async function loadDataset(db: Db, dataset: Dataset, options: LoadOptions): Promise<void> {
  if (!(await isEmpty(db))) throw new DatabaseNotEmptyError('The database already holds organisations.');
  const first = dataset.organisations[0];
  if (!first) return;
  await asPlatform(db, async (tx) => {
    await insertBatched(tx, organisations, dataset.organisations);
    await tx.insert(instanceSetup).values({ id: 1, firstOrganisationId: first.id, completedAt: first.createdAt });
  });
  const tables = tenantTables(dataset, options.passwordHash).map((t) => ({
    table: t.table,
    groups: byOrganisation(t.rows),
  }));
  const queue = [...dataset.organisations];
  const worker = async () => {
    for (let org = queue.shift(); org; org = queue.shift()) await loadOrganisation(org.id);
  };
  const loadOrganisation = (organisationId: string) =>
    withTenant(db, organisationId, async (tx) => {
      for (const { table, groups } of tables) await insertBatched(tx, table, groups.get(organisationId) ?? []);
      await tx.insert(auditLog).values({
        organisationId,
        actorName: 'Groeipad data generator',
        action: 'seed.loaded',
        targetType: 'organisation',
        targetId: organisationId,
        details: options.origin,
      });
    });
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  // Planner statistics for the new rows, as autovacuum gathers them on a live PostgreSQL; PGlite has no autovacuum,
  // and without statistics it plans every caseload query for empty tables.
  await db.execute(sql`analyze`);
}
