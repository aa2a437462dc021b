/**
 * Writing the catalogue: drafts by the OPD's authors, then every step through `step`, which locks the
 * item, asks the lifecycle table whether the caller may take it now, and writes the change, its
 * history event and the audit line in one transaction. A published item is never edited: a change is
 * a new item naming the one it replaces, which its publication retires.
 */
import type { AppContext } from '../../core/context.js';
import type { Db } from '../../core/db/client.js';
import type { Principal } from '../../core/auth/principal.js';
import { audit } from '../../core/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { opdByCode } from '../queries.js';
import { actorForAction, actorsFor, canRead } from './access.js';
import { catalogueLifecycle, type CatalogueAction, type CatalogueClass } from './lifecycle.js';
import type { CreateInput, EditInput, StepInput } from './api-schemas.js';
import * as q from './queries.js';

export const ITEM = { id: 'Informasi DIP', en: 'Catalogue item' };

const trimmed = (v: string | undefined) => v?.trim() || null;

/** The exempt item's reason, required in full; other classes carry none. */
function reasonOf(cls: CatalogueClass, input: Pick<EditInput, 'exemption' | 'legalBasis' | 'consequenceTest'>) {
  if (cls !== 'dikecualikan') return { exemption: null, legalBasis: null, consequenceTest: null };
  if (!input.exemption) throw invalid('exemption_required', 'Informasi dikecualikan harus menyebut dasar pengecualian Pasal 17 (huruf a–j).', 'Exempt information must name its Pasal 17 exemption (letters a–j).', 'exemption');
  const legalBasis = trimmed(input.legalBasis ?? undefined);
  if (!legalBasis) throw invalid('legal_basis_required', 'Sebutkan dasar hukum pengecualiannya.', 'Name the legal basis of the exemption.', 'legalBasis');
  const consequenceTest = trimmed(input.consequenceTest ?? undefined);
  if (!consequenceTest) throw invalid('consequence_test_required', 'Uraikan uji konsekuensinya.', 'Describe the consequence test.', 'consequenceTest');
  return { exemption: input.exemption, legalBasis, consequenceTest };
}

const noFilesWhenExempt = (cls: CatalogueClass, documentIds: readonly string[]) => {
  if (cls === 'dikecualikan' && documentIds.length) {
    throw invalid('exempt_documents', 'Informasi dikecualikan hanya dicantumkan beserta alasannya, tanpa berkas.', 'Exempt information is listed with its reason only, without files.', 'documentIds');
  }
};

const unknownDocument = () => invalid('unknown_document', 'Dokumen tidak ditemukan atau sudah dipakai.', 'Document not found or already used.', 'documentIds');

/** The OPD a new draft belongs to: the author's own, or any for the PPID Utama. */
async function opdOf(tx: Db, p: Principal, code: string | undefined): Promise<number> {
  if (!code) {
    if (p.opdId === null || p.role === 'ppid_utama') throw invalid('opd_required', 'Pilih OPD yang menguasai informasi ini.', 'Choose the agency (OPD) holding this information.', 'opdCode');
    return p.opdId;
  }
  const opd = await opdByCode(tx, code);
  if (!opd) throw invalid('unknown_opd', 'OPD tidak dikenal.', 'Unknown agency (OPD).', 'opdCode');
  if (!actorsFor(p, { opdId: opd.id }).includes('author')) throw forbidden();
  return opd.id;
}

/** A replaced item is a published one of the same OPD. */
async function replaced(tx: Db, id: number | undefined, opdId: number): Promise<number | null> {
  if (id === undefined) return null;
  const old = await q.findItem(tx, id);
  if (!old || old.opdId !== opdId || old.status !== 'published') {
    throw invalid('unknown_replaced_item', 'Informasi yang diganti harus informasi yang sedang diumumkan oleh OPD yang sama.', 'The item replaced must be a published item of the same agency.', 'replacesId');
  }
  return old.id;
}

async function record(tx: Db, p: Principal, item: q.ItemRow, action: string, to: q.ItemRow['status'] | null, note: string | null, at: Date, detail?: Record<string, unknown>) {
  await q.insertEvent(tx, { itemId: item.id, at, actorId: p.userId, actorRole: p.role, action, fromStatus: item.status === to ? null : item.status, toStatus: to, internalNote: note, detail: detail ?? null });
  await audit(tx, p, { action: `ppid.catalogue.${action}`, entity: 'ppid_catalogue_item', entityId: item.id, ...(detail ? { detail } : {}) }, at);
}

