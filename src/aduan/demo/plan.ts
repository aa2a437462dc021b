/**
 * The demo's reports, decided before any is filed: for each its fate, category, place, words,
 * reporter and the moments of its steps. Pure given the seed and the reference data, so the city
 * looks the same on every first start.
 */
import { KHIDMAT } from '../category-seed.js';
import type { ReportInput } from '../intake.js';
import { wibDate } from '../../core/calendar/working-days.js';
import type { RoadStatus } from '../../core/reference/seed-data.js';
import { KECAMATAN_WEIGHT, LANDMARKS, LANES, OUTSIDE_ROADS, STREETS, scatter, type Kelurahan, type Point } from './places.js';
import type { Random } from '../../core/demo/random.js';
import { CO_HANDLING, MISROUTES } from './replies.js';
import { FATE_QUOTAS, tell, type Fate, type Story, type StoryFacts } from './stories.js';
import { CLASS_OF, DURATIONS, REPORT_TEXTS, fill } from './templates.js';
import { hoursOf, placeStory, type Calendar, type PlannedStep } from './timeline.js';

export interface Road {
  id: number;
  name: string;
  status: RoadStatus;
}

export interface ReportPlan {
  /** Stable within one plan; merge steps name their target by it. */
  key: number;
  /** Index into the residents; 0 is the demo citizen. */
  reporter: number;
  kelurahan: Kelurahan;
  /** Scattered points around the kelurahan centre; the first that lies inside it is used. */
  candidates: Point[];
  input: Omit<ReportInput, 'lat' | 'lng' | 'kelurahanCode'>;
  submittedAt: Date;
  steps: PlannedStep[];
}

export interface PlanInput {
  now: Date;
  rand: Random;
  kelurahan: readonly Kelurahan[];
  roads: readonly Road[];
  calendar: Calendar;
  residents: number;
}

/** As in seed paper 000: road damage first, then drains, street lights and rubbish. */
const CATEGORY_WEIGHTS = {
  'INF-JALAN': 20,
  'INF-DRAINASE': 14,
  'PEN-LAMPU': 13,
  'SPP-SAMPAH': 13,
  'INF-JALANLINGKUNGAN': 5,
  'SOS-BANSOS': 5,
  'INF-LALULINTAS': 3,
  'SPP-PENCEMARAN': 3,
  'KES-PUSKESMAS': 3,
  'KES-WABAH': 3,
  'SOS-KETERTIBAN': 3,
  'INF-JEMBATAN': 2,
  'KES-JAMINAN': 2,
  'SOS-ADMINDUK': 2,
  'PDD-SEKOLAH': 2,
  'SPP-WISATA': 1,
  'SOS-TERLANTAR': 1,
  'PEN-INFORMASI': 1,
  'PEN-INTERNET': 1,
  'PDD-PPDB': 1,
  'PDD-PUNGUTAN': 1,
};

