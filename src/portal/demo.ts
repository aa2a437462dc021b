/**
 * The portal's demo: a humas editor and a redaktur at Diskominfotiksan, and items written, checked
 * and published through the real services — news from the city, an announcement, a disruption
 * notice that has ended (the 2024 national data-centre outage) and one in force now (the WhatsApp
 * channel's gateway), and a hoax clarification. Skipped once they exist.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { demoEmail as at, type DemoStaff, type DemoTown } from '../core/module.js';
import { createItem, stepItem } from './items.js';
import type { CreateInput } from './api-schemas.js';
import * as q from './queries.js';

export const PORTAL_STAFF: readonly DemoStaff[] = [
  { role: 'portal_editor', email: at('humas'), fullName: 'Rina Marlina, S.I.Kom.', opd: 'DISKOMINFOTIKSAN', description: 'Portal editor (humas), Diskominfotiksan: writes news, announcements, disruption notices and hoax clarifications' },
  { role: 'portal_checker', email: at('redaktur'), fullName: 'Agus Salim, S.Sos.', opd: 'DISKOMINFOTIKSAN', description: 'Portal checker (redaktur), Diskominfotiksan: checks the editors’ items and publishes them' },
];

const HOUR = 3_600_000;

const NEWS: CreateInput[] = [
  {
    kind: 'berita',
    title: 'Perbaikan Jalan Sultan Syarif Kasim Rampung, 12 Laporan Warga Ditindaklanjuti',
    summary: 'Dinas PUPR menyelesaikan perbaikan ruas Jalan Sultan Syarif Kasim yang dilaporkan warga melalui kanal pengaduan Dumai Berkhidmat.',
    body: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Dumai menyelesaikan perbaikan ruas Jalan Sultan Syarif Kasim sepanjang 1,2 kilometer pada pekan ini.\n\nPerbaikan tersebut menjawab 12 laporan warga tentang jalan berlubang yang masuk melalui kanal pengaduan Dumai Berkhidmat sejak awal bulan. Seluruh laporan kini berstatus selesai dan pelapor menerima pemberitahuan.\n\nWarga dapat terus melaporkan kerusakan jalan melalui aplikasi, WhatsApp, atau langsung ke kantor kelurahan.',
  },
  {
    kind: 'berita',
    title: 'Wali Kota Dumai Resmikan Mal Pelayanan Publik di Kecamatan Dumai Kota',
    summary: 'Mal Pelayanan Publik menghimpun layanan perizinan, kependudukan dan perpajakan daerah dalam satu gedung.',
    body: 'Wali Kota Dumai meresmikan Mal Pelayanan Publik (MPP) di Kecamatan Dumai Kota. Warga kini dapat mengurus perizinan berusaha, dokumen kependudukan, dan pajak daerah di satu tempat.\n\nMPP buka Senin sampai Jumat pukul 08.00–16.00 WIB. Permohonan juga dapat diajukan secara daring melalui Khidmat.',
  },
  {
    kind: 'pengumuman',
    title: 'Pengumuman Jadwal Pelayanan Selama Libur Nasional Akhir Tahun',
    summary: 'Pelayanan tatap muka di kantor OPD tutup pada hari libur nasional; pengaduan daring tetap diterima dan diproses.',
    body: 'Sehubungan dengan libur nasional dan cuti bersama akhir tahun, pelayanan tatap muka di kantor perangkat daerah ditutup pada tanggal merah.\n\nPengaduan dan permohonan informasi tetap dapat diajukan secara daring dan akan diproses pada hari kerja berikutnya. Untuk keadaan darurat hubungi 112.',
  },
  {
    kind: 'klarifikasi',
    title: 'Klarifikasi: Pesan Berantai Pendaftaran Bantuan Sosial Lewat Tautan Tidak Resmi',
    summary: 'Pesan berantai yang meminta warga mendaftar bansos melalui tautan dan membayar biaya administrasi adalah hoaks.',
    claim: 'Beredar pesan WhatsApp bahwa warga Dumai dapat mendaftar bantuan sosial Rp600.000 melalui sebuah tautan dengan membayar biaya administrasi Rp50.000.',
    verdict: 'hoaks',
    body: 'Dinas Sosial Kota Dumai tidak pernah membuka pendaftaran bantuan sosial melalui tautan tersebut dan tidak memungut biaya apa pun.\n\nPendataan penerima bantuan dilakukan melalui pemutakhiran DTSEN oleh kelurahan. Jangan mengisi data pribadi atau NIK pada tautan yang tidak resmi.',
    sources: [{ title: 'Dinas Sosial Kota Dumai', url: 'https://dinsos.dumaikota.go.id/' }],
  },
];

async function publish(ctx: AppContext, editor: Principal, checker: Principal, input: CreateInput, written: Date): Promise<number> {
  const id = await ctx.db.transaction((tx) => createItem(tx, editor, input, written));
  await ctx.db.transaction((tx) => stepItem(ctx, tx, checker, id, 'check', {}, new Date(written.getTime() + HOUR / 2)));
  await ctx.db.transaction((tx) => stepItem(ctx, tx, checker, id, 'publish', {}, new Date(written.getTime() + HOUR)));
  return id;
}

export async function ensurePortalDemo(ctx: AppContext, town: DemoTown): Promise<void> {
  if (await q.slugTaken(ctx.db, 'berita', 'perbaikan-jalan-sultan-syarif-kasim-rampung-12-laporan-warga-ditindaklanjuti')) return;
  const editor = town.staff(at('humas'));
  const checker = town.staff(at('redaktur'));
  const now = ctx.clock();
  const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * HOUR);

  for (const [i, item] of NEWS.entries()) await publish(ctx, editor, checker, item, daysAgo(20 - i * 4));

  const outageSince = daysAgo(30);
  const ended = await publish(
    ctx,
    editor,
    checker,
    {
      kind: 'gangguan',
      title: 'Gangguan Layanan Daring Akibat Gangguan Pusat Data Nasional',
      summary: 'Layanan pengaduan, perizinan dan PPID daring tidak dapat diakses karena gangguan pada Pusat Data Nasional Sementara.',
      body: 'Sejak pagi ini layanan daring Pemerintah Kota Dumai tidak dapat diakses karena gangguan pada Pusat Data Nasional Sementara.\n\nSelama gangguan, pengaduan dapat disampaikan langsung ke kantor kelurahan atau Diskominfotiksan dan akan dicatat petugas.',
      services: ['aduan', 'layanan', 'ppid'],
      since: outageSince.toISOString(),
      expectedEnd: new Date(outageSince.getTime() + 48 * HOUR).toISOString(),
    },
    new Date(outageSince.getTime() + HOUR),
  );
  await ctx.db.transaction((tx) => stepItem(ctx, tx, editor, ended, 'end', { endedAt: new Date(outageSince.getTime() + 40 * HOUR).toISOString() }, new Date(outageSince.getTime() + 41 * HOUR)));

  const since = new Date(now.getTime() - 3 * HOUR);
  await publish(
    ctx,
    editor,
    checker,
    {
      kind: 'gangguan',
      title: 'Kanal WhatsApp Pengaduan Sedang Terganggu',
      summary: 'Pesan ke nomor WhatsApp pengaduan belum terbalas karena pemeliharaan gateway penyedia; gunakan aplikasi atau situs Khidmat.',
      body: 'Kanal WhatsApp pengaduan Kota Dumai sedang terganggu karena pemeliharaan gateway oleh penyedia layanan.\n\nPesan yang terkirim selama gangguan akan diproses setelah layanan pulih. Sementara itu, sampaikan pengaduan melalui situs atau aplikasi Khidmat.',
      services: ['whatsapp'],
      since: since.toISOString(),
      expectedEnd: new Date(now.getTime() + 5 * HOUR).toISOString(),
    },
    new Date(since.getTime() - HOUR),
  );
}
