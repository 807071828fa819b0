import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldValue, instrumentResultBody } from '#shared/instruments';
import { checkValues, type DefinitionField, groupFields, initialFormValues, parseNumber, toApiValues } from './values';

const field = (over: Partial<DefinitionField> & Pick<DefinitionField, 'key' | 'type'>): DefinitionField => ({
  label: over.key,
  group: '',
  required: false,
  help: '',
  ...over,
});

const severity = field({ key: 'medical_severity', type: 'integer', min: 0, max: 9, required: true, group: 'Medisch' });
const composite = field({ key: 'medical_composite', type: 'decimal', min: 0, max: 1, group: 'Medisch' });
const fields: DefinitionField[] = [
  severity,
  composite,
  field({ key: 'remarks', type: 'text' }),
  field({ key: 'mode', type: 'choice', options: ['a', 'b'] }),
  field({ key: 'works', type: 'boolean' }),
  field({ key: 'since', type: 'date' }),
];

describe('initialFormValues', () => {
  it('starts a new result with empty inputs and unticked boxes', () => {
    expect(initialFormValues(fields)).toEqual({
      medical_severity: '',
      medical_composite: '',
      remarks: '',
      mode: '',
      works: false,
      since: '',
    });
  });

  it('fills the form of a stored result, null as empty', () => {
    const form = initialFormValues(fields, {
      medical_severity: 4,
      medical_composite: 0.25,
      remarks: 'Gaat goed',
      mode: 'b',
      works: true,
      since: null,
    });
    expect(form).toEqual({
      medical_severity: '4',
      medical_composite: '0.25',
      remarks: 'Gaat goed',
      mode: 'b',
      works: true,
      since: '',
    });
  });
});

describe('toApiValues', () => {
  it('sends numbers as numbers, a Dutch comma too, empty inputs as null', () => {
    const values = toApiValues(fields, {
      medical_severity: ' 7 ',
      medical_composite: '0,5',
      remarks: '  ',
      mode: 'a',
      works: true,
      since: '2026-01-31',
    });
    expect(values).toEqual({
      medical_severity: 7,
      medical_composite: 0.5,
      remarks: null,
      mode: 'a',
      works: true,
      since: '2026-01-31',
    });
  });

  it('sends a number that does not parse as typed, so the server can name it', () => {
    expect(toApiValues([severity], { medical_severity: 'zeven' })).toEqual({ medical_severity: 'zeven' });
  });

  it('always makes a body the shared schema accepts, for every field', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...fields.map((f) => f.key)),
          fc.oneof(fc.string({ maxLength: 50 }), fc.boolean()),
        ),
        (form) => {
          const values = toApiValues(fields, form);
          expect(Object.keys(values).sort()).toEqual(fields.map((f) => f.key).sort());
          for (const value of Object.values(values)) expect(fieldValue.safeParse(value).success).toBe(true);
          const body = { definitionId: '00000000-0000-4000-8000-000000000000', takenOn: '2026-01-01', values };
          expect(instrumentResultBody.safeParse(body).success).toBe(true);
        },
      ),
    );
  });

  it('gives back what initialFormValues read from stored values', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
        fc.option(fc.double({ min: -1000, max: 1000, noNaN: true }), { nil: null }),
        fc.boolean(),
        (int, dec, bool) => {
          const stored = { medical_severity: int, medical_composite: dec, works: bool };
          const subset = [severity, composite, field({ key: 'works', type: 'boolean' })];
          expect(toApiValues(subset, initialFormValues(subset, stored))).toEqual({
            ...stored,
            // -0 reads back as 0: the same number to anyone.
            medical_composite: dec === null ? null : dec + 0,
          });
        },
      ),
    );
  });
});

describe('checkValues', () => {
  const blank = initialFormValues(fields);

  it('names a missing required value', () => {
    expect(checkValues(fields, blank)).toEqual({ 'values.medical_severity': 'required' });
  });

  it('names a value out of range, a fraction for a whole number, text for a number, a bad date', () => {
    expect(checkValues(fields, { ...blank, medical_severity: '12' })).toEqual({
      'values.medical_severity': 'out_of_range',
    });
    expect(checkValues(fields, { ...blank, medical_severity: '3,5' })).toEqual({
      'values.medical_severity': 'not_an_integer',
    });
    expect(checkValues(fields, { ...blank, medical_severity: '3', medical_composite: 'veel' })).toEqual({
      'values.medical_composite': 'not_a_number',
    });
    expect(checkValues(fields, { ...blank, medical_severity: '3', since: '2026-02-30' })).toEqual({
      'values.since': 'invalid_date',
    });
  });

  it('accepts exactly the whole numbers within the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), (n) => {
        const errors = checkValues([severity], { medical_severity: String(n) });
        expect(errors['values.medical_severity'] === undefined).toBe(n >= 0 && n <= 9);
      }),
    );
  });
});

describe('parseNumber', () => {
  it('reads plain numbers with a point or a comma and nothing else', () => {
    expect(parseNumber('0,25')).toBe(0.25);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('5e-7')).toBe(5e-7);
    for (const text of ['', ' ', 'e3', '1.2.3', '0x10', 'Infinity', '1,2,3']) expect(parseNumber(text)).toBeNaN();
  });
});

describe('groupFields', () => {
  it('keeps the order of the definition, fields without a group first', () => {
    const groups = groupFields([
      field({ key: 'a', type: 'text', group: 'Werk' }),
      field({ key: 'b', type: 'text' }),
      field({ key: 'c', type: 'text', group: 'Gezin' }),
      field({ key: 'd', type: 'text', group: 'Werk' }),
    ]);
    expect(groups.map((g) => [g.group, g.fields.map((f) => f.key)])).toEqual([
      ['', ['b']],
      ['Werk', ['a', 'd']],
      ['Gezin', ['c']],
    ]);
  });
});
