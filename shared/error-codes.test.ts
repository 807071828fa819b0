import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodes, parseErrorBody } from './error-codes';
import { errorResponse } from './errors';

const code = fc.oneof(fc.constantFrom(...errorCodes), fc.string());
const fields = fc.option(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), { nil: undefined });
const body = fc.oneof(
  fc.record({ error: fc.record({ code, message: fc.oneof(fc.string(), fc.integer()), fields }) }),
  fc.anything(),
);

describe('parseErrorBody, the zod-free reader of error answers the web uses', () => {
  it('accepts exactly what the contract schema accepts, and reads the same error', () => {
    fc.assert(
      fc.property(body, (data) => {
        const bySchema = errorResponse.safeParse(data);
        const byHand = parseErrorBody(data);
        expect(byHand !== undefined).toBe(bySchema.success);
        if (bySchema.success) expect(byHand?.error).toEqual(bySchema.data.error);
      }),
    );
  });

  it('reads a real answer with field errors', () => {
    expect(
      parseErrorBody({ error: { code: 'validation_failed', message: 'x', fields: { name: 'duplicate' } }, draft: {} }),
    ).toEqual({ error: { code: 'validation_failed', message: 'x', fields: { name: 'duplicate' } } });
  });
});
