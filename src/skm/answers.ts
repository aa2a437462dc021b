/**
 * Writing an answer: through an invitation's single-use link (once: a second answer is refused
 * with 409), through a unit's anonymous public link, or from a paper form an officer enters.
 * Public-link answers that arrive together (a queue at a counter scanning the poster, a class of
 * a school answering at once) are written together: a group commit, one statement for all.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { groupCommit } from '../core/batch/group-commit.js';
import { batchStats } from '../core/batch/batched.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES, UNSUR_COUNT } from './regulation.js';
import { mayEnter } from './access.js';
import { INVITATION, UNIT } from './messages.js';
import { unitFor } from './units.js';
import * as q from './queries.js';

export interface AnswerInput {
  scores: number[];
  sex?: (typeof SEXES)[number] | undefined;
  ageBand?: (typeof AGE_BANDS)[number] | undefined;
  education?: (typeof EDUCATIONS)[number] | undefined;
  occupation?: (typeof OCCUPATIONS)[number] | undefined;
  suggestion?: string | undefined;
}

export const tokenHash = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

/** The answer's columns; the schema has checked the scale, this the count (a rule of the regulation). */
function columns(input: AnswerInput) {
  if (input.scores.length !== UNSUR_COUNT) throw invalid('unsur_count', `Isi nilai untuk ke-${UNSUR_COUNT} unsur.`, `Give a value for all ${UNSUR_COUNT} unsur.`, 'scores');
  const [u1, u2, u3, u4, u5, u6, u7, u8, u9] = input.scores as [number, number, number, number, number, number, number, number, number];
  return {
    u1, u2, u3, u4, u5, u6, u7, u8, u9,
    sex: input.sex ?? null,
    ageBand: input.ageBand ?? null,
    education: input.education ?? null,
    occupation: input.occupation ?? null,
    suggestion: input.suggestion?.trim() || null,
  };
}

export async function answerInvitation(ctx: AppContext, token: string, input: AnswerInput): Promise<{ id: number }> {
  const at = ctx.clock();
  const values = columns(input);
  return ctx.db.transaction(async (tx) => {
    const inv = await q.invitationForUpdate(tx, tokenHash(token));
    if (!inv) throw notFound(INVITATION);
    if (!(await q.markAnswered(tx, inv.id, at))) throw conflict('already_answered', 'Survei ini sudah diisi. Terima kasih.', 'This survey has already been answered. Thank you.');
    const [row] = await q.insertAnswer(tx, { ...values, unitId: inv.unitId, source: 'invitation', invitationId: inv.id, answeredAt: at });
    return row!;
  });
}

/** Answers per statement: enough for a burst, small enough to keep each answer quick. */
const MAX_BATCH = 64;
const desks = new WeakMap<AppContext, (row: q.AnswerRow) => Promise<number>>();
/** Each app's units by public key: a key never changes once printed, and a unit is never removed. */
const unitKeys = new WeakMap<AppContext, Map<string, number>>();

function deskOf(ctx: AppContext) {
  let desk = desks.get(ctx);
  // One batch in flight: the answers gather while it is written (larger, fewer statements; measured
  // faster than two or three, 7.7k against 6.4k and 4.9k answers a second: each batch costs the server more than its rows).
  if (!desk) desks.set(ctx, (desk = groupCommit((rows: readonly q.AnswerRow[]) => q.insertAnswers(ctx.db, rows), { maxBatch: MAX_BATCH, slots: 1, stats: batchStats(ctx, 'skm_answers') })));
  return desk;
}

async function unitIdOfKey(ctx: AppContext, key: string): Promise<number | undefined> {
  let known = unitKeys.get(ctx);
  if (!known) unitKeys.set(ctx, (known = new Map()));
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const id = (await q.unitByKey(ctx.db, key))?.id;
  if (id !== undefined) known.set(key, id);
  return id;
}

export async function answerPublicLink(ctx: AppContext, key: string, input: AnswerInput): Promise<{ id: number }> {
  const values = columns(input);
  const unitId = await unitIdOfKey(ctx, key);
  if (unitId === undefined) throw notFound(UNIT);
  return { id: await deskOf(ctx)({ ...values, unitId, source: 'public_link', answeredAt: ctx.clock() }) };
}

/** A paper form, entered by the unit's officer with the date written on it (not in the future). */
export async function enterPaperForm(ctx: AppContext, p: Principal, unitId: number, input: AnswerInput & { answeredOn: string }): Promise<{ id: number }> {
  const values = columns(input);
  const now = ctx.clock();
  const answeredAt = new Date(`${input.answeredOn}T12:00:00+07:00`);
  if (Number.isNaN(answeredAt.getTime()) || answeredAt.getTime() - 12 * 3600_000 > now.getTime()) {
    throw invalid('answered_in_future', 'Tanggal pengisian tidak boleh di masa depan.', 'The form’s date cannot be in the future.', 'answeredOn');
  }
  return ctx.db.transaction(async (tx) => {
    const unit = await unitFor(tx, p, unitId, mayEnter);
    const [row] = await q.insertAnswer(tx, { ...values, unitId: unit.id, source: 'paper', enteredById: p.userId, answeredAt });
    await audit(tx, p, { action: 'skm.paper_answer', entity: 'skm_unit', entityId: String(unit.id), detail: { answerId: row!.id } }, now);
    return row!;
  });
}

/** What the survey form shows for an invitation: its unit, and whether it was already answered. */
export async function invitationForm(ctx: AppContext, token: string) {
  const inv = await q.invitationByHash(ctx.db, tokenHash(token));
  const unit = inv && (await q.unitById(ctx.db, inv.unitId));
  if (!inv || !unit) throw notFound(INVITATION);
  return { unit: { id: unit.id, name: unit.name }, answered: inv.answeredAt !== null };
}
