import type { Message } from '../lib/i18n';

/** Answers of /api/v1/dashboard/* (see the server's routes.ts schemas). */
export interface Share {
  met: number;
  decided: number;
  share: number | null;
}
export interface Medians {
  verify: number | null;
  followUp: number | null;
  resolve: number | null;
}
export interface KelurahanCount {
  code: string;
  name: string;
  kecamatan: string;
  count: number;
}
export interface OpdRow {
  code: string;
  name: string;
  shortName: string;
  reports: number;
  dispositions: number;
  followUpSla: Share;
  resolveSla: Share;
  medians: Medians;
  rank: number | null;
}
export interface Summary {
  period: { from: string; to: string; generatedAt: string };
  unit: 'working_days';
  sla: { verifyWorkingDays: number; followUpWorkingDays: number };
  exportMaxRows: number;
  totals: { received: number; open: number; resolved: number; overdue: number; verifySla: Share; followUpSla: Share; resolveSla: Share; medians: Medians };
  byStatus: { code: string; label: Message; count: number }[];
  byCategory: { code: string; label: Message; count: number }[];
  byKelurahan: KelurahanCount[];
  byOpd: OpdRow[];
  trend: { week: string; received: number; resolved: number }[];
}
export interface OpenMap {
  total: number;
  confidentialExcluded: number;
  mode: 'points' | 'clusters';
  points: { trackingNumber: string; lat: number; lng: number; status: string; statusLabel: Message; category: Message; overdue: boolean }[];
  clusters: { lat: number; lng: number; count: number }[];
  capped: boolean;
  byKelurahan: KelurahanCount[];
}
