import { caseStatusNotice } from '../core/workflow/status-notice.js';
import type { Message } from '../core/errors.js';
import type { ComplaintAction, ComplaintStatus, NeedCategory, NeedType, Section } from './lifecycle.js';

export const STATUS_LABELS: Record<ComplaintStatus, Message> = {
  submitted: { id: 'Menunggu verifikasi Dinas Sosial', en: 'Awaiting verification by Dinas Sosial' },
  musyawarah: { id: 'Belum terdaftar DTSEN: diusulkan ke musyawarah kelurahan', en: 'Not in the register: referred to the kelurahan deliberation' },
  proposed: { id: 'Diusulkan musyawarah kelurahan untuk masuk DTSEN', en: 'Proposed by the kelurahan deliberation for the register' },
  not_proposed: { id: 'Tidak diusulkan musyawarah kelurahan', en: 'Not proposed by the kelurahan deliberation' },
  routed: { id: 'Diteruskan ke seksi', en: 'Routed to a section' },
  visit_assigned: { id: 'Kunjungan rumah dijadwalkan', en: 'Home visit scheduled' },
  visited: { id: 'Rumah sudah dikunjungi', en: 'Home visited' },
  referred: { id: 'Dirujuk ke OPD lain', en: 'Referred to another agency' },
  assisted: { id: 'Bantuan diberikan', en: 'Assistance given' },
  refused: { id: 'Tidak dapat dibantu', en: 'Cannot be helped' },
  withdrawn: { id: 'Dicabut', en: 'Withdrawn' },
};

export const ACTION_LABELS: Record<ComplaintAction | 'submit', Message> = {
  submit: { id: 'Pengaduan diterima', en: 'Complaint received' },
  route: { id: 'Diverifikasi dan diteruskan ke seksi', en: 'Verified and routed to a section' },
  return_to_desk: { id: 'Dikembalikan ke Seksi Data', en: 'Returned to the desk' },
  assign_visit: { id: 'Relawan pendamping ditugaskan', en: 'Volunteer assigned' },
  record_visit: { id: 'Hasil kunjungan rumah', en: 'Home visit recorded' },
  assist: { id: 'Bantuan diberikan', en: 'Assistance given' },
  refer: { id: 'Dirujuk ke OPD lain', en: 'Referred to another agency' },
  referral_done: { id: 'Tindak lanjut OPD rujukan', en: 'Referral followed up' },
  refuse: { id: 'Tidak dapat dibantu', en: 'Refused' },
  propose: { id: 'Diusulkan musyawarah kelurahan', en: 'Proposed by the kelurahan deliberation' },
  not_propose: { id: 'Tidak diusulkan musyawarah kelurahan', en: 'Not proposed by the kelurahan deliberation' },
  register_match: { id: 'Terdaftar di DTSEN', en: 'Listed in the register' },
  take_emergency: { id: 'Ditangani sebagai keadaan darurat', en: 'Taken in as an emergency' },
  withdraw: { id: 'Dicabut', en: 'Withdrawn' },
  comment: { id: 'Catatan', en: 'Note' },
};

export const SECTION_LABELS: Record<Section, Message> = {
  pendidikan: { id: 'Seksi Pendidikan', en: 'Education section' },
  kesehatan: { id: 'Seksi Kesehatan', en: 'Health section' },
  sosial_ekonomi: { id: 'Seksi Sosial Ekonomi', en: 'Socio-economic section' },
};

export const NEED_CATEGORY_LABELS: Record<NeedCategory, Message> = {
  pendidikan: { id: 'Pendidikan', en: 'Education' },
  kesehatan: { id: 'Kesehatan', en: 'Health' },
  sosial_ekonomi: { id: 'Sosial ekonomi', en: 'Socio-economic' },
  darurat: { id: 'Darurat', en: 'Emergency' },
};

export const NEED_TYPE_LABELS: Record<NeedType, Message> = {
  kip_pip: { id: 'KIP / PIP', en: 'KIP / PIP school aid' },
  biaya_sekolah: { id: 'Biaya sekolah', en: 'School fees' },
  kis_pbi_jk: { id: 'KIS / PBI-JK', en: 'KIS / PBI-JK health insurance' },
  biaya_berobat: { id: 'Biaya berobat', en: 'Medical costs' },
  pkh: { id: 'PKH', en: 'PKH conditional cash transfer' },
  bpnt_sembako: { id: 'BPNT / Sembako', en: 'BPNT / Sembako food aid' },
  bantuan_tunai: { id: 'Bantuan tunai', en: 'Cash aid' },
  bantuan_pangan: { id: 'Bantuan pangan', en: 'Food aid' },
  bedah_rumah: { id: 'Bedah rumah', en: 'Housing repair' },
  sakit: { id: 'Ada yang sakit', en: 'Someone is sick' },
  tidak_ada_makanan: { id: 'Tidak ada makanan', en: 'No food' },
  bencana: { id: 'Bencana', en: 'Disaster' },
};

/** A stored need type may predate the current list; it is then shown as stored. */
export const needLabel = (type: string): Message => NEED_TYPE_LABELS[type as NeedType] ?? { id: type, en: type };

export const statusNotice = (trackingNumber: string, status: ComplaintStatus, publicMessage: string | null) =>
  caseStatusNotice({ id: 'Pengaduan', en: 'Complaint' }, { id: 'pengaduan', en: 'complaint' }, trackingNumber, STATUS_LABELS[status], publicMessage, `/kemiskinan/pengaduan/${trackingNumber}`);
