import type { InstrumentField } from '#shared/instruments';

/**
 * Keeps of each field only what its type uses: a range for numbers, options for a choice. A text field sent with a
 * min would otherwise carry a rule nobody sees and nothing checks.
 */
export function normaliseFields(fields: readonly InstrumentField[]): InstrumentField[] {
  return fields.map((f) => {
    const base = { key: f.key, label: f.label, group: f.group, type: f.type, required: f.required, help: f.help };
    if (f.type === 'integer' || f.type === 'decimal') {
      return {
        ...base,
        ...(f.min === undefined ? {} : { min: f.min }),
        ...(f.max === undefined ? {} : { max: f.max }),
      };
    }
    if (f.type === 'choice') return { ...base, options: f.options ?? [] };
    return base;
  });
}

/** Field errors of the body's own fields: a key used twice, an option listed twice (path → code). */
export function fieldListErrors(fields: readonly InstrumentField[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (seen.has(f.key)) errors[`fields.${i}.key`] = 'duplicate';
    seen.add(f.key);
    const options = f.options ?? [];
    if (f.type === 'choice' && new Set(options).size !== options.length) errors[`fields.${i}.options`] = 'duplicate';
  });
  return errors;
}

const widensMin = (before: number | undefined, after: number | undefined) =>
  after === undefined || (before !== undefined && after <= before);
const widensMax = (before: number | undefined, after: number | undefined) =>
  after === undefined || (before !== undefined && after >= before);

/**
 * Once a definition has results, every stored value must stay valid and mean the same: each existing field keeps
 * its key and type, a range only widens and a choice only gains options. Labels, help, groups and new fields are
 * free. Returns path → code for every change that breaks this (a removed field is reported on `fields`).
 */
export function incompatibleChanges(
  before: readonly InstrumentField[],
  after: readonly InstrumentField[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  const index = new Map(after.map((f, i) => [f.key, i]));
  for (const old of before) {
    const i = index.get(old.key);
    if (i === undefined) {
      errors.fields = `field_removed:${old.key}`;
      continue;
    }
    const next = after[i] as InstrumentField;
    if (next.type !== old.type) {
      errors[`fields.${i}.type`] = 'type_changed';
      continue;
    }
    if (!widensMin(old.min, next.min)) errors[`fields.${i}.min`] = 'range_narrowed';
    if (!widensMax(old.max, next.max)) errors[`fields.${i}.max`] = 'range_narrowed';
    const options = new Set(next.options ?? []);
    if ((old.options ?? []).some((o) => !options.has(o))) errors[`fields.${i}.options`] = 'option_removed';
  }
  return errors;
}
