/**
 * The Daftar Informasi Publik (DIP, Perki 1/2021): every OPD lists the information it holds, each
 * item in its class — berkala (published periodically), serta-merta (at once, when lives or public
 * order are at stake), tersedia setiap saat (on request at any time), or dikecualikan (exempt, with
 * its legal basis and consequence test). An item goes draft → checked by the PPID → approved by the
 * head → published; a serta-merta notice the PPID Utama publishes at once.
 */
import { workflow, type Transition } from '../../core/workflow/transitions.js';

export const CATALOGUE_CLASSES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;
export type CatalogueClass = (typeof CATALOGUE_CLASSES)[number];

export const CATALOGUE_STATUSES = ['draft', 'checked', 'approved', 'published', 'retired'] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

/**
 * - author: the OPD's own staff and its PPID Pelaksana (and the PPID Utama for any OPD)
 * - ppid: the OPD's PPID Pelaksana or the PPID Utama, who check and publish
 * - head: the OPD's head (its opd_admin), or the Atasan PPID, who approve
 * - utama: the PPID Utama alone
 */
export type CatalogueActor = 'author' | 'ppid' | 'head' | 'utama';

export const CATALOGUE_TRANSITIONS = {
  check: { from: ['draft'], to: 'checked', by: ['ppid'] },
  approve: { from: ['checked'], to: 'approved', by: ['head'] },
  publish: { from: ['approved'], to: 'published', by: ['ppid'] },
  // Back to the author with the reason, from either desk.
  return: { from: ['checked', 'approved'], to: 'draft', by: ['ppid', 'head'] },
  // Serta-merta information cannot wait for the chain (UU 14/2008 Pasal 10).
  publish_now: { from: ['draft', 'checked', 'approved'], to: 'published', by: ['utama'] },
  // Out of date or replaced: no longer listed, its history kept.
  retire: { from: ['published'], to: 'retired', by: ['ppid'] },
} as const satisfies Record<string, Transition<CatalogueStatus, CatalogueActor>>;

export type CatalogueAction = keyof typeof CATALOGUE_TRANSITIONS;
export const CATALOGUE_ACTIONS = Object.keys(CATALOGUE_TRANSITIONS) as CatalogueAction[];

export const catalogueLifecycle = workflow<CatalogueAction, CatalogueStatus, CatalogueActor>(CATALOGUE_TRANSITIONS, { id: 'informasi DIP', en: 'catalogue item' });

export const CLASS_LABELS: Record<CatalogueClass, { id: string; en: string }> = {
  berkala: { id: 'Informasi berkala', en: 'Periodic information' },
  serta_merta: { id: 'Informasi serta-merta', en: 'Immediate information' },
  setiap_saat: { id: 'Informasi tersedia setiap saat', en: 'Information available at any time' },
  dikecualikan: { id: 'Informasi dikecualikan', en: 'Exempt information' },
};

export const STATUS_LABELS: Record<CatalogueStatus, { id: string; en: string }> = {
  draft: { id: 'Draf', en: 'Draft' },
  checked: { id: 'Diperiksa PPID', en: 'Checked by the PPID' },
  approved: { id: 'Disetujui pimpinan', en: 'Approved by the head' },
  published: { id: 'Diumumkan', en: 'Published' },
  retired: { id: 'Tidak berlaku', en: 'Retired' },
};
