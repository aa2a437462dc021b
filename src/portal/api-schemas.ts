/** Request and response schemas of the portal's API: the single source of validation, types and OpenAPI. */
import { Type, type Static } from 'typebox';
import { MessageSchema, Nullable, Page } from '../core/http/schemas.js';
import { ITEM_STATUSES, KINDS, VERDICTS, type StepAction } from './lifecycle.js';

const DateTime = Type.String({ format: 'date-time' });
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

export const KindParams = Type.Object({ kind: Type.Enum(KINDS), slug: Type.String({ pattern: SLUG_PATTERN, maxLength: 120 }) });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ImageParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const ListQuerySchema = Type.Object({
  kind: Type.Optional(Type.Enum(KINDS)),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Words (Indonesian full-text) over title, summary, claim and body; the newest 300 matches, best match first' })),
  ...Page,
});
export type ListQuery = Static<typeof ListQuerySchema>;

export const FeedQuerySchema = Type.Object({ kind: Type.Optional(Type.Enum(KINDS)) });

const SourceSchema = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 300 }),
  url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 1000 }),
});

const textFields = {
  title: Type.String({ minLength: 5, maxLength: 200 }),
  slug: Type.Optional(Type.String({ pattern: SLUG_PATTERN, maxLength: 120, description: 'The address after the kind’s page; default from the title' })),
  summary: Type.String({ minLength: 10, maxLength: 500, description: 'One or two sentences: the lead, the feeds’ and the sharing description' }),
  body: Type.String({ minLength: 10, maxLength: 50_000, description: 'Plain text, paragraphs separated by a blank line; shown as text, never as HTML' }),
  imageId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'A photo the editor uploaded (POST /uploads)' }))),
  services: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 80 }), { maxItems: 20, uniqueItems: true, description: 'Disruptions: service keys (aduan, layanan, ppid, satudata, skm, whatsapp, portal) or free text' })),
  since: Type.Optional(DateTime),
  expectedEnd: Type.Optional(Nullable(DateTime)),
  claim: Type.Optional(Type.String({ minLength: 5, maxLength: 2000, description: 'Hoax clarifications: the claim going round' })),
  verdict: Type.Optional(Type.Enum(VERDICTS)),
  sources: Type.Optional(Type.Array(SourceSchema, { maxItems: 20 })),
};

export const CreateSchema = Type.Object({ kind: Type.Enum(KINDS), ...textFields });
export type CreateInput = Static<typeof CreateSchema>;
export const EditSchema = Type.Partial(Type.Object(textFields), { minProperties: 1 });
export type EditInput = Static<typeof EditSchema>;

export const StepSchema = Type.Object({
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'Required to return or unpublish: the reasons' })),
  publishAt: Type.Optional(DateTime),
  endedAt: Type.Optional(DateTime),
});
export type StepInput = Static<typeof StepSchema>;

export const STEP_ROUTES = {
  check: 'Checker: the draft is checked (facts, language, no personal data); it can now be published',
  return: 'Checker: return the checked item to a draft, with the reasons',
  publish: 'Checker: publish a checked item (now, or at publishAt)',
  unpublish: 'Checker: take a published item down; it is a draft again, with the reasons',
  archive: 'Checker: archive the item; it leaves the desk and the public pages',
  end: 'Editor or checker: a published disruption notice is ended (now, or at endedAt); it stays published, marked ended',
} satisfies Record<StepAction, string>;

const Source = SourceSchema;
export const PublicItemSchema = Type.Object({
  kind: Type.Enum(KINDS),
  kindLabel: MessageSchema,
  slug: Type.String(),
  path: Type.String({ description: 'The public page' }),
  title: Type.String(),
  summary: Type.String(),
  body: Type.String(),
  imageUrl: Nullable(Type.String()),
  publishedAt: DateTime,
  services: Type.Array(Type.Object({ key: Type.String(), label: MessageSchema })),
  since: Nullable(DateTime),
  expectedEnd: Nullable(DateTime),
  endedAt: Nullable(DateTime),
  claim: Nullable(Type.String()),
  verdict: Nullable(Type.Object({ code: Type.Enum(VERDICTS), label: MessageSchema })),
  sources: Type.Array(Source),
  version: Type.Integer(),
});
export const PublicListSchema = Type.Object({
  items: Type.Array(Type.Omit(PublicItemSchema, ['body'])),
  hasMore: Type.Boolean({ description: 'A next page exists (a search pages through its newest 300 matches, best first)' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

const Person = Nullable(Type.Object({ role: Type.String(), name: Nullable(Type.String()) }));
export const StaffItemSchema = Type.Object({
  id: Type.Integer(),
  status: Type.Enum(ITEM_STATUSES),
  statusLabel: MessageSchema,
  allowedActions: Type.Array(Type.String()),
  item: Type.Omit(PublicItemSchema, ['publishedAt']),
  publishedAt: Nullable(DateTime),
  imageId: Nullable(Type.String()),
  updatedAt: DateTime,
  versions: Type.Array(Type.Object({ number: Type.Integer(), at: DateTime, editor: Nullable(Type.String()), title: Type.String() })),
  history: Type.Array(
    Type.Object({ at: DateTime, action: Type.String(), label: MessageSchema, fromStatus: Nullable(Type.String()), toStatus: Nullable(Type.String()), version: Type.Integer(), actor: Person, note: Nullable(Type.String()) }),
  ),
});
export type StaffItem = Static<typeof StaffItemSchema>;

export const DeskQuerySchema = Type.Object({ status: Type.Optional(Type.Enum(ITEM_STATUSES)), kind: Type.Optional(Type.Enum(KINDS)), ...Page });
export const DeskSchema = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.Integer(), kind: Type.Enum(KINDS), title: Type.String(), slug: Type.String(), status: Type.Enum(ITEM_STATUSES), statusLabel: MessageSchema, version: Type.Integer(), updatedAt: DateTime, publishedAt: Nullable(DateTime), endedAt: Nullable(DateTime) }),
  ),
  total: Type.Integer(),
});
