/**
 * The city's number answering a resident, on WhatsApp or SMS. Commands first (BERHENTI / STOP, MULAI,
 * BATAL, STATUS <number>, TAUTKAN <code>), then the filing dialogue of conversation.ts: the message
 * is read as the answer its state expects, the state and draft saved, the reply queued in the same
 * transaction — so a provider's resend of the message is recognised and nothing is answered twice.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { AppError } from '../core/errors.js';
import { enqueuePhone } from '../core/notifications/outbox.js';
import { noteInbound, setOptedOut, verifyAccountPhone } from '../core/notifications/contacts.js';
import { storePhoto } from '../core/files/store-photo.js';
import { allKelurahan, insideCity, kelurahanAt } from '../core/reference/regions.js';
import { categoriesCache, latestStepForPhone, linkReportsOfPhone, submitReport } from '../aduan/index.js';
import { FIRST_STATE, next, type Answer, type ConversationState, type Draft } from './conversation.js';
import { accountOfCode, LINK_WORD } from './link.js';
import { BOT } from './messages.js';
import * as q from './queries.js';

export type ChannelName = 'whatsapp' | 'sms';

/** An incoming message, as either channel's webhook gives it. */
export interface Inbound {
  /** The provider's id of the message (its resends carry the same). */
  id: string;
  channel: ChannelName;
  /** The sender in international form (628…). */
  from: string;
  /** The sender's WhatsApp profile name. */
  name?: string | undefined;
  text?: string | undefined;
  /** A photo, fetched only when the dialogue is waiting for one. */
  photo?: (() => Promise<Buffer>) | undefined;
  location?: { lat: number; lng: number; label?: string | undefined } | undefined;
}

const STOP_WORDS = new Set(['STOP', 'BERHENTI', 'UNSUBSCRIBE']);
/** A conversation silent this long starts over. */
export const CONVERSATION_TTL_MS = 24 * 3600_000;
const MIN_DESCRIPTION = 10;

/** NUL and lone surrogates cannot be stored; line ends are kept. */
const clean = (text: string | undefined) => (text ?? '').replace(/\0/g, '').replace(/[\uD800-\uDFFF]/gu, '').trim();

export async function handleInbound(ctx: AppContext, m: Inbound): Promise<void> {
  const now = ctx.clock();
  const text = clean(m.text);
  // A photo is fetched and checked before the transaction (seconds of network), and only when wanted.
  let photo: { uploadId: string } | 'refused' | undefined;
  if (m.photo && (await q.stateOf(ctx.db, m.from)) === 'photo') {
    try {
      photo = { uploadId: (await storePhoto(ctx, ctx.db, null, await m.photo())).id };
    } catch (err) {
      // A bad file is the resident's to replace; a network failure is answered 5xx so the provider resends.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      photo = 'refused';
    }
  }
  await ctx.db.transaction(async (tx) => {
    if (!(await q.claimInbound(tx, `${m.channel}:${m.id}`, now))) return;
    const { optedOut } = await noteInbound(tx, m.from, now);
    const reply = (body: string) => enqueuePhone(tx, m.from, m.channel, { reply: body }, { at: now });
    const word = text.toUpperCase();
    if (STOP_WORDS.has(word)) {
      // From now on nothing goes to this number, not even a confirmation, until it writes MULAI.
      await setOptedOut(tx, m.from, true, now);
      await q.endConversation(tx, m.from);
      return;
    }
    if (word === 'MULAI') {
      await setOptedOut(tx, m.from, false, now);
      return reply(BOT.resumed);
    }
    if (optedOut) return;
    if (word === 'BATAL') {
      await q.endConversation(tx, m.from);
      return reply(BOT.cancelled);
    }
    const status = /^STATUS\s+(\S+)$/i.exec(text);
    if (status) {
      const trackingNumber = status[1]!.toUpperCase();
      const step = await latestStepForPhone(ctx, tx, trackingNumber, m.from);
      return reply(step ? BOT.status(step) : BOT.statusUnknown(trackingNumber));
    }
    const link = new RegExp(`^${LINK_WORD}\\s+(\\S+)$`, 'i').exec(text);
    if (link) {
      const userId = accountOfCode(ctx, link[1]!);
      if (!userId) return reply(BOT.badLink);
      await verifyAccountPhone(tx, userId, m.from, now);
      return reply(BOT.linked(await linkReportsOfPhone(ctx, tx, m.from, userId)));
    }
    await converse(ctx, tx, m, text, photo, now, reply);
  });
}

