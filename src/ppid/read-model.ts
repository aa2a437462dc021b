/**
 * ppid's read model: its figures for others to read — the yearly report (Perki 1/2021: per OPD,
 * received, outcomes, working days to answer, objections), which never carries who asked, and the
 * years it covers; and, for the satisfaction survey's invitations, the requests answered since a
 * point with only the requester's means of contact. No table is lent: requests hold requesters'
 * identities.
 */
export { yearlyReport } from './archive.js';
export { answeredRequestsAfter, requestYears } from './queries.js';
