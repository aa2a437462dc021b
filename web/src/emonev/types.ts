import type { Role } from '../lib/session';

export const READ_ROLES: readonly Role[] = ['opd_admin', 'opd_officer', 'bappeda', 'executive', 'super_admin', 'auditor'];
export const CITY_READERS: readonly Role[] = ['bappeda', 'executive', 'super_admin', 'auditor'];
export const REPORT_ROLES: readonly Role[] = ['opd_admin', 'opd_officer'];
export const WRITE_ROLES: readonly Role[] = [...REPORT_ROLES, 'bappeda'];

export type Status = 'draft' | 'submitted' | 'returned' | 'accepted';
export interface MonthFigures {
  month: number;
  status: Status;
  physicalPct: number;
  financialRp: number;
  planPhysicalPct: number;
  planFinancialRp: number;
  physicalDeviation: number;
  submittedLate: boolean;
}
export interface SubActivity {
  id: number;
  opd: { code: string; name: string };
  year: number;
  programme: { code: string; name: string };
  activity: { code: string; name: string };
  code: string;
  name: string;
  budget: number;
  output: string;
  plan: { physical: number[]; financial: number[] };
  location: { lat: number; lng: number } | null;
  complaints: number;
  reports: { id: number; month: number; status: Status }[];
  latest: MonthFigures | null;
  lateMonths: number[];
  lagging: boolean;
}
export interface SubActivityDetail extends SubActivity {
  linkedComplaints: { trackingNumber: string; linkedAt: string }[];
}
export interface Report extends MonthFigures {
  id: number;
  subActivity: { id: number; code: string; name: string; output: string; opd: { code: string; name: string }; year: number; budget: number };
  notes: string;
  location: { lat: number; lng: number } | null;
  dueAt: string;
  firstSubmittedAt: string | null;
  returnReason: string | null;
  lagging: boolean;
  actions: string[];
  photos: { id: string; url: string; width: number; height: number }[];
  timeline: { at: string; actorName: string | null; actorRole: string; action: string; toStatus: Status; note: string | null }[];
}
export interface Share { met: number; decided: number; share: number | null }
export interface Evaluation {
  opd: { code: string; name: string };
  year: number;
  month: number;
  dueAt: string;
  rows: {
    id: number; code: string; name: string; budget: number; planPhysicalPct: number; planFinancialRp: number;
    report: { id: number; status: Status; physicalPct: number; financialRp: number; submittedLate: boolean } | null;
    physicalDeviation: number | null; late: boolean; lagging: boolean; complaints: number;
  }[];
  totals: { budget: number; planFinancialRp: number; financialRp: number; late: number; lagging: number; accepted: number };
  complaints: { received: number; handled: number; followUpSla: Share; resolveSla: Share };
  ikm: { respondents: number; ikm: number | null; converted: number | null; grade: string | null } | null;
}
