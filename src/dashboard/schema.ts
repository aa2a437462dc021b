import { bigint, date, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The dashboard's figures per WIB day of arrival (day-figures.ts), kept in the database so an
 * instance that starts (or has let a day go from memory) reads a day instead of counting it again:
 * derived data, always safe to empty. `calendar` is the form of the figures and a fingerprint of the
 * holiday calendar they were counted with; `through` the newest visible timeline event when they
 * were counted, `pending` the event ids up to `through` not visible then (still committing, or never
 * to be: rolled back). A row is used only while no event newer than `through`, nor any pending one,
 * touches a report of its day (rollups.ts).
 */
export const dashboardDayFigures = pgTable('dashboard_day_figures', {
  day: date('day', { mode: 'string' }).primaryKey(),
  calendar: text('calendar').notNull(),
  through: bigint('through', { mode: 'number' }).notNull(),
  /** Null when there were too many to keep: then no event newer than `through` − LOOKBACK may touch the day. */
  pending: bigint('pending', { mode: 'number' }).array(),
  figures: jsonb('figures').notNull(),
  countedAt: timestamp('counted_at', { withTimezone: true }).notNull().defaultNow(),
});
