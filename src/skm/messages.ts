/** The SKM module's words: the invitation, the refusals, the kinds of unit. */
import type { Notice } from '../core/notifications/outbox.js';
import type { UnitKind } from './schema.js';

export const DESKS: readonly { kind: UnitKind; ref: string; name: string }[] = [
  { kind: 'aduan_desk', ref: 'pengaduan', name: 'Layanan Pengaduan Masyarakat' },
  { kind: 'ppid_desk', ref: 'ppid', name: 'Layanan Informasi Publik (PPID)' },
];

export const invitationNotice = (caseRef: string, unitName: string, token: string): Notice => ({
  title: { id: 'Bagaimana pelayanan kami?', en: 'How did we serve you?' },
  body: {
    id: `Laporan ${caseRef} sudah selesai. Mohon isi survei kepuasan ${unitName} (9 pertanyaan, sekitar 2 menit). Jawaban Anda tanpa nama.`,
    en: `Report ${caseRef} is closed. Please fill in the satisfaction survey of ${unitName} (9 questions, about 2 minutes). Your answer is anonymous.`,
  },
  link: `/skm/isi/${token}`,
});

export const UNIT = { id: 'Unit layanan', en: 'Service unit' };
export const PERIOD = { id: 'Periode survei', en: 'Survey period' };
export const INVITATION = { id: 'Undangan survei', en: 'Survey invitation' };
