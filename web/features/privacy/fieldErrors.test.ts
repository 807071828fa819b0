import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { splitError } from './fieldErrors';

// The keys and their values stand in for the texts: what matters is which text goes where.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;
const onForm = (path: string) => path === 'reason' || path === 'confirmName';

describe('splitError', () => {
  it('puts a mistyped name on the confirm field, in the privacy words', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', { confirmName: 'confirm_mismatch' });
    expect(splitError(t, error, onForm)).toEqual({
      fields: { confirmName: 'privacy.fieldErrors.confirm_mismatch' },
      message: null,
    });
  });

  it('gives a general field code its general text', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', { reason: 'invalid' });
    expect(splitError(t, error, onForm).fields).toEqual({ reason: 'fieldErrors.invalid' });
  });

  it('adds the server’s own reason to a refusal, so the admin reads what to do first', () => {
    const error = new ApiError(409, 'conflict', 'The participant has not exited');
    expect(splitError(t, error, onForm)).toEqual({
      fields: {},
      message: 'errors.conflict privacy.anonymise.serverSays {"message":"The participant has not exited"}',
    });
  });

  it('names a field the form does not have in the message', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', { format: 'invalid' });
    expect(splitError(t, error, onForm)).toEqual({
      fields: {},
      message: 'errors.validation_failed fieldErrors.invalid',
    });
  });

  it('falls back to the general text for anything that is not an API error', () => {
    expect(splitError(t, new Error('bug'), onForm)).toEqual({ fields: {}, message: 'errors.internal_error' });
  });
});
