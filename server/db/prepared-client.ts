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

export class PreparingClient extends pg.Client {}

const baseQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
// pg's query() has many overloads; this only adds a name to a config object that carries values.
PreparingClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [config, values] = args;
  if (config && typeof config === 'object' && !('submit' in config)) {
    const c = config as QueryConfig;
    const hasValues = Array.isArray(values) ? values.length > 0 : Array.isArray(c.values) && c.values.length > 0;
    if (typeof c.text === 'string' && c.name === undefined && hasValues) {
      const name = statementName(c.text);
      if (name) args[0] = { ...c, name };
    }
  }
  return baseQuery.apply(this, args);
} as typeof pg.Client.prototype.query;
