/** Reading the catalogue: the public list and search, an item as the caller may see it, the desks' work list, downloads. */
import type { AppContext } from '../../core/context.js';
import type { Principal } from '../../core/auth/principal.js';
import { invalid, notFound } from '../../core/errors.js';
import { EXEMPTIONS } from '../lifecycle.js';
import { opdByCode, opdNames } from '../queries.js';
import { CITY_WIDE, actorsFor, canRead, inScope } from './access.js';
import { CATALOGUE_ACTIONS, CATALOGUE_STATUSES, CLASS_LABELS, STATUS_LABELS, catalogueLifecycle, type CatalogueClass, type CatalogueStatus } from './lifecycle.js';
import { ITEM } from './actions.js';
import * as q from './queries.js';

type Opds = Map<number, { code: string; name: string }>;
type Doc = Awaited<ReturnType<typeof q.documentsOf>>[number];

const documentUrl = (itemId: number, documentId: string) => `/api/v1/ppid/catalogue/${itemId}/documents/${documentId}`;

/** The public may download a published item's files; an exempt item never has any. */
const filesArePublic = (item: Pick<q.ItemRow, 'status' | 'class'>) => item.status === 'published' && item.class !== 'dikecualikan';

function view(item: q.ItemRow, opds: Opds, docs: readonly Doc[], showFiles: boolean) {
  return {
    id: item.id,
    opd: opds.get(item.opdId) ?? { code: '', name: '' },
    class: item.class,
    classLabel: CLASS_LABELS[item.class],
    title: item.title,
    summary: item.summary,
    responsible: item.responsible,
    format: item.format,
    period: item.period,
    retention: item.retention,
    exemption: item.exemption,
    exemptionLabel: item.exemption ? EXEMPTIONS[item.exemption] : null,
    legalBasis: item.legalBasis,
    consequenceTest: item.consequenceTest,
    status: item.status,
    statusLabel: STATUS_LABELS[item.status],
    publishedAt: item.publishedAt?.toISOString() ?? null,
    updatedAt: item.updatedAt.toISOString(),
    documents: showFiles && item.class !== 'dikecualikan' ? docs.filter((d) => d.itemId === item.id).map((d) => ({ id: d.id, name: d.name, mime: d.mime, bytes: d.bytes, url: documentUrl(item.id, d.id) })) : [],
  };
}

async function views(ctx: AppContext, rows: q.ItemRow[], showFiles: (item: q.ItemRow) => boolean) {
  const [opds, docs] = await Promise.all([opdNames(ctx.db), q.documentsOf(ctx.db, rows.map((r) => r.id))]);
  return rows.map((r) => view(r, opds, docs, showFiles(r)));
}

export interface CatalogueQuery {
  q?: string | undefined;
  opd?: string | undefined;
  class?: CatalogueClass | undefined;
  limit: number;
  offset: number;
}

/**
 * The published catalogue, for anyone: Indonesian full-text search, best match first. When no item
 * has every word (a request's whole sentence, as the request form sends it), items with any of them.
 */
export async function publicCatalogue(ctx: AppContext, query: CatalogueQuery) {
  let opdId: number | undefined;
  if (query.opd) {
    const opd = await opdByCode(ctx.db, query.opd);
    if (!opd) throw invalid('unknown_opd', 'OPD tidak dikenal.', 'Unknown agency (OPD).', 'opd');
    opdId = opd.id;
  }
  const filter = { q: query.q, opdId, class: query.class, statuses: ['published'] as const, limit: query.limit, offset: query.offset };
  let found = await q.listItems(ctx.db, filter);
  const broadened = !!query.q && found.total === 0;
  if (broadened) found = await q.listItems(ctx.db, { ...filter, anyWord: true });
  return { items: await views(ctx, found.rows, filesArePublic), total: found.total, ...(query.q ? { broadened } : {}) };
}

/** An item with its history and the caller's next steps; before publication only for the staff in scope. */
export async function itemDetail(ctx: AppContext, p: Principal | null, id: number) {
  const item = await q.findItem(ctx.db, id);
  if (!item || !canRead(p, item)) throw notFound(ITEM);
  const staff = inScope(p, item);
  const [shown] = await views(ctx, [item], (r) => staff || filesArePublic(r));
  const actors = actorsFor(p, item);
  const history = staff ? await q.historyOf(ctx.db, id) : [];
  return {
    ...shown!,
    replacesId: item.replacesId,
    // Publishing a replacement is what retires an item: only a retired one has one.
    replacedById: item.status === 'retired' ? await q.replacementOf(ctx.db, id) : null,
    history: history.map((e) => ({ at: e.at.toISOString(), action: e.action, actorRole: e.actorRole, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.internalNote })),
    allowedActions: CATALOGUE_ACTIONS.filter((a) => actors.some((actor) => catalogueLifecycle.can(a, item.status, actor)) && (a !== 'publish_now' || item.class === 'serta_merta')),
    editable: item.status === 'draft' && actors.includes('author'),
  };
}

/** The desk's list: every item of the caller's scope (an OPD's staff: their OPD's), those waiting longest first. */
export async function deskList(ctx: AppContext, p: Principal, query: { status?: string | undefined; limit: number; offset: number }) {
  const statuses = query.status ? query.status.split(',').map((s) => s.trim()) : [...CATALOGUE_STATUSES];
  const bad = statuses.find((s) => !CATALOGUE_STATUSES.includes(s as CatalogueStatus));
  if (bad !== undefined) throw invalid('unknown_status', `Status tidak dikenal: ${bad}.`, `Unknown status: ${bad}.`, 'status');
  const cityWide = CITY_WIDE.includes(p.role);
  // Staff not yet placed in an OPD have nothing in their scope.
  if (!cityWide && p.opdId === null) return { items: [], total: 0 };
  const { rows, total } = await q.deskItems(ctx.db, { opdId: cityWide ? undefined : p.opdId!, statuses: statuses as CatalogueStatus[], limit: query.limit, offset: query.offset });
  return { items: await views(ctx, rows, () => true), total };
}

/** One file: anyone's once the item is published (and not exempt), the staff in scope's before. */
export async function catalogueDocument(ctx: AppContext, p: Principal | null, id: number, documentId: string) {
  const item = await q.findItem(ctx.db, id);
  if (!item || !(filesArePublic(item) || inScope(p, item))) throw notFound(ITEM);
  const doc = (await q.documentsOf(ctx.db, [id])).find((d) => d.id === documentId);
  if (!doc || item.class === 'dikecualikan') throw notFound({ id: 'Dokumen', en: 'Document' });
  return { name: doc.name, mime: doc.mime, data: await ctx.storage.get(doc.fileKey) };
}
