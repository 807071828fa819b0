import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A pg client that runs every parameterised statement as a named prepared statement, as postgres.js does by
 * default: PostgreSQL parses it once per connection and, after a few runs, keeps its plan. Planning cost more than
 * executing for most of our reads (the competency profile: 1.6 ms planning for 1.0 ms running, at umbrella scale).
 * The name is a hash of the text, so the same text is the same statement on every connection. A process names at
 * most MAX_NAMED distinct texts (each one a plan in every pooled connection); later texts run unnamed, as before.
 */
const MAX_NAMED = 1000;
const names = new Map<string, string>();

/**
 * Starts a statement whose best plan depends on its values (long arrays of ids, say), which PostgreSQL's cached
 * generic plan would get wrong: it stays unnamed and is planned for its values each time.
 */
export const UNPREPARED = '/* planned per run */';

export function statementName(text: string): string | undefined {
  if (text.startsWith(UNPREPARED)) return undefined;
  const known = names.get(text);
  if (known || names.size >= MAX_NAMED) return known;
  const name = `g_${createHash('sha1').update(text).digest('base64url')}`;
  names.set(text, name);
  return name;
}

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown };

/**
 * A read without parameters is named too: the competency evolution's framework query has none, and was planned
 * on every run (1.1 ms of planning for 1.0 ms of running at umbrella scale). One statement only (a prepared
 * statement cannot hold two) and a read (begin, commit and DDL stay as they are).
 */
const SINGLE_READ = /^\s*(?:select|with)\b[^;]*$/i;

export class PreparingClient extends pg.Client {
  /** A `begin` not sent yet: it travels with the next statement (see below). */
  pendingBegin = false;
}

const baseQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
type QueryResult = pg.QueryResult | pg.QueryResult[];
const lastResult = (r: QueryResult) => (Array.isArray(r) ? (r[r.length - 1] as pg.QueryResult) : r);

/**
 * Two things, both for statements sent as a config object (drizzle's way):
 * - a parameterised statement, or a single read, gets its name (above);
 * - a transaction's `begin` waits for the next statement and, when that one has no parameters (the tenant
 *   transaction's set_config, a commit), goes in the same message: one round trip less per transaction. On this
 *   project's machines a round trip to PostgreSQL costs more CPU than most of our statements (waking the other
 *   process), and every request runs one transaction. A parameterised next statement gets the `begin` sent
 *   before it, as without this.
 */
PreparingClient.prototype.query = function (this: PreparingClient, ...args: unknown[]) {
  const [config, values] = args;
  const promiseStyle = args.every((a) => typeof a !== 'function');
  if (!config || typeof config !== 'object' || 'submit' in config || !promiseStyle) {
    return baseQuery.apply(this, args);
  }
  const c = config as QueryConfig;
  const hasValues = Array.isArray(values) ? values.length > 0 : Array.isArray(c.values) && c.values.length > 0;
  if (c.text === 'begin' && !hasValues && !this.pendingBegin) {
    this.pendingBegin = true;
    return Promise.resolve({ command: 'BEGIN', rowCount: null, rows: [], fields: [] });
  }
  if (this.pendingBegin) {
    this.pendingBegin = false;
    if (typeof c.text === 'string' && !hasValues) {
      const merged = { ...c, text: `begin; ${c.text}` };
      return (baseQuery.apply(this, [merged, ...args.slice(1)]) as Promise<QueryResult>).then(lastResult);
    }
    return (baseQuery.apply(this, [{ text: 'begin' }]) as Promise<unknown>).then(() =>
      this.query(...(args as [never])),
    );
  }
  if (typeof c.text === 'string' && c.name === undefined && (hasValues || SINGLE_READ.test(c.text))) {
    const name = statementName(c.text);
    if (name) args[0] = { ...c, name };
  }
  return baseQuery.apply(this, args);
} as typeof pg.Client.prototype.query;
