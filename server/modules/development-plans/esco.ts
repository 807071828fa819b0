import { CsvError, type InfoRecord, parse } from 'csv-parse/sync';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { escoImportResult, escoOccupation, escoSearchQuery, escoSearchResult } from '#shared/development-plans';
import { type Db, queryRows } from '../../db/client';
import { escoOccupations } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../lib/errors';
import { type RequestContext, recordAudit } from '../audit/record';
import { decodeUtf8, detectSeparator, normaliseHeader } from '../participants/import/csv-read';

/**
 * ESCO occupations: the official ESCO download (occupations_<lang>.csv: conceptUri, preferredLabel, altLabels with
 * one label per line, iscoGroup, description, …) imported per organisation, so a job target can be linked to an
 * occupation found by search. An import replaces the organisation's occupations as a whole, in one transaction.
 */

/** The ESCO v1.2 classification has about 3,000 occupations; a file far beyond that is not an occupations file. */
export const ESCO_MAX_ROWS = 20_000;
const INSERT_BATCH = 500;

type EscoColumn = 'uri' | 'label' | 'altLabels' | 'iscoGroup' | 'description';
const headers: Record<EscoColumn, string> = {
  uri: 'conceptUri',
  label: 'preferredLabel',
  altLabels: 'altLabels',
  iscoGroup: 'iscoGroup',
  description: 'description',
};
const required: EscoColumn[] = ['uri', 'label'];

type Row = typeof escoOccupations.$inferInsert;

const cell = (record: string[], index: number | undefined) => {
  const value = index === undefined ? '' : (record[index] ?? '').trim();
  return value;
};

/** Reads the whole file or refuses it with the file-level codes of the participant import. */
export function readEscoCsv(bytes: Uint8Array, organisationId: string): Row[] {
  const text = decodeUtf8(bytes);
  const separator = detectSeparator(text.slice(0, text.search(/\r?\n|$/)));
  let index: Partial<Record<EscoColumn, number>> | null = null;
  const byUri = new Map<string, Row>();
  let lastLine = 0;
  let rows = 0;
  try {
    parse(text, {
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], info: InfoRecord) => {
        lastLine = info.lines;
        if (!index) {
          const found: Partial<Record<EscoColumn, number>> = {};
          record.forEach((header, i) => {
            const key = normaliseHeader(header);
            for (const [column, name] of Object.entries(headers) as [EscoColumn, string][]) {
              if (normaliseHeader(name) === key && found[column] === undefined) found[column] = i;
            }
          });
          const missing = required.filter((c) => found[c] === undefined);
          if (missing.length) {
            throw new AppError(
              'missing_columns',
              `These columns are missing: ${missing.map((c) => headers[c]).join(', ')}`,
              {
                columns: missing.map((c) => headers[c]).join(','),
              },
            );
          }
          index = found;
          return null;
        }
        if (record.every((v) => !v.trim())) return null;
        rows += 1;
        if (rows > ESCO_MAX_ROWS) {
          throw new AppError('too_many_rows', `A file can hold at most ${ESCO_MAX_ROWS} rows`, {
            max: String(ESCO_MAX_ROWS),
          });
        }
        const uri = cell(record, index.uri);
        const label = cell(record, index.label);
        if (!/^https?:\/\/\S+$/.test(uri) || !label) {
          throw new AppError('invalid_csv', `Line ${info.lines} has no conceptUri or preferredLabel`, {
            line: String(info.lines),
          });
        }
        const altLabels = cell(record, index.altLabels)
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
          .join('\n');
        byUri.set(uri, {
          organisationId,
          uri,
          label,
          altLabels,
          iscoGroup: cell(record, index.iscoGroup) || null,
          description: cell(record, index.description) || null,
        });
        return null;
      },
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof CsvError) {
      const found = err.code === 'CSV_QUOTE_NOT_CLOSED' ? lastLine + 1 : (err as CsvError & { lines?: number }).lines;
      const line = found ?? 1;
      throw new AppError('invalid_csv', `The file cannot be read from line ${line}: check the quotes (")`, {
        line: String(line),
      });
    }
    throw err;
  }
  if (!index) {
    throw new AppError('empty_file', 'The file is empty. It needs columns: conceptUri, preferredLabel', {
      columns: 'conceptUri,preferredLabel',
    });
  }
  if (!byUri.size) {
    throw new AppError('empty_file', 'The file has a header but no occupations', {
      columns: 'conceptUri,preferredLabel',
    });
  }
  return [...byUri.values()];
}

