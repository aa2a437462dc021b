/** Request and response schemas of the catalogue (DIP) API: the single source of validation, types and OpenAPI. */
import { Type, type Static } from 'typebox';
import { MessageSchema, Nullable, Page } from '../../core/http/schemas.js';
import { EXEMPTION_CODES } from '../lifecycle.js';
import { CATALOGUE_ACTIONS, CATALOGUE_CLASSES, CATALOGUE_STATUSES, type CatalogueAction } from './lifecycle.js';

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

export const ItemParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const DocumentParams = Type.Object({ id: Type.Integer({ minimum: 1 }), documentId: Type.String({ format: 'uuid' }) });

export const CatalogueQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Full-text search (Indonesian) over title and summary; best match first' })),
  opd: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'OPD code, e.g. PUPR' })),
  class: Type.Optional(Type.Enum(CATALOGUE_CLASSES)),
  ...Page,
});

export const DeskQuerySchema = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 200, description: 'Comma-separated statuses' })),
  ...Page,
});

const itemFields = {
  class: Type.Enum(CATALOGUE_CLASSES, { description: 'berkala (periodic), serta_merta (immediate), setiap_saat (at any time), dikecualikan (exempt)' }),
  title: Type.String({ minLength: 3, maxLength: 300 }),
  summary: Type.String({ minLength: 10, maxLength: 4000, description: 'Ringkasan isi informasi' }),
  responsible: Type.String({ minLength: 2, maxLength: 300, description: 'Pejabat or unit that holds and answers for it' }),
  format: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. PDF, XLSX, Cetak (print), Situs web' }),
  period: Type.String({ minLength: 1, maxLength: 100, description: 'The time it covers or when it is made, e.g. 2026, Triwulan I 2026, Setiap tahun' }),
  retention: Type.String({ minLength: 1, maxLength: 200, description: 'Jangka waktu penyimpanan, e.g. 5 tahun, Permanen' }),
  exemption: Type.Optional(Type.Enum(EXEMPTION_CODES, { description: 'Exempt items: the Pasal 17 letter (a–j)' })),
  legalBasis: Type.Optional(Text(1000, 'Exempt items: the legal basis of the exemption')),
  consequenceTest: Type.Optional(Text(4000, 'Exempt items: the consequence test (uji konsekuensi)')),
  documentIds: Type.Optional(
    Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20, uniqueItems: true, description: 'Its files (POST /uploads/documents), in order; never for an exempt item' }),
  ),
};

export const CreateSchema = Type.Object({
  ...itemFields,
  opdCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'The OPD holding the information; default the author’s own (the PPID Utama names it)' })),
  replacesId: Type.Optional(Type.Integer({ minimum: 1, description: 'A published item this one replaces: publishing this retires it' })),
});
export type CreateInput = Static<typeof CreateSchema>;

export const EditSchema = Type.Partial(Type.Object(itemFields), {
  minProperties: 1,
  description: 'The fields to change; documentIds is the whole list of files the draft keeps, new ones added',
});
export type EditInput = Static<typeof EditSchema>;

export const StepSchema = Type.Object({ note: Type.Optional(Text(4000, 'Shown in the history; required to return or retire')) });
export type StepInput = Static<typeof StepSchema>;

/** One POST per step; paths use the lifecycle's words. */
export const STEP_ROUTES = {
  check: { path: 'check', summary: 'PPID (the OPD’s Pelaksana or the PPID Utama): the draft is checked and goes to the head' },
  approve: { path: 'approve', summary: 'The OPD’s head (its opd_admin) or the Atasan PPID: approve for publication' },
  publish: { path: 'publish', summary: 'PPID: publish the approved item (and retire the one it replaces)' },
  return: { path: 'return', summary: 'PPID or head: back to the author as a draft, with the reason' },
  publish_now: { path: 'publish-now', summary: 'PPID Utama: publish a serta-merta notice at once, without the chain (UU 14/2008 Pasal 10)' },
  retire: { path: 'retire', summary: 'PPID: no longer valid; unlisted, its history kept (with the reason)' },
} satisfies Record<CatalogueAction, { path: string; summary: string }>;

const Opd = Type.Object({ code: Type.String(), name: Type.String() });
const DocumentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  mime: Type.String(),
  bytes: Type.Integer(),
  url: Type.String({ description: 'Download' }),
});

const itemOut = {
  id: Type.Integer(),
  opd: Opd,
  class: Type.Enum(CATALOGUE_CLASSES),
  classLabel: MessageSchema,
  title: Type.String(),
  summary: Type.String(),
  responsible: Type.String(),
  format: Type.String(),
  period: Type.String(),
  retention: Type.String(),
  exemption: Nullable(Type.Enum(EXEMPTION_CODES)),
  exemptionLabel: Nullable(MessageSchema),
  legalBasis: Nullable(Type.String()),
  consequenceTest: Nullable(Type.String()),
  status: Type.Enum(CATALOGUE_STATUSES),
  statusLabel: MessageSchema,
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  updatedAt: Type.String({ format: 'date-time' }),
  documents: Type.Array(DocumentSchema, { description: 'Never for an exempt item; for the public only while published' }),
};

export const ItemSchema = Type.Object(itemOut);
export const ListSchema = Type.Object({
  items: Type.Array(ItemSchema),
  total: Type.Integer(),
  broadened: Type.Optional(Type.Boolean({ description: 'No item matched every word: items matching any of them, best first' })),
});

export const DetailSchema = Type.Object({
  ...itemOut,
  replacesId: Nullable(Type.Integer()),
  replacedById: Nullable(Type.Integer()),
  history: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      action: Type.String(),
      actorRole: Type.String(),
      fromStatus: Nullable(Type.String()),
      toStatus: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
    { description: 'For the staff in scope; empty for everyone else' },
  ),
  allowedActions: Type.Array(Type.Enum(CATALOGUE_ACTIONS)),
  editable: Type.Boolean({ description: 'The caller may edit it (a draft, by its OPD’s authors)' }),
});
