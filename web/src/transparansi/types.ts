import type { Message } from '../lib/i18n';

export type Health = 'up' | 'degraded' | 'down' | 'unknown';

export interface Status {
  builtAt: string;
  ageSeconds: number;
  checkSeconds: number;
  overall: 'up' | 'degraded' | 'down';
  components: { key: string; label: Message; status: Health; detail: Message | null }[];
  modules: { name: string; summary: string; status: Health }[];
  disruptions: { title: string; summary: string; path: string; services: string[]; since: string; expectedEnd: string | null }[];
  disruptionsReadAt: string | null;
}

export interface Share {
  met: number;
  decided: number;
  share: number | null;
}

interface OpdRef {
  code: string;
  name: string;
}

interface PpidRow {
  received: number;
  successful: number;
  partiallySuccessful: number;
  rejected: number;
  open: number;
  answeredLate: number;
  averageWorkingDays: number | null;
  objections: number;
}

export interface Transparency {
  year: number;
  generatedAt: string;
  complaints: {
    total: { received: number; handled: number; followUpSla: Share; resolveSla: Share };
    byOpd: (OpdRef & { received: number; handled: number; followUpSla: Share; resolveSla: Share })[];
  };
  ikm: { name: string; opd: OpdRef | null; respondents: number; converted: number | null; grade: string | null; label: Message | null }[];
  ppid: { total: PpidRow; byOpd: (PpidRow & { opd: OpdRef | null })[] };
  emonev: { opd: OpdRef; subActivities: number; reported: number; budget: number; financialRp: number; financialPct: number | null; physicalPct: number | null }[];
}
