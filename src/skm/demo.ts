/**
 * The satisfaction-survey demo: a quarter of answers just ended and the quarter so far for the
 * complaint and PPID desks, the Layanan services and the OPDs that run them — through each unit's
 * public link, some copied from paper forms at Disdukcapil's counter — each unit rated as residents
 * might rate it (slow completion and complaint handling lower, free services high on cost). The
 * units' heads state how many people they serve and publish the ended quarter (all but one, left
 * for its officers to publish); the people of the cases finished this week are invited, and most
 * of them answer. All through the real services, in one transaction, on the first start only.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { demoEmail as at, type DemoTown } from '../core/module.js';
import { mulberry32, type Random } from '../core/demo/random.js';
import { addDays, wibDate } from '../core/calendar/working-days.js';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, UNSUR_COUNT } from './regulation.js';
import { answerInvitation, answerPublicLink, enterPaperForm, type AnswerInput } from './answers.js';
import { createPeriod, setUnitPopulation } from './periods.js';
import { publishResults } from './results.js';
import { inviteFinishedCases } from './invitations.js';
import { DESKS } from './messages.js';
import type { UnitKind } from './schema.js';
import * as q from './queries.js';

const SEED = 0x5c3;
const HOUR = 3600_000;

/** The units the demo's residents answer for: how well they are rated (1–4), who heads them, how many they serve a year. */
/** `paper`: Disdukcapil's counters still hand out paper sheets too; an officer copies them the next morning. */
const UNITS: readonly { kind: UnitKind; ref: string; mean: number; head: string; population: number; publish: boolean; paper?: boolean }[] = [
  { kind: 'aduan_desk', ref: 'pengaduan', mean: 3.15, head: at('triage'), population: 4200, publish: true },
  { kind: 'ppid_desk', ref: 'ppid', mean: 3.35, head: at('ppid'), population: 180, publish: true },
  { kind: 'layanan', ref: 'sk-domisili', mean: 3.6, head: at('disdukcapil.admin'), population: 90, publish: true, paper: true },
  { kind: 'layanan', ref: 'kk-pendatang', mean: 3.4, head: at('disdukcapil.admin'), population: 60, publish: true },
  { kind: 'layanan', ref: 'sktm', mean: 3.0, head: at('dinsos.admin'), population: 120, publish: true },
  { kind: 'layanan', ref: 'izin-keramaian', mean: 3.25, head: at('satpolpp.admin'), population: 70, publish: true },
  { kind: 'layanan', ref: 'rekomendasi-reklame', mean: 2.75, head: at('pupr.admin'), population: 40, publish: false },
  { kind: 'opd', ref: 'DISDUKCAPIL', mean: 3.45, head: at('disdukcapil.admin'), population: 2500, publish: true, paper: true },
  { kind: 'opd', ref: 'DINSOS', mean: 3.05, head: at('dinsos.admin'), population: 900, publish: true },
  { kind: 'opd', ref: 'PUPR', mean: 2.9, head: at('pupr.admin'), population: 300, publish: true },
  { kind: 'opd', ref: 'SATPOLPP', mean: 3.2, head: at('satpolpp.admin'), population: 250, publish: true },
];
/** Per unsur, how far residents lean from the unit's mean: completion time (U3) and complaint handling (U8) lower, cost (U4) higher. */
const LEAN = [0.05, 0.05, -0.35, 0.5, 0, 0.05, 0.15, -0.3, -0.15];
const SUGGESTIONS = [
  'Antrean lebih tertib, mohon tambah kursi tunggu.',
  'Petugas ramah dan cepat. Terima kasih.',
  'Informasi persyaratan di papan pengumuman kurang jelas.',
  'Mohon jam layanan ditambah pada hari Sabtu.',
  'Waktu penyelesaian lebih lama dari yang dijanjikan.',
  'Toilet dan ruang tunggu perlu dibersihkan.',
];
const QUARTERS = ['I', 'II', 'III', 'IV'];

