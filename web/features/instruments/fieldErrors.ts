import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { errorText, fieldErrorText } from '../../lib/errors';

const ownCodes = [
  'required',
  'out_of_range',
  'not_a_number',
  'not_an_integer',
  'not_text',
  'not_a_boolean',
  'unknown_option',
  'unknown_field',
  'invalid_date',
  'in_the_future',
  'key_changed',
  'type_changed',
  'range_narrowed',
  'option_removed',
  'field_removed',
] as const;
type OwnCode = (typeof ownCodes)[number];
const isOwn = (code: string): code is OwnCode => ownCodes.some((c) => c === code);

/**
 * The instrument routes' own field codes, then the general ones. A code may carry what it concerns after a colon
 * ('field_removed:<key>', on the path `fields` since the field is no longer in the list).
 */
export const instrumentFieldText = (t: TFunction, code: string) => {
  const [own = '', about = ''] = code.split(':');
  return isOwn(own) ? t(`instruments.fieldErrors.${own}`, { about }) : fieldErrorText(t, code);
};

/**
 * A failed save, split: field errors for the inputs the form has, and one sentence for the rest (a field the form
 * does not show is named in that sentence, so nothing is lost).
 */
export function splitError(t: TFunction, error: unknown, known: (path: string) => boolean) {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  if (error instanceof ApiError) {
    for (const [path, code] of Object.entries(error.fields)) {
      if (known(path)) fields[path] = instrumentFieldText(t, code);
      else rest.push(`${path}: ${instrumentFieldText(t, code)}`);
    }
  }
  const message = Object.keys(fields).length && !rest.length ? null : [errorText(t, error), ...rest].join(' ');
  return { fields, message };
}