const SUBCATEGORIES = new Map(KHIDMAT.flatMap((k) => k.subs.map((s) => [s.code, s])));
/** Reports people tend to confide rather than publish. */
const SENSITIVE = new Set(['SOS-BANSOS', 'SOS-TERLANTAR', 'SOS-ADMINDUK', 'KES-JAMINAN', 'PDD-PUNGUTAN']);
/** Problems many neighbours see and report twice. */
const OFTEN_DUPLICATED = new Set(['INF-JALAN', 'INF-DRAINASE', 'PEN-LAMPU', 'SPP-SAMPAH', 'KES-WABAH']);
/** Statuses a merge may not point into (actions.ts refuses them). */
const NOT_MERGEABLE: readonly Fate[] = ['merged', 'withdrawn', 'rejected', 'archived'];
/** Suggestions stay out of the stories of misrouted, co-handled and reopened complaints. */
const SUGGESTIBLE: readonly Fate[] = ['closed', 'auto_closed', 'resolved', 'in_progress', 'dispositioned', 'verified', 'submitted', 'postponed', 'archived', 'withdrawn'];
/** Besides the national-road reports the desk already referred, some still wait for its decision. */
const AWAITING_TRIAGE: readonly Fate[] = ['submitted', 'postponed', 'verified'];
/** One report of each of these goes to the demo citizen, so logging in as them shows what a resident can do. */
const DEMO_CITIZEN_FATES: readonly Fate[] = ['resolved', 'in_progress', 'submitted', 'closed', 'dispositioned', 'postponed', 'merged'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WINDOW_DAYS = 120;

const pad2 = (n: number) => String(n).padStart(2, '0');

interface Planned {
  plan: ReportPlan;
  fate: Fate;
  category: string;
  street: string;
}

/** What a report is about and where: the facts its story needs. */
interface Subject {
  facts: StoryFacts;
  kelurahan: Kelurahan;
  street: string;
  roadId?: number | undefined;
  /** The report a duplicate repeats. */
  original?: Planned;
}

class Planner {
  private readonly kelurahanByCode: Map<string, Kelurahan>;
  private readonly roadByName: Map<string, Road>;
  /** Every kelurahan gets a report before population weights take over. */
  private readonly unvisited: Kelurahan[];
  private readonly kelurahanWeights: Record<string, number>;
  private readonly demoFates = new Set(DEMO_CITIZEN_FATES);
  readonly planned: Planned[] = [];

  constructor(private readonly p: PlanInput) {
    this.kelurahanByCode = new Map(p.kelurahan.map((k) => [k.code, k]));
    this.roadByName = new Map(p.roads.map((r) => [r.name, r]));
    this.unvisited = p.rand.shuffle([...p.kelurahan]);
    this.kelurahanWeights = Object.fromEntries(p.kelurahan.map((k) => [k.code, KECAMATAN_WEIGHT[k.kecamatanCode] ?? 1]));
  }

  private somewhere(): Kelurahan {
    return this.unvisited.pop() ?? this.kelurahanByCode.get(this.p.rand.weighted(this.kelurahanWeights))!;
  }

  private subject(fate: Fate): Subject {
    const { rand } = this.p;
    const facts: StoryFacts = { fate, category: rand.weighted(CATEGORY_WEIGHTS), opd: '', suggestion: false };
    let given: Partial<Subject> = {};
    if (fate === 'outside_authority' || (AWAITING_TRIAGE.includes(fate) && rand.chance(0.25))) {
      const o = rand.pick(OUTSIDE_ROADS);
      const road = this.roadByName.get(o.road);
      if (!road || road.status === 'kota') throw new Error(`demo road ${o.road} is not a national or provincial road`);
      facts.category = 'INF-JALAN';
      facts.outside = { road: road.name, level: road.status };
      given = { kelurahan: this.kelurahanByCode.get(rand.pick(o.kelurahan)), street: road.name.replace(/^Jalan /, 'Jl. '), roadId: road.id };
    } else if (fate === 'co_handled') {
      facts.category = rand.pick(Object.keys(CO_HANDLING));
    } else if (fate === 'forwarded' || fate === 'returned' || fate === 'returned_waiting') {
      facts.misroute = rand.pick(MISROUTES);
      facts.category = facts.misroute.category;
    } else if (fate === 'merged') {
      const before = this.p.now.getTime() - 10 * DAY;
      const original = rand.pick(
        this.planned.filter((x) => !NOT_MERGEABLE.includes(x.fate) && OFTEN_DUPLICATED.has(x.category) && x.plan.submittedAt.getTime() < before),
      );
      facts.category = original.category;
      facts.mergeInto = original.plan.key;
      given = { kelurahan: original.plan.kelurahan, street: original.street, original };
    }
    facts.opd = facts.misroute?.right ?? SUBCATEGORIES.get(facts.category)!.opd;
    facts.suggestion = REPORT_TEXTS[facts.category]!.aspirasi !== undefined && SUGGESTIBLE.includes(fate) && rand.chance(0.12);
    const kelurahan = given.kelurahan ?? this.somewhere();
    const street = given.street ?? rand.pick(STREETS[kelurahan.kecamatanCode]!);
    // A city road in the street list is picked from the road list, as the form offers.
    const roadId = given.roadId ?? (SUBCATEGORIES.get(facts.category)!.isRoad ? this.roadByName.get(street.replace(/^Jl\. /, 'Jalan '))?.id : undefined);
    return { facts, kelurahan, street, roadId, ...(given.original ? { original: given.original } : {}) };
  }

  /** The resident's title, description and address, from the category's templates. */
  private words(s: Subject) {
    const { rand } = this.p;
    const texts = REPORT_TEXTS[s.facts.category]!;
    const [title, description] = rand.pick(s.facts.suggestion ? texts.aspirasi! : texts.pengaduan);
    const rt = `RT ${pad2(rand.int(1, 15))}/RW ${pad2(rand.int(1, 6))}`;
    const values = { jalan: s.street, lorong: rand.pick(LANES), kel: s.kelurahan.name, tempat: rand.pick(LANDMARKS), rt, lama: rand.pick(DURATIONS) };
    return {
      class: CLASS_OF[s.facts.category] ?? (s.facts.suggestion ? 'aspirasi' : 'pengaduan'),
      title: fill(title, values),
      description: fill(description, values),
      address: `${s.street}, ${rt}, Kel. ${s.kelurahan.name}`,
    } as const;
  }

  /**
   * The story's moments: open reports end shortly before now, finished ones start anywhere in the
   * window (more of them recently, as use grows), duplicates a little after their original.
   */
  private when(s: Subject, story: Story) {
    const { rand, now } = this.p;
    let t0: Date;
    if (s.original) t0 = new Date(s.original.plan.submittedAt.getTime() + rand.between(2, 48) * HOUR);
    else if (story.recentHours !== undefined) t0 = new Date(now.getTime() - (hoursOf(story.drafts) + story.recentHours) * HOUR);
    else t0 = new Date(now.getTime() - WINDOW_DAYS * DAY * rand.next() ** 1.25);
    const placed = placeStory(t0, rand.int(0, 150), story.drafts, new Date(now.getTime() - 5 * MINUTE), this.p.calendar);
    if (s.original && placed.submittedAt <= s.original.plan.submittedAt) throw new Error('demo duplicate placed before its original');
    return placed;
  }

  /** A few residents report far more often than the rest; a neighbour files a duplicate, not the original's reporter. */
  private reporter(s: Subject): number {
    if (this.demoFates.delete(s.facts.fate)) return 0;
    const n = this.p.residents - 1;
    const reporter = 1 + Math.floor(n * this.p.rand.next() ** 1.6);
    return s.original && reporter === s.original.plan.reporter ? (reporter % n) + 1 : reporter;
  }

  add(key: number, fate: Fate): void {
    const { rand } = this.p;
    const s = this.subject(fate);
    const words = this.words(s);
    const story = tell(rand, s.facts);
    const { submittedAt, steps } = this.when(s, story);
    const plan: ReportPlan = {
      key,
      reporter: this.reporter(s),
      kelurahan: s.kelurahan,
      candidates: s.original ? scatter(rand, s.original.plan.candidates[0]!, 80) : scatter(rand, s.kelurahan, 300),
      input: {
        ...words,
        incidentDate: rand.chance(0.7) ? wibDate(new Date(submittedAt.getTime() - rand.int(0, 10) * DAY)) : undefined,
        categoryCode: s.facts.category,
        roadId: s.roadId,
        anonymous: rand.chance(s.facts.category === 'PDD-PUNGUTAN' ? 0.5 : 0.12),
        confidential: rand.chance(SENSITIVE.has(s.facts.category) ? 0.3 : 0.01),
      },
      submittedAt,
      steps,
    };
    this.planned.push({ plan, fate, category: s.facts.category, street: s.street });
  }
}

/** The plans in filing order, which is also the order of their tracking numbers. */
export function planReports(p: PlanInput): ReportPlan[] {
  const planner = new Planner(p);
  const fates = p.rand.shuffle(Object.entries(FATE_QUOTAS).flatMap(([fate, n]) => Array<Fate>(n).fill(fate as Fate)));
  // Duplicates come last: they need the report they duplicate.
  const ordered = [...fates.filter((f) => f !== 'merged'), ...fates.filter((f) => f === 'merged')];
  for (const [key, fate] of ordered.entries()) planner.add(key, fate);
  return planner.planned.map((x) => x.plan).sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.key - b.key);
}
