import type { Message } from '../lib/i18n';
import type { Role } from '../lib/session';

/** Mirrors src/portal/access.ts and lifecycle.ts. */
export const EDITOR_ROLES: readonly Role[] = ['portal_editor'];
export const DESK_ROLES: readonly Role[] = ['portal_editor', 'portal_checker', 'auditor'];

export const KINDS = ['berita', 'pengumuman', 'gangguan', 'klarifikasi'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_PATHS: Record<Kind, string> = { berita: '/berita', pengumuman: '/pengumuman', gangguan: '/gangguan', klarifikasi: '/klarifikasi-hoaks' };
export const kindOfPath = (path: string): Kind | undefined => KINDS.find((k) => path === KIND_PATHS[k] || path.startsWith(`${KIND_PATHS[k]}/`));

export const SERVICE_KEYS = ['aduan', 'layanan', 'ppid', 'satudata', 'skm', 'whatsapp', 'portal'] as const;
export const VERDICTS = ['hoaks', 'disinformasi', 'misinformasi', 'benar'] as const;

export interface PublicItem {
  kind: Kind;
  kindLabel: Message;
  slug: string;
  path: string;
  title: string;
  summary: string;
  body?: string;
  imageUrl: string | null;
  publishedAt: string;
  services: { key: string; label: Message }[];
  since: string | null;
  expectedEnd: string | null;
  endedAt: string | null;
  claim: string | null;
  verdict: { code: string; label: Message } | null;
  sources: { title: string; url: string }[];
  version: number;
}

export interface PublicList {
  items: PublicItem[];
  hasMore: boolean;
  limit: number;
  offset: number;
}

export interface StaffItem {
  id: number;
  status: string;
  statusLabel: Message;
  allowedActions: string[];
  item: Omit<PublicItem, 'publishedAt'> & { body: string };
  publishedAt: string | null;
  imageId: string | null;
  updatedAt: string;
  versions: { number: number; at: string; editor: string | null; title: string }[];
  history: { at: string; action: string; label: Message; fromStatus: string | null; toStatus: string | null; version: number; actor: { role: string; name: string | null }; note: string | null }[];
}