async function converse(
  ctx: AppContext,
  tx: Db,
  m: Inbound,
  text: string,
  photo: { uploadId: string } | 'refused' | undefined,
  now: Date,
  reply: (body: string) => Promise<void>,
): Promise<void> {
  const conv = await q.conversationOf(tx, m.from);
  const save = (state: ConversationState, draft: Draft) => q.saveConversation(tx, { phone: m.from, channel: m.channel, state, draft, updatedAt: now });
  const start = async () => {
    const draft = m.name ? { name: m.name.slice(0, 100) } : {};
    await save(FIRST_STATE, draft);
    await reply(await prompt(ctx, tx, FIRST_STATE, draft, m.channel));
  };
  if (!conv || now.getTime() - conv.updatedAt.getTime() > CONVERSATION_TTL_MS) return start();

  const read = await readAnswer(ctx, tx, conv.state, conv.draft, m, text, photo);
  const to = read.answer ? next(conv.state, read.answer, m.channel) : null;
  if (!to) {
    await save(conv.state, read.draft);
    return reply(read.hint ?? (await prompt(ctx, tx, conv.state, read.draft, m.channel)));
  }
  if (to === 'restart') return start();
  if (to === 'filed') return file(ctx, tx, m, read.draft, reply);
  await save(to, read.draft);
  await reply(await prompt(ctx, tx, to, read.draft, m.channel));
}

/** Files the report through aduan's intake, as an unregistered reporter reached at this number. */
async function file(ctx: AppContext, tx: Db, m: Inbound, d: Draft, reply: (body: string) => Promise<void>): Promise<void> {
  const category = (await categoriesCache.get(ctx, tx)).byCode.get(d.categoryCode!);
  const title = `${category?.nameId ?? 'Laporan'}${d.place ? ` — ${d.place}` : ''}`.slice(0, 150);
  try {
    // A savepoint: a refusal leaves nothing of the report, and the conversation stays for a new try.
    const report = await tx.transaction((sp) =>
      submitReport(
        ctx,
        sp,
        { kind: 'external', contact: { ...(d.name ? { name: d.name } : {}), phone: `+${m.from}` }, channel: m.channel },
        {
          class: 'pengaduan',
          title: title.length >= 5 ? title : `Laporan ${title}`,
          description: d.description!,
          categoryCode: d.categoryCode!,
          lat: d.lat!,
          lng: d.lng!,
          kelurahanCode: d.kelurahanCode,
          address: d.place,
          photoIds: d.photoIds ?? [],
        },
      ),
    );
    await q.endConversation(tx, m.from);
    await reply(BOT.filed(report.trackingNumber));
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    await reply(BOT.refused(err.messages.id));
  }
}

interface Read {
  answer: Answer | null;
  draft: Draft;
  /** What to say when the answer does not fit (else the state's question again). */
  hint?: string;
}

/** The message as the answer the state expects, with what it adds to the draft. */
async function readAnswer(
  ctx: AppContext,
  tx: Db,
  state: ConversationState,
  draft: Draft,
  m: Inbound,
  text: string,
  photo: { uploadId: string } | 'refused' | undefined,
): Promise<Read> {
  const word = text.toUpperCase();
  const choice = /^\d{1,2}$/.test(text) ? Number(text) : null;
  const none: Read = { answer: null, draft };
  switch (state) {
    case 'khidmat': {
      const list = await khidmatList(ctx, tx);
      const picked = choice ? list[choice - 1] : undefined;
      if (!picked) return { ...none, hint: BOT.badChoice(list.length) };
      return { answer: 'choice', draft: { ...draft, khidmatCode: picked.code } };
    }
    case 'category': {
      if (choice === 0) return { answer: 'back', draft };
      const subs = await subcategories(ctx, tx, draft.khidmatCode);
      const picked = choice ? subs[choice - 1] : undefined;
      if (!picked) return { ...none, hint: BOT.badChoice(subs.length) };
      return { answer: 'choice', draft: { ...draft, categoryCode: picked.code } };
    }
    case 'description':
      if (text.length < MIN_DESCRIPTION) return { ...none, hint: text ? BOT.shortDescription : BOT.askDescription };
      return { answer: 'text', draft: { ...draft, description: text.slice(0, 5000) } };
    case 'photo':
      if (photo === 'refused') return { ...none, hint: BOT.badPhoto };
      if (photo) return { answer: 'photo', draft: { ...draft, photoIds: [photo.uploadId] } };
      if (word === 'LEWATI') return { answer: 'skip', draft };
      return none;
    case 'location':
      return readLocation(ctx, tx, draft, m, text);
    case 'confirm':
      if (['1', 'YA', 'Y', 'KIRIM'].includes(word)) return { answer: 'yes', draft };
      if (['2', 'ULANG', 'TIDAK'].includes(word)) return { answer: 'no', draft };
      return { ...none, hint: BOT.askYesNo };
  }
}