/** A new draft, with its files. */
export async function createItem(ctx: AppContext, tx: Db, p: Principal, input: CreateInput, at = ctx.clock()): Promise<number> {
  const opdId = await opdOf(tx, p, input.opdCode);
  const documentIds = input.documentIds ?? [];
  noFilesWhenExempt(input.class, documentIds);
  const item = await q.insertItem(tx, {
    opdId,
    class: input.class,
    title: input.title.trim(),
    summary: input.summary.trim(),
    responsible: input.responsible.trim(),
    format: input.format.trim(),
    period: input.period.trim(),
    retention: input.retention.trim(),
    ...reasonOf(input.class, input),
    status: 'draft',
    replacesId: await replaced(tx, input.replacesId, opdId),
    createdById: p.userId,
    createdAt: at,
    updatedAt: at,
  });
  if (!(await q.attachDocuments(tx, item.id, documentIds, p.userId, at))) throw unknownDocument();
  await q.insertEvent(tx, { itemId: item.id, at, actorId: p.userId, actorRole: p.role, action: 'create', fromStatus: null, toStatus: 'draft', detail: item.replacesId ? { replacesId: item.replacesId } : null });
  await audit(tx, p, { action: 'ppid.catalogue.create', entity: 'ppid_catalogue_item', entityId: item.id }, at);
  return item.id;
}

/** The item locked for a change by `p`; 404 for anyone who may not see it. */
async function lockedFor(tx: Db, p: Principal, id: number) {
  const item = await q.findItem(tx, id, true);
  if (!item || !canRead(p, item)) throw notFound(ITEM);
  return item;
}

/** Changes a draft: its authors only; `documentIds` is the whole list it keeps (new ones are added). */
export async function editItem(ctx: AppContext, tx: Db, p: Principal, id: number, input: EditInput, at = ctx.clock()): Promise<void> {
  const item = await lockedFor(tx, p, id);
  if (!actorsFor(p, item).includes('author')) throw forbidden();
  if (item.status !== 'draft') throw conflict('not_a_draft', 'Hanya draf yang dapat diubah; informasi yang sudah diumumkan diganti dengan informasi baru.', 'Only a draft can be changed; a published item is replaced by a new one.', 'status');
  const cls = input.class ?? item.class;
  const current = (await q.documentsOf(tx, [id])).map((d) => d.id);
  const keep = input.documentIds ?? current;
  noFilesWhenExempt(cls, keep);
  const merged: EditInput = { exemption: item.exemption ?? undefined, legalBasis: item.legalBasis ?? undefined, consequenceTest: item.consequenceTest ?? undefined, ...input };
  const text = (k: 'title' | 'summary' | 'responsible' | 'format' | 'period' | 'retention') => (input[k] === undefined ? {} : { [k]: input[k].trim() });
  await q.updateItem(tx, id, {
    class: cls,
    ...text('title'),
    ...text('summary'),
    ...text('responsible'),
    ...text('format'),
    ...text('period'),
    ...text('retention'),
    ...reasonOf(cls, merged),
    updatedAt: at,
  });
  await q.detachDocuments(tx, id, current.filter((d) => !keep.includes(d)));
  if (!(await q.attachDocuments(tx, id, keep.filter((d) => !current.includes(d)), p.userId, at))) throw unknownDocument();
  await record(tx, p, item, 'edit', null, null, at, { fields: Object.keys(input) });
}

/** Reasons the history must carry. */
const NOTE_REQUIRED: readonly CatalogueAction[] = ['return', 'retire'];

/** One step of the publication workflow. */
export async function step(ctx: AppContext, tx: Db, p: Principal, id: number, action: CatalogueAction, input: StepInput, at = ctx.clock()): Promise<void> {
  const item = await lockedFor(tx, p, id);
  const actors = actorsFor(p, item);
  if (!actors.length) throw forbidden();
  const to = catalogueLifecycle.next(action, item.status, actorForAction(actors, action, item.status));
  const note = trimmed(input.note);
  if (!note && NOTE_REQUIRED.includes(action)) throw invalid('note_required', 'Tuliskan alasannya.', 'Give the reason.', 'note');
  if (action === 'publish_now' && item.class !== 'serta_merta') {
    throw conflict('not_serta_merta', 'Hanya informasi serta-merta yang diumumkan seketika; informasi lain melalui pemeriksaan dan persetujuan.', 'Only immediate (serta-merta) information is published at once; other items go through checking and approval.', 'class');
  }
  await q.updateItem(tx, id, { status: to, updatedAt: at, ...(to === 'published' ? { publishedAt: at } : {}) });
  await record(tx, p, item, action, to, note, at);
  if (to === 'published' && item.replacesId !== null) {
    const old = await q.findItem(tx, item.replacesId, true);
    if (old?.status === 'published') {
      await q.updateItem(tx, old.id, { status: 'retired', updatedAt: at });
      await record(tx, p, old, 'retire', 'retired', `Diganti oleh informasi #${id}.`, at, { replacedById: id });
    }
  }
}
