/**
 * The poverty-complaint lifecycle as data, like the aduan table: which action moves a complaint
 * from which states to which, and who may take it. A registered household (DTKS/DTSEN) goes to
 * the Dinas Sosial desk (Seksi Data, Pelaporan dan Pengaduan), which routes it to a section; an
 * unregistered one is guided to the musyawarah kelurahan, whose proposal may later bring it back
 * once a newer register lists the household.
 */
import { workflow, type Transition } from '../core/workflow/transitions.js';

export const SECTIONS = ['pendidikan', 'kesehatan', 'sosial_ekonomi'] as const;
export type Section = (typeof SECTIONS)[number];

export const NEED_CATEGORIES = ['pendidikan', 'kesehatan', 'sosial_ekonomi', 'darurat'] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

/** The needs a household can name, per category; `darurat` (emergency) is always urgent. */
export const NEED_TYPES = {
  pendidikan: ['kip_pip', 'biaya_sekolah'],
  kesehatan: ['kis_pbi_jk', 'biaya_berobat'],
  sosial_ekonomi: ['pkh', 'bpnt_sembako', 'bantuan_tunai', 'bantuan_pangan', 'bedah_rumah'],
  darurat: ['sakit', 'tidak_ada_makanan', 'bencana'],
} as const satisfies Record<NeedCategory, readonly string[]>;
export type NeedType = (typeof NEED_TYPES)[NeedCategory][number];
export const ALL_NEED_TYPES = Object.values(NEED_TYPES).flat() as NeedType[];

/** A complaint filed as an emergency (`darurat`) is urgent: first in the queue, verified the same working day. */
export const isUrgentCategory = (category: NeedCategory): boolean => category === 'darurat';

/** The section a need belongs to; the desk may still route elsewhere. */
export function sectionFor(category: NeedCategory, type: string): Section {
  if (category !== 'darurat') return category;
  return type === 'sakit' ? 'kesehatan' : 'sosial_ekonomi';
}

/** Programmes and aid kinds, for the register's "programmes received" and for assistance given. */
export const PROGRAMMES = ['PKH', 'BPNT', 'PBI-JK', 'PIP', 'BLT', 'TUNAI', 'PANGAN', 'BEDAH_RUMAH', 'BIAYA_BEROBAT', 'BIAYA_SEKOLAH', 'LAINNYA'] as const;
export type Programme = (typeof PROGRAMMES)[number];

export const COMPLAINT_STATUSES = [
  'submitted',
  'musyawarah',
  'proposed',
  'not_proposed',
  'routed',
  'visit_assigned',
  'visited',
  'referred',
  'assisted',
  'refused',
  'withdrawn',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Who acts, as the lifecycle sees it (access.ts maps principals onto these). */
export type Actor = 'citizen' | 'desk' | 'section' | 'volunteer' | 'operator' | 'opd' | 'system';

const AT_SECTION = ['routed', 'visit_assigned', 'visited'] as const;

export const TRANSITIONS = {
  route: { from: ['submitted'], to: 'routed', by: ['desk'] },
  return_to_desk: { from: AT_SECTION, to: 'submitted', by: ['section'] },
  assign_visit: { from: AT_SECTION, to: 'visit_assigned', by: ['section'] },
  record_visit: { from: ['visit_assigned'], to: 'visited', by: ['volunteer'] },
  // Help may come before a visit (an emergency) and again after a referral or earlier aid.
  assist: { from: ['routed', 'visited', 'referred', 'assisted'], to: 'assisted', by: ['section'] },
  refer: { from: ['routed', 'visited', 'referred', 'assisted'], to: 'referred', by: ['section'] },
  referral_done: { from: ['referred', 'assisted'], to: 'same', by: ['opd'] },
  refuse: { from: ['submitted', ...AT_SECTION], to: 'refused', by: ['desk', 'section'] },
  propose: { from: ['musyawarah'], to: 'proposed', by: ['operator'] },
  not_propose: { from: ['musyawarah'], to: 'not_proposed', by: ['operator'] },
  // A newer register lists the household: it is handled like any registered one.
  register_match: { from: ['musyawarah', 'proposed'], to: 'submitted', by: ['system', 'desk'] },
  // An emergency does not wait for the register: the desk may take an unregistered one in at once.
  take_emergency: { from: ['musyawarah', 'proposed'], to: 'submitted', by: ['desk'] },
  withdraw: { from: ['submitted', 'musyawarah'], to: 'withdrawn', by: ['citizen'] },
  comment: { from: COMPLAINT_STATUSES, to: 'same', by: ['desk', 'section'] },
} as const satisfies Record<string, Transition<ComplaintStatus, Actor>>;

export type ComplaintAction = keyof typeof TRANSITIONS;
export const COMPLAINT_ACTIONS = Object.keys(TRANSITIONS) as ComplaintAction[];

const lifecycle = workflow<ComplaintAction, ComplaintStatus, Actor>(TRANSITIONS, { id: 'pengaduan', en: 'complaint' });

export const canTransition = lifecycle.can;
/** The status after `action`, or 403 (never this actor's step) / 409 (not from this status). */
export const nextStatus = lifecycle.next;

/** Statuses in which a complaint still waits for Dinas Sosial (queues, SLA). */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['submitted', ...AT_SECTION];
/** Waiting for the kelurahan deliberation or the register. */
export const MUSYAWARAH_STATUSES: readonly ComplaintStatus[] = ['musyawarah', 'proposed'];