async function readLocation(ctx: AppContext, tx: Db, draft: Draft, m: Inbound, text: string): Promise<Read> {
  const city = ctx.config.city.name;
  if (m.location) {
    const { lat, lng, label } = m.location;
    if (!(await insideCity(ctx, tx, lng, lat))) return { answer: null, draft, hint: BOT.outsideCity(city) };
    const code = await kelurahanAt(ctx, tx, lng, lat);
    const at = { ...draft, lat, lng, ...(label ? { place: label.slice(0, 200) } : {}) };
    // A point outside every mapped kelurahan: the point is kept, the kelurahan asked by name.
    if (!code) return { answer: null, draft: at, hint: BOT.askKelurahanAtPoint };
    const name = (await allKelurahan(tx)).find((k) => k.code === code)?.name;
    return { answer: 'location', draft: { ...at, kelurahanCode: code, place: at.place ?? `Kelurahan ${name ?? code}` } };
  }
  if (!text) return { answer: null, draft };
  const match = matchKelurahan(await allKelurahan(tx), text);
  if (!match.found || match.found.lat === null || match.found.lng === null) return { answer: null, draft, hint: BOT.unknownKelurahan(match.suggestions) };
  // The reporter's point when they shared one, else the kelurahan's centre.
  return {
    answer: 'kelurahan',
    draft: { ...draft, kelurahanCode: match.found.code, lat: draft.lat ?? match.found.lat, lng: draft.lng ?? match.found.lng, place: `Kelurahan ${match.found.name}` },
  };
}

type KelurahanRow = Awaited<ReturnType<typeof allKelurahan>>[number];
const plain = (s: string) => s.toLowerCase().replace(/^\s*(kelurahan|kel\.?)\s+/, '').replace(/[^a-z0-9]/g, '');

/** A kelurahan by the name a resident types: exact, or the one name containing it; else up to five near ones. */
export function matchKelurahan(all: readonly KelurahanRow[], typed: string): { found?: KelurahanRow; suggestions: string[] } {
  const want = plain(typed);
  if (want.length < 3) return { suggestions: [] };
  const exact = all.find((k) => plain(k.name) === want);
  if (exact) return { found: exact, suggestions: [] };
  const containing = all.filter((k) => plain(k.name).includes(want));
  if (containing.length === 1) return { found: containing[0]!, suggestions: [] };
  const near = containing.length ? containing : all.filter((k) => plain(k.name).startsWith(want.slice(0, 3)));
  return { suggestions: near.slice(0, 5).map((k) => k.name) };
}

async function khidmatList(ctx: AppContext, db: Db) {
  const { byCode } = await categoriesCache.get(ctx, db);
  return [...byCode.values()].filter((c) => c.parentId === null && c.active).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
}

async function subcategories(ctx: AppContext, db: Db, khidmatCode: string | undefined) {
  const { byCode } = await categoriesCache.get(ctx, db);
  const parent = khidmatCode ? byCode.get(khidmatCode) : undefined;
  return [...byCode.values()].filter((c) => parent && c.parentId === parent.id && c.active).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
}

/** The question a state asks. */
async function prompt(ctx: AppContext, db: Db, state: ConversationState, d: Draft, channel: ChannelName): Promise<string> {
  switch (state) {
    case 'khidmat':
      return BOT.welcome(ctx.config.city.name, (await khidmatList(ctx, db)).map((c) => c.nameId));
    case 'category': {
      const khidmat = d.khidmatCode ? (await categoriesCache.get(ctx, db)).byCode.get(d.khidmatCode) : undefined;
      return BOT.categories(khidmat?.nameId ?? '', (await subcategories(ctx, db, d.khidmatCode)).map((c) => c.nameId));
    }
    case 'description':
      return BOT.askDescription;
    case 'photo':
      return BOT.askPhoto;
    case 'location':
      return BOT.askLocation(channel === 'sms');
    case 'confirm': {
      const category = d.categoryCode ? (await categoriesCache.get(ctx, db)).byCode.get(d.categoryCode) : undefined;
      return BOT.confirm({ category: category?.nameId ?? '', description: d.description ?? '', photo: channel === 'sms' ? null : !!d.photoIds?.length, place: d.place ?? '' });
    }
  }
}
