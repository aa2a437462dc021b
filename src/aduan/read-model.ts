/**
 * aduan's read model: the tables, SQL fragments and queries other modules may read directly. The
 * dashboard (figures per day of arrival) and Open311 (GeoReport lists) are read adapters of aduan:
 * they read these and never write them — every change goes through aduan's `act`, which writes the
 * timeline event that the dashboard's kept day figures are dropped by. (The boundaries test checks
 * both: no other import of aduan's files, no write to these tables outside aduan.)
 */
export { categories, dispositions, reportEvents, reports } from './schema.js';
export {
  activeServices,
  existingReports,
  firstPhotos,
  latestPublicMessages,
  leadAgencies,
  listReports,
  overdueExpr,
  overdueFrom,
  reportSummary,
  trackingNumberOf,
  type ListedReport,
} from './queries.js';
