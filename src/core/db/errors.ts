/** What a failed database call tells about its outcome. */

/** The SQLSTATE of a database error (Drizzle wraps the driver's error as `cause`). */
export function sqlState(error: unknown): string | undefined {
  const code = ((error as { cause?: unknown })?.cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A unique constraint refused the write; `constraint` narrows it to one. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (sqlState(error) !== '23505') return false;
  return !constraint || ((error as { cause?: { constraint?: string } }).cause ?? (error as { constraint?: string })).constraint === constraint;
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
