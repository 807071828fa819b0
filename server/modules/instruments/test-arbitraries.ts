import fc from 'fast-check';
import type { FieldValue, FieldValueError, InstrumentField } from '#shared/instruments';

/**
 * fast-check generators for the value tests: random typed fields, and for each field a value together with the error
 * it must get (null when it is valid). The expectation comes from how the value was made, not from the validator.
 */

const keyArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const bound = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined });

const rangeArb = fc
  .tuple(bound, bound)
  .map(([a, b]) => (a !== undefined && b !== undefined && a > b ? { min: b, max: a } : { min: a, max: b }));

const base = (key: string, required: boolean) => ({ key, label: `Veld ${key}`, group: '', required, help: '' });

export const fieldArb = (key: string): fc.Arbitrary<InstrumentField> =>
  fc.oneof(
    fc.tuple(fc.constantFrom('integer' as const, 'decimal' as const), rangeArb, fc.boolean()).map(([type, r, req]) => ({
      ...base(key, req),
      type,
      ...(r.min === undefined ? {} : { min: r.min }),
      ...(r.max === undefined ? {} : { max: r.max }),
    })),
    fc
      .tuple(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 2, maxLength: 5 }), fc.boolean())
      .map(([options, req]) => ({ ...base(key, req), type: 'choice' as const, options })),
    fc
      .tuple(fc.constantFrom('text' as const, 'boolean' as const, 'date' as const), fc.boolean())
      .map(([type, req]) => ({ ...base(key, req), type })),
  );

/** Up to six fields with distinct keys. */
export const fieldsArb: fc.Arbitrary<InstrumentField[]> = fc
  .uniqueArray(keyArb, { minLength: 1, maxLength: 6 })
  .chain((keys) => fc.tuple(...keys.map((k) => fieldArb(k))));

type Case = { value: FieldValue | undefined; error: FieldValueError | null };
const ok = (value: FieldValue): Case => ({ value, error: null });
const bad = (value: FieldValue, error: FieldValueError): Case => ({ value, error });

function numberCases(field: InstrumentField): fc.Arbitrary<Case>[] {
  const lo = field.min ?? -1e6;
  const hi = field.max ?? 1e6;
  const integer = field.type === 'integer';
  const cases: fc.Arbitrary<Case>[] = [
    (integer
      ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
      : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true })
    ).map(ok),
    fc
      .string({ minLength: 1, maxLength: 5 })
      .filter((s) => s.trim() !== '')
      .map((s) => bad(s, 'not_a_number')),
    fc.boolean().map((b) => bad(b, 'not_a_number')),
  ];
  if (field.min !== undefined) {
    cases.push(fc.integer({ min: 1, max: 500 }).map((d) => bad((field.min as number) - d, 'out_of_range')));
  }
  if (field.max !== undefined) {
    cases.push(fc.integer({ min: 1, max: 500 }).map((d) => bad((field.max as number) + d, 'out_of_range')));
  }
  if (integer && hi - lo >= 1) cases.push(fc.constant(bad(Math.ceil(lo) + 0.5, 'not_an_integer')));
  return cases;
}

function casesFor(field: InstrumentField): fc.Arbitrary<Case>[] {
  switch (field.type) {
    case 'integer':
    case 'decimal':
      return numberCases(field);
    case 'text':
      return [
        fc
          .string({ maxLength: 40 })
          .filter((s) => s.trim() !== '')
          .map(ok),
        fc.integer().map((n) => bad(n, 'not_text')),
        fc.boolean().map((b) => bad(b, 'not_text')),
      ];
    case 'boolean':
      return [
        fc.boolean().map(ok),
        fc.constant(bad('ja', 'not_a_boolean')),
        fc.integer().map((n) => bad(n, 'not_a_boolean')),
      ];
    case 'choice': {
      const options = field.options ?? [];
      return [
        fc.constantFrom(...options).map(ok),
        fc.constant(bad(`${options.join('')}x`, 'unknown_option')),
        fc.integer().map((n) => bad(n, 'unknown_option')),
      ];
    }
    case 'date':
      return [
        fc
          .date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((d) => ok(d.toISOString().slice(0, 10))),
        fc.constantFrom('2024-02-30', 'morgen', '2024-13-01', '17/05/1990').map((s) => bad(s, 'invalid_date')),
        fc.integer().map((n) => bad(n, 'invalid_date')),
      ];
  }
}

/** A value for the field (or none: left out, null or spaces), with the error it must get. */
export function valueCaseArb(field: InstrumentField): fc.Arbitrary<Case> {
  const empty = fc
    .constantFrom<FieldValue | undefined>(undefined, null, '', '  ')
    .map((value): Case => ({ value, error: field.required ? 'required' : null }));
  return fc.oneof(empty, ...casesFor(field));
}

/**
 * Random fields, values for them and perhaps a key no field has; with the errors the values must get
 * (`values.<key>` → code), empty when the values are valid.
 */
export const definitionWithValuesArb = fieldsArb.chain((fields) =>
  fc
    .tuple(
      fc.tuple(...fields.map((f) => valueCaseArb(f))),
      fc.option(fc.constantFrom('zz_unknown', 'yy_other'), { nil: undefined }),
    )
    .map(([cases, unknownKey]) => {
      const values: Record<string, FieldValue> = {};
      const errors: Record<string, FieldValueError> = {};
      fields.forEach((f, i) => {
        const c = cases[i] as Case;
        if (c.value !== undefined) values[f.key] = c.value;
        if (c.error) errors[`values.${f.key}`] = c.error;
      });
      if (unknownKey && !fields.some((f) => f.key === unknownKey)) {
        values[unknownKey] = 1;
        errors[`values.${unknownKey}`] = 'unknown_field';
      }
      return { fields, values, errors };
    }),
);
