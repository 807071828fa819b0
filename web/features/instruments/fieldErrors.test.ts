import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { instrumentFieldText, splitError } from './fieldErrors';

// Keys and options back as text: what the form would show, without loading the translations.
const t = ((key: string, options?: Record<string, unknown>) =>
  options && Object.keys(options).length ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('splitError', () => {
  const known = (path: string) => path === 'takenOn' || path === 'values.score';

  it('puts the server field errors of the form under their inputs, and no extra message', () => {
    const error = new ApiError(400, 'validation_failed', 'x', { 'values.score': 'out_of_range' });
    expect(splitError(t, error, known)).toEqual({
      fields: { 'values.score': 'instruments.fieldErrors.out_of_range {"about":""}' },
      message: null,
    });
  });

  it('names a field the form does not show in the message, so nothing is lost', () => {
    const error = new ApiError(400, 'validation_failed', 'x', {
      'values.gone': 'unknown_field',
      takenOn: 'in_the_future',
    });
    const split = splitError(t, error, known);
    expect(split.fields).toEqual({ takenOn: 'instruments.fieldErrors.in_the_future {"about":""}' });
    expect(split.message).toBe(
      'errors.validation_failed values.gone: instruments.fieldErrors.unknown_field {"about":""}',
    );
  });

  it('gives one sentence for a failure without fields', () => {
    expect(splitError(t, new ApiError(403, 'break_glass_required', 'x'), known)).toEqual({
      fields: {},
      message: 'errors.break_glass_required',
    });
  });
});

describe('instrumentFieldText', () => {
  it('reads what a code is about after its colon', () => {
    expect(instrumentFieldText(t, 'field_removed:tempo')).toBe(
      'instruments.fieldErrors.field_removed {"about":"tempo"}',
    );
  });

  it('falls back to the general field texts', () => {
    expect(instrumentFieldText(t, 'duplicate')).toBe('fieldErrors.duplicate');
    expect(instrumentFieldText(t, 'something_new')).toBe('fieldErrors.invalid');
  });
});
