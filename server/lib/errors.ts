import type { ErrorCode } from '#shared/errors';

const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  session_expired: 401,
  invalid_credentials: 401,
  account_deactivated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  setup_already_done: 409,
  setup_required: 409,
  too_many_attempts: 429,
  weak_password: 400,
  invalid_token: 400,
  not_started: 409,
  link_revoked: 410,
  link_expired: 410,
  version_agreed: 409,
  draft_exists: 409,
  break_glass_required: 403,
  unsupported_file: 415,
  not_utf8: 400,
  invalid_csv: 400,
  empty_file: 400,
  missing_columns: 400,
  too_many_rows: 400,
  internal_error: 500,
};

/** The one error type: services throw it, the error handler turns it into the one response shape. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /**
     * Beside the error, what the client needs to recover: the draft as it is now after a stale save (409). Never
     * anything the caller may not read.
     */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);
export const forbidden = () => new AppError('forbidden', 'You are not allowed to do this');
export const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', 'Some fields are invalid', { [field]: message });
