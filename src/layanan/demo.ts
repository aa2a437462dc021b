/**
 * The public-services demo: the OPD desks' accounts, the seven services published by their OPDs'
 * admins, and a few applications in different states — one issued with its signed document, one
 * sent back for correction, one waiting for its first check, one filed at the counter, and an
 * internal Wi-Fi request at Diskominfotiksan's analysis step. All through the real services, in
 * one transaction, on the first start only.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { demoEmail as at, type DemoStaff, type DemoTown } from '../core/module.js';
import { renderPdf } from '../core/export/pdf.js';
import { wibDate } from '../core/calendar/working-days.js';
import { issuingInTransaction } from '../core/signing/index.js';
import { createService, publishVersion } from './catalogue.js';
import { fileApplication } from './applications.js';
import { act } from './actions.js';
import { uploadRequirement } from './requirements.js';
import { DEMO_SERVICES, demoService } from './demo-services.js';
import type { ApplicationAction } from './lifecycle.js';
import * as q from './queries.js';

export const LAYANAN_STAFF: readonly DemoStaff[] = [
  { role: 'opd_admin', email: at('disdukcapil.admin'), fullName: 'Drs. Syafrizal, M.Si.', opd: 'DISDUKCAPIL', description: 'OPD admin, Disdukcapil: defines its services (domisili, KK for newcomers) and approves applications' },
  { role: 'opd_officer', email: at('loket.disdukcapil'), fullName: 'Nurhasanah, A.Md.', opd: 'DISDUKCAPIL', description: 'Counter officer, Disdukcapil: checks applications, files for walk-ins, issues documents' },
  { role: 'opd_admin', email: at('dinsos.admin'), fullName: 'Hj. Rosnita, S.Sos., M.M.', opd: 'DINSOS', description: 'OPD admin, Dinas Sosial: approves SKTM applications' },
  { role: 'opd_admin', email: at('satpolpp.admin'), fullName: 'Bambang Irawan, S.H.', opd: 'SATPOLPP', description: 'OPD admin, Satpol PP: approves crowd-event recommendations' },
  { role: 'opd_admin', email: at('kominfo.admin'), fullName: 'Riko Pratama, S.T., M.T.', opd: 'DISKOMINFOTIKSAN', description: 'OPD admin, Diskominfotiksan: its internal services desk (network, Wi-Fi, applications, subdomains)' },
];

/** Which demo admin publishes each OPD's services (PUPR's comes from the complaints demo). */
const ADMINS: Record<string, string> = {
  DISDUKCAPIL: at('disdukcapil.admin'),
  DINSOS: at('dinsos.admin'),
  SATPOLPP: at('satpolpp.admin'),
  PUPR: at('pupr.admin'),
  DISKOMINFOTIKSAN: at('kominfo.admin'),
};

const paper = (title: string, holder: string) =>
  renderPdf(title, (doc) => {
    doc.font('Helvetica-Bold').fontSize(14).text(title.toUpperCase(), { align: 'center' });
    doc.moveDown().font('Helvetica').fontSize(10).text(`Atas nama: ${holder}`).text('Salinan dokumen pendukung permohonan layanan (demo).');
  });

