/**
 * Statistical disclosure control for the counts of people the platform publishes (poverty
 * complaints). Following the threshold rule statistical offices use for frequency tables (BPS,
 * Eurostat's and ONS's guidance): a cell counting 1–4 households is suppressed — published empty —
 * because so few could be recognised by neighbours; a zero is shown, as it singles out no one.
 * A count derivable from published ones is a cell too: "handled" is suppressed when it, or the
 * complaints not yet handled (received − handled), is 1–4, and whenever "received" is.
 *
 * Secondary suppression is avoided by design rather than by search: the table publishes no margin
 * (no kelurahan total, no city total per need, no grand total), so there is no equation from which
 * a suppressed cell could be recovered by subtraction. A reader's sum over the published cells is a
 * lower bound, and is said so in the dataset's description.
 */
export const MIN_CELL = 5;

const small = (n: number) => n > 0 && n < MIN_CELL;

/** A received/handled pair as it may be published: null where suppressed. */
export function protectedCounts(received: number, handled: number): { received: number | null; handled: number | null } {
  if (small(received)) return { received: null, handled: null };
  return { received, handled: small(handled) || small(received - handled) ? null : handled };
}
