/**
 * kemiskinan's read model: what other modules may read of poverty complaints. Counts only — it lends
 * no table and no query that returns a household, a member or a complaint's text, since every row of
 * this module is personal data. Satu Data publishes these counts (with small cells suppressed).
 */
export { complaintCounts } from './queries.js';
export { NEED_CATEGORIES, type NeedCategory } from './lifecycle.js';
export { NEED_CATEGORY_LABELS } from './messages.js';
