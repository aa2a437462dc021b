/**
 * Datasets the platform publishes from its own records, refreshed by a job: complaints received and
 * handled per month, lead OPD and category, and the share handled within the resolve deadline (through
 * aduan's read model); poverty complaints by need and kelurahan, small cells suppressed (kemiskinan's,
 * see poverty-dataset.ts); and the PPID's yearly figures per OPD (ppid's, see ppid-dataset.ts). Only
 * counts, never a report's, a household's or a requester's detail. A new version is published at
 * most once a day (Jakarta), and only when the figures changed; the job is safe on every instance
 * (the dataset's lock decides, and a second runner finds the day's version there).
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../core/context.js';
import type { Job } from '../core/jobs/jobs.js';
import { toCsv } from '../core/export/csv.js';
import { toXlsx, XLSX_MIME } from '../core/export/xlsx.js';
import type { Topic, Frequency } from './lifecycle.js';
import type { Variable } from './schema.js';
import { readTable, type Row } from './table.js';
import { recordVersion } from './versions.js';
import { POVERTY_DATASET } from './poverty-dataset.js';
import { PPID_DATASET } from './ppid-dataset.js';
import * as q from './queries.js';

type MonthRow = Awaited<ReturnType<typeof q.complaintMonths>>[number];

/** What a dataset's rows are read from: the run's complaint figures (read once, if asked), the app, the run's moment. */
export interface Sources {
  ctx: AppContext;
  at: Date;
  months(): Promise<MonthRow[]>;
}

export interface PlatformDataset {
  key: string;
  name: string;
  title: string;
  description: string;
  topic: Topic;
  frequency: Frequency;
  period: string;
  unit: string;
  tags: string[];
  variables: Variable[];
  /** Code of the producer OPD; the triage OPD (Diskominfo, the steward's) when not named. */
  producer?: string;
  /** Who answers questions about it, given the producer OPD; its walidata when not named. */
  contact?: (opd: { shortName: string }) => string;
  rows(src: Sources): Promise<Row[]>;
}

const SINCE_FIRST_COMPLAINT = 'Sejak pengaduan pertama hingga hari ini';

const month = (m: string) => `${m}-01`;
const pct = (part: number, whole: number) => (whole ? (Math.round((part / whole) * 1000) / 10).toFixed(1) : null);

export const PLATFORM_DATASETS: readonly PlatformDataset[] = [
  {
    key: 'aduan-bulanan',
    name: 'pengaduan-masyarakat-bulanan',
    title: 'Pengaduan masyarakat per bulan, OPD dan kategori',
    description:
      'Jumlah pengaduan masyarakat yang diterima melalui kanal pengaduan kota setiap bulan (waktu Jakarta), menurut OPD yang menangani dan kategori, beserta jumlah yang telah selesai ditangani (diselesaikan atau ditutup). Pengaduan yang digabung sebagai duplikat tidak dihitung. Dihasilkan otomatis dari data platform, tanpa data pribadi.',
    topic: 'pelayanan-publik',
    frequency: 'harian',
    period: SINCE_FIRST_COMPLAINT,
    unit: 'pengaduan',
    tags: ['pengaduan', 'pelayanan publik', 'aduan'],
    variables: [
      { name: 'bulan', label: 'Bulan', definition: 'Hari pertama bulan pengaduan diterima (waktu Jakarta).', type: 'date' },
      { name: 'opd', label: 'OPD', definition: 'Kode OPD yang memimpin penanganan; "-" bila belum didisposisikan.', type: 'text' },
      { name: 'kategori', label: 'Kategori', definition: 'Kode kategori pengaduan.', type: 'text' },
      { name: 'diterima', label: 'Pengaduan diterima', definition: 'Jumlah pengaduan yang diterima pada bulan itu.', type: 'integer', unit: 'pengaduan' },
      { name: 'selesai', label: 'Pengaduan selesai', definition: 'Dari pengaduan bulan itu, yang sudah diselesaikan atau ditutup.', type: 'integer', unit: 'pengaduan' },
    ],
    rows: async ({ months }) => (await months()).map((r) => [month(r.month), r.opd, r.category, String(r.received), String(r.handled)]),
  },
  {
    key: 'aduan-sla',
    name: 'ketepatan-waktu-penanganan-pengaduan',
    title: 'Ketepatan waktu penyelesaian pengaduan per OPD',
    description:
      'Untuk setiap bulan dan OPD: pengaduan yang diselesaikan dan berapa di antaranya selesai dalam batas waktu penyelesaiannya (SLA, hari kerja menurut kategori), dengan persentasenya. Dihasilkan otomatis dari data platform, tanpa data pribadi.',
    topic: 'pelayanan-publik',
    frequency: 'harian',
    period: SINCE_FIRST_COMPLAINT,
    unit: 'persen',
    tags: ['pengaduan', 'sla', 'kinerja opd'],
    variables: [
      { name: 'bulan', label: 'Bulan', definition: 'Hari pertama bulan pengaduan diterima (waktu Jakarta).', type: 'date' },
      { name: 'opd', label: 'OPD', definition: 'Kode OPD yang memimpin penanganan.', type: 'text' },
      { name: 'diselesaikan', label: 'Pengaduan diselesaikan', definition: 'Pengaduan bulan itu yang sudah diselesaikan.', type: 'integer', unit: 'pengaduan' },
      { name: 'tepat_waktu', label: 'Selesai tepat waktu', definition: 'Yang diselesaikan paling lambat pada batas waktunya.', type: 'integer', unit: 'pengaduan' },
      { name: 'persen_tepat_waktu', label: 'Persen tepat waktu', definition: 'tepat_waktu ÷ diselesaikan × 100; kosong bila belum ada yang diselesaikan.', type: 'decimal', unit: 'persen', optional: true, additive: false },
    ],
    rows: async ({ months }) => {
      const perOpd = new Map<string, { resolved: number; onTime: number }>();
      for (const r of await months()) {
        if (r.opd === '-') continue;
        const k = `${r.month}|${r.opd}`;
        const acc = perOpd.get(k) ?? { resolved: 0, onTime: 0 };
        // Resolved ones only: a closed-without-resolution report has no deadline met or missed.
        acc.resolved += r.resolved;
        acc.onTime += r.onTime;
        perOpd.set(k, acc);
      }
      return [...perOpd].map(([k, v]) => {
        const [m, opd] = k.split('|') as [string, string];
        return [month(m), opd, String(v.resolved), String(v.onTime), pct(v.onTime, v.resolved)];
      });
    },
  },
  POVERTY_DATASET,
  PPID_DATASET,
];

