import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PreparingClient, statementName, UNPREPARED } from './prepared-client';

describe('statement names', () => {
  it('gives the same text the same name, another text another, and none to an unprepared one', () => {
    const text = 'select $1::int + 1 as n';
    expect(statementName(text)).toMatch(/^g_[\w-]{27}$/);
    expect(statementName(text)).toBe(statementName(text));
    expect(statementName('select $1::int + 2 as n')).not.toBe(statementName(text));
    expect(statementName(`${UNPREPARED} select $1::int as n`)).toBeUndefined();
  });
});

// The client itself needs a PostgreSQL server: the suite's second run (TEST_DATABASE_URL) has one.
describe.skipIf(!process.env.TEST_DATABASE_URL)('the preparing client on PostgreSQL', () => {
  it('runs parameterised statements and single reads as named prepared statements, and leaves the rest alone', async () => {
    const client = new PreparingClient({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      const text = 'select $1::int * 2 as doubled';
      for (const n of [1, 2, 3]) {
        const res = await client.query({ text, values: [n] });
        expect(res.rows).toEqual([{ doubled: n * 2 }]);
      }
      await client.query({ text: `${UNPREPARED} select $1::int as once`, values: [1] });
      // A read without parameters as drizzle sends it (a config object): named, so its plan is kept too.
      const read = "select count(*)::int as n from pg_class where relkind = 'r'";
      await client.query({ text: read });
      // Not named: a string (not drizzle's way), two statements, and what is not a read.
      await client.query('select 1 as plain');
      await client.query({ text: 'select 1 as one; select 2 as two' });
      await client.query({ text: "set local work_mem = '8MB'" });
      const { rows } = await client.query<{ name: string; statement: string }>(
        'select name, statement from pg_prepared_statements order by name',
      );
      expect(rows).toEqual(
        [
          { name: statementName(text), statement: text },
          { name: statementName(read), statement: read },
        ].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
      );
    } finally {
      await client.end();
    }
  });

  it('works as a pool client, each connection preparing the statement for itself', async () => {
    const pool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 3, Client: PreparingClient });
    try {
      const text = 'select $1::text as echoed';
      const answers = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((v) => pool.query({ text, values: [v] })));
      expect(answers.map((a) => a.rows[0]?.echoed)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    } finally {
      await pool.end();
    }
  });

  it('sends a begin together with the statement after it: one round trip less, the same transaction', async () => {
    const client = new PreparingClient({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    let roundTrips = 0;
    (client as unknown as { connection: NodeJS.EventEmitter }).connection.on('readyForQuery', () => roundTrips++);
    try {
      await client.query('create temporary table kept (n int)');
      roundTrips = 0;
      // The tenant transaction's shape: begin, set_config without parameters, work, commit.
      await client.query({ text: 'begin' });
      await client.query({ text: "select set_config('app.org_id', 'x', true) as v" });
      const seen = await client.query({ text: "select current_setting('app.org_id') as v, $1::int as n", values: [1] });
      expect(seen.rows).toEqual([{ v: 'x', n: 1 }]);
      await client.query({ text: 'commit' });
      expect(roundTrips).toBe(3);
      expect((await client.query("select current_setting('app.org_id', true) as v")).rows).toEqual([{ v: '' }]);

      // A parameterised statement right after begin: begin goes first, and a rollback still undoes it.
      await client.query({ text: 'begin' });
      await client.query({ text: 'insert into kept values ($1)', values: [7] });
      await client.query({ text: 'rollback' });
      // Begin then rollback with nothing between: both in one message.
      await client.query({ text: 'begin' });
      await client.query({ text: 'rollback' });
      expect((await client.query('select count(*)::int as c from kept')).rows).toEqual([{ c: 0 }]);
    } finally {
      await client.end();
    }
  });

  it('sends an audit row with the commit, drops it on rollback, and sends it first before anything else', async () => {
    const client = new PreparingClient({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    let roundTrips = 0;
    (client as unknown as { connection: NodeJS.EventEmitter }).connection.on('readyForQuery', () => roundTrips++);
    // The shape of recordAudit's insert, on a table of that name.
    const insert = (values: unknown[]) =>
      client.query({
        text: 'insert into "audit_log" ("id", "organisation_id", "at", "action", "details", "ip") values (default, $1, default, $2, $3, $4)',
        values,
      });
    const rows = async () =>
      (await client.query('select organisation_id, action, details, ip from audit_log order by id')).rows;
    try {
      await client.query(
        'create temporary table audit_log (id serial, organisation_id text not null, at timestamptz default now(), action text, details jsonb, ip text)',
      );
      // Quotes, backslashes, a dollar sign and a placeholder-like text stay exactly what they were.
      const nasty = `O'Brien \\ "x" $1 $$ é ${'\u{1F600}'}`;
      const details = JSON.stringify({ q: nasty, n: 3 });
      roundTrips = 0;
      await client.query({ text: 'begin' });
      await client.query({ text: "select set_config('app.org_id', 'x', true)" });
      expect(await insert(['org-1', nasty, details, null])).toMatchObject({ rowCount: 1 });
      await client.query({ text: 'commit' });
      expect(roundTrips).toBe(2);
      expect(await rows()).toEqual([
        { organisation_id: 'org-1', action: nasty, details: { q: nasty, n: 3 }, ip: null },
      ]);

      // Rolled back: never written.
      await client.query({ text: 'begin' });
      await client.query({ text: "select set_config('app.org_id', 'x', true)" });
      await insert(['org-2', 'gone', null, '10.0.0.1']);
      await client.query({ text: 'rollback' });
      expect(await rows()).toHaveLength(1);

      // A statement after the row sees it: the row goes first.
      await client.query({ text: 'begin' });
      await client.query({ text: "select set_config('app.org_id', 'x', true)" });
      await insert(['org-3', 'seen', null, null]);
      const seen = await client.query({
        text: 'select count(*)::int as n from audit_log where action = $1',
        values: ['seen'],
      });
      expect(seen.rows).toEqual([{ n: 1 }]);
      await client.query({ text: 'commit' });
      // Sent first, it went as it came: a prepared statement.
      const prepared = await client.query(
        'select count(*)::int as n from pg_prepared_statements where statement like $1',
        ['insert into "audit_log"%'],
      );
      expect(prepared.rows).toEqual([{ n: 1 }]);

      // A row that cannot be written fails the commit, and the transaction is undone.
      await client.query({ text: 'begin' });
      await client.query({ text: "select set_config('app.org_id', 'x', true)" });
      await client.query({
        text: 'insert into "audit_log" ("organisation_id", "action") values ($1, $2)',
        values: ['org-4', 'kept?'],
      });
      await insert([null, 'refused', null, null]);
      await expect(client.query({ text: 'commit' })).rejects.toThrow(/null value/);
      await client.query({ text: 'rollback' });
      expect((await rows()).map((r) => r.action)).toEqual([nasty, 'seen']);

      // Outside a transaction an insert is written at once.
      await insert(['org-5', 'autocommit', null, null]);
      expect((await rows()).map((r) => r.action)).toEqual([nasty, 'seen', 'autocommit']);
    } finally {
      await client.end();
    }
  });

  it('keeps the tenant transaction whole through drizzle: the setting holds inside and is gone after', async () => {
    const { openDatabase } = await import('./client');
    const { withTenant } = await import('./tenant');
    const { sql } = await import('drizzle-orm');
    const database = await openDatabase({
      kind: 'postgres',
      url: process.env.TEST_DATABASE_URL as string,
      poolSize: 1,
    });
    try {
      const org = '5b0c4f3e-9d7a-4a49-8c55-2a4b9f1e6d10';
      const inside = await withTenant(database.db, org, (tx) =>
        tx.execute(sql`select current_setting('app.org_id') as org, current_user as role, ${5}::int as n`),
      );
      expect((inside as unknown as { rows: unknown[] }).rows).toEqual([{ org, role: 'groeipad_app', n: 5 }]);
      await expect(withTenant(database.db, "x'; drop table y; --", async () => 1)).rejects.toThrow(/uuid/);
      // Generic plans for one transaction only.
      const mode = sql`select current_setting('plan_cache_mode') as mode`;
      const generic = await withTenant(database.db, org, (tx) => tx.execute(mode), { genericPlans: true });
      expect((generic as unknown as { rows: unknown[] }).rows).toEqual([{ mode: 'force_generic_plan' }]);
      const after = await withTenant(database.db, org, (tx) => tx.execute(mode));
      expect((after as unknown as { rows: unknown[] }).rows).toEqual([{ mode: 'auto' }]);
    } finally {
      await database.close();
    }
  });
});
