/**
 * Satu Data's demo: the steward at Diskominfotiksan, a statistician at Dinas Sosial, and real-shaped
 * Dumai datasets submitted and checked through the real services — road condition by authority and
 * year from Dinas PUPR (five years), poor residents per kelurahan from Dinas Sosial (a version the
 * steward returned, its correction published) — and the platform's own complaint figures. The same
 * on every first start (a seeded generator); skipped once the datasets exist.
 */
import { Readable } from 'node:stream';
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { demoEmail as at, type DemoStaff, type DemoTown } from '../core/module.js';
import { mulberry32 } from '../core/demo/random.js';
import { toCsv } from '../core/export/csv.js';
import { createDataset } from './datasets.js';
import { stepVersion, submitVersion } from './versions.js';
import { refreshPlatformDatasets } from './platform.js';
import type { CreateInput } from './api-schemas.js';
import * as q from './queries.js';

export const SATUDATA_STAFF: readonly DemoStaff[] = [
  { role: 'walidata', email: at('walidata'), fullName: 'Fitri Handayani, S.Stat.', opd: 'DISKOMINFOTIKSAN', description: 'Walidata (data steward), Diskominfotiksan: checks and publishes the OPDs’ datasets' },
  { role: 'opd_officer', email: at('data.dinsos'), fullName: 'Hendra Gunawan, S.E.', opd: 'DINSOS', description: 'OPD officer, Dinas Sosial: produces the poverty statistics (Satu Data)' },
];

const ROADS: CreateInput = {
  name: 'kondisi-jalan-menurut-kewenangan',
  title: 'Panjang jalan menurut kewenangan dan kondisi jalan di Kota Dumai',
  description:
    'Panjang jalan (km) di Kota Dumai menurut tingkat kewenangan (negara, provinsi, kota) dan kondisi permukaan (baik, sedang, rusak ringan, rusak berat), hasil survei kondisi jalan tahunan Bidang Bina Marga.',
  topic: 'infrastruktur',
  frequency: 'tahunan',
  period: '2021–2025',
  unit: 'km',
  variables: [
    { name: 'tahun', label: 'Tahun', definition: 'Tahun survei kondisi jalan.', type: 'year' },
    { name: 'kewenangan', label: 'Kewenangan', definition: 'Tingkat pemerintahan yang berwenang atas ruas jalan: Negara, Provinsi, atau Kota.', type: 'text' },
    { name: 'kondisi', label: 'Kondisi jalan', definition: 'Kondisi permukaan menurut survei: Baik, Sedang, Rusak Ringan, Rusak Berat.', type: 'text' },
    { name: 'panjang_km', label: 'Panjang jalan', definition: 'Panjang ruas dalam kondisi itu, dalam kilometer.', type: 'decimal', unit: 'km' },
  ],
  contactName: 'Bidang Bina Marga, Dinas PUPR',
  contactEmail: 'binamarga@dumaikota.go.id',
  tags: ['jalan', 'infrastruktur', 'bina marga'],
  regionCodes: ['14.72'],
};

const POVERTY: CreateInput = {
  name: 'penduduk-miskin-per-kelurahan',
  title: 'Penduduk miskin menurut kelurahan di Kota Dumai',
  description:
    'Jumlah keluarga dan jiwa dalam desil 1–2 Data Tunggal Sosial dan Ekonomi Nasional (DTSEN) menurut kelurahan, hasil pemutakhiran Dinas Sosial. Angka agregat, tanpa data perorangan.',
  topic: 'sosial',
  frequency: 'tahunan',
  period: '2024–2025',
  unit: 'jiwa',
  variables: [
    { name: 'tahun', label: 'Tahun', definition: 'Tahun pemutakhiran data.', type: 'year' },
    { name: 'kode_kelurahan', label: 'Kode kelurahan', definition: 'Kode wilayah Kemendagri kelurahan.', type: 'region_code' },
    { name: 'kelurahan', label: 'Kelurahan', definition: 'Nama kelurahan.', type: 'text' },
    { name: 'jumlah_keluarga', label: 'Jumlah keluarga', definition: 'Keluarga dalam desil 1–2 DTSEN.', type: 'integer', unit: 'keluarga' },
    { name: 'jumlah_jiwa', label: 'Jumlah jiwa', definition: 'Anggota keluarga-keluarga tersebut.', type: 'integer', unit: 'jiwa' },
  ],
  contactName: 'Bidang Penanganan Fakir Miskin, Dinas Sosial',
  contactEmail: 'dinsos@dumaikota.go.id',
  tags: ['kemiskinan', 'dtsen', 'kelurahan'],
  regionCodes: ['14.72'],
};

