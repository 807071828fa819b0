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

/**
 * An audit row of one event as drizzle sends it (recordAudit): a single-row insert whose result nobody reads. Inside a
 * transaction it waits for the statement after it (see below).
 */
const AUDIT_INSERT = /^insert into "audit_log" \([^)]*\) values \([^)]*\)$/;
const MAX_HELD_VALUES = 20;

export class PreparingClient extends pg.Client {
  /** A `begin` not sent yet: it travels with the next statement (see below). */
  pendingBegin = false;
  /** Between begin and commit or rollback, as this client sent them. */
  inTransaction = false;
  /** An audit insert not sent yet: as it came, and with its values written in to travel with the commit (below). */
  heldAudit: { query: unknown[]; inlined: string } | undefined;
}

const baseQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
type QueryResult = pg.QueryResult | pg.QueryResult[];
const lastResult = (r: QueryResult) => (Array.isArray(r) ? (r[r.length - 1] as pg.QueryResult) : r);

/** The statement with its values written in as literals (pg's escapeLiteral, as libpq's PQescapeLiteral). */
function inlined(client: pg.Client, text: string, values: readonly unknown[]): string | undefined {
  const literal = (v: unknown): string | undefined => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return client.escapeLiteral(v);
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'boolean') return String(v);
    return undefined;
  };
  const parts = values.map(literal);
  if (parts.some((p) => p === undefined)) return undefined;
  return text.replace(/\$(\d+)/g, (_, n: string) => parts[Number(n) - 1] ?? `$${n}`);
}

/**
 * Three things, all for statements sent as a config object (drizzle's way):
 * - a parameterised statement, or a single read, gets its name (above);
 * - a transaction's `begin` waits for the next statement and, when that one has no parameters (the tenant
 *   transaction's set_config, a commit), goes in the same message: one round trip less per transaction. On this
 *   project's machines a round trip to PostgreSQL costs more CPU than most of our statements (waking the other
 *   process: a quarter of the server's CPU on a dossier read), and every request runs one transaction. A
 *   parameterised next statement gets the `begin` sent before it, as without this;
 * - an audit row, usually a transaction's last statement, waits for the next one: a commit takes it along in the
 *   same message (its values written in as literals, so the two are one simple query), a rollback drops it, and any
 *   other statement gets it sent first, as it came (a prepared statement). So the row is written in its transaction
 *   before anything after it runs, and a row that cannot be written fails the commit. Services audit a read after
 *   its queries, so that its row reaches the commit.
 */
PreparingClient.prototype.query = function (this: PreparingClient, ...args: unknown[]) {
  const [config, values] = args;
  const promiseStyle = args.every((a) => typeof a !== 'function');
  if (!config || typeof config !== 'object' || 'submit' in config || !promiseStyle) {
    return baseQuery.apply(this, args);
  }
  const c = config as QueryConfig;
  const given = Array.isArray(values) ? values : Array.isArray(c.values) ? c.values : [];
  const hasValues = given.length > 0;
  if (this.heldAudit !== undefined) {
    const held = this.heldAudit;
    this.heldAudit = undefined;
    if (c.text === 'rollback' && !hasValues) {
      this.inTransaction = false;
      return baseQuery.apply(this, args);
    }
    if (c.text === 'commit' && !hasValues) {
      this.inTransaction = false;
      const merged = { ...c, text: `${held.inlined}; commit` };
      return (baseQuery.apply(this, [merged, ...args.slice(1)]) as Promise<QueryResult>).then(lastResult);
    }
    return (baseQuery.apply(this, held.query) as Promise<unknown>).then(() => this.query(...(args as [never])));
  }
  if (c.text === 'begin' && !hasValues && !this.pendingBegin) {
    this.pendingBegin = true;
    this.inTransaction = true;
    return Promise.resolve({ command: 'BEGIN', rowCount: null, rows: [], fields: [] });
  }
  if ((c.text === 'commit' || c.text === 'rollback') && !hasValues) this.inTransaction = false;
  if (
    this.inTransaction &&
    !this.pendingBegin &&
    typeof c.text === 'string' &&
    hasValues &&
    given.length <= MAX_HELD_VALUES &&
    AUDIT_INSERT.test(c.text)
  ) {
    const text = inlined(this, c.text, given);
    if (text !== undefined) {
      const name = statementName(c.text);
      this.heldAudit = { query: [name ? { ...c, name } : c, ...args.slice(1)], inlined: text };
      return Promise.resolve({ command: 'INSERT', rowCount: 1, rows: [], fields: [] });
    }
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
