/**
 * The PPID's figures as an open dataset: the yearly report of public information services (Perki
 * 1/2021) per OPD, read through ppid's read model — the same numbers as its /ppid/laporan page. These
 * count a public body's answers, not people: the report is public by law and carries no requester, so
 * no cell is suppressed.
 */
import { requestYears, yearlyReport } from '../ppid/read-model.js';
import type { PlatformDataset } from './platform.js';
import type { Row } from './table.js';

/** Requests the PPID Utama answered itself, not routed to an OPD's PPID Pelaksana. */
const PPID_UTAMA = { code: 'PPID-UTAMA', name: 'PPID Utama' };

const int = (name: string, label: string, definition: string) => ({ name, label, definition, type: 'integer' as const, unit: 'permohonan' });

export const PPID_DATASET: PlatformDataset = {
  key: 'ppid-tahunan',
  name: 'layanan-informasi-publik-ppid',
  title: 'Layanan informasi publik (PPID) per OPD dan tahun',
  description:
    'Permohonan informasi publik (UU 14/2008) yang diterima PPID setiap tahun (waktu Jakarta) menurut OPD yang menjawabnya: jumlah diterima, dijawab dan hasilnya (dikabulkan seluruhnya atau sebagian, ditolak, informasi tidak dikuasai), dicabut, masih diproses, dijawab melewati 10 hari kerja, rata-rata hari kerja sampai dijawab, keberatan dan sengketa informasi. Angka yang sama dengan laporan tahunan layanan informasi publik (Perki 1/2021). Dihasilkan otomatis dari data platform, tanpa data pemohon.',
  topic: 'pemerintahan',
  frequency: 'harian',
  period: 'Sejak permohonan pertama hingga hari ini',
  unit: 'permohonan',
  tags: ['ppid', 'keterbukaan informasi publik', 'permohonan informasi'],
  contact: (opd) => `PPID Utama, ${opd.shortName}`,
  variables: [
    { name: 'tahun', label: 'Tahun', definition: 'Tahun permohonan diterima (waktu Jakarta).', type: 'year' },
    { name: 'kode_opd', label: 'Kode OPD', definition: `Kode OPD yang PPID Pelaksana-nya menjawab; "${PPID_UTAMA.code}" untuk permohonan yang dijawab PPID Utama sendiri.`, type: 'text' },
    { name: 'opd', label: 'OPD', definition: 'Nama OPD, atau PPID Utama.', type: 'text' },
    int('diterima', 'Permohonan diterima', 'Permohonan yang diterima pada tahun itu.'),
    int('dijawab', 'Permohonan dijawab', 'Yang sudah dijawab dengan pemberitahuan tertulis: dikabulkan seluruhnya atau sebagian, ditolak, atau tidak dikuasai.'),
    int('dikabulkan_seluruhnya', 'Dikabulkan seluruhnya', 'Informasi diberikan seluruhnya.'),
    int('dikabulkan_sebagian', 'Dikabulkan sebagian', 'Informasi diberikan sebagian (bagian yang dikecualikan dihitamkan).'),
    int('ditolak', 'Ditolak', 'Ditolak karena informasi dikecualikan (Pasal 17 UU 14/2008).'),
    int('tidak_dikuasai', 'Tidak dikuasai', 'Informasi tidak dikuasai badan publik ini.'),
    int('dicabut', 'Dicabut', 'Permohonan dicabut oleh pemohon.'),
    int('dalam_proses', 'Dalam proses', 'Belum dijawab pada tanggal pembaruan.'),
    int('dijawab_terlambat', 'Dijawab melewati 10 hari kerja', 'Dijawab lebih dari 10 hari kerja setelah diterima.'),
    { name: 'rata_rata_hari_kerja', label: 'Rata-rata hari kerja sampai dijawab', definition: 'Rata-rata hari kerja dari diterima sampai pemberitahuan tertulis; kosong bila belum ada yang dijawab.', type: 'decimal', unit: 'hari kerja', optional: true, additive: false },
    int('keberatan', 'Keberatan', 'Permohonan yang diajukan keberatannya kepada Atasan PPID.'),
    int('sengketa', 'Sengketa informasi', 'Permohonan yang berlanjut menjadi sengketa di Komisi Informasi.'),
  ],
  rows: async ({ ctx }) => {
    const rows: Row[] = [];
    for (const year of await requestYears(ctx.db)) {
      for (const r of (await yearlyReport(ctx, year)).rows) {
        const opd = r.opd ?? PPID_UTAMA;
        const answered = r.successful + r.partiallySuccessful + r.rejected + r.notHeld;
        const counts = [r.received, answered, r.successful, r.partiallySuccessful, r.rejected, r.notHeld, r.withdrawn, r.open, r.answeredLate];
        rows.push([String(year), opd.code, opd.name, ...counts.map(String), r.averageWorkingDays === null ? null : String(r.averageWorkingDays), String(r.objections), String(r.disputes)]);
      }
    }
    return rows;
  },
};
