import type { Message } from '../lib/i18n';
import type { Role } from '../lib/session';

/** Mirrors src/satudata/access.ts. */
export const AUTHOR_ROLES: readonly Role[] = ['opd_admin', 'opd_officer', 'walidata'];
export const DESK_ROLES: readonly Role[] = [...AUTHOR_ROLES, 'auditor'];

export type Action = 'accept' | 'return' | 'withdraw';

export interface Opd {
  code: string;
  name: string;
}

export interface Variable {
  name: string;
  label: string;
  definition: string;
  type: string;
  unit?: string;
  optional?: boolean;
  additive?: boolean;
}

export interface Resource {
  id: string;
  name: string;
  format: string;
  bytes: number;
  url: string;
}

export interface Summary {
  rowCount: number;
  totals: Record<string, number>;
  years: number[];
  regionCodes: string[];
  preview: (string | null)[][];
  series: { label: string; measure: string; by: string; points: { x: string; y: number }[] } | null;
}

export interface Version {
  number: number;
  status: 'submitted' | 'returned' | 'withdrawn' | 'published';
  statusLabel: Message;
  note: string;
  submittedAt: string;
  publishedAt: string | null;
  returnReasons: string | null;
  rowCount: number;
  resources: Resource[];
  allowedActions: Action[];
}

export interface DatasetItem {
  name: string;
  title: string;
  description: string;
  opd: Opd;
  topicLabel: Message;
  frequencyLabel: Message;
  period: string;
  unit: string;
  tags: string[];
  years: number[];
  formats: string[];
  platform: boolean;
  modifiedAt: string;
}

export interface Dataset extends DatasetItem {
  variables: Variable[];
  contactName: string;
  contactEmail: string;
  license: { id: string; title: string; url: string };
  current: { number: number; summary: Summary } | null;
  versions: Version[];
  history: { at: string; action: string; actorRole: string; version: number | null; note: string | null }[];
  canSubmit: boolean;
}

export interface VersionDetail extends Version {
  dataset: { name: string; title: string; opd: Opd };
  variables: Variable[];
  summary: Summary;
  diff: {
    previousNumber: number;
    rows: { before: number; after: number };
    totals: { variable: string; before: number | null; after: number | null }[];
    yearsAdded: number[];
    yearsRemoved: number[];
    regionsAdded: string[];
    regionsRemoved: string[];
    variablesAdded: string[];
    variablesRemoved: string[];
  } | null;
}

export type Facet = { value: string; label: string; count: number }[];
export interface SearchResult {
  items: DatasetItem[];
  total: number;
  facets: { topic: Facet; opd: Facet; year: Facet; format: Facet };
}

/** Mirrors src/satudata/lifecycle.ts and messages.ts. */
export const TOPICS = ['pemerintahan', 'kependudukan', 'sosial', 'kesehatan', 'pendidikan', 'infrastruktur', 'ekonomi', 'lingkungan', 'pelayanan-publik', 'keterbukaan-informasi'] as const;
export const FREQUENCIES = ['harian', 'bulanan', 'triwulanan', 'semesteran', 'tahunan', 'tidak_tetap'] as const;
export const VARIABLE_TYPES = ['text', 'integer', 'decimal', 'year', 'date', 'region_code'] as const;
export const LICENSE_IDS = ['CC-BY-4.0', 'CC0-1.0', 'ODC-BY-1.0'] as const;