async function* table(variables: readonly Variable[], rows: readonly Row[]): AsyncIterable<Row> {
  yield variables.map((v) => v.name);
  yield* rows;
}

const jakartaDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Creates the platform's datasets if missing and publishes today's figures where they changed. Returns the versions published. */
export async function refreshPlatformDatasets(ctx: AppContext, at = ctx.clock()): Promise<number> {
  const triage = await q.triageOpd(ctx.db);
  if (!triage) return 0;
  let published = 0;
  // Both complaint datasets come from the same figures: read once per run, and only if one needs them.
  let read: Promise<MonthRow[]> | undefined;
  const sources: Sources = { ctx, at, months: () => (read ??= q.complaintMonths(ctx.db)) };
  for (const def of PLATFORM_DATASETS) {
    // A city without that OPD (no Dinas Sosial in its reference list) gets no such dataset.
    const opd = def.producer ? await q.opdByCode(ctx.db, def.producer) : triage;
    if (!opd) continue;
    const ds =
      (await q.datasetByPlatformKey(ctx.db, def.key)) ??
      (await q.insertPlatformDataset(ctx.db, {
        name: def.name,
        title: def.title,
        description: def.description,
        opdId: opd.id,
        topic: def.topic,
        frequency: def.frequency,
        period: def.period,
        unit: def.unit,
        variables: def.variables,
        contactName: def.contact?.(opd) ?? `Walidata ${opd.shortName}`,
        contactEmail: `data@${(ctx.config.publicUrl ? new URL(ctx.config.publicUrl).hostname : 'dumaikota.go.id').replace(/^www\./, '')}`,
        tags: def.tags,
        regionCodes: [ctx.config.city.code],
        platformKey: def.key,
        createdAt: at,
        modifiedAt: at,
      })) ??
      (await q.datasetByPlatformKey(ctx.db, def.key))!;
    // At most one version a Jakarta day: the figures read every report, so they are not computed again that day.
    const prev = await q.lastPublished(ctx.db, ds.id);
    if (prev && jakartaDay(prev.publishedAt ?? prev.submittedAt) === jakartaDay(at)) continue;
    const rows = await def.rows(sources);
    const regions = await q.regionCodeSet(ctx.db);
    const summary = await readTable(table(def.variables, rows), def.variables, regions);
    const headers = def.variables.map((v) => v.name);
    const csv = toCsv(headers, rows);
    const sha = createHash('sha256').update(csv).digest('hex');
    const xlsx = Buffer.from(toXlsx(headers, rows.map((r) => r.map((c, i) => (c !== null && (def.variables[i]!.type === 'integer' || def.variables[i]!.type === 'decimal') ? Number(c) : c))), { sheetName: 'data' }));
    const version = await recordVersion(
      ctx,
      ctx.db,
      ds,
      null,
      {
        summary,
        variables: def.variables,
        note: `Pembaruan otomatis ${jakartaDay(at)}: ${summary.rowCount} baris.`,
        files: [
          { name: `${def.name}.csv`, format: 'CSV', mime: 'text/csv', data: csv, sha256: sha, generated: true },
          { name: `${def.name}.xlsx`, format: 'XLSX', mime: XLSX_MIME, data: xlsx, sha256: createHash('sha256').update(xlsx).digest('hex'), generated: true },
        ],
      },
      'published',
      at,
      (prev, resources) => !!prev && (resources.some((r) => r.sha256 === sha) || jakartaDay(prev.publishedAt ?? prev.submittedAt) === jakartaDay(at)),
    );
    if (version) published++;
  }
  return published;
}

export const platformJobs = (ctx: AppContext): Job[] => [{ name: 'satudata-platform-datasets', everyMs: 60 * 60_000, run: () => refreshPlatformDatasets(ctx) }];
