import { count, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../server/db/client';
import {
  account,
  auditLog,
  careerEvents,
  competencies,
  competencyFrameworks,
  competencyFrameworkVersions,
  consents,
  developmentPlanActionProgress,
  developmentPlanGoalNotes,
  developmentPlanPresentations,
  developmentPlanProposals,
  developmentPlanSettings,
  developmentPlanVersions,
  feedbackConversations,
  feedbackRules,
  indications,
  instanceSetup,
  jobProfileExpectations,
  jobProfiles,
  latestRatings,
  mentorInvitations,
  observations,
  organisations,
  participantCoaches,
  participantJobProfiles,
  participants,
  ratings,
  referrers,
  sites,
  skillLevels,
  skillLevelsCurrent,
  skills,
  stakeholders,
  teamSupervisors,
  teams,
  user,
} from '../../server/db/schema';
import { asPlatform, withTenant } from '../../server/db/tenant';
import { stableId } from './random';
import { type BulkRows, bulkTables, type Dataset } from './records';

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
    { table: competencyFrameworks, rows: dataset.competencyFrameworks },
    { table: competencyFrameworkVersions, rows: dataset.competencyFrameworkVersions },
    { table: competencies, rows: dataset.competencies },
    { table: jobProfiles, rows: dataset.jobProfiles },
    { table: jobProfileExpectations, rows: dataset.jobProfileExpectations },
    { table: participantJobProfiles, rows: dataset.participantJobProfiles },
    { table: feedbackRules, rows: dataset.feedbackRules },
    { table: skills, rows: dataset.skills },
    { table: developmentPlanSettings, rows: dataset.developmentPlanSettings },
  ];
}

/** The history tables, in the order their foreign keys need (invitations before the mentors' observations, …). */
const bulkTargets: Record<keyof BulkRows, PgTable> = {
  mentorInvitations,
  observations,
  ratings,
  latestRatings,
  feedbackConversations,
  skillLevels,
  skillLevelsCurrent,
  // The POP: versions before the presentations that name them.
  developmentPlanVersions,
  developmentPlanActionProgress,
  developmentPlanGoalNotes,
  developmentPlanProposals,
  developmentPlanPresentations,
};

/** An element of a PostgreSQL array literal: quoted, with backslashes and quotes escaped. */
const element = (text: string | null) =>
  text === null ? 'NULL' : /[\\"]/.test(text) ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`;

/** How a generated value travels as text for a column: the insert casts it back to the column's own type. */
function textFor(column: PgColumn): (value: unknown) => string | null {
  const isArray = column.getSQLType().endsWith('[]');
  return (value) => {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value.toISOString();
    if (isArray && Array.isArray(value))
      return `{${value.map((v) => element(v === null ? null : String(v))).join(',')}}`;
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
}

/**
 * Bulk insert with one array parameter per column (insert … select from unnest): a statement costs the same
 * few parameters whatever the number of rows, which keeps both the SQL builder and PostgreSQL's parser out of the
 * way (row-by-row VALUES through the ORM took most of the load time at umbrella scale). Each column travels as one
 * array literal built here in a single pass (10 million ratings make every allocation per value count).
 * Rows that leave a column out get its default: they are inserted in a group of their own.
 */
async function insertBatched(tx: Tx, table: PgTable, rows: readonly object[]): Promise<number> {
  const columns = getTableColumns(table);
  const names = Object.keys(columns);
  // Rows grouped by which columns they set, as a bit mask (no key string per row).
  const groups = new Map<number, object[]>();
  for (const row of rows) {
    let mask = 0;
    for (let n = 0; n < names.length; n++) {
      if ((row as Record<string, unknown>)[names[n] as string] !== undefined) mask |= 1 << n;
    }
    const group = groups.get(mask);
    if (group) group.push(row);
    else groups.set(mask, [row]);
  }
  for (const [mask, group] of groups) {
    const keys = names.filter((_, n) => mask & (1 << n));
    const cols = keys.map((k) => columns[k] as PgColumn);
    const texts = cols.map(textFor);
    for (let i = 0; i < group.length; i += BATCH_ROWS) {
      const batch = group.slice(i, i + BATCH_ROWS) as Record<string, unknown>[];
      const arrays = keys.map((k, n) => {
        const text = texts[n] as (value: unknown) => string | null;
        let literal = '{';
        for (let r = 0; r < batch.length; r++) {
          if (r) literal += ',';
          literal += element(text((batch[r] as Record<string, unknown>)[k]));
        }
        return sql.param(`${literal}}`);
      });
      const columnNames = sql.raw(cols.map((c) => `"${c.name}"`).join(', '));
      const casts = sql.raw(cols.map((c, n) => `c${n}::${c.getSQLType()}`).join(', '));
      const aliases = sql.raw(cols.map((_, n) => `c${n}`).join(', '));
      const unnest = sql.join(
        arrays.map((a) => sql`${a}::text[]`),
        sql`, `,
      );
      await tx.execute(
        sql`insert into ${table} (${columnNames}) select ${casts} from unnest(${unnest}) as u(${aliases})`,
      );
    }
  }
  return rows.length;
}

/** Rows per statement: large enough that the round trip hardly counts, small enough for PGlite's memory. */
const BATCH_ROWS = 5000;

function byOrganisation<T extends { organisationId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.organisationId);
    if (group) group.push(row);
    else groups.set(row.organisationId, [row]);
  }
  return groups;
}

