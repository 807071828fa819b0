import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathOfNul } from './nul-guard';

/** A JSON value without U+0000 anywhere, keys included. */
const clean = fc.letrec((tie) => ({
  text: fc.string().filter((s) => !s.includes('\u0000')),
  value: fc.oneof(
    { depthSize: 'small' },
    tie('text'),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(tie('text') as fc.Arbitrary<string>, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('pathOfNul', () => {
  it('finds nothing in a value without U+0000', () => {
    fc.assert(fc.property(clean, (value) => pathOfNul(value) === undefined));
  });

  it('names the path of the one string that holds it, wherever it is put', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat({ max: 3 }), fc.constantFrom('a', 'b', 'naam')), { minLength: 1, maxLength: 5 }),
        (steps) => {
          let value: unknown = 'x\u0000y';
          for (const step of [...steps].reverse()) {
            value = typeof step === 'number' ? [...Array(step).fill('ok'), value] : { ok: 1, [step]: value };
          }
          expect(pathOfNul(value)).toBe(steps.join('.'));
        },
      ),
    );
  });

  it('leaves raw bytes alone: an upload may hold any byte', () => {
    expect(pathOfNul({ file: Buffer.from([0, 1, 0]) })).toBeUndefined();
  });

  it('finds it in a key too', () => {
    expect(pathOfNul({ 'na\u0000am': 'x' })).toBe('na\u0000am');
  });
});
