/**
 * The demo's Daftar Informasi Publik: for several OPDs, items in every class as a real DIP lists
 * them — mostly published, some still in the chain — a few with a generated PDF or CSV, all written
 * and moved through the real services. Skipped when the catalogue has any item.
 */
import type { AppContext } from '../../core/context.js';
import { demoEmail as at, type DemoTown } from '../../core/module.js';
import { renderPdf, table } from '../../core/export/pdf.js';
import { toCsv } from '../../core/export/csv.js';
import { storeDocument } from '../../core/files/store-document.js';
import type { Exemption } from '../lifecycle.js';
import { createItem, step } from './actions.js';
import type { CatalogueAction, CatalogueClass } from './lifecycle.js';
import * as q from './queries.js';
import { pelaksanaEmail } from '../demo.js';

interface DemoFile {
  name: string;
  make(): Promise<Buffer>;
}

interface DemoItem {
  class: CatalogueClass;
  title: string;
  summary: string;
  responsible: string;
  format: string;
  period: string;
  retention: string;
  exemption?: Exemption;
  legalBasis?: string;
  consequenceTest?: string;
  /** How far along the chain it is. */
  stage: 'draft' | 'checked' | 'approved' | 'published';
  file?: DemoFile;
}

const pdf = (name: string, title: string, headers: string[], widths: number[], rows: (string | number)[][]): DemoFile => ({
  name,
  make: () =>
    renderPdf(title, (d) => {
      d.font('Helvetica-Bold').fontSize(14).text('Pemerintah Kota Dumai');
      d.font('Helvetica-Bold').fontSize(12).text(title).moveDown();
      table(d, headers, widths, rows);
      d.font('Helvetica').fontSize(8).text('Dokumen contoh Khidmat (data demo).');
    }),
});
const csv = (name: string, headers: string[], rows: (string | number)[][]): DemoFile => ({ name, make: async () => toCsv(headers, rows) });

const KEEP = { berkala: '5 tahun', permanen: 'Permanen', serta: '1 tahun setelah keadaan darurat berakhir' };

