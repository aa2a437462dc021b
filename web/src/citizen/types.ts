import type { Message } from '../lib/i18n';

/** The shapes of the API answers the citizen pages read (see src/aduan/api-schemas.ts). */
export type ReportClass = 'pengaduan' | 'aspirasi' | 'permintaan_informasi';

export interface ReportSummary {
  trackingNumber: string;
  class: ReportClass;
  title: string;
  status: string;
  statusLabel: Message;
  category: { code: string; name: Message };
  location: { lat: number; lng: number; kelurahanCode: string; kelurahanName: string; kecamatanName: string; address: string | null };
  anonymous: boolean;
  confidential: boolean;
  createdAt: string;
  updatedAt: string;
  sla: { verifyDueAt: string | null; followUpDueAt: string | null; resolveDueAt: string | null; autoCloseAt: string | null; overdue: boolean };
}

export interface TimelineEntry {
  id: number;
  at: string;
  action: string;
  label: Message;
  toStatus: string | null;
  actor: { role: string; opdName: string | null };
  message: string | null;
  photoIds: string[];
}

export interface ReportDetail extends ReportSummary {
  description: string;
  incidentDate: string | null;
  reporter: { name: string | null } | null;
  rating: number | null;
  ratingComment: string | null;
  mergedInto: string | null;
  outsideAuthority: { level: string; agency: string; reason: string } | null;
  timeline: TimelineEntry[];
  photos: { id: string; kind: string; width: number; height: number; url: string }[];
}

export interface ReportList {
  items: ReportSummary[];
  hasMore: boolean;
}

export interface Category {
  code: string;
  name: Message;
  parentCode: string | null;
  isRoad: boolean;
}

export interface Kecamatan {
  code: string;
  name: string;
  lat: number | null;
  lng: number | null;
  kelurahan: { code: string; name: string; lat: number | null; lng: number | null }[];
}

export interface Site {
  city: { code: string; name: string; lat: number; lng: number };
  map: { tileUrl: string; attribution: string };
}

/** Statuses a public report can have (the filter of the public list). */
export const PUBLIC_STATUSES = ['verified', 'dispositioned', 'in_progress', 'resolved', 'closed', 'outside_authority'] as const;
