import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from './api';

/** Field codes the server sends in `fields`; anything else gets the general "check this field". */
const knownFieldCodes = [
  'too_common',
  'already_in_use',
  'incorrect',
  'unknown_reference',
  'not_allowed',
  // Dossiers (server/modules/participants): the path of career events and the team of a participant.
  'before_intake',
  'exit_before_start',
  'after_exit',
  'step_not_allowed',
  'team_at_other_site',
  'already_in_team',
  'archived',
  // Configurable lists (server/modules/lists) and participant accounts.
  'not_in_list',
  'built_in_required',
  'in_use',
  'invalid_code',
  // Competencies, observations, feedback (shared/observations.ts, shared/feedback.ts) and the POP
  // (shared/development-plans.ts).
  'not_in_version',
  'out_of_scale',
  'before_start',
  'outside_link_period',
  'in_the_past',
  'not_of_participant',
  'after_conversation',
  'not_staff',
  'one_required',
  'duplicate',
  'unknown_goal',
  'not_in_framework',
  'unknown_skill',
  'not_own_action',
] as const;
type KnownFieldCode = (typeof knownFieldCodes)[number];
const isKnownFieldCode = (value: string): value is KnownFieldCode => knownFieldCodes.some((code) => code === value);

/** One translated sentence for any failure: API error codes, an unreachable server, or a bug. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'too_many_attempts') {
      const minutes = Math.max(1, Math.ceil(Number(error.fields.retryAfter ?? 900) / 60));
      return t('errors.too_many_attempts', { count: minutes });
    }
    return t(`errors.${error.code}`);
  }
  return t('errors.internal_error');
}

export function fieldErrorText(t: TFunction, code: string): string {
  return isKnownFieldCode(code) ? t(`fieldErrors.${code}`) : t('fieldErrors.invalid');
}

/** The server's field errors, translated; `retryAfter` is data, not a field. */
export function translatedFieldErrors(t: TFunction, error: ApiError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, code] of Object.entries(error.fields)) {
    if (field !== 'retryAfter') result[field] = fieldErrorText(t, code);
  }
  return result;
}

/** Turns zod issues into translated Mantine form errors keyed by path ("admin.password"). */
export function translatedIssues(
  t: TFunction,
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.join('.');
    if (errors[path]) continue;
    // An empty e-mail field is missing, not malformed.
    errors[path] = isBlank(valueAt(input, issue.path)) ? t('validation.required') : issueText(t, issue);
  }
  return errors;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path)
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && !value.trim());

function issueText(t: TFunction, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? t('validation.required')
        : t('validation.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { count: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.format');
    case 'invalid_type':
      return t('validation.required');
    default:
      return t('fieldErrors.invalid');
  }
}