const DIP: Record<string, DemoItem[]> = {
  PUPR: [
    {
      class: 'berkala',
      title: 'Dokumen Pelaksanaan Anggaran (DPA) Dinas PUPR Tahun 2026',
      summary: 'Rincian program, kegiatan dan anggaran Dinas Pekerjaan Umum dan Penataan Ruang tahun anggaran 2026, termasuk pemeliharaan jalan kota.',
      responsible: 'Sekretaris Dinas PUPR',
      format: 'PDF',
      period: '2026',
      retention: KEEP.berkala,
      stage: 'published',
      file: pdf('DPA-PUPR-2026.pdf', 'Ringkasan DPA Dinas PUPR 2026', ['Program', 'Pagu (Rp)'], [360, 150], [
        ['Penyelenggaraan jalan kota', '48.250.000.000'],
        ['Pengelolaan drainase', '12.400.000.000'],
        ['Penataan ruang', '3.150.000.000'],
      ]),
    },
    {
      class: 'setiap_saat',
      title: 'Daftar kontrak pekerjaan pemeliharaan jalan tahun 2025',
      summary: 'Daftar paket pekerjaan pemeliharaan dan peningkatan jalan kota tahun 2025: nama paket, penyedia, nilai kontrak dan masa pelaksanaan.',
      responsible: 'Kepala Bidang Bina Marga',
      format: 'CSV',
      period: '2025',
      retention: KEEP.berkala,
      stage: 'published',
      file: csv('kontrak-jalan-2025.csv', ['paket', 'penyedia', 'nilai_kontrak', 'mulai', 'selesai'], [
        ['Pemeliharaan Jl. Sultan Syarif Kasim', 'CV Bina Karya Dumai', 1250000000, '2025-03-01', '2025-08-30'],
        ['Peningkatan Jl. Soekarno-Hatta', 'PT Riau Jaya Konstruksi', 4800000000, '2025-04-15', '2025-11-30'],
        ['Pemeliharaan Jl. Jenderal Sudirman', 'CV Mandiri Sejahtera', 980000000, '2025-05-02', '2025-09-15'],
      ]),
    },
    {
      class: 'berkala',
      title: 'Laporan Kinerja Instansi Pemerintah (LKjIP) Dinas PUPR 2025',
      summary: 'Capaian indikator kinerja Dinas PUPR tahun 2025: kemantapan jalan kota, panjang drainase yang berfungsi dan realisasi anggaran.',
      responsible: 'Sekretaris Dinas PUPR',
      format: 'PDF',
      period: '2025',
      retention: KEEP.berkala,
      stage: 'approved',
    },
    {
      class: 'dikecualikan',
      title: 'Dokumen penyidikan dugaan korupsi proyek jalan 2024',
      summary: 'Berita acara dan dokumen yang diserahkan kepada penyidik dalam perkara dugaan korupsi proyek jalan tahun 2024.',
      responsible: 'Kepala Dinas PUPR',
      format: 'Cetak',
      period: '2024',
      retention: 'Sampai perkara berkekuatan hukum tetap',
      exemption: 'a',
      legalBasis: 'UU 14/2008 Pasal 17 huruf a; Keputusan Kepala Dinas PUPR tentang Penetapan Informasi yang Dikecualikan',
      consequenceTest: 'Membuka dokumen sebelum penyidikan selesai dapat menghambat proses penyidikan dan mengungkap identitas saksi; kerugiannya lebih besar daripada manfaat membukanya.',
      stage: 'published',
    },
  ],
  DINSOS: [
    {
      class: 'berkala',
      title: 'Profil Dinas Sosial Kota Dumai',
      summary: 'Struktur organisasi, tugas dan fungsi, alamat dan jam layanan Dinas Sosial, serta program bantuan sosial yang dikelola.',
      responsible: 'Sekretaris Dinas Sosial',
      format: 'Situs web, PDF',
      period: 'Setiap tahun',
      retention: KEEP.permanen,
      stage: 'published',
    },
    {
      class: 'setiap_saat',
      title: 'Rekapitulasi penerima bantuan sosial per kelurahan',
      summary: 'Jumlah keluarga penerima PKH, BPNT/Sembako dan PBI-JK per kelurahan, tanpa nama dan NIK penerima.',
      responsible: 'Kepala Bidang Perlindungan dan Jaminan Sosial',
      format: 'CSV',
      period: 'Triwulan I 2026',
      retention: KEEP.berkala,
      stage: 'published',
      file: csv('rekap-penerima-bansos-2026-q1.csv', ['kelurahan', 'pkh', 'bpnt', 'pbi_jk'], [
        ['Bukit Datuk', 212, 340, 1180],
        ['Rimba Sekampung', 187, 295, 1020],
        ['Purnama', 143, 230, 860],
      ]),
    },
    {
      class: 'dikecualikan',
      title: 'Data pribadi penerima bantuan sosial (nama, NIK, alamat)',
      summary: 'Data per orang penerima bantuan sosial dari DTSEN: nama, NIK, nomor KK, alamat dan kondisi sosial ekonomi keluarga.',
      responsible: 'Kepala Dinas Sosial',
      format: 'Basis data',
      period: 'Berjalan',
      retention: 'Selama terdaftar, lalu dimusnahkan sesuai jadwal retensi arsip',
      exemption: 'h',
      legalBasis: 'UU 14/2008 Pasal 17 huruf h; UU 27/2022 tentang Pelindungan Data Pribadi',
      consequenceTest: 'Membuka data per orang mengungkap rahasia pribadi dan kondisi ekonomi keluarga penerima serta membuka peluang penyalahgunaan NIK; jumlah penerima per kelurahan tetap diumumkan.',
      stage: 'published',
    },
    {
      class: 'setiap_saat',
      title: 'SOP penyaluran bantuan sosial bagi korban bencana',
      summary: 'Standar operasional prosedur pendataan, verifikasi dan penyaluran bantuan sosial bagi keluarga korban bencana di Kota Dumai.',
      responsible: 'Kepala Bidang Rehabilitasi Sosial',
      format: 'PDF',
      period: '2026',
      retention: KEEP.berkala,
      stage: 'draft',
    },
  ],
  DLH: [
    {
      class: 'serta_merta',
      title: 'Peringatan kabut asap dan Indeks Standar Pencemar Udara (ISPU) Kota Dumai',
      summary: 'Peringatan kualitas udara tidak sehat akibat kebakaran hutan dan lahan, nilai ISPU harian, dan anjuran bagi warga: kurangi kegiatan di luar rumah dan gunakan masker.',
      responsible: 'Kepala Bidang Pengendalian Pencemaran',
      format: 'Situs web, media sosial, PDF',
      period: 'Saat terjadi',
      retention: KEEP.serta,
      stage: 'published',
      file: pdf('peringatan-kabut-asap.pdf', 'Peringatan Kabut Asap — ISPU Kota Dumai', ['Tanggal', 'ISPU PM2.5', 'Kategori'], [170, 150, 190], [
        ['12 Agustus 2026', 168, 'Tidak sehat'],
        ['13 Agustus 2026', 212, 'Sangat tidak sehat'],
        ['14 Agustus 2026', 141, 'Tidak sehat'],
      ]),
    },
    {
      class: 'berkala',
      title: 'Jadwal pengangkutan sampah per kelurahan',
      summary: 'Hari dan jam pengangkutan sampah rumah tangga oleh truk DLH di setiap kelurahan, serta lokasi tempat penampungan sementara.',
      responsible: 'Kepala Bidang Pengelolaan Sampah',
      format: 'PDF',
      period: '2026',
      retention: KEEP.berkala,
      stage: 'published',
    },
    {
      class: 'berkala',
      title: 'Realisasi anggaran Dinas Lingkungan Hidup triwulan I 2026',
      summary: 'Realisasi belanja per program Dinas Lingkungan Hidup sampai akhir triwulan pertama tahun anggaran 2026.',
      responsible: 'Sekretaris Dinas Lingkungan Hidup',
      format: 'PDF',
      period: 'Triwulan I 2026',
      retention: KEEP.berkala,
      stage: 'checked',
    },
  ],
  DINKES: [
    {
      class: 'serta_merta',
      title: 'Peringatan kewaspadaan demam berdarah dengue (DBD)',
      summary: 'Peningkatan kasus demam berdarah di beberapa kelurahan, jadwal fogging, dan ajakan gerakan 3M Plus untuk memberantas sarang nyamuk.',
      responsible: 'Kepala Bidang Pencegahan dan Pengendalian Penyakit',
      format: 'Situs web, media sosial',
      period: 'Saat terjadi',
      retention: KEEP.serta,
      stage: 'published',
    },
    {
      class: 'berkala',
      title: 'Profil Kesehatan Kota Dumai 2025',
      summary: 'Data derajat kesehatan, sarana puskesmas, tenaga kesehatan, cakupan imunisasi dan gizi balita Kota Dumai tahun 2025.',
      responsible: 'Sekretaris Dinas Kesehatan',
      format: 'PDF',
      period: '2025',
      retention: KEEP.berkala,
      stage: 'published',
    },
  ],
  DISDIK: [
    {
      class: 'berkala',
      title: 'Petunjuk teknis Penerimaan Peserta Didik Baru (PPDB) SD dan SMP 2026',
      summary: 'Jadwal, jalur zonasi, afirmasi, perpindahan tugas orang tua dan prestasi, persyaratan dan daya tampung sekolah negeri.',
      responsible: 'Kepala Bidang Pembinaan SD dan SMP',
      format: 'PDF',
      period: '2026',
      retention: KEEP.berkala,
      stage: 'published',
    },
    {
      class: 'setiap_saat',
      title: 'Daftar penerima dana BOS per sekolah',
      summary: 'Jumlah dana Bantuan Operasional Sekolah yang diterima setiap SD dan SMP negeri dan swasta di Kota Dumai.',
      responsible: 'Kepala Bidang Pembinaan SD dan SMP',
      format: 'XLSX',
      period: '2026',
      retention: KEEP.berkala,
      stage: 'published',
    },
  ],
  DISDUKCAPIL: [
    {
      class: 'setiap_saat',
      title: 'Persyaratan dan SOP penerbitan KTP-el dan Kartu Keluarga',
      summary: 'Persyaratan, alur layanan, waktu penyelesaian dan biaya (tanpa biaya) penerbitan KTP elektronik dan Kartu Keluarga.',
      responsible: 'Kepala Bidang Pelayanan Pendaftaran Penduduk',
      format: 'PDF, papan informasi',
      period: '2026',
      retention: KEEP.permanen,
      stage: 'published',
    },
    {
      class: 'dikecualikan',
      title: 'Data kependudukan per orang (NIK, KK, biometrik)',
      summary: 'Elemen data penduduk per orang dalam SIAK: NIK, nomor KK, sidik jari, iris mata, tanda tangan, dan keterangan aib.',
      responsible: 'Kepala Disdukcapil',
      format: 'Basis data',
      period: 'Berjalan',
      retention: KEEP.permanen,
      exemption: 'j',
      legalBasis: 'UU 14/2008 Pasal 17 huruf h dan j; UU 24/2013 Pasal 79 ayat 1 dan Pasal 84',
      consequenceTest: 'Undang-undang administrasi kependudukan mewajibkan data pribadi penduduk dirahasiakan; membukanya membuka peluang pemalsuan identitas dan kejahatan terhadap penduduk.',
      stage: 'published',
    },
  ],
  DISKOMINFOTIKSAN: [
    {
      class: 'berkala',
      title: 'Laporan layanan informasi publik PPID Kota Dumai 2025',
      summary: 'Jumlah permohonan informasi, waktu rata-rata pelayanan, permohonan yang dikabulkan dan ditolak beserta alasannya, serta keberatan dan sengketa.',
      responsible: 'PPID Utama Kota Dumai',
      format: 'PDF',
      period: '2025',
      retention: KEEP.berkala,
      stage: 'published',
    },
  ],
};

