import type { z } from 'zod';
import type { FieldType, InstrumentDefinition, InstrumentKind, instrumentDefinitionBody } from '#shared/instruments';
import { parseNumber } from './values';

/** One row of the field editor: every input as typed; options one per line. */
export interface FieldRow {
  key: string;
  label: string;
  group: string;
  type: FieldType;
  required: boolean;
  min: string;
  max: string;
  options: string;
  help: string;
  /** Saved before: with results, its key and type are fixed (the server refuses a change with 409). */
  saved: boolean;
}

export const emptyRow = (): FieldRow => ({
  key: '',
  label: '',
  group: '',
  type: 'integer',
  required: false,
  min: '',
  max: '',
  options: '',
  help: '',
  saved: false,
});

export function rowsOf(definition: InstrumentDefinition): FieldRow[] {
  return definition.fields.map((f) => ({
    key: f.key,
    label: f.label,
    group: f.group,
    type: f.type,
    required: f.required,
    min: f.min === undefined ? '' : String(f.min),
    max: f.max === undefined ? '' : String(f.max),
    options: (f.options ?? []).join('\n'),
    help: f.help,
    saved: true,
  }));
}

const isNumeric = (type: FieldType) => type === 'integer' || type === 'decimal';

/** An empty bound is no bound; a bound that does not parse is sent as NaN, so the schema names the field. */
const bound = (text: string) => (text.trim() === '' ? undefined : parseNumber(text));

/** The editor's state as the request body: bounds only for numbers, options only for a choice. */
export function toDefinitionBody(
  head: { name: string; kind: InstrumentKind; description: string },
  rows: readonly FieldRow[],
): z.input<typeof instrumentDefinitionBody> {
  return {
    name: head.name,
    kind: head.kind,
    description: head.description,
    fields: rows.map((row) => ({
      key: row.key.trim(),
      label: row.label,
      group: row.group,
      type: row.type,
      required: row.required,
      ...(isNumeric(row.type) ? { min: bound(row.min), max: bound(row.max) } : {}),
      ...(row.type === 'choice'
        ? {
            options: row.options
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean),
          }
        : {}),
      help: row.help,
    })),
  };
}

/**
 * A key proposed from the label: "Ernst (0–9)" → "ernst_0_9". Lower-case letters, digits and underscores, starting
 * with a letter, at most 40 characters (shared/instruments.ts#fieldKey); '' when the label has no letter to start.
 */
export function keyFromLabel(label: string): string {
  const plain = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');
  const start = plain.search(/[a-z]/);
  if (start < 0) return '';
  return plain.slice(start).slice(0, 40).replace(/_+$/, '');
}

/** Moves row `from` one place up (-1) or down (+1); at either end nothing changes. */
export function moveRow<T>(rows: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (from < 0 || from >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  const [row] = next.splice(from, 1);
  if (row !== undefined) next.splice(to, 0, row);
  return next;
}

/** A field error of the server or the schema, at the input that can fix it: `fields.2` lands on the row's key. */
export function fieldErrorPath(path: string): string {
  return /^fields\.\d+$/.test(path) ? `${path}.key` : path;
}
