import type { Message } from '../core/errors.js';
import { caseStatusNotice } from '../core/workflow/status-notice.js';
import type { ApplicationStatus } from './lifecycle.js';

export const APPLICATION = { id: 'Permohonan layanan', en: 'Application' };
export const SERVICE = { id: 'Layanan', en: 'Service' };

export const STATUS_LABELS: Record<ApplicationStatus, Message> = {
  draft: { id: 'Draf (belum diajukan)', en: 'Draft (not submitted)' },
  submitted: { id: 'Diajukan, menunggu pemeriksaan', en: 'Submitted, awaiting review' },
  in_process: { id: 'Sedang diproses', en: 'Being processed' },
  correction_requested: { id: 'Perlu perbaikan dari pemohon', en: 'Correction needed from the applicant' },
  approved: { id: 'Disetujui, dokumen sedang diterbitkan', en: 'Approved, document being issued' },
  issued: { id: 'Selesai: dokumen terbit', en: 'Done: document issued' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  withdrawn: { id: 'Dicabut oleh pemohon', en: 'Withdrawn by the applicant' },
};

/** The applicant's page of an application. */
const applicationLink = (number: string) => `/layanan/permohonan/${number}`;

export const statusNotice = (number: string, status: ApplicationStatus, publicMessage: string | null) =>
  caseStatusNotice({ id: 'Permohonan layanan', en: 'Application' }, { id: 'permohonan', en: 'application' }, number, STATUS_LABELS[status], publicMessage, applicationLink(number));