/** The OPDs whose own desks the demo has: an officer who writes (aduan's demo), a PPID Pelaksana (the requests' demo). */
const OFFICERS: Record<string, string> = { PUPR: 'pupr', DINSOS: 'dinsos', DLH: 'dlh', DINKES: 'dinkes', DISDIK: 'disdik', DISDUKCAPIL: 'disdukcapil' };

/** Who walks an OPD's items through the chain: its own staff where the demo has them, else the city's PPID desks. */
function desksFor(town: DemoTown, opd: string) {
  const utama = town.staff(at('ppid'));
  const officer = OFFICERS[opd];
  const pelaksana = pelaksanaEmail(opd);
  return {
    author: officer ? town.staff(at(officer)) : utama,
    ppid: pelaksana ? town.staff(pelaksana) : utama,
    // Only PUPR's head has a demo account; the Atasan PPID approves for the others.
    head: opd === 'PUPR' ? town.staff(at('pupr.admin')) : town.staff(at('atasan.ppid')),
    utama,
  };
}

const CHAIN: Record<DemoItem['stage'], [CatalogueAction, 'ppid' | 'head'][]> = {
  draft: [],
  checked: [['check', 'ppid']],
  approved: [['check', 'ppid'], ['approve', 'head']],
  published: [['check', 'ppid'], ['approve', 'head'], ['publish', 'ppid']],
};

