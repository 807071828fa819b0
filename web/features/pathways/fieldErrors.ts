import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { errorText, fieldErrorText } from '../../lib/errors';

const ownCodes = ['self_step', 'level_out_of_scale', 'already_placed', 'before_current'] as const;
type OwnCode = (typeof ownCodes)[number];
const isOwn = (code: string): code is OwnCode => ownCodes.some((c) => c === code);

/** The pathway routes' own field codes, then the general ones. */
export const pathwayFieldText = (t: TFunction, code: string) =>
  isOwn(code) ? t(`pathways.fieldErrors.${code}`) : fieldErrorText(t, code);

/**
 * A failed save, split: field errors for the inputs the form has, and one sentence for the rest.
 * `known` tells which field paths are on the form.
 */
export function splitError(t: TFunction, error: unknown, known: (path: string) => boolean) {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  if (error instanceof ApiError) {
    for (const [path, code] of Object.entries(error.fields)) {
      if (known(path)) fields[path] = pathwayFieldText(t, code);
      else rest.push(pathwayFieldText(t, code));
    }
  }
  const message = Object.keys(fields).length && !rest.length ? null : [errorText(t, error), ...rest].join(' ');
  return { fields, message };
}
