/**
 * Satu Data Indonesia (Perpres 39/2019) as the city runs it: a producer OPD (produsen data) submits
 * a new version of its dataset, and the data steward at Diskominfo (walidata) checks it — the
 * variables and their types, the Kemendagri region codes, the totals and what changed since the
 * last published version — then accepts it (published: kept for ever, never changed) or returns it
 * with the reasons. A correction is a new version with a note; every version stays downloadable.
 */
import { workflow, type Transition } from '../core/workflow/transitions.js';

export const VERSION_STATUSES = ['submitted', 'returned', 'withdrawn', 'published'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** Who acts, as the lifecycle sees it (access.ts maps principals onto these). */
export type Actor = 'producer' | 'steward';

export const TRANSITIONS = {
  accept: { from: ['submitted'], to: 'published', by: ['steward'] },
  return: { from: ['submitted'], to: 'returned', by: ['steward'] },
  withdraw: { from: ['submitted'], to: 'withdrawn', by: ['producer'] },
} as const satisfies Record<string, Transition<VersionStatus, Actor>>;

export type VersionAction = keyof typeof TRANSITIONS;
export const VERSION_ACTIONS = Object.keys(TRANSITIONS) as VersionAction[];

export const lifecycle = workflow<VersionAction, VersionStatus, Actor>(TRANSITIONS, { id: 'versi data', en: 'dataset version' });

/** The types a variable's values are checked against, cell by cell. */
export const VARIABLE_TYPES = ['text', 'integer', 'decimal', 'year', 'date', 'region_code'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/** Topics (CKAN groups), after the sectors Satu Data Indonesia uses for regional statistics. */
export const TOPICS = [
  'pemerintahan',
  'kependudukan',
  'sosial',
  'kesehatan',
  'pendidikan',
  'infrastruktur',
  'ekonomi',
  'lingkungan',
  'pelayanan-publik',
  'keterbukaan-informasi',
] as const;
export type Topic = (typeof TOPICS)[number];

export const FREQUENCIES = ['harian', 'bulanan', 'triwulanan', 'semesteran', 'tahunan', 'tidak_tetap'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const RESOURCE_FORMATS = ['CSV', 'XLSX'] as const;
export type ResourceFormat = (typeof RESOURCE_FORMATS)[number];
