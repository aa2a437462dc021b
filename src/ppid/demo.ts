/**
 * The PPID module's demo: its desks, and a year of information requests across five OPDs and the
 * PPID Utama in every state — waiting for the completeness check, awaiting clarification, with an
 * OPD, overdue, extended, granted (some with a document), granted in part, refused under Pasal 17,
 * not held, withdrawn — with objections decided by the Atasan PPID and disputes at the Komisi
 * Informasi. All filed and moved through the real services, in one transaction, the same on every
 * first start.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { demoEmail as at, type DemoStaff, type DemoTown } from '../core/module.js';
import { mulberry32, type Random } from '../core/demo/random.js';
import { renderPdf } from '../core/export/pdf.js';
import { storeDocument } from '../core/files/store-document.js';
import { wibDate } from '../core/calendar/working-days.js';
import { act, type ActionInput } from './actions.js';
import { fileRequest } from './intake.js';
import { fileObjection, objectionStep, type ObjectionStepInput } from './objections.js';
import type { CHANNELS, RequestAction } from './lifecycle.js';
import type { ObjectionAction } from './objection-lifecycle.js';
import { ANSWERS, HELD_BY, REQUESTERS, TOPICS, type Holder, type Topic } from './demo-texts.js';
import * as q from './queries.js';

const DESKS: Record<Exclude<Holder, null>, { email: string; fullName: string; opdName: string }> = {
  PUPR: { email: at('ppid.pupr'), fullName: 'Andri Saputra, S.T.', opdName: 'Dinas PUPR' },
  DINSOS: { email: at('ppid.dinsos'), fullName: 'Marlina Situmorang, S.Sos.', opdName: 'Dinas Sosial' },
  DISDIK: { email: at('ppid.disdik'), fullName: 'Muhammad Fadli, S.Pd.', opdName: 'Dinas Pendidikan' },
  DINKES: { email: at('ppid.dinkes'), fullName: 'dr. Nurul Huda', opdName: 'Dinas Kesehatan' },
  DLH: { email: at('ppid.dlh'), fullName: 'Irwan Syahputra, S.Si.', opdName: 'Dinas Lingkungan Hidup' },
};

/** The demo PPID Pelaksana's e-mail of an OPD, if the demo has a desk there. */
export const pelaksanaEmail = (opd: string): string | undefined => DESKS[opd as Exclude<Holder, null>]?.email;

export const PPID_STAFF: readonly DemoStaff[] = [
  { role: 'ppid_utama', email: at('ppid'), fullName: 'Rina Oktaviani, S.I.Kom.', opd: 'DISKOMINFOTIKSAN', description: 'PPID Utama (Diskominfotiksan): verifies, routes and answers information requests' },
  ...Object.entries(DESKS).map(([opd, d]) => ({ role: 'ppid_pelaksana' as const, email: d.email, fullName: d.fullName, opd, description: `PPID Pelaksana, ${d.opdName}: the requests routed to it` })),
  { role: 'atasan_ppid', email: at('atasan.ppid'), fullName: 'Drs. H. Zulfikar, M.Si.', opd: 'DISKOMINFOTIKSAN', description: 'Atasan PPID: decides objections (keberatan)' },
];

const DAY = 24 * 3600_000;
const REQUESTS = 64;
const SEED = 0x1472 + 16;

type Answer = 'grant' | 'grant_partly' | 'refuse' | 'not_held';
/** `open`: with the desk, within its time (or late, when old); `unclear`: waiting for the requester's clarification. */
type Outcome = Answer | 'withdraw' | 'open' | 'unclear';

/** How the year's requests ended, in shares (dealt out exactly, so every state is in the demo). */
const OLD: Record<Outcome, number> = { grant: 40, grant_partly: 12, refuse: 12, not_held: 6, withdraw: 6, open: 3, unclear: 2 };
/** The last fortnight's are mostly still with the desks. */
const RECENT: readonly Outcome[] = ['open', 'unclear', 'grant', 'open', 'withdraw', 'open', 'refuse', 'open'];

/** `n` outcomes in the shares given, shuffled. */
function dealt(rand: Random, n: number, shares: Record<Outcome, number>): Outcome[] {
  const total = Object.values(shares).reduce((a, b) => a + b, 0);
  const bag = (Object.entries(shares) as [Outcome, number][]).flatMap(([o, w]) => Array<Outcome>(Math.max(1, Math.round((w / total) * n))).fill(o));
  return rand.shuffle(bag).slice(0, n);
}

