/** What a failed database call tells about its outcome. */

/** The fields PostgreSQL reports with an error, from the driver's error (Drizzle wraps it as `cause`). */
export function driverError(error: unknown): { code?: unknown; constraint?: string; detail?: string } {
  return ((error as { cause?: unknown } | undefined)?.cause ?? error ?? {}) as { code?: unknown; constraint?: string; detail?: string };
}

/** The SQLSTATE of a database error. */
export function sqlState(error: unknown): string | undefined {
  const code = driverError(error).code ?? (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A unique constraint refused the write; `constraint` narrows it to one. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return sqlState(error) === '23505' && (!constraint || driverError(error).constraint === constraint);
}

/**
 * The database answered with a refusal, so the statement (or transaction) it ended was rolled back
 * and writing it again cannot write twice. A lost connection (no SQLSTATE, or class 08) or a server
 * going down (class 57) leaves the outcome unknown: the COMMIT may have happened.
 */
export function refusedByDatabase(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && !state.startsWith('08') && !state.startsWith('57');
}
