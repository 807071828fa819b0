import { z } from 'zod';

/** Every failure the API answers has this one shape. */
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
  // CSV import, problems with the whole file (shared/participant-import.ts):
  'not_utf8',
  'invalid_csv',
  'empty_file',
  'missing_columns',
  'too_many_rows',
  'internal_error',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorResponse = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
