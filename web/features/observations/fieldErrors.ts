import type { TFunction } from 'i18next';
import { observationFieldCodes } from '#shared/observations';
import { ApiError } from '../../lib/api';
import { errorText, fieldErrorText } from '../../lib/errors';
import { placeFieldErrors, type RatingBody, type ScoreFieldErrors } from './scores';

type ObservationFieldCode = (typeof observationFieldCodes)[number];
const isObservationCode = (code: string): code is ObservationFieldCode =>
  observationFieldCodes.some((known) => known === code);

/** The observation routes' own field codes ("before_start"), then the general ones. */
export function observationFieldText(t: TFunction, code: string): string {
  return isObservationCode(code) ? t(`observations.fieldErrors.${code}`) : fieldErrorText(t, code);
}

/**
 * A failed save, split into what belongs on the form's fields and one message for the rest. A refusal without any
 * field the form shows gets the error code's sentence.
 */
export function saveErrors(
  t: TFunction,
  error: { status: number; code: string; fields: Record<string, string> },
  sent: RatingBody[],
): { fields: ScoreFieldErrors; message: string | null } {
  const { errors, other } = placeFieldErrors(error.fields, sent, (code) => observationFieldText(t, code));
  const placed = Object.keys(error.fields).length - other.length;
  if (other.length > 0) {
    return { fields: errors, message: other.map((code) => observationFieldText(t, code)).join(' ') };
  }
  if (placed > 0) return { fields: errors, message: t('errors.validation_failed') };
  return { fields: errors, message: errorText(t, asApiError(error)) };
}

export function asApiError(error: { status: number; code: string; fields: Record<string, string> }): ApiError {
  return new ApiError(error.status, error.code as ApiError['code'], error.code, error.fields);
}
