/** What the portal shows: the public lists and pages, and the desk's items with their versions and history. */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { notFound } from '../core/errors.js';
import { actorOf, DESK_ROLES } from './access.js';
import { lifecycle, STEP_ACTIONS, type Kind, type ItemStatus } from './lifecycle.js';
import { ACTION_LABELS, ITEM, KIND_LABELS, KIND_PATHS, SERVICE_LABELS, STATUS_LABELS, VERDICT_LABELS } from './messages.js';
import type { ListQuery, StaffItem } from './api-schemas.js';
import * as q from './queries.js';

export const itemPath = (kind: Kind, slug: string) => `${KIND_PATHS[kind]}/${slug}`;
export const imageUrl = (uploadId: string | null) => (uploadId ? `/api/v1/portal/images/${uploadId}` : null);
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** An item as anyone reads it (the list leaves the body out). */
export function publicView(r: q.ListRow & { body?: string }) {
  return {
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind],
    slug: r.slug,
    path: itemPath(r.kind, r.slug),
    title: r.title,
    summary: r.summary,
    ...(r.body === undefined ? {} : { body: r.body }),
    imageUrl: imageUrl(r.imageUploadId),
    publishedAt: r.publishedAt!.toISOString(),
    services: r.services.map((key) => ({ key, label: SERVICE_LABELS[key] ?? { id: key, en: key } })),
    since: iso(r.since),
    expectedEnd: iso(r.expectedEnd),
    endedAt: iso(r.endedAt),
    claim: r.claim,
    verdict: r.verdict ? { code: r.verdict, label: VERDICT_LABELS[r.verdict] } : null,
    sources: r.sources,
    version: r.version,
  };
}

export async function listPublic(ctx: AppContext, query: ListQuery) {
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  const { rows, hasMore } = await q.publicList(ctx.db, { kind: query.kind, q: query.q, limit, offset }, ctx.clock());
  return { items: rows.map(publicView), hasMore, limit, offset };
}

export async function publicItem(ctx: AppContext, kind: Kind, slug: string) {
  const row = await q.publishedBySlug(ctx.db, kind, slug, ctx.clock());
  if (!row) throw notFound(ITEM);
  return { ...publicView(row), body: row.body };
}

/** The steps the caller may take now, in the table's order. */
const allowed = (p: Principal, status: ItemStatus, kind: Kind, ended: boolean): string[] => {
  if (p.role === 'auditor') return [];
  const actor = actorOf(p.role);
  const steps = STEP_ACTIONS.filter((a) => lifecycle.can(a, status, actor) && (a !== 'end' || (kind === 'gangguan' && !ended)));
  return lifecycle.can('edit', status, actor) ? ['edit', ...steps] : steps;
};

export async function staffItem(ctx: AppContext, p: Principal, id: number): Promise<StaffItem> {
  const row = await q.itemById(ctx.db, id);
  if (!row) throw notFound(ITEM);
  const [versions, history] = await Promise.all([q.versionsOf(ctx.db, id), q.historyOf(ctx.db, id)]);
  const { publishedAt: _, ...item } = publicView({ ...row, publishedAt: row.publishedAt ?? row.updatedAt });
  return {
    id: row.id,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    allowedActions: allowed(p, row.status, row.kind, row.endedAt !== null),
    item: { ...item, body: row.body },
    publishedAt: iso(row.publishedAt),
    imageId: row.imageUploadId,
    updatedAt: row.updatedAt.toISOString(),
    versions: versions.map((v) => ({ number: v.number, at: v.at.toISOString(), editor: v.editor, title: v.text.title })),
    history: history.map(({ event: e, actorName }) => ({
      at: e.at.toISOString(),
      action: e.action,
      label: ACTION_LABELS[e.action as keyof typeof ACTION_LABELS] ?? { id: e.action, en: e.action },
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      version: e.version,
      actor: { role: e.actorRole, name: actorName },
      note: e.internalNote,
    })),
  };
}

export async function desk(ctx: AppContext, query: { status?: ItemStatus | undefined; kind?: Kind | undefined; limit?: number | undefined; offset?: number | undefined }) {
  const { rows, total } = await q.deskList(ctx.db, { status: query.status, kind: query.kind, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, slug: r.slug, status: r.status, statusLabel: STATUS_LABELS[r.status], version: r.version, updatedAt: r.updatedAt.toISOString(), publishedAt: iso(r.publishedAt), endedAt: iso(r.endedAt) })),
    total,
  };
}

const PHOTO = { id: 'Foto', en: 'Photo' };

/** An item's photo: anyone's once the item is published, the desk's before. */
export async function photo(ctx: AppContext, p: Principal | null, uploadId: string) {
  const published = await q.publishedImage(ctx.db, uploadId, ctx.clock());
  const file = published ?? (p && DESK_ROLES.includes(p.role) ? await q.itemImage(ctx.db, uploadId) : undefined);
  if (!file) throw notFound(PHOTO);
  return { mime: file.mime, data: await ctx.storage.get(file.fileKey), published: !!published };
}
