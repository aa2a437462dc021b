import type { Message } from '../lib/i18n';

/** Shapes of the API answers the staff desk reads (see /api/docs for the full schemas). */
export interface Sla {
  verifyDueAt: string | null;
  followUpDueAt: string | null;
  resolveDueAt: string | null;
  autoCloseAt: string | null;
  overdue: boolean;
  nextDueAt: string | null;
  workingDaysLeft?: number | null;
}

export interface Summary {
  trackingNumber: string;
  class: string;
  title: string;
  status: string;
  statusLabel: Message;
  category: { code: string; name: Message };
  location: { lat: number; lng: number; kelurahanCode: string; kelurahanName: string; kecamatanName: string; address: string | null };
  jurisdiction: 'kota' | 'provinsi' | 'nasional';
  anonymous: boolean;
  confidential: boolean;
  createdAt: string;
  updatedAt: string;
  sla: Sla;
}

export interface Disposition {
  opdCode: string;
  opdName: string;
  role: 'lead' | 'co';
  status: 'active' | 'returned' | 'forwarded' | 'done';
  instruction: string | null;
  createdAt: string;
  followUpDueAt: string;
  acceptedAt: string | null;
  firstFollowUpAt: string | null;
  doneAt: string | null;
  workingDaysLeft?: number | null;
}

export interface TimelineEvent {
  id: number;
  at: string;
  action: string;
  label: Message;
  actor: { role: string; opdName: string | null; name: string | null };
  message: string | null;
  note: string | null;
  photoIds: string[];
}

export interface Detail extends Summary {
  description: string;
  incidentDate: string | null;
  reporter: { name: string | null; email: string | null; phone: string | null; nikMasked: string | null } | null;
  outsideAuthority: { level: string; agency: string; reason: string } | null;
  mergedInto: string | null;
  dispositions: Disposition[];
  timeline: TimelineEvent[];
  photos: { id: string; kind: string; width: number; height: number; url: string }[];
  actions: { action: string; path: string }[];
}

export interface Similar {
  trackingNumber: string;
  title: string;
  statusLabel: Message;
  category: { code: string; name: Message };
  kelurahanName: string;
  createdAt: string;
  distanceM: number;
  textScore: number;
}

export interface Opd {
  id: number;
  code: string;
  name: string;
  shortName: string;
  isTriage: boolean;
  active?: boolean;
}

export interface Category {
  code: string;
  name: Message;
  parentCode: string | null;
  defaultOpdCode: string | null;
  resolveWorkingDays: number;
  isRoad: boolean;
  active: boolean;
}

export interface Officer {
  id: string;
  fullName: string;
  email: string | null;
  role: string;
  active: boolean;
  createdAt: string;
}

export interface Holiday {
  date: string;
  kind: 'libur_nasional' | 'cuti_bersama';
  name: string;
}

export interface Road {
  id: number;
  name: string;
  status: 'nasional' | 'provinsi' | 'kota';
  lengthKm: number | null;
  active: boolean;
}

export interface Kecamatan {
  code: string;
  name: string;
  kelurahan: { code: string; name: string; lat: number | null; lng: number | null; hasBoundary: boolean }[];
}
