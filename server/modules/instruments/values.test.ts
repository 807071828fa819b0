import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldValueErrors, instrumentField } from '#shared/instruments';
import { fieldListErrors, incompatibleChanges, normaliseFields } from './definition-rules';
import { definitionWithValuesArb, fieldArb } from './test-arbitraries';
import { checkValues } from './values';

describe('checkValues', () => {
  it('accepts the values exactly when each is within its field’s type, range and options', () => {
    fc.assert(
      fc.property(definitionWithValuesArb, ({ fields, values, errors }) => {
        for (const f of fields) instrumentField.parse(f);
        const checked = checkValues(fields, values);
        expect(checked.errors).toEqual(errors);
        for (const code of Object.values(checked.errors)) expect(fieldValueErrors).toContain(code);
      }),
    );
  });

  it('stores one value per field: null when left empty, text trimmed, nothing else', () => {
    fc.assert(
      fc.property(definitionWithValuesArb, ({ fields, values }) => {
        const checked = checkValues(fields, values);
        expect(Object.keys(checked.values).sort()).toEqual(fields.map((f) => f.key).sort());
        for (const f of fields) {
          const sent = values[f.key];
          const kept = checked.values[f.key];
          if (sent === undefined || sent === null || (typeof sent === 'string' && sent.trim() === '')) {
            expect(kept).toBeNull();
          } else {
            expect(kept).toEqual(typeof sent === 'string' ? sent.trim() : sent);
          }
        }
      }),
    );
  });

  it('names each problem with its code on values.<key>', () => {
    const { errors } = checkValues(
      [
        { key: 'score', label: 'Score', group: '', type: 'integer', required: true, min: 1, max: 5, help: '' },
        { key: 'when', label: 'Wanneer', group: '', type: 'date', required: false, help: '' },
      ],
      { score: 2.5, when: '2024-02-30', other: true },
    );
    expect(errors).toEqual({
      'values.score': 'not_an_integer',
      'values.when': 'invalid_date',
      'values.other': 'unknown_field',
    });
  });
});

describe('definition rules', () => {
  it('a definition compared with itself has no incompatible change; with a wider range neither', () => {
    fc.assert(
      fc.property(fieldArb('a'), fc.integer({ min: 0, max: 50 }), (field, widen) => {
        const [f] = normaliseFields([field]);
        if (!f) throw new Error('no field');
        expect(incompatibleChanges([f], [f])).toEqual({});
        const wider = {
          ...f,
          ...(f.min === undefined ? {} : { min: f.min - widen }),
          ...(f.max === undefined ? {} : { max: f.max + widen }),
          ...(f.options ? { options: [...f.options, 'nieuw_optie'] } : {}),
        };
        expect(incompatibleChanges([f], [wider, { ...f, key: 'b' }])).toEqual({});
      }),
    );
  });

  it('finds the second use of a key', () => {
    const f = { key: 'x', label: 'X', group: '', type: 'text' as const, required: false, help: '' };
    expect(fieldListErrors([f, { ...f, key: 'y' }, f])).toEqual({ 'fields.2.key': 'duplicate' });
  });
});
