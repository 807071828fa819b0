import { type Column, getTableName, sql } from 'drizzle-orm';

/**
 * A column with its table's name. Drizzle leaves columns unqualified in a select without joins; inside a correlated
 * subquery "id" would then silently mean the subquery's own table (see participants/access.ts).
 */
export const qualified = (column: Column) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
