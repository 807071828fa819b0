import type { FieldValue, InstrumentDefinition } from '#shared/instruments';

export type DefinitionField = InstrumentDefinition['fields'][number];

/** What the form holds per field: text for every input, a boolean for a checkbox. */
export type FormValue = string | boolean;
export type FormValues = Record<string, FormValue>;

/** The codes the server uses for `values.<key>` (shared/instruments.ts); the form checks the same before sending. */
export type ValueErrorCode = 'required' | 'out_of_range' | 'not_a_number' | 'not_an_integer' | 'invalid_date';

/** The form's start: the stored values of a result being edited, or empty inputs. */
export function initialFormValues(
  fields: readonly DefinitionField[],
  stored: Record<string, FieldValue> = {},
): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = stored[field.key];
    if (field.type === 'boolean') values[field.key] = value === true;
    else values[field.key] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/**
 * "0,5" and "0.5" alike: Dutch keyboards type a comma. An exponent is read too, as String() writes very small and
 * very large stored numbers that way. Empty or anything else: NaN.
 */
export function parseNumber(text: string): number {
  const normalised = text.trim().replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return Number.NaN;
  return Number(normalised);
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (text: string) => {
  if (!isoDate.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

/**
 * The form's values as the API's values map: numbers for integer and decimal, text for text, choice and date,
 * booleans; null for an empty input. A number that does not parse is sent as typed, so the server names it.
 */
export function toApiValues(fields: readonly DefinitionField[], form: FormValues): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of fields) {
    const raw = form[field.key];
    if (field.type === 'boolean') {
      values[field.key] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') values[field.key] = null;
    else if (field.type === 'integer' || field.type === 'decimal') {
      const number = parseNumber(text);
      values[field.key] = Number.isNaN(number) ? text : number;
    } else values[field.key] = text;
  }
  return values;
}

/** The same checks the server makes, keyed `values.<key>` like its field errors. */
export function checkValues(fields: readonly DefinitionField[], form: FormValues): Record<string, ValueErrorCode> {
  const errors: Record<string, ValueErrorCode> = {};
  const values = toApiValues(fields, form);
  for (const field of fields) {
    const value = values[field.key];
    const path = `values.${field.key}`;
    if (value === null) {
      if (field.required) errors[path] = 'required';
      continue;
    }
    if (field.type === 'integer' || field.type === 'decimal') {
      if (typeof value !== 'number') errors[path] = 'not_a_number';
      else if (field.type === 'integer' && !Number.isInteger(value)) errors[path] = 'not_an_integer';
      else if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))
        errors[path] = 'out_of_range';
    } else if (field.type === 'date' && typeof value === 'string' && !isRealDate(value)) errors[path] = 'invalid_date';
  }
  return errors;
}

/** Fields in the order of the definition, gathered by group; fields without a group come first. */
export function groupFields(fields: readonly DefinitionField[]): { group: string; fields: DefinitionField[] }[] {
  const groups: { group: string; fields: DefinitionField[] }[] = [];
  for (const field of fields) {
    let entry = groups.find((g) => g.group === field.group);
    if (!entry) {
      entry = { group: field.group, fields: [] };
      if (field.group === '') groups.unshift(entry);
      else groups.push(entry);
    }
    entry.fields.push(field);
  }
  return groups;
}
