import type { Message } from '../core/errors.js';
import type { ReportAction, ReportStatus } from './lifecycle.js';

export const STATUS_LABELS: Record<ReportStatus, Message> = {
  submitted: { id: 'Diterima', en: 'Submitted' },
  postponed: { id: 'Ditunda', en: 'Postponed' },
  verified: { id: 'Diverifikasi', en: 'Verified' },
  dispositioned: { id: 'Didisposisikan', en: 'Forwarded to agency' },
  in_progress: { id: 'Sedang ditindaklanjuti', en: 'In progress' },
  resolved: { id: 'Selesai ditangani', en: 'Resolved' },
  closed: { id: 'Ditutup', en: 'Closed' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
  outside_authority: { id: 'Bukan kewenangan Pemko', en: 'Outside city authority' },
  merged: { id: 'Digabung dengan laporan lain', en: 'Merged into another report' },
  withdrawn: { id: 'Dicabut pelapor', en: 'Withdrawn' },
};

export const ACTION_LABELS: Record<ReportAction | 'submit', Message> = {
  submit: { id: 'Laporan dikirim', en: 'Report submitted' },
  verify: { id: 'Laporan diverifikasi', en: 'Report verified' },
  postpone: { id: 'Verifikasi ditunda', en: 'Verification postponed' },
  reject: { id: 'Laporan ditolak', en: 'Report rejected' },
  outside_authority: { id: 'Diteruskan ke instansi berwenang', en: 'Referred to the responsible authority' },
  archive: { id: 'Laporan diarsipkan', en: 'Report archived' },
  merge: { id: 'Digabung dengan laporan serupa', en: 'Merged with a similar report' },
  disposition: { id: 'Didisposisikan ke OPD', en: 'Forwarded to the agency' },
  accept: { id: 'Diterima OPD', en: 'Accepted by the agency' },
  follow_up: { id: 'Tindak lanjut', en: 'Follow-up' },
  return_to_triage: { id: 'Dikembalikan ke admin', en: 'Returned to triage' },
  forward: { id: 'Dialihkan ke OPD lain', en: 'Passed to another agency' },
  add_co_handler: { id: 'OPD pendamping ditambahkan', en: 'Co-handling agency added' },
  resolve: { id: 'Selesai ditangani', en: 'Resolved' },
  confirm: { id: 'Dikonfirmasi pelapor', en: 'Confirmed by the reporter' },
  reopen: { id: 'Dibuka kembali oleh pelapor', en: 'Reopened by the reporter' },
  auto_close: { id: 'Ditutup otomatis', en: 'Closed automatically' },
  withdraw: { id: 'Dicabut pelapor', en: 'Withdrawn by the reporter' },
  rate: { id: 'Penilaian pelapor', en: 'Reporter rating' },
  comment: { id: 'Catatan', en: 'Note' },
};

export function statusNotice(trackingNumber: string, status: ReportStatus, publicMessage: string | null) {
  const label = STATUS_LABELS[status];
  return {
    title: { id: `Laporan ${trackingNumber}: ${label.id}`, en: `Report ${trackingNumber}: ${label.en}` },
    body: {
      id: publicMessage ?? `Status laporan Anda sekarang: ${label.id}.`,
      en: publicMessage ?? `Your report's status is now: ${label.en}.`,
    },
    link: `/laporan/${trackingNumber}`,
    template: { kind: 'status' as const, params: [trackingNumber, label.id, publicMessage ?? '-'] },
  };
}
