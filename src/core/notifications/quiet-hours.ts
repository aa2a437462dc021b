/** Quiet hours in Asia/Jakarta (WIB, UTC+7 all year): notices to phones wait until the morning. */
const WIB_MS = 7 * 3600_000;

export function inQuietHours(at: Date, quiet: { from: number; until: number }): boolean {
  const hour = new Date(at.getTime() + WIB_MS).getUTCHours();
  return quiet.from > quiet.until ? hour >= quiet.from || hour < quiet.until : hour >= quiet.from && hour < quiet.until;
}

/** The next time the quiet hours end (`until`:00 WIB) after `at`. */
export function quietHoursEnd(at: Date, quiet: { until: number }): Date {
  const wib = new Date(at.getTime() + WIB_MS);
  const end = Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate(), quiet.until) - WIB_MS;
  return new Date(end > at.getTime() ? end : end + 86_400_000);
}
