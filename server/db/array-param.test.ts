import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { arrayParam, queryRows } from './client';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('an array as one parameter', () => {
  it('reaches PostgreSQL as exactly the strings it was given: quotes, backslashes, commas, braces, spaces', async () => {
    // No NUL: PostgreSQL text cannot hold it.
    const text = fc.string({
      unit: fc.constantFrom('a', 'é', '"', '\\', ',', '{', '}', ' ', 'NULL', "'"),
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(text, { maxLength: 5 }), async (values) => {
        const [row] = await queryRows<{ a: string[] }>(database.db, sql`select ${arrayParam(values)}::text[] as a`);
        expect(row?.a).toEqual(values);
      }),
      { numRuns: 60 },
    );
  });
});