/** Survey lengths (km) by authority, with a slow improvement on city roads year by year. */
function roadRows(years: readonly number[]): (string | number)[][] {
  const total = { Negara: 62.4, Provinsi: 88.9, Kota: 714.6 } as const;
  const share = (authority: keyof typeof total, y: number) => {
    const better = (y - 2021) * (authority === 'Kota' ? 0.03 : 0.015);
    const good = (authority === 'Kota' ? 0.46 : 0.62) + better;
    const fair = authority === 'Kota' ? 0.24 : 0.22;
    const light = (1 - good - fair) * 0.6;
    return { Baik: good, Sedang: fair, 'Rusak Ringan': light, 'Rusak Berat': 1 - good - fair - light };
  };
  return years.flatMap((y) =>
    (Object.keys(total) as (keyof typeof total)[]).flatMap((a) => Object.entries(share(a, y)).map(([k, s]) => [y, a, k, (Math.round(total[a] * s * 100) / 100).toFixed(2)])),
  );
}

async function povertyRows(ctx: AppContext, year: number, seed: number): Promise<(string | number)[][]> {
  const rand = mulberry32(seed);
  const names = await q.kelurahanNames(ctx.db);
  return [...names].map(([code, name]) => {
    const families = rand.int(90, 520);
    return [year, code, name, families, Math.round(families * rand.between(3.3, 4.1))];
  });
}

const csvUpload = (headers: string[], rows: (string | number)[][], filename: string) => ({ stream: Readable.from([toCsv(headers, rows)]), filename });

async function publish(ctx: AppContext, producer: Principal, steward: Principal, name: string, note: string, upload: ReturnType<typeof csvUpload>, at: Date) {
  const n = await submitVersion(ctx, producer, name, note, upload, at);
  await ctx.db.transaction((tx) => stepVersion(ctx, tx, steward, name, n, 'accept', {}, new Date(at.getTime() + 86_400_000)));
}

export async function ensureSatudataDemo(ctx: AppContext, town: DemoTown): Promise<void> {
  if (await q.datasetByName(ctx.db, ROADS.name)) return;
  const steward = town.staff(at('walidata'));
  const pupr = town.staff(at('pupr'));
  const dinsos = town.staff(at('data.dinsos'));
  const start = new Date(town.registeredAt.getTime() - 120 * 86_400_000);
  const day = (n: number) => new Date(start.getTime() + n * 86_400_000);

  const roadHeaders = ROADS.variables.map((v) => v.name);
  await ctx.db.transaction((tx) => createDataset(ctx, tx, pupr, ROADS, day(0)));
  await publish(ctx, pupr, steward, ROADS.name, 'Hasil survei kondisi jalan 2021–2024.', csvUpload(roadHeaders, roadRows([2021, 2022, 2023, 2024]), 'kondisi-jalan-2021-2024.csv'), day(1));
  await publish(ctx, pupr, steward, ROADS.name, 'Data 2025 ditambahkan (survei Oktober 2025).', csvUpload(roadHeaders, roadRows([2021, 2022, 2023, 2024, 2025]), 'kondisi-jalan-2021-2025.csv'), day(40));

  const povHeaders = POVERTY.variables.map((v) => v.name);
  await ctx.db.transaction((tx) => createDataset(ctx, tx, dinsos, POVERTY, day(2)));
  const y2024 = await povertyRows(ctx, 2024, 2024);
  await publish(ctx, dinsos, steward, POVERTY.name, 'Pemutakhiran DTSEN 2024.', csvUpload(povHeaders, y2024, 'miskin-2024.csv'), day(3));
  // 2025: first sent with families and residents swapped in every row; the steward returns it.
  const y2025 = await povertyRows(ctx, 2025, 2025);
  const swapped = y2025.map(([y, c, n, f, j]) => [y!, c!, n!, j!, f!]);
  const wrong = await submitVersion(ctx, dinsos, POVERTY.name, 'Pemutakhiran DTSEN 2025.', csvUpload(povHeaders, [...y2024, ...swapped], 'miskin-2024-2025.csv'), day(60));
  await ctx.db.transaction((tx) =>
    stepVersion(ctx, tx, steward, POVERTY.name, wrong, 'return', { note: 'Kolom jumlah_keluarga dan jumlah_jiwa tertukar untuk tahun 2025: jumlah jiwa lebih kecil dari jumlah keluarga di setiap kelurahan.' }, day(61)),
  );
  await publish(ctx, dinsos, steward, POVERTY.name, 'Koreksi: kolom jumlah keluarga dan jumlah jiwa 2025 yang tertukar diperbaiki.', csvUpload(povHeaders, [...y2024, ...y2025], 'miskin-2024-2025.csv'), day(62));

  await refreshPlatformDatasets(ctx, town.registeredAt);
}