export async function ensureLayananDemo(ctx: AppContext, town: DemoTown): Promise<void> {
  if (await q.anyService(ctx.db)) return;
  await issuingInTransaction(ctx, () => ctx.db.transaction(async (tx) => {
    const c: AppContext = { ...ctx, db: tx };
    for (const { service, version } of DEMO_SERVICES) {
      const admin = town.staff(ADMINS[service.opdCode]!);
      await createService(c, admin, service);
      await publishVersion(c, admin, service.code, version);
    }
    const today = wibDate(ctx.clock());
    const [warga, budi, sari] = town.residents;
    const file = async (p: Principal, code: string, answers: Record<string, unknown>, uploads: string[]) => {
      const row = await fileApplication(c, tx, p, { serviceCode: code, answers });
      for (const key of uploads) await uploadRequirement(c, p, row.number, key, await paper(demoService(code).version.requirements.find((r) => r.key === key)?.label.id ?? key, p.fullName), `${key}.pdf`);
      await act(c, tx, p, row.number, 'submit', {});
      return row.number;
    };
    const steps = async (number: string, taken: [Principal, ApplicationAction, string?][]) => {
      for (const [p, action, message] of taken) await act(c, tx, p, number, action, message ? { message } : {});
    };
    const dukcapil = { officer: town.staff(at('loket.disdukcapil')), admin: town.staff(at('disdukcapil.admin')) };
    const domisili = { alamat: 'Jl. Sultan Syarif Kasim No. 45, dekat Masjid Raya', rt: '003', rw: '002', kelurahan: 'Rimba Sekampung', sejak: '2019-07-01', keperluan: 'bekerja', telepon: '081276543210', pernyataan: true };
    if (warga) {
      const n = await file(warga, 'sk-domisili', domisili, ['kk', 'pengantar_rt']);
      await steps(n, [[dukcapil.officer, 'pass'], [dukcapil.admin, 'approve'], [dukcapil.officer, 'issue', 'Surat keterangan domisili sudah terbit dan dapat diunduh.']]);
    }
    if (budi) {
      const dinsos = town.staff(at('dinsos'));
      const n = await file(budi, 'sktm', { keperluan: 'kesehatan', nama_fasilitas: 'RSUD Kota Dumai', pekerjaan: 'Buruh harian lepas', penghasilan: 1_800_000, anggota: [{ nama: budi.fullName, nik: '1472011208900123', hubungan: 'kepala', tanggal_lahir: '1990-08-12' }], telepon: '081365432100', pernyataan: true }, ['kk', 'pengantar_rt']);
      await act(c, tx, dinsos, n, 'request_correction', { message: 'Foto Kartu Keluarga buram; unggah ulang yang terbaca jelas.', requirements: ['kk'] });
    }
    if (sari) {
      await file(sari, 'izin-keramaian', { nama_acara: 'Resepsi pernikahan Sari & Dimas', jenis: 'pernikahan', hiburan: 'Orgen tunggal', tanggal: today, waktu: '10.00–16.00 WIB', lokasi: 'Jl. Cempedak Gg. Mawar No. 7, Kelurahan Jaya Mukti', peserta: 400, telepon: '085271112233', pernyataan: true }, ['pengantar_kelurahan', 'denah']);
    }
    await fileApplication(c, tx, dukcapil.officer, {
      serviceCode: 'sk-domisili',
      applicant: { fullName: 'Syamsul Bahri', nik: '1471031505850007', phone: '081234500011' },
      answers: { ...domisili, alamat: 'Jl. Ombak No. 12', kelurahan: 'Purnama', sejak: '2025-11-01', telepon: '081234500011' },
    });
    const dinsosDesk = town.staff(at('dinsos.admin'));
    const wifi = await fileApplication(c, tx, dinsosDesk, { serviceCode: 'jaringan-wifi', answers: { jenis: 'tambah_titik', jumlah_titik: 3, lokasi: 'Kantor Dinas Sosial, lantai 2 (ruang bidang PFM)', pengguna: 25, uraian: 'Sinyal Wi-Fi lantai 2 lemah; petugas pendataan DTKS tidak dapat mengunggah hasil verifikasi.', telepon: '081365400022' } });
    await uploadRequirement(c, dinsosDesk, wifi.number, 'nota_dinas', await paper('Nota dinas permohonan jaringan', dinsosDesk.fullName), 'nota-dinas.pdf');
    await act(c, tx, dinsosDesk, wifi.number, 'submit', {});
    await act(c, tx, town.staff(at('kominfo')), wifi.number, 'pass', { message: 'Survei lokasi dijadwalkan hari Kamis.' });
  }));
}
