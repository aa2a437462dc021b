/** The catalogue API's shapes (src/ppid/catalogue/api-schemas.ts) and its codes' words. */
import type { Message } from '../../lib/i18n';
import type { Role } from '../../lib/session';

export const CLASSES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;
export const CLASS_LABELS: Record<(typeof CLASSES)[number], Message> = {
  berkala: { id: 'Informasi berkala', en: 'Periodic information' },
  serta_merta: { id: 'Informasi serta-merta', en: 'Immediate information' },
  setiap_saat: { id: 'Informasi tersedia setiap saat', en: 'Information available at any time' },
  dikecualikan: { id: 'Informasi dikecualikan', en: 'Exempt information' },
};
export const STATUSES = ['draft', 'checked', 'approved', 'published', 'retired'] as const;
export const STATUS_LABELS: Record<(typeof STATUSES)[number], Message> = {
  draft: { id: 'Draf', en: 'Draft' },
  checked: { id: 'Diperiksa PPID', en: 'Checked by the PPID' },
  approved: { id: 'Disetujui pimpinan', en: 'Approved by the head' },
  published: { id: 'Diumumkan', en: 'Published' },
  retired: { id: 'Tidak berlaku', en: 'Retired' },
};
export const ACTIONS = ['check', 'approve', 'publish', 'return', 'publish_now', 'retire'] as const;
export type Action = (typeof ACTIONS)[number];
/** Steps whose note is the reason the history must carry. */
export const NOTE_REQUIRED: readonly Action[] = ['return', 'retire'];

/** Who works on the catalogue (the server checks every item's scope). */
export const AUTHOR_ROLES: readonly Role[] = ['opd_admin', 'opd_officer', 'ppid_pelaksana', 'ppid_utama'];
export const DESK_ROLES: readonly Role[] = [...AUTHOR_ROLES, 'atasan_ppid', 'auditor'];

export interface CatalogueDocument {
  id: string;
  name: string;
  mime: string;
  bytes: number;
  url: string;
}

export interface CatalogueItem {
  id: number;
  opd: { code: string; name: string };
  class: (typeof CLASSES)[number];
  classLabel: Message;
  title: string;
  summary: string;
  responsible: string;
  format: string;
  period: string;
  retention: string;
  exemption: string | null;
  exemptionLabel: Message | null;
  legalBasis: string | null;
  consequenceTest: string | null;
  status: (typeof STATUSES)[number];
  statusLabel: Message;
  publishedAt: string | null;
  updatedAt: string;
  documents: CatalogueDocument[];
}

export interface CatalogueDetail extends CatalogueItem {
  replacesId: number | null;
  replacedById: number | null;
  history: { at: string; action: string; actorRole: string; fromStatus: string | null; toStatus: string | null; note: string | null }[];
  allowedActions: Action[];
  editable: boolean;
}
