import { CsvError, parse } from 'csv-parse/sync';
import type { FrameworkExchange } from '#shared/competencies';
import {
  FRAMEWORK_IMPORT_MAX_ROWS,
  type FrameworkCsvColumn,
  frameworkCsvColumns,
  frameworkCsvRowTypes,
} from '#shared/competency-admin';
import { AppError } from '../../lib/errors';
import { decodeUtf8, detectSeparator } from '../participants/import/csv-read';
import { type SheetColumn, toCsv } from '../participants/import/export-files';
import { checkExchange, invalidFile } from './exchange-check';

/**
 * The CSV form of the exchange file; its layout is documented at frameworkCsvColumns (shared/competency-admin.ts).
 * Reading builds the same object as the JSON import, remembering which row and column each value came from, so
 * every problem the JSON checks find is reported as "row 7, level_label".
 */

type Row = Partial<Record<FrameworkCsvColumn, string>>;

const columns: SheetColumn[] = frameworkCsvColumns.map((header) => ({ header, kind: 'text', width: 20 }));

export function writeExchangeCsv(exchange: FrameworkExchange): Buffer {
  const { framework } = exchange;
  const frameworkCells: Row = { framework_name: framework.name, framework_description: framework.description ?? '' };
  const rows: Row[] = [];
  for (const c of framework.competencies) {
    framework.scale.forEach((level, i) => {
      rows.push({
        type: 'indicator',
        ...frameworkCells,
        level: String(level.value),
        level_label: level.label,
        level_meaning: level.meaning,
        level_pictogram: level.pictogram,
        competency_key: c.key,
        competency_name: c.name,
        competency_description: c.description,
        esco_uri: c.escoUri ?? '',
        esco_label: c.escoLabel ?? '',
        indicator: c.indicators[i] ?? '',
      });
    });
  }
  for (const p of exchange.jobProfiles) {
    const profileCells: Row = {
      type: 'expectation',
      ...frameworkCells,
      job_profile: p.name,
      job_profile_description: p.description ?? '',
      ladder_step: String(p.ladderStep),
      work_mode: p.workMode,
    };
    if (!p.expectations.length) rows.push(profileCells);
    for (const e of p.expectations) {
      rows.push({ ...profileCells, competency_key: e.competencyKey, expected_level: String(e.level) });
    }
  }
  return toCsv(
    columns,
    rows.map((row) => frameworkCsvColumns.map((column) => row[column] ?? '')),
  );
}

// ---------- reading ----------

const optionalColumns = new Set<FrameworkCsvColumn>([
  'framework_description',
  'esco_uri',
  'esco_label',
  'job_profile_description',
]);

interface Numbered {
  row: number;
  cells: Row;
}

/** Where a value of the assembled exchange came from: the JSON path → row and column. */
type Origins = Map<string, { row: number; column: FrameworkCsvColumn }>;

class Problems {
  readonly fields = new Map<string, string>();
  add(row: number, column: FrameworkCsvColumn | 'type', message: string) {
    const key = `row.${row}.${column}`;
    if (!this.fields.has(key)) this.fields.set(key, message);
  }
}

function readRows(bytes: Uint8Array): Numbered[] {
  let text = decodeUtf8(bytes);
  const hint = /^sep=([;,])\r?\n/i.exec(text);
  if (hint) text = text.slice(hint[0].length);
  const delimiter = hint?.[1] ?? detectSeparator(text.slice(0, text.search(/\r?\n|$/)));
  let records: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    // With info: true each record comes with where it was found (the typings do not follow the option).
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = ((err as CsvError & { lines?: number }).lines ?? 1) + (hint ? 1 : 0);
      throw new AppError('invalid_csv', `The file cannot be read from line ${line}: check the quotes (")`, {
        line: String(line),
      });
    }
    throw err;
  }
  const [header, ...body] = records;
  if (!header) {
    throw new AppError('empty_file', 'The file is empty', { columns: frameworkCsvColumns.join(',') });
  }
  const names = header.record.map((h) => h.trim().toLowerCase());
  const missing = frameworkCsvColumns.filter((c) => !optionalColumns.has(c) && !names.includes(c));
  if (missing.length) {
    throw new AppError('missing_columns', `These columns are missing: ${missing.join(', ')}`, {
      columns: missing.join(','),
    });
  }
  const data = body.filter((r) => r.record.some((v) => v.trim()));
  if (!data.length) {
    throw new AppError('empty_file', 'The file has a header but no rows', { columns: frameworkCsvColumns.join(',') });
  }
  if (data.length > FRAMEWORK_IMPORT_MAX_ROWS) {
    throw new AppError('too_many_rows', `A file can hold at most ${FRAMEWORK_IMPORT_MAX_ROWS} rows`, {
      max: String(FRAMEWORK_IMPORT_MAX_ROWS),
    });
  }
  return data.map(({ record, info }) => {
    const cells: Row = {};
    names.forEach((name, i) => {
      const column = frameworkCsvColumns.find((c) => c === name);
      // Our export guards cells against formulas with an apostrophe: take it off again.
      const value = record[i]?.trim().replace(/^'(?=[=+\-@\t\r])/, '');
      if (column && value && cells[column] === undefined) cells[column] = value;
    });
    // The row a spreadsheet shows (the header is row 1): blank lines count, a quoted line break does not.
    return { row: info.records + info.empty_lines, cells };
  });
}

