/**
 * The error codes and a parser of the error body without zod: the web's first load (the participant portal, 250 KB
 * budget) reads error answers on every page and should not carry a schema library for it. shared/errors.ts holds the
 * zod schema of the same shape for the API contract; a test keeps both in agreement.
 */

export const errorCodes = [
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'unauthenticated',
  'session_expired',
  'forbidden',
  'not_found',
  'conflict',
  'setup_already_done',
  'setup_required',
  'invalid_credentials',
  'account_deactivated',
  'too_many_attempts',
  'weak_password',
  'invalid_token',
  // Observations and mentor links (shared/observations.ts):
  'not_started',
  'link_revoked',
  'link_expired',
  // POP (shared/development-plans.ts): an agreed version is never changed; one draft at a time.
  'version_agreed',
  'draft_exists',
  // The sensitive compartment (shared/sensitive.ts): no access yet, but the actor may break the glass with a reason.
  'break_glass_required',
  // Attachments (shared/instruments.ts): the file is not what its type and extension say.
  'unsupported_file',
  // CSV import, problems with the whole file (shared/participant-import.ts):
  'not_utf8',
  'invalid_csv',
  'empty_file',
  'missing_columns',
  'too_many_rows',
  'internal_error',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The error of an API answer, or undefined when the body is not the one error shape. */
export function parseErrorBody(data: unknown): ErrorBody | undefined {
  if (!isRecord(data) || !isRecord(data.error)) return undefined;
  const { code, message, fields } = data.error;
  if (typeof code !== 'string' || !(errorCodes as readonly string[]).includes(code)) return undefined;
  if (typeof message !== 'string') return undefined;
  if (fields === undefined) return { error: { code: code as ErrorCode, message } };
  if (!isRecord(fields) || !Object.values(fields).every((v) => typeof v === 'string')) return undefined;
  return { error: { code: code as ErrorCode, message, fields: fields as Record<string, string> } };
}
