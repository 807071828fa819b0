import { isoDate } from '#shared/common';
import type { FieldValue, FieldValueError, InstrumentField } from '#shared/instruments';

/** Left empty: no value, or only spaces. A required field left empty is the one 'required' error. */
const isEmpty = (value: FieldValue | undefined) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function inRange(field: InstrumentField, value: number) {
  return (field.min === undefined || value >= field.min) && (field.max === undefined || value <= field.max);
}

/** What is wrong with one non-empty value for its field, or null. */
function problemOf(field: InstrumentField, value: FieldValue): FieldValueError | null {
  switch (field.type) {
    case 'integer':
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'not_a_number';
      if (field.type === 'integer' && !Number.isInteger(value)) return 'not_an_integer';
      return inRange(field, value) ? null : 'out_of_range';
    case 'text':
      return typeof value === 'string' ? null : 'not_text';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'not_a_boolean';
    case 'choice':
      return typeof value === 'string' && (field.options ?? []).includes(value) ? null : 'unknown_option';
    case 'date':
      return typeof value === 'string' && isoDate.safeParse(value).success ? null : 'invalid_date';
  }
}

export interface CheckedValues {
  /** One entry per field of the definition: the value, trimmed for text, or null when left empty. */
  values: Record<string, FieldValue>;
  /** `values.<key>` → code, for every problem at once. */
  errors: Record<string, FieldValueError>;
}

/** Checks a result's values against the definition's typed fields. Pure: the services decide what an error means. */
export function checkValues(fields: readonly InstrumentField[], input: Record<string, FieldValue>): CheckedValues {
  const values: Record<string, FieldValue> = {};
  const errors: Record<string, FieldValueError> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(input)) if (!known.has(key)) errors[`values.${key}`] = 'unknown_field';
  for (const field of fields) {
    const value = input[field.key];
    if (isEmpty(value)) {
      if (field.required) errors[`values.${field.key}`] = 'required';
      values[field.key] = null;
      continue;
    }
    const problem = problemOf(field, value as FieldValue);
    if (problem) errors[`values.${field.key}`] = problem;
    values[field.key] = typeof value === 'string' ? value.trim() : (value as FieldValue);
  }
  return { values, errors };
}