/** A whole number, or the raw text so the schema check reports it (an empty cell becomes undefined: "required"). */
const numberOf = (value: string | undefined): number | string | undefined =>
  value === undefined ? undefined : /^\d{1,3}$/.test(value) ? Number(value) : value;

/**
 * The first row gives a value; later rows must repeat it (or leave the cell empty). Returns the value to use.
 */
function agree(
  problems: Problems,
  first: { row: number; value: string | undefined },
  row: Numbered,
  column: FrameworkCsvColumn,
) {
  const value = row.cells[column];
  if (value !== undefined && first.value !== undefined && value !== first.value) {
    problems.add(row.row, column, `differs_from_row_${first.row}`);
  }
}

interface CompetencyDraft {
  row: number;
  cells: Row;
  indicators: Map<number, { row: number; text: string | undefined }>;
}

interface ProfileDraft {
  row: number;
  cells: Row;
  expectations: { row: number; key: string | undefined; level: string | undefined }[];
}

function assemble(rows: Numbered[], problems: Problems): { data: unknown; origins: Origins } {
  const origins: Origins = new Map();
  const [first] = rows;
  if (!first) throw new Error('no rows');
  const levels = new Map<number, Numbered>();
  const competencies = new Map<string, CompetencyDraft>();
  const profiles = new Map<string, ProfileDraft>();

  for (const row of rows) {
    const type = row.cells.type;
    if (!frameworkCsvRowTypes.includes(type as (typeof frameworkCsvRowTypes)[number])) {
      problems.add(row.row, 'type', type ? 'unknown_type' : 'required');
      continue;
    }
    for (const column of ['framework_name', 'framework_description'] as const) {
      agree(problems, { row: first.row, value: first.cells[column] }, row, column);
    }
    const key = row.cells.competency_key;
    if (type === 'indicator') {
      const level = numberOf(row.cells.level);
      if (typeof level !== 'number' || level < 1) {
        problems.add(row.row, 'level', level === undefined ? 'required' : 'not_a_level');
        continue;
      }
      const known = levels.get(level);
      if (!known) levels.set(level, row);
      else {
        for (const column of ['level_label', 'level_meaning', 'level_pictogram'] as const) {
          agree(problems, { row: known.row, value: known.cells[column] }, row, column);
        }
      }
      if (!key) {
        problems.add(row.row, 'competency_key', 'required');
        continue;
      }
      let competency = competencies.get(key);
      if (!competency) {
        competency = { row: row.row, cells: row.cells, indicators: new Map() };
        competencies.set(key, competency);
      } else {
        for (const column of ['competency_name', 'competency_description', 'esco_uri', 'esco_label'] as const) {
          agree(problems, { row: competency.row, value: competency.cells[column] }, row, column);
        }
      }
      const earlier = competency.indicators.get(level);
      if (earlier) problems.add(row.row, 'level', `duplicate_of_row_${earlier.row}`);
      else competency.indicators.set(level, { row: row.row, text: row.cells.indicator });
    } else {
      const name = row.cells.job_profile;
      if (!name) {
        problems.add(row.row, 'job_profile', 'required');
        continue;
      }
      let profile = profiles.get(name.toLowerCase());
      if (!profile) {
        profile = { row: row.row, cells: row.cells, expectations: [] };
        profiles.set(name.toLowerCase(), profile);
      } else {
        for (const column of ['job_profile_description', 'ladder_step', 'work_mode'] as const) {
          agree(problems, { row: profile.row, value: profile.cells[column] }, row, column);
        }
      }
      if (key || row.cells.expected_level) {
        profile.expectations.push({ row: row.row, key, level: row.cells.expected_level });
      }
    }
  }

  const note = (path: string, row: number, column: FrameworkCsvColumn) => origins.set(path, { row, column });
  note('framework', first.row, 'framework_name');
  note('framework.name', first.row, 'framework_name');
  note('framework.description', first.row, 'framework_description');

  const scaleValues = [...levels.keys()].sort((a, b) => a - b);
  note('framework.scale', levels.get(scaleValues[0] ?? 1)?.row ?? first.row, 'level');
  const scale = scaleValues.map((value, i) => {
    const row = levels.get(value) as Numbered;
    note(`framework.scale.${i}`, row.row, 'level');
    note(`framework.scale.${i}.value`, row.row, 'level');
    note(`framework.scale.${i}.label`, row.row, 'level_label');
    note(`framework.scale.${i}.meaning`, row.row, 'level_meaning');
    note(`framework.scale.${i}.pictogram`, row.row, 'level_pictogram');
    return {
      value,
      label: row.cells.level_label,
      meaning: row.cells.level_meaning,
      pictogram: row.cells.level_pictogram,
    };
  });

  note('framework.competencies', first.row, 'competency_key');
  const competencyList = [...competencies.entries()].map(([key, c], i) => {
    const at = `framework.competencies.${i}`;
    note(at, c.row, 'competency_key');
    note(`${at}.key`, c.row, 'competency_key');
    note(`${at}.name`, c.row, 'competency_name');
    note(`${at}.description`, c.row, 'competency_description');
    note(`${at}.escoUri`, c.row, 'esco_uri');
    note(`${at}.escoLabel`, c.row, 'esco_label');
    note(`${at}.indicators`, c.row, 'indicator');
    const indicators = scaleValues.map((value, j) => {
      const indicator = c.indicators.get(value);
      if (!indicator) problems.add(c.row, 'indicator', `missing_for_level_${value}`);
      else note(`${at}.indicators.${j}`, indicator.row, 'indicator');
      return indicator?.text;
    });
    return {
      key,
      name: c.cells.competency_name,
      description: c.cells.competency_description,
      indicators,
      escoUri: c.cells.esco_uri ?? null,
      escoLabel: c.cells.esco_label ?? null,
    };
  });

  const jobProfiles = [...profiles.values()].map((p, i) => {
    const at = `jobProfiles.${i}`;
    note(at, p.row, 'job_profile');
    note(`${at}.name`, p.row, 'job_profile');
    note(`${at}.description`, p.row, 'job_profile_description');
    note(`${at}.ladderStep`, p.row, 'ladder_step');
    note(`${at}.workMode`, p.row, 'work_mode');
    note(`${at}.expectations`, p.row, 'competency_key');
    return {
      name: p.cells.job_profile,
      description: p.cells.job_profile_description ?? null,
      ladderStep: numberOf(p.cells.ladder_step),
      workMode: p.cells.work_mode,
      expectations: p.expectations.map((e, j) => {
        note(`${at}.expectations.${j}`, e.row, 'competency_key');
        note(`${at}.expectations.${j}.competencyKey`, e.row, 'competency_key');
        note(`${at}.expectations.${j}.level`, e.row, 'expected_level');
        return { competencyKey: e.key, level: numberOf(e.level) };
      }),
    };
  });

  return {
    data: {
      format: 'groeipad-competency-framework',
      formatVersion: 1,
      framework: {
        name: first.cells.framework_name,
        description: first.cells.framework_description ?? null,
        scale,
        competencies: competencyList,
      },
      jobProfiles,
    },
    origins,
  };
}

/** The longest known prefix of a path: an issue on "…indicators" without an index still finds its row. */
function originOf(origins: Origins, path: string) {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const found = origins.get(parts.slice(0, n).join('.'));
    if (found) return found;
  }
  return undefined;
}

/** Reads the CSV exchange file into a checked exchange, or refuses it with every problem by row and column. */
export function readExchangeCsv(bytes: Uint8Array): FrameworkExchange {
  const rows = readRows(bytes);
  const problems = new Problems();
  const { data, origins } = assemble(rows, problems);
  const checked = checkExchange(data);
  for (const [path, message] of checked.issues) {
    const origin = originOf(origins, path);
    if (origin) problems.add(origin.row, origin.column, message);
    else problems.fields.set(path, message);
  }
  if (problems.fields.size || !checked.exchange) throw invalidFile(problems.fields);
  return checked.exchange;
}
