/**
 * Poverty complaints by year, kelurahan and need, as Dinas Sosial's open dataset: counts read through
 * kemiskinan's read model, small cells suppressed (disclosure.ts). Counted up to the end of the last
 * complete month (Jakarta): the figures then change once a month, so two versions a day apart cannot be
 * subtracted to single out one day's complaint in a kelurahan.
 */
import { complaintCounts, NEED_CATEGORIES, NEED_CATEGORY_LABELS } from '../kemiskinan/read-model.js';
import { MIN_CELL, ROUND_TO, protectedCounts } from './disclosure.js';
import type { PlatformDataset } from './platform.js';
import type { Row } from './table.js';
import * as q from './queries.js';

const JAKARTA = 7 * 3_600_000;

/** The first instant of the Jakarta month `at` falls in. */
export function monthStart(at: Date): Date {
  const local = new Date(at.getTime() + JAKARTA);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - JAKARTA);
}

const count = (n: number | null) => (n === null ? null : String(n));
const SUPPRESSED = `Kosong bila 1–${MIN_CELL - 1} (ditekan agar rumah tangga tidak dapat dikenali); selebihnya dibulatkan ke kelipatan ${ROUND_TO} terdekat.`;

export const POVERTY_DATASET: PlatformDataset = {
  key: 'kemiskinan-kebutuhan-kelurahan',
  name: 'pengaduan-kemiskinan-per-kebutuhan-dan-kelurahan',
  title: 'Pengaduan kemiskinan menurut kebutuhan dan kelurahan',
  description:
    `Jumlah pengaduan kemiskinan yang diterima Dinas Sosial setiap tahun (waktu Jakarta) menurut kelurahan rumah tangga dan kebutuhan yang diadukan, dan berapa di antaranya sudah ditangani (bantuan diberikan atau dirujuk ke OPD lain), dihitung sampai akhir bulan lalu. Dihasilkan otomatis dari data platform: hanya angka agregat, tanpa data pribadi. Sel berisi 1–${MIN_CELL - 1} pengaduan dikosongkan (ditekan) agar rumah tangga tidak dapat dikenali, dan angka mulai ${MIN_CELL} dibulatkan ke kelipatan ${ROUND_TO} terdekat agar selisih dua versi tidak menunjukkan satu pengaduan; tabel sengaja tidak memuat jumlah per kelurahan, per kebutuhan, atau jumlah kota, sehingga sel yang ditekan tidak dapat dihitung kembali dari jumlahnya. Penjumlahan sel yang terbit adalah batas bawah.`,
  topic: 'sosial',
  frequency: 'bulanan',
  period: 'Sejak pengaduan pertama hingga akhir bulan lalu',
  unit: 'pengaduan',
  tags: ['kemiskinan', 'pengaduan', 'kelurahan', 'dinas sosial'],
  producer: 'DINSOS',
  contact: (opd) => `Seksi Data, Pelaporan dan Pengaduan, ${opd.shortName}`,
  variables: [
    { name: 'tahun', label: 'Tahun', definition: 'Tahun pengaduan diterima (waktu Jakarta).', type: 'year' },
    { name: 'kode_kelurahan', label: 'Kode kelurahan', definition: 'Kode wilayah Kemendagri kelurahan rumah tangga yang diadukan.', type: 'region_code' },
    { name: 'kelurahan', label: 'Kelurahan', definition: 'Nama kelurahan.', type: 'text' },
    {
      name: 'kebutuhan',
      label: 'Kebutuhan',
      definition: `Kategori kebutuhan yang diadukan: ${NEED_CATEGORIES.map((c) => `${c} (${NEED_CATEGORY_LABELS[c].id})`).join(', ')}.`,
      type: 'text',
    },
    { name: 'diterima', label: 'Pengaduan diterima', definition: `Pengaduan yang diterima pada tahun itu. ${SUPPRESSED}`, type: 'integer', unit: 'pengaduan', optional: true },
    {
      name: 'ditangani',
      label: 'Pengaduan ditangani',
      definition: `Dari pengaduan itu, yang sudah ditangani sampai akhir bulan lalu. Kosong bila diterima ditekan, atau bila yang ditangani atau yang belum ditangani berjumlah 1–${MIN_CELL - 1}; selebihnya dibulatkan ke kelipatan ${ROUND_TO} terdekat.`,
      type: 'integer',
      unit: 'pengaduan',
      optional: true,
    },
  ],
  rows: async ({ ctx, at }) => {
    const [counts, names] = await Promise.all([complaintCounts(ctx.db, monthStart(at)), q.kelurahanNames(ctx.db)]);
    if (!counts.length) return [];
    const cell = new Map(counts.map((c) => [`${c.year}|${c.kelurahanCode}|${c.need}`, c]));
    const years = counts.map((c) => c.year);
    const kelurahan = [...names].sort(([a], [b]) => (a < b ? -1 : 1));
    const rows: Row[] = [];
    // Every kelurahan and need of every year, zeros included: an absent row would read as unknown.
    for (let y = Math.min(...years); y <= Math.max(...years); y++) {
      for (const [code, name] of kelurahan) {
        for (const need of NEED_CATEGORIES) {
          const c = cell.get(`${y}|${code}|${need}`);
          const p = protectedCounts(c?.received ?? 0, c?.handled ?? 0);
          rows.push([String(y), code, name, need, count(p.received), count(p.handled)]);
        }
      }
    }
    return rows;
  },
};
