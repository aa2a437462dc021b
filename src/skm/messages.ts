/** The SKM module's words: the invitation, the refusals, the kinds of unit. */
import type { Notice } from '../core/notifications/outbox.js';
import type { CaseKind, UnitKind } from './schema.js';

export const DESKS: readonly { kind: UnitKind; ref: string; name: string }[] = [
  { kind: 'aduan_desk', ref: 'pengaduan', name: 'Layanan Pengaduan Masyarakat' },
  { kind: 'ppid_desk', ref: 'ppid', name: 'Layanan Informasi Publik (PPID)' },
];

/** What finished, as the invitation opens: the case in the person's own words for it. */
const FINISHED: Record<CaseKind, (ref: string) => { id: string; en: string }> = {
  aduan: (ref) => ({ id: `Laporan ${ref} sudah selesai.`, en: `Report ${ref} is closed.` }),
  layanan: (ref) => ({ id: `Permohonan ${ref} sudah selesai.`, en: `Application ${ref} is done.` }),
  ppid: (ref) => ({ id: `Permohonan informasi ${ref} sudah dijawab.`, en: `Information request ${ref} has been answered.` }),
};

export const invitationNotice = (kind: CaseKind, caseRef: string, unitName: string, token: string): Notice => ({
  title: { id: 'Bagaimana pelayanan kami?', en: 'How did we serve you?' },
  body: {
    id: `${FINISHED[kind](caseRef).id} Mohon isi survei kepuasan ${unitName} (9 pertanyaan, sekitar 2 menit). Jawaban Anda tanpa nama.`,
    en: `${FINISHED[kind](caseRef).en} Please fill in the satisfaction survey of ${unitName} (9 questions, about 2 minutes). Your answer is anonymous.`,
  },
  link: `/skm/isi/${token}`,
});

export const UNIT = { id: 'Unit layanan', en: 'Service unit' };
export const PERIOD = { id: 'Periode survei', en: 'Survey period' };
export const INVITATION = { id: 'Undangan survei', en: 'Survey invitation' };