/**
 * Runs the load with the history tables' foreign keys set aside, and adds them back afterwards, as pg_restore
 * does: checked row by row they cost more than half of every rating's insert, while adding a foreign key checks
 * all rows in one join. The definitions are read from the database and restored exactly, also after a failure
 * (each organisation's transaction is whole or absent, so what was committed is consistent); a generated row that
 * breaks one fails the load there. Only the tables' owner, who loads, may do this; nothing else uses the database
 * while it is loaded (the seed command, the demo and the benchmark start the server afterwards).
 */
async function withHistoryKeysAfterwards<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const tables = Object.values(bulkTargets).map((t) => getTableName(t));
  const keys = (
    (await db.execute(sql`
      select c.conrelid::regclass::text as "table", c.conname as name, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c
      where c.contype = 'f' and c.conrelid::regclass::text = any(${sql.param(tables)}::text[])
      order by c.conname`)) as unknown as { rows: { table: string; name: string; definition: string }[] }
  ).rows;
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const k of keys) await db.execute(sql.raw(`alter table ${ident(k.table)} drop constraint ${ident(k.name)}`));
  // Every key comes back; one the rows break comes back NOT VALID (enforced for new rows) and fails the load.
  const restore = async () => {
    const broken: string[] = [];
    for (const k of keys) {
      const add = `alter table ${ident(k.table)} add constraint ${ident(k.name)} ${k.definition}`;
      try {
        await db.execute(sql.raw(add));
      } catch {
        await db.execute(sql.raw(`${add} not valid`));
        broken.push(k.name);
      }
    }
    if (broken.length) throw new Error(`Generated rows break foreign keys: ${broken.join(', ')}.`);
  };
  let result: T;
  try {
    result = await work();
  } catch (err) {
    // The load's own error is the one to report, whatever restoring the keys says.
    await restore().catch(() => undefined);
    throw err;
  }
  await restore();
  return result;
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
  /** The history rows of an organisation, a batch at a time (Generated.bulk); loaded after the data set's rows. */
  bulk?: (organisationId: string) => Iterable<BulkRows>;
  /** Told after each organisation, for a progress line. */
  onOrganisation?: (done: number, total: number) => void;
}

/** Rows written per table. */
export type LoadCounts = Record<string, number>;

/**
 * Loads a generated data set into an empty, migrated database. The organisations (and the setup row, so the
 * setup wizard stays closed) are written as the owner; everything else per organisation inside withTenant, as the
 * app's own role, so row-level security checks every generated row the way it checks the app's writes.
 * One transaction per organisation: a failure leaves no half-loaded organisation behind.
 */
export async function loadDataset(db: Db, dataset: Dataset, options: LoadOptions): Promise<LoadCounts> {
  if (!(await isEmpty(db))) throw new DatabaseNotEmptyError('The database already holds organisations.');
  const counts: LoadCounts = {};
  const add = (name: string, n: number) => {
    counts[name] = (counts[name] ?? 0) + n;
  };
  const first = dataset.organisations[0];
  if (!first) return counts;
  await asPlatform(db, async (tx) => {
    await insertBatched(tx, organisations, dataset.organisations);
    await tx.insert(instanceSetup).values({ id: 1, firstOrganisationId: first.id, completedAt: first.createdAt });
  });
  const tables = tenantTables(dataset, options.passwordHash).map((t) => ({
    table: t.table,
    groups: byOrganisation(t.rows),
  }));
  const queue = [...dataset.organisations];
  let done = 0;
  const worker = async () => {
    for (let org = queue.shift(); org; org = queue.shift()) {
      await loadOrganisation(org.id);
      options.onOrganisation?.(++done, dataset.organisations.length);
    }
  };
  const loadOrganisation = (organisationId: string) =>
    withTenant(db, organisationId, async (tx) => {
      for (const { table, groups } of tables) {
        add(getTableName(table), await insertBatched(tx, table, groups.get(organisationId) ?? []));
      }
      // One batch of participants at a time: generated, written in foreign-key order, then let go.
      for (const batch of options.bulk?.(organisationId) ?? []) {
        for (const name of bulkTables) {
          const table = bulkTargets[name];
          add(getTableName(table), await insertBatched(tx, table, batch[name]));
        }
      }
      await tx.insert(auditLog).values({
        organisationId,
        actorName: 'Groeipad data generator',
        action: 'seed.loaded',
        targetType: 'organisation',
        targetId: organisationId,
        details: options.origin,
      });
    });
  add('organisations', dataset.organisations.length);
  const workers = () => Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  if (options.bulk) await withHistoryKeysAfterwards(db, workers);
  else await workers();
  // What autovacuum does on a live PostgreSQL: planner statistics for the new rows (PGlite has no autovacuum, and
  // without statistics it plans every caseload query for empty tables), and the visibility map and hint bits of
  // millions of new rows, so the first reads after a load do not pay for them (the benchmark measures a settled
  // database). About 15 seconds at umbrella scale.
  await db.execute(sql`vacuum analyze`);
  return counts;
}
