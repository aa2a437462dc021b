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

export const NEEDS: Record<string, string[]> = {
  pendidikan: ['kip_pip', 'biaya_sekolah'],
  kesehatan: ['kis_pbi_jk', 'biaya_berobat'],
  sosial_ekonomi: ['pkh', 'bpnt_sembako', 'bantuan_tunai', 'bantuan_pangan', 'bedah_rumah'],
  darurat: ['sakit', 'tidak_ada_makanan', 'bencana'],
};

export const NEED_LABELS: Record<string, Message> = {
  kip_pip: { id: 'KIP / PIP', en: 'KIP / PIP school aid' },
  biaya_sekolah: { id: 'Biaya sekolah', en: 'School fees' },
  kis_pbi_jk: { id: 'KIS / PBI-JK', en: 'KIS / PBI-JK health insurance' },
  biaya_berobat: { id: 'Biaya berobat', en: 'Medical costs' },
  pkh: { id: 'PKH', en: 'PKH cash transfer' },
  bpnt_sembako: { id: 'BPNT / Sembako', en: 'BPNT / Sembako food aid' },
  bantuan_tunai: { id: 'Bantuan tunai', en: 'Cash aid' },
  bantuan_pangan: { id: 'Bantuan pangan', en: 'Food aid' },
  bedah_rumah: { id: 'Bedah rumah', en: 'Housing repair' },
  sakit: { id: 'Ada yang sakit', en: 'Someone is sick' },
  tidak_ada_makanan: { id: 'Tidak ada makanan', en: 'No food' },
  bencana: { id: 'Bencana', en: 'Disaster' },
};

export const SECTIONS = ['pendidikan', 'kesehatan', 'sosial_ekonomi'] as const;
export const PROGRAMMES = ['PKH', 'BPNT', 'PBI-JK', 'PIP', 'BLT', 'TUNAI', 'PANGAN', 'BEDAH_RUMAH', 'BIAYA_BEROBAT', 'BIAYA_SEKOLAH', 'LAINNYA'];
export const DINSOS = ['dinsos_desk', 'dinsos_section'] as const;
