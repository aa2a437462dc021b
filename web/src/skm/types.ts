import type { Message } from '../lib/i18n';
import type { Role } from '../lib/session';

export const ENTRY_ROLES: readonly Role[] = ['super_admin', 'opd_admin', 'opd_officer', 'triage_admin', 'ppid_utama'];
/** Who may publish a unit's results (the server checks the unit is theirs). */
export const PUBLISH_ROLES: readonly Role[] = ['super_admin', 'opd_admin', 'triage_admin', 'ppid_utama'];

export interface Unit { id: number; kind: string; ref: string; name: string; publicKey: string; population: number | null }
export interface Period { id: number; name: string; startsOn: string; endsOn: string }
export interface Results {
  unit: { id: number; kind: string; name: string };
  period: Period;
  publishedAt: string | null;
  respondents: number;
  population: number | null;
  minimumSample: number | null;
  sampleSufficient: boolean | null;
  unsur: { code: string; name: Message; total: number; nrr: number | null; weighted: number | null }[];
  ikm: number | null;
  converted: number | null;
  band: { grade: string; label: Message } | null;
}
export interface Answer {
  scores: number[];
  sex?: string;
  ageBand?: string;
  education?: string;
  occupation?: string;
  suggestion?: string;
}