const DAY = 24 * 3600_000;

export async function ensureCatalogueDemo(ctx: AppContext, town: DemoTown): Promise<void> {
  if (await q.anyItem(ctx.db)) return;
  const start = ctx.clock().getTime() - 40 * DAY;
  let n = 0;
  for (const [opd, items] of Object.entries(DIP)) {
    const desk = desksFor(town, opd);
    for (const { stage, file, ...input } of items) {
      let at = new Date(start + n++ * DAY);
      const later = () => (at = new Date(at.getTime() + 2 * 3600_000));
      const raw = file ? await file.make() : undefined;
      const id = await ctx.db.transaction(async (tx) => {
        // Generated files go through the same checks as an officer's upload.
        const documentIds = file && raw ? [(await storeDocument(ctx, tx, desk.author.userId, raw, file.name, at)).id] : [];
        return createItem(ctx, tx, desk.author, { ...input, opdCode: opd, documentIds }, at);
      });
      // A serta-merta notice does not wait for the chain.
      const steps: [CatalogueAction, 'ppid' | 'head' | 'utama'][] = input.class === 'serta_merta' && stage === 'published' ? [['publish_now', 'utama']] : CHAIN[stage];
      for (const [action, who] of steps) await ctx.db.transaction((tx) => step(ctx, tx, desk[who], id, action, {}, later()));
    }
  }
}
