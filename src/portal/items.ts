/**
 * Writing and moving portal items: an editor's draft (each kind's own fields checked), every edit a
 * new version, and the checker's steps through the transition table; each change goes to the
 * item's timeline and the audit log in the caller's transaction.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { actorOf } from './access.js';
import { lifecycle, type Kind, type StepAction } from './lifecycle.js';
import { ITEM } from './messages.js';
import type { CreateInput, EditInput, StepInput } from './api-schemas.js';
import type { ItemText } from './schema.js';
import * as q from './queries.js';

/** Control characters other than line breaks and tabs, which no text needs and some readers choke on. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const clean = (s: string) => s.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
const line = (s: string) => clean(s).replace(/\s+/g, ' ');

/** "Pemadaman Listrik di Kantor Camat!" → "pemadaman-listrik-di-kantor-camat". */
const slugOf = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '') || 'naskah';

const notForKind = (field: string, kind: Kind) =>
  invalid('field_not_for_kind', `Isian "${field}" tidak berlaku untuk naskah jenis ${kind}.`, `The field "${field}" does not apply to a ${kind} item.`, field);

/** The fields only one kind has: refused on the others, so nothing is kept that no page shows. */
const OWN_FIELDS = { gangguan: ['services', 'since', 'expectedEnd'], klarifikasi: ['claim', 'verdict', 'sources'] } as const;

/** The text an item has after `input` over `before`, with each kind's rules checked. */
function textOf(kind: Kind, input: EditInput, before: ItemText | null): ItemText {
  for (const [owner, fields] of Object.entries(OWN_FIELDS)) {
    if (owner === kind) continue;
    for (const field of fields) {
      const value = input[field];
      if (value != null && !(Array.isArray(value) && !value.length)) throw notForKind(field, kind);
    }
  }
  const merged = { ...before, ...input };
  const text: ItemText = {
    title: line(merged.title!),
    slug: merged.slug ?? before?.slug ?? slugOf(merged.title!),
    summary: line(merged.summary!),
    body: clean(merged.body!),
    imageUploadId: merged.imageId === undefined ? (before?.imageUploadId ?? null) : merged.imageId,
    services: (merged.services ?? []).map(line).filter(Boolean),
    since: merged.since ?? null,
    expectedEnd: merged.expectedEnd ?? null,
    claim: merged.claim ? clean(merged.claim) : null,
    verdict: merged.verdict ?? null,
    sources: (merged.sources ?? []).map((s) => ({ title: line(s.title), url: s.url })),
  };
  for (const [field, value] of [['title', text.title], ['summary', text.summary], ['body', text.body]] as const) {
    if (value.length < 5) throw invalid('text_required', `Isian "${field}" masih kosong.`, `The field "${field}" is empty.`, field);
  }
  if (kind === 'gangguan') {
    if (!text.services.length) throw invalid('services_required', 'Sebutkan layanan yang terganggu.', 'Name the services affected.', 'services');
    if (!text.since) throw invalid('since_required', 'Sebutkan sejak kapan gangguan terjadi.', 'Say since when the disruption has lasted.', 'since');
    if (text.expectedEnd && new Date(text.expectedEnd) <= new Date(text.since)) {
      throw invalid('expected_end_before_since', 'Perkiraan selesai harus setelah waktu mulai gangguan.', 'The expected end must be after the start.', 'expectedEnd');
    }
  }
  if (kind === 'klarifikasi') {
    if (!text.claim) throw invalid('claim_required', 'Tuliskan klaim yang beredar.', 'State the claim going round.', 'claim');
    if (!text.verdict) throw invalid('verdict_required', 'Pilih kesimpulan pemeriksaan (hoaks, disinformasi, misinformasi atau benar).', 'Choose the verdict (hoax, disinformation, misinformation or true).', 'verdict');
  }
  return text;
}

/** The item's columns for a text. */
const columnsOf = (t: ItemText) => ({
  title: t.title,
  slug: t.slug,
  summary: t.summary,
  body: t.body,
  imageUploadId: t.imageUploadId,
  services: t.services,
  since: t.since ? new Date(t.since) : null,
  expectedEnd: t.expectedEnd ? new Date(t.expectedEnd) : null,
  claim: t.claim,
  verdict: t.verdict,
  sources: t.sources,
});

const textFromRow = (r: q.ItemRow): ItemText => ({
  title: r.title,
  slug: r.slug,
  summary: r.summary,
  body: r.body,
  imageUploadId: r.imageUploadId,
  services: r.services,
  since: r.since?.toISOString() ?? null,
  expectedEnd: r.expectedEnd?.toISOString() ?? null,
  claim: r.claim,
  verdict: r.verdict,
  sources: r.sources,
});

/** An address of its own: one given must be free (409); one made from the title gets -2, -3 … */
async function freeSlug(db: Db, kind: Kind, slug: string, given: boolean, id?: number): Promise<string> {
  if (!(await q.slugTaken(db, kind, slug, id))) return slug;
  if (given) throw conflict('slug_taken', 'Alamat (slug) ini sudah dipakai naskah lain.', 'This address (slug) is taken by another item.', 'slug');
  for (let n = 2; ; n++) if (!(await q.slugTaken(db, kind, `${slug}-${n}`, id))) return `${slug}-${n}`;
}

async function takeImage(db: Db, p: Principal, imageId: string | null | undefined, current: string | null, at: Date) {
  if (!imageId || imageId === current) return;
  if (!(await q.claimImage(db, imageId, p.userId, at))) throw invalid('image_unknown', 'Foto tidak ditemukan: unggah foto dulu.', 'Photo not found: upload it first.', 'imageId');
}

