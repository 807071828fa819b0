/**
 * Whether a failed query was refused by one unique constraint. Drivers wrap the database error (drizzle puts it in
 * `cause`), so the chain is followed a few steps.
 */
export function uniqueViolation(err: unknown, constraint: string): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === '23505') return candidate.constraint === constraint;
    e = candidate.cause;
  }
  return false;
}