function answerOf(rand: Random, mean: number): AnswerInput {
  const scores = Array.from({ length: UNSUR_COUNT }, (_, i) => Math.min(4, Math.max(1, Math.round(mean + LEAN[i]! + rand.between(-0.85, 0.85)))));
  return {
    scores,
    sex: rand.chance(0.9) ? rand.pick(['L', 'P'] as const) : undefined,
    ageBand: rand.chance(0.85) ? rand.weighted({ di_bawah_20: 1, '20_29': 5, '30_39': 6, '40_49': 5, '50_59': 3, '60_ke_atas': 1 } satisfies Record<(typeof AGE_BANDS)[number], number>) : undefined,
    education: rand.chance(0.8) ? rand.weighted({ sd: 1, smp: 2, sma: 6, diploma: 2, s1: 4, s2_ke_atas: 1 } satisfies Record<(typeof EDUCATIONS)[number], number>) : undefined,
    occupation: rand.chance(0.8) ? rand.weighted({ pns: 2, tni: 1, polri: 1, swasta: 6, wirausaha: 5, lainnya: 4 } satisfies Record<(typeof OCCUPATIONS)[number], number>) : undefined,
    suggestion: rand.chance(0.15) ? rand.pick(SUGGESTIONS) : undefined,
  };
}

/** The quarter a day falls in: its name, first and last day. */
function quarterOf(day: string) {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  const startsOn = `${y}-${String(first).padStart(2, '0')}-01`;
  const next = first === 10 ? `${y + 1}-01-01` : `${y}-${String(first + 3).padStart(2, '0')}-01`;
  return { name: `Triwulan ${QUARTERS[(first - 1) / 3]} ${y}`, startsOn, endsOn: addDays(next, -1) };
}

export async function ensureSkmDemo(ctx: AppContext, town: DemoTown): Promise<void> {
  if (await q.anyAnswer(ctx.db)) return;
  const rand = mulberry32(SEED);
  const now = ctx.clock();
  const current = quarterOf(wibDate(now));
  const previous = quarterOf(addDays(current.startsOn, -1));
  const admin = town.staff(at('admin'));
  const counter = town.staff(at('loket.disdukcapil'));
  await ctx.db.transaction(async (tx) => {
    const c: AppContext = { ...ctx, db: tx };
    // One context whose clock the demo sets per answer, so the public link's desk and key map serve them all.
    let at = now;
    const dated: AppContext = { ...c, clock: () => at };
    const when = (instant: Date): AppContext => {
      at = instant;
      return dated;
    };
    // A survey's answer at some hour of office time on a day of the span, never later than an hour ago.
    const instantIn = (span: { startsOn: string; endsOn: string }) => {
      const days = Math.round((Date.parse(span.endsOn) - Date.parse(span.startsOn)) / (24 * HOUR));
      const day = addDays(span.startsOn, rand.int(0, days));
      return new Date(Math.min(Date.parse(`${day}T08:00:00+07:00`) + rand.int(0, 7 * 60) * 60_000, now.getTime() - HOUR));
    };
    await q.syncUnits(tx, DESKS);
    const ended = await createPeriod(c, admin, previous);
    await createPeriod(c, admin, current);
    for (const spec of UNITS) {
      const unit = await q.unitByRef(tx, spec.kind, spec.ref);
      if (!unit) continue; // A service the Layanan demo did not publish.
      const head: Principal = town.staff(spec.head);
      await setUnitPopulation(c, head, unit.id, spec.population);
      for (const [span, n] of [[previous, rand.int(24, 45)], [{ ...current, endsOn: wibDate(now) }, rand.int(5, 12)]] as const) {
        for (let i = 0; i < n; i++) {
          const instant = instantIn(span);
          const answer = answerOf(rand, spec.mean);
          if (spec.paper && rand.chance(0.3)) {
            await enterPaperForm(when(new Date(Math.min(instant.getTime() + 20 * HOUR, now.getTime()))), counter, unit.id, { ...answer, answeredOn: wibDate(instant) });
          } else {
            await answerPublicLink(when(instant), unit.publicKey, answer);
          }
        }
      }
      if (spec.publish) await publishResults(c, head, ended.id, unit.id);
    }
    // The people of this week's finished cases are invited; most open the link and answer.
    await inviteFinishedCases(c);
    for (const link of await q.invitationLinks(tx)) {
      if (rand.chance(0.7)) await answerInvitation(c, link.slice('/skm/isi/'.length), answerOf(rand, 3.2));
    }
  });
}