/** An editor's new draft; its id. */
export async function createItem(tx: Db, p: Principal, input: CreateInput, at: Date): Promise<number> {
  lifecycle.next('edit', 'draft', actorOf(p.role));
  const text = textOf(input.kind, input, null);
  text.slug = await freeSlug(tx, input.kind, text.slug, input.slug !== undefined);
  await takeImage(tx, p, text.imageUploadId, null, at);
  const item = await q.insertItem(tx, { kind: input.kind, status: 'draft', ...columnsOf(text), authorId: p.userId, editedById: p.userId, createdAt: at, updatedAt: at });
  await q.insertVersion(tx, { itemId: item.id, number: 1, text, editedById: p.userId, at });
  await q.insertEvent(tx, { itemId: item.id, version: 1, at, actorId: p.userId, actorRole: p.role, action: 'create', toStatus: 'draft' });
  await audit(tx, p, { action: 'portal.item.create', entity: 'portal_item', entityId: item.id, detail: { kind: input.kind, slug: text.slug } }, at);
  return item.id;
}

/** An editor's edit: a new version, and the item is a draft again (checked anew before it goes out). */
export async function editItem(tx: Db, p: Principal, id: number, input: EditInput, at: Date): Promise<void> {
  const item = await q.itemById(tx, id, true);
  if (!item) throw notFound(ITEM);
  const to = lifecycle.next('edit', item.status, actorOf(p.role));
  const text = textOf(item.kind, input, textFromRow(item));
  if (input.slug !== undefined) text.slug = await freeSlug(tx, item.kind, text.slug, true, id);
  await takeImage(tx, p, input.imageId, item.imageUploadId, at);
  const version = item.version + 1;
  await q.updateItem(tx, id, { ...columnsOf(text), status: to, version, editedById: p.userId, checkedById: null, updatedAt: at });
  await q.insertVersion(tx, { itemId: id, number: version, text, editedById: p.userId, at });
  await q.insertEvent(tx, { itemId: id, version, at, actorId: p.userId, actorRole: p.role, action: 'edit', fromStatus: item.status, toStatus: to, detail: { fields: Object.keys(input) } });
  await audit(tx, p, { action: 'portal.item.edit', entity: 'portal_item', entityId: id, detail: { version, fields: Object.keys(input) } }, at);
}

const reasonsRequired = () => invalid('reasons_required', 'Tuliskan alasannya agar penulis dapat memperbaikinya.', 'Give the reasons, so the editor can correct it.', 'note');

/** A clock this far behind the server's still means "now". */
const PUBLISH_AT_SKEW_MS = 5 * 60_000;

/**
 * When a publication goes public: now, or a later time it waits for (an embargo). Never earlier:
 * a backdated item would claim to have been public when it was not.
 */
function publicationTime(publishAt: string | undefined, at: Date): Date {
  if (!publishAt) return at;
  const when = new Date(publishAt);
  if (when.getTime() < at.getTime() - PUBLISH_AT_SKEW_MS) {
    throw invalid('publish_at_in_past', 'Waktu terbit tidak boleh di masa lalu.', 'The publication time cannot be in the past.', 'publishAt');
  }
  return when < at ? at : when;
}

/** A step through the table: check, return, publish, unpublish, archive, end. */
export async function stepItem(ctx: AppContext, tx: Db, p: Principal, id: number, action: StepAction, input: StepInput, at = ctx.clock()): Promise<void> {
  const item = await q.itemById(tx, id, true);
  if (!item) throw notFound(ITEM);
  const to = lifecycle.next(action, item.status, actorOf(p.role));
  const note = input.note?.trim() || null;
  if ((action === 'return' || action === 'unpublish') && !note) throw reasonsRequired();
  if (input.publishAt && action !== 'publish') throw invalid('field_not_for_action', 'Waktu terbit hanya untuk penerbitan.', 'A publication time goes with publishing only.', 'publishAt');
  if (input.endedAt && action !== 'end') throw invalid('field_not_for_action', 'Waktu selesai hanya untuk mengakhiri gangguan.', 'An end time goes with ending a disruption only.', 'endedAt');
  const values: Partial<q.ItemInsert> = { status: to, updatedAt: at };
  if (action === 'check') values.checkedById = p.userId;
  if (action === 'publish') values.publishedAt = publicationTime(input.publishAt, at);
  if (action === 'end') {
    if (item.kind !== 'gangguan') throw conflict('not_a_disruption', 'Hanya pemberitahuan gangguan yang dapat diakhiri.', 'Only a disruption notice can be ended.', 'kind');
    if (item.endedAt) throw conflict('already_ended', 'Gangguan ini sudah dinyatakan selesai.', 'This disruption has already been ended.', 'endedAt');
    const ended = input.endedAt ? new Date(input.endedAt) : at;
    if (item.since && ended < item.since) throw invalid('ended_before_since', 'Waktu selesai tidak boleh sebelum gangguan mulai.', 'The end cannot be before the start.', 'endedAt');
    values.endedAt = ended;
  }
  await q.updateItem(tx, id, values);
  await q.insertEvent(tx, { itemId: id, version: item.version, at, actorId: p.userId, actorRole: p.role, action, fromStatus: item.status, toStatus: to, internalNote: note });
  await audit(tx, p, { action: `portal.item.${action}`, entity: 'portal_item', entityId: id, detail: { version: item.version } }, at);
}
