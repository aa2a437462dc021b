/** The e-monev module's words: what its refusals name, and the rules' figures. */
export const SUB_ACTIVITY = { id: 'Sub-kegiatan', en: 'Sub-activity' };
export const REPORT = { id: 'Laporan realisasi', en: 'Realisation report' };
export const OPD = { id: 'OPD', en: 'OPD' };
export const PHOTO = { id: 'Foto', en: 'Photo' };
export const LINK = { id: 'Tautan pengaduan', en: 'Complaint link' };

/**
 * A month's report is due by the end of the 10th working day of the next month (the rhythm of the
 * city's monthly monev meetings); after that, a month with nothing submitted is late.
 */
export const DUE_WORKING_DAYS = 10;
/** Behind plan: cumulative physical realisation more than this many points below the plan. */
export const LAG_POINTS = 10;
