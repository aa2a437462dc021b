import type { Message } from '../lib/i18n';

export interface Summary {
  trackingNumber: string;
  status: string;
  statusLabel: Message;
  needCategory: string;
  needType: string;
  needLabel: Message;
  urgent: boolean;
  registered: boolean;
  section: string | null;
  headName: string;
  kelurahanName: string;
  rt: string;
  rw: string;
  createdAt: string;
  handledAt: string | null;
  sla: { verifyDueAt: string | null; followUpDueAt: string | null; resolveDueAt: string | null; overdue: boolean };
}

export interface Detail extends Summary {
  description: string;
  sectionLabel: Message | null;
  suggestedSection: string;
  channel: string | null;
  register: { period: string | null; decile: number | null; programmes: string[] } | null;
  household: { id: number; kkMasked: string; kk: string | null; headName: string; address: string; rt: string; rw: string; kelurahanName: string; members: { name: string; relation: string; nikMasked: string; nik: string | null }[] };
  actions: string[];
  visits: { id: number; volunteerName: string; status: string; dueAt: string; visitedAt: string | null; lat: number | null; lng: number | null; recommendation: string | null; notes: string | null; checklist: Record<string, unknown> | null }[];
  assistance: { programme: string; amount: number | null; goods: string | null; givenOn: string; givenBy: string }[];
  referrals: { id: number; opdName: string; status: string; instruction: string | null; response: string | null }[];
  timeline: { id: number; at: string; label: Message; actor: { role: string; name: string | null }; message: string | null; note: string | null }[];
  photos: { id: string; url: string; width: number; height: number }[];
}

export interface Scope {
  role: string;
  section: string | null;
  kelurahanCode: string | null;
  kelurahanName: string | null;
}

/** A kind of need with the needs it covers, as `GET /kemiskinan/needs` lists them. */
export interface NeedCategory {
  code: string;
  label: Message;
  urgent: boolean;
  types: { code: string; label: Message }[];
}

export const SECTIONS = ['pendidikan', 'kesehatan', 'sosial_ekonomi'] as const;
export const PROGRAMMES = ['PKH', 'BPNT', 'PBI-JK', 'PIP', 'BLT', 'TUNAI', 'PANGAN', 'BEDAH_RUMAH', 'BIAYA_BEROBAT', 'BIAYA_SEKOLAH', 'LAINNYA'];
export const DINSOS = ['dinsos_desk', 'dinsos_section'] as const;