interface Desk {
  utama: Principal;
  atasan: Principal;
  pelaksana(holder: Exclude<Holder, null>): Principal;
}

/** One request's story: filed, then steps at days after filing, each taken only if its day has come. */
class Story {
  constructor(
    private readonly ctx: AppContext,
    private readonly tx: Db,
    readonly number: string,
    private readonly secret: string,
    private readonly filedAt: Date,
    private readonly now: number,
  ) {}
  /** The moment `days` after filing, or null when that is still to come. */
  when(days: number): Date | null {
    const t = this.filedAt.getTime() + days * DAY;
    return t < this.now ? new Date(t) : null;
  }
  async step(days: number, who: Principal | 'requester', action: RequestAction, input: ActionInput = {}): Promise<boolean> {
    const t = this.when(days);
    if (!t) return false;
    const [p, secret] = who === 'requester' ? [null, this.secret] : [who, undefined];
    await act(this.ctx, this.tx, p, this.number, action, input, secret, t);
    return true;
  }
  async objection(days: number, who: Principal | 'requester', action: ObjectionAction | 'object', input: ObjectionStepInput = {}): Promise<boolean> {
    const t = this.when(days);
    if (!t) return false;
    const [p, secret] = who === 'requester' ? [null, this.secret] : [who, undefined];
    if (action === 'object') await fileObjection(this.ctx, this.tx, p, this.number, { reasons: ['a'], statement: ANSWERS.objection() }, secret, t);
    else await objectionStep(this.ctx, this.tx, p, this.number, action, input, secret, t);
    return true;
  }
}

