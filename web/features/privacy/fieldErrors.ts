import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { errorText, fieldErrorText } from '../../lib/errors';

const ownCodes = ['confirm_mismatch'] as const;
type OwnCode = (typeof ownCodes)[number];
const isOwn = (code: string): code is OwnCode => ownCodes.some((c) => c === code);

/** The privacy routes' own field codes, then the general ones. */
export const privacyFieldText = (t: TFunction, code: string) =>
  isOwn(code) ? t(`privacy.fieldErrors.${code}`) : fieldErrorText(t, code);

/**
 * A failed request, split: field errors for the inputs the form has, and one sentence for the rest. A refusal
 * (409) carries the server's own reason, which the admin gets to read too: it says what to fix first.
 */
export function splitError(t: TFunction, error: unknown, known: (path: string) => boolean) {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  if (error instanceof ApiError) {
    for (const [path, code] of Object.entries(error.fields)) {
      if (known(path)) fields[path] = privacyFieldText(t, code);
      else rest.push(privacyFieldText(t, code));
    }
    if (error.status === 409 && error.message) rest.push(t('privacy.anonymise.serverSays', { message: error.message }));
  }
  const message = Object.keys(fields).length && !rest.length ? null : [errorText(t, error), ...rest].join(' ');
  return { fields, message };
}
