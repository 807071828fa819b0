import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { openEmbedded, pgliteOptions } from './embedded';
import { PreparingClient } from './prepared-client';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Code that works inside or outside a transaction takes this. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The connection string, for PostgreSQL. */
  url?: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 20, Client: PreparingClient });
    // An idle client that errors (server restart) must not crash the process.
    pool.on('error', () => {});
    return {
      db: drizzleNodePg(pool, { schema }) as unknown as Db,
      kind: 'postgres',
      url: target.url,
      close: () => pool.end(),
    };
  }
  if (target.kind === 'pglite-memory') {
    const client = new PGlite(pgliteOptions);
    await client.waitReady;
    return { db: drizzlePglite(client, { schema }) as unknown as Db, kind: 'pglite', close: () => client.close() };
  }
  const { client, close } = await openEmbedded(target.dataDir);
  return { db: drizzlePglite(client, { schema }) as unknown as Db, kind: 'pglite', close };
}

/**
 * A PostgreSQL array literal to pass as one parameter (`= any(${arrayParam(ids)}::uuid[])`): every element quoted,
 * so any text is safe in it, and the statement's text stays the same however many elements there are (one prepared
 * statement instead of one per length).
 */
export const arrayParam = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/** Raw SQL rows; both drivers answer with { rows }. */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