/** A short answer document, through the same checked pipeline as an officer's upload. */
async function answerDocument(ctx: AppContext, tx: Db, owner: Principal, topic: Topic, number: string, answeredAt: Date): Promise<string> {
  const pdf = await renderPdf(`Jawaban ${number}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(13).text('Pemerintah Kota Dumai — Salinan Informasi Publik');
    doc.moveDown().font('Helvetica').fontSize(10).text(`Nomor permohonan: ${number}`).text(`Tanggal: ${wibDate(answeredAt)}`);
    doc.moveDown().text(topic.information).moveDown().text('Dokumen ini adalah salinan yang diberikan berdasarkan UU 14/2008 tentang Keterbukaan Informasi Publik.');
  });
  return (await storeDocument(ctx, tx, owner.userId, pdf, `jawaban-${number}.pdf`, answeredAt)).id;
}

async function tell(ctx: AppContext, tx: Db, desk: Desk, rand: Random, town: DemoTown, filedAt: Date, now: number, planned: Outcome, seq: { objections: number }): Promise<void> {
  let outcome = planned;
  const topic = outcome === 'not_held' ? TOPICS.find((t) => t.information.includes('kapal'))! : rand.pick(TOPICS.filter((t) => !t.information.includes('kapal')));
  if (topic.holder === null && outcome === 'grant_partly') outcome = 'grant';
  // Some residents file online with their account; the desk enters the walk-ins, calls and letters.
  const account = rand.chance(0.15) ? rand.pick(town.residents.slice(0, 3)) : null;
  const channel: (typeof CHANNELS)[number] = account ? 'web' : rand.weighted({ web: 6, walk_in: 2, email: 1, letter: 1, phone: 1 });
  const requester = rand.pick(account ? REQUESTERS.filter((r) => r.identityNumber.startsWith('1472')) : REQUESTERS);
  const filer = account ?? (channel === 'web' ? null : desk.utama);
  const input = {
    ...requester,
    information: topic.information,
    purpose: topic.purpose,
    obtainMethod: rand.pick(['soft_copy', 'soft_copy', 'hard_copy', 'read'] as const),
    deliveryMethod: requester.email ? ('email' as const) : rand.pick(['collect', 'post'] as const),
    publicConsent: rand.chance(0.85),
    ...(filer === desk.utama ? { channel } : {}),
  };
  const { row, token } = await fileRequest(ctx, tx, filer, input, filedAt);
  const s = new Story(ctx, tx, row.registrationNumber, token, filedAt, now);
  const handler = topic.holder ? desk.pelaksana(topic.holder) : desk.utama;

  if (outcome === 'withdraw') {
    await s.step(rand.between(0.2, 2), 'requester', 'withdraw', { message: ANSWERS.withdraw() });
    return;
  }
  // A vague request first goes back for clarification; restated, its deadlines run afresh.
  let day = 0;
  if (outcome === 'unclear' || rand.chance(0.1)) {
    if (!(await s.step(1, desk.utama, 'ask_clarification', { message: ANSWERS.clarification() })) || outcome === 'unclear') return;
    day = rand.int(2, 6);
    if (!(await s.step(day, 'requester', 'clarify', { information: topic.information }))) return;
  }
  if (!(await s.step(day + rand.between(0.3, 2.5), desk.utama, 'verify', topic.holder ? { opdCode: topic.holder } : {}))) return;
  if (outcome === 'open') return;
  const extended = rand.chance(0.2);
  if (extended && !(await s.step(day + 8, handler, 'extend', { message: ANSWERS.extend() }))) return;
  const answerDay = day + (extended ? rand.int(13, 19) : rand.int(3, 12));
  const answeredAt = s.when(answerDay);
  if (!answeredAt) return;
  const effects: Record<Answer, () => Promise<ActionInput>> = {
    grant: async () => ({ message: ANSWERS.grant(topic), ...(rand.chance(0.6) ? { documentIds: [await answerDocument(ctx, tx, handler, topic, row.registrationNumber, answeredAt)] } : {}) }),
    grant_partly: async () => ({
      message: ANSWERS.grantPartly(topic),
      exemptions: [topic.exemption],
      consequenceTest: topic.consequenceTest,
      redactions: [{ part: topic.exemption === 'h' ? 'Nama, NIK dan alamat perorangan' : 'Bagian yang memuat informasi dikecualikan', exemption: topic.exemption }],
      documentIds: [await answerDocument(ctx, tx, handler, topic, row.registrationNumber, answeredAt)],
    }),
    refuse: async () => ({ message: ANSWERS.refuse(), exemptions: [topic.exemption], consequenceTest: topic.consequenceTest }),
    not_held: async () => ({ message: ANSWERS.notHeld(), heldBy: HELD_BY }),
  };
  await s.step(answerDay, handler, outcome, await effects[outcome]());

  // Refusals are often contested: an objection, the Atasan's answer, sometimes the Komisi Informasi.
  if ((outcome !== 'refuse' && outcome !== 'grant_partly') || !rand.chance(0.6)) return;
  if (!(await s.objection(answerDay + rand.int(3, 12), 'requester', 'object'))) return;
  const decideDay = answerDay + rand.int(16, 30);
  // In turn: dismissed and taken to the Komisi Informasi, upheld, dismissed and left there.
  const turn = seq.objections++ % 3;
  if (!(await s.objection(decideDay, desk.atasan, turn === 1 ? 'uphold' : 'dismiss', { message: turn === 1 ? ANSWERS.uphold() : ANSWERS.dismiss() })) || turn !== 0) return;
  const register = `${String(rand.int(1, 180)).padStart(3, '0')}/REG-PSI/${filedAt.getUTCFullYear()}`;
  if (!(await s.objection(decideDay + rand.int(4, 9), desk.utama, 'file_dispute', { register, message: 'Pemohon mengajukan sengketa ke Komisi Informasi Provinsi Riau.' }))) return;
  const hearing = s.when(decideDay + rand.int(25, 40));
  if (hearing) await s.objection(decideDay + 45, desk.utama, 'record_hearing', { date: wibDate(hearing), message: ANSWERS.hearing() });
}

export async function ensurePpidDemo(ctx: AppContext, town: DemoTown): Promise<void> {
  if (await q.anyRequest(ctx.db)) return;
  const desk: Desk = { utama: town.staff(at('ppid')), atasan: town.staff(at('atasan.ppid')), pelaksana: (holder) => town.staff(DESKS[holder].email) };
  const rand = mulberry32(SEED);
  const now = ctx.clock().getTime();
  // Filing days over the last year, the recent weeks busier, and two today still waiting for the
  // desk; 09:00–15:00 WIB on the day (today: no later than an hour ago).
  const days = [...Array.from({ length: REQUESTS - 2 }, () => Math.floor(365 * rand.next() ** 1.4) + 1).sort((a, b) => b - a), 0, 0];
  const old = dealt(rand, days.filter((d) => d >= 14).length, OLD);
  let recent = 0;
  const seq = { objections: 0 };
  await ctx.db.transaction(async (tx) => {
    for (const d of days) {
      const filedAt = new Date(Math.min(now - d * DAY - (now % DAY) + rand.int(2, 8) * 3600_000, now - 3600_000));
      await tell(ctx, tx, desk, rand, town, filedAt, now, d >= 14 ? old.pop()! : RECENT[recent++ % RECENT.length]!, seq);
    }
  });
}
