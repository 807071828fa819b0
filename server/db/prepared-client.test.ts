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
  it('runs parameterised statements as named prepared statements, and leaves the rest alone', async () => {
    const client = new PreparingClient({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      const text = 'select $1::int * 2 as doubled';
      for (const n of [1, 2, 3]) {
        const res = await client.query({ text, values: [n] });
        expect(res.rows).toEqual([{ doubled: n * 2 }]);
      }
      await client.query({ text: `${UNPREPARED} select $1::int as once`, values: [1] });
      await client.query('select 1 as plain');
      const { rows } = await client.query<{ name: string; statement: string }>(
        'select name, statement from pg_prepared_statements order by name',
      );
      expect(rows).toEqual([{ name: statementName(text), statement: text }]);
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
});