/** POST /esco/occupations/import: the organisation's occupations replaced by the file's. Audited (counts only). */
export function importEscoOccupations(
  db: Db,
  ctx: RequestContext,
  bytes: Uint8Array,
): Promise<z.infer<typeof escoImportResult>> {
  const rows = readEscoCsv(bytes, ctx.actor.organisationId);
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const removed = await tx
      .delete(escoOccupations)
      .where(eq(escoOccupations.organisationId, ctx.actor.organisationId))
      .returning({ uri: escoOccupations.uri });
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await tx.insert(escoOccupations).values(rows.slice(i, i + INSERT_BATCH));
    }
    const result = { imported: rows.length, replaced: removed.length };
    await recordAudit(tx, ctx, {
      action: 'esco.import',
      targetType: 'organisation',
      targetId: ctx.actor.organisationId,
      details: result,
    });
    return result;
  });
}

// ---------- search ----------

const accented = 'áàâäãåāéèêëēėęíìîïīįóòôöõøōúùûüūçñ';
const plain = 'aaaaaaaeeeeeeeiiiiiioooooooouuuuucn';

/** Lower case without accents, the same in SQL and in TS: "Kok" and "kók" are one search. */
const foldSql = (value: SQL) => sql`translate(lower(${value}), ${accented}, ${plain})`;
export const fold = (value: string) =>
  [...value.toLowerCase()].map((c) => (accented.includes(c) ? plain[accented.indexOf(c)] : c)).join('');

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface SearchRow {
  uri: string;
  label: string;
  altLabels: string;
  iscoGroup: string | null;
  description: string | null;
  total: number | string;
}

/**
 * GET /esco/occupations?q=: preferred and alternative labels, case- and accent-insensitive. Ranked: a preferred
 * label that starts with the words, then an alternative label that does, then any label that contains them;
 * shorter labels first within a rank.
 */
export function searchEscoOccupations(
  db: Db,
  ctx: RequestContext,
  query: z.infer<typeof escoSearchQuery>,
): Promise<z.infer<typeof escoSearchResult>> {
  const q = escapeLike(fold(query.q));
  const label = foldSql(sql`label`);
  // A newline before every alternative label: "starts with" is then "contains a newline followed by".
  const alt = sql`(${sql.raw("E'\\n'")} || ${foldSql(sql`alt_labels`)})`;
  const starts = `${q}%`;
  const altStarts = `%\n${q}%`;
  const contains = `%${q}%`;
  return withTenant(db, ctx.actor.organisationId, async (tx) => {
    const rows = await queryRows<SearchRow>(
      tx,
      sql`select uri, label, alt_labels as "altLabels", isco_group as "iscoGroup", description,
          count(*) over () as total
        from (
          select *, case
              when ${label} like ${starts} then 0
              when ${alt} like ${altStarts} then 1
              when ${label} like ${contains} then 2
              else 3 end as rank
          from ${escoOccupations}
          where ${label} like ${contains} or ${alt} like ${contains}
        ) o
        order by rank, length(label), label, uri
        limit ${query.limit}`,
    );
    const items: z.infer<typeof escoOccupation>[] = rows.map(({ total: _total, altLabels, ...r }) => ({
      ...r,
      altLabels: altLabels ? altLabels.split('\n') : [],
    }));
    return { items, total: Number(rows[0]?.total ?? 0) };
  });
}
