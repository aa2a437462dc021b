/**
 * Statistical disclosure control for the counts of people the platform publishes (poverty
 * complaints), after the threshold rule statistical offices apply to frequency tables (BPS;
 * Eurostat's and ONS's guidance): a cell counting 1–4 households is suppressed — published empty —
 * because so few could be recognised by neighbours; a zero is shown, as it singles out no one.
 * A count derivable from published ones is a cell too: "handled" is suppressed when it, or the
 * complaints not yet handled (received − handled), is 1–4, and whenever "received" is.
 *
 * Secondary suppression is avoided by design rather than by search: the table publishes no margin
 * (no kelurahan total, no city total per need, no grand total), so there is no equation from which
 * a suppressed cell could be recovered by subtraction. A reader's sum over the published cells is a
 * lower bound, and the dataset's description says so.
 *
 * Every version stays downloadable, and the counts are cumulative within a year, so two versions
 * subtracted would give the complaints between them exactly — cells of 1 again. Counts from 5 up are
 * therefore rounded to the nearest 5 (as HESA and ONS round small-area tables): a difference of two
 * versions is a multiple of 5 that says only that a boundary was crossed, never how many came.
 */
export const MIN_CELL = 5;
export const ROUND_TO = 5;

const small = (n: number) => n > 0 && n < MIN_CELL;
/** Counts are integers, so no count falls halfway between two multiples of 5. */
const rounded = (n: number) => Math.round(n / ROUND_TO) * ROUND_TO;

/** A received/handled pair as it may be published: null where suppressed, rounded to 5 elsewhere. */
export function protectedCounts(received: number, handled: number): { received: number | null; handled: number | null } {
  if (small(received)) return { received: null, handled: null };
  return { received: rounded(received), handled: small(handled) || small(received - handled) ? null : rounded(handled) };
}
