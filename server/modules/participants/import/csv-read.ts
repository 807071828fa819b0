import { CsvError, type InfoRecord, parse } from 'csv-parse/sync';
import { IMPORT_MAX_ROWS, type ImportColumn, importColumns, requiredImportColumns } from '#shared/participant-import';
import { AppError } from '../../../lib/errors';

export type Separator = ';' | ',';

export interface CsvRow {
  /** The row number a spreadsheet shows for it (the header is row 1). */
  row: number;
  /** Trimmed cell per recognised column; empty cells are left out. */
  values: Partial<Record<ImportColumn, string>>;
}

export interface CsvFile {
  separator: Separator;
  columns: { header: string; column: ImportColumn | null }[];
  rows: CsvRow[];
}

/** "Geboorte-datum ", "GEBOORTEDATUM" and "geboortedatum" are one header; so are "E-mail" and "email". */
export const normaliseHeader = (header: string) =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const columnByHeader = new Map<string, ImportColumn>(
  (Object.entries(importColumns) as [ImportColumn, readonly string[]][]).flatMap(([column, names]) =>
    names.map((name) => [normaliseHeader(name), column] as const),
  ),
);

/** Strict UTF-8: a file saved as ANSI/Windows-1252 would otherwise turn every é into garbage, silently. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    // The decoder drops a leading byte-order mark (Excel's "CSV UTF-8" writes one).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('not_utf8', 'The file is not UTF-8 text. Save it as "CSV UTF-8" and try again');
  }
}

/** The separator used most in the header line, outside quotes: ';' by Belgian Excel, ',' by most other tools. */
export function detectSeparator(headerLine: string): Separator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

class TooManyRows extends Error {}

const missingColumns = (columns: readonly ImportColumn[], code: 'missing_columns' | 'empty_file', message: string) =>
  new AppError(code, `${message}: ${columns.map((c) => importColumns[c][0]).join(', ')}`, {
    columns: columns.join(','),
  });

/**
 * Reads the whole file or refuses it with one file-level error (nothing is looked at row by row then):
 * not UTF-8, broken quoting (with the line), no header, missing required columns, no data rows, too many rows.
 */
export function readCsv(bytes: Uint8Array): CsvFile {
  let text = decodeUtf8(bytes);
  // Excel's "sep=;" hint line: it names the separator and is not shown as a row.
  const hint = /^sep=([;,])\r?\n/i.exec(text);
  if (hint) text = text.slice(hint[0].length);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = (hint?.[1] as Separator | undefined) ?? detectSeparator(firstLine);

  let header: string[] | undefined;
  const records: { record: string[]; row: number }[] = [];
  let lastLine = 0;
  try {
    parse(text, {
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], info: InfoRecord) => {
        lastLine = info.lines;
        if (!header) {
          header = record;
          return null;
        }
        // Exports often end in rows of separators only: those are not rows to import.
        if (record.every((v) => !v.trim())) return null;
        // Counted while parsing, so a file of 100,000 rows is refused at row 10,001 and not read to the end.
        if (records.length >= IMPORT_MAX_ROWS) throw new TooManyRows();
        // Blank lines are rows in a spreadsheet too; a quoted line break is not a new row.
        records.push({ record, row: info.records + info.empty_lines });
        return null;
      },
    });
  } catch (err) {
    if (err instanceof TooManyRows) {
      throw new AppError('too_many_rows', `A file can hold at most ${IMPORT_MAX_ROWS} rows. Split it into parts`, {
        max: String(IMPORT_MAX_ROWS),
      });
    }
    if (err instanceof CsvError) {
      // An unclosed quote is only noticed at the end of the file: point at the record where it opened instead.
      const found = err.code === 'CSV_QUOTE_NOT_CLOSED' ? lastLine + 1 : (err as CsvError & { lines?: number }).lines;
      const line = (found ?? 1) + (hint ? 1 : 0);
      throw new AppError('invalid_csv', `The file cannot be read from line ${line}: check the quotes (")`, {
        line: String(line),
      });
    }
    throw err;
  }

  if (!header) throw missingColumns(requiredImportColumns, 'empty_file', 'The file is empty. It needs columns');
  const columns = header.map((raw) => {
    const headerText = raw.trim();
    return { header: headerText, column: columnByHeader.get(normaliseHeader(headerText)) ?? null };
  });
  // When two headers mean the same column, the first one counts and the other is ignored (shown in the preview).
  const seen = new Set<ImportColumn>();
  for (const c of columns) {
    if (c.column && seen.has(c.column)) c.column = null;
    else if (c.column) seen.add(c.column);
  }
  const missing = requiredImportColumns.filter((c) => !seen.has(c));
  if (missing.length) throw missingColumns(missing, 'missing_columns', 'These columns are missing');
  if (!records.length) {
    throw new AppError('empty_file', 'The file has a header but no rows to import', {
      columns: requiredImportColumns.join(','),
    });
  }

  const rows = records.map(({ record, row }): CsvRow => {
    const values: Partial<Record<ImportColumn, string>> = {};
    columns.forEach(({ column }, i) => {
      // Our export guards cells against formulas with an apostrophe ("'+32 470…"): take it off again.
      const value = record[i]?.trim().replace(/^'(?=[=+\-@])/, '');
      if (column && value) values[column] = value;
    });
    return { row, values };
  });
  return { separator, columns, rows };
}
