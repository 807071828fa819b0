import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldKey, type InstrumentDefinition, instrumentDefinitionBody } from '#shared/instruments';
import { emptyRow, fieldErrorPath, keyFromLabel, moveRow, rowsOf, toDefinitionBody } from './definitionForm';

const definition: InstrumentDefinition = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Fitheid',
  kind: 'fitness',
  description: '',
  fields: [
    { key: 'kg', label: 'Tillen', group: '', type: 'decimal', required: true, min: 0, max: 100, help: 'In kg' },
    { key: 'mode', label: 'Werkvorm', group: 'Werk', type: 'choice', required: false, options: ['a', 'b'], help: '' },
  ],
  builtIn: false,
  archived: false,
  resultCount: 2,
};
const head = { name: definition.name, kind: definition.kind, description: definition.description };

describe('rowsOf and toDefinitionBody', () => {
  it('give back the definition the editor was opened with', () => {
    const body = toDefinitionBody(head, rowsOf(definition));
    expect(instrumentDefinitionBody.parse(body)).toEqual({
      name: 'Fitheid',
      kind: 'fitness',
      description: '',
      fields: definition.fields,
    });
  });

  it('marks loaded rows as saved, so their key and type can be locked', () => {
    expect(rowsOf(definition).every((r) => r.saved)).toBe(true);
    expect(emptyRow().saved).toBe(false);
  });

  it('sends bounds only for numbers and options only for a choice, one per line', () => {
    const body = toDefinitionBody(head, [
      { ...emptyRow(), key: 'x', label: 'X', type: 'text', min: '1', max: '2', options: 'a\nb' },
      { ...emptyRow(), key: 'y', label: 'Y', type: 'choice', min: '1', options: ' ja \n\nnee\n' },
      { ...emptyRow(), key: 'z', label: 'Z', type: 'integer', min: '', max: '9' },
    ]);
    expect(body.fields).toEqual([
      { key: 'x', label: 'X', group: '', type: 'text', required: false, help: '' },
      { key: 'y', label: 'Y', group: '', type: 'choice', required: false, options: ['ja', 'nee'], help: '' },
      { key: 'z', label: 'Z', group: '', type: 'integer', required: false, min: undefined, max: 9, help: '' },
    ]);
  });

  it('lets the schema name a choice with one option and a max below the min', () => {
    const result = instrumentDefinitionBody.safeParse(
      toDefinitionBody(head, [
        { ...emptyRow(), key: 'y', label: 'Y', type: 'choice', options: 'ja' },
        { ...emptyRow(), key: 'z', label: 'Z', type: 'integer', min: '5', max: '1' },
      ]),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['fields.0.options', 'fields.1.max']);
  });
});

describe('keyFromLabel', () => {
  it('makes a key of the words of a label', () => {
    expect(keyFromLabel('Ernst (0–9)')).toBe('ernst_0_9');
    expect(keyFromLabel('Één keer per week')).toBe('een_keer_per_week');
    expect(keyFromLabel('12 maanden')).toBe('maanden');
    expect(keyFromLabel('123')).toBe('');
  });

  it('proposes only keys the server accepts, or nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (label) => {
        const key = keyFromLabel(label);
        expect(key === '' || fieldKey.safeParse(key).success).toBe(true);
      }),
    );
  });
});

describe('moveRow', () => {
  it('moves one place and keeps every row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom(-1 as const, 1 as const),
        (rows, seed, step) => {
          const from = seed % rows.length;
          const moved = moveRow(rows, from, step);
          expect([...moved].sort()).toEqual([...rows].sort());
          const to = from + step;
          if (to >= 0 && to < rows.length) expect(moved[to]).toBe(rows[from]);
          else expect(moved).toEqual(rows);
        },
      ),
    );
  });
});

describe('fieldErrorPath', () => {
  it('puts an error about a whole field on its key input', () => {
    expect(fieldErrorPath('fields.3')).toBe('fields.3.key');
    expect(fieldErrorPath('fields.3.max')).toBe('fields.3.max');
    expect(fieldErrorPath('name')).toBe('name');
  });
});
