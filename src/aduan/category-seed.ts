import type { Db } from '../core/db/client.js';
import * as q from './queries.js';

interface Sub { code: string; id: string; en: string; opd: string; days?: number; isRoad?: boolean }
interface Khidmat { code: string; id: string; en: string; opd: string; subs: Sub[] }

/** The six khidmat of Dumai Berkhidmat with the sub-categories citizens pick and the OPD each goes to. */
export const KHIDMAT: Khidmat[] = [
  { code: 'KES', id: 'Kesehatan', en: 'Health', opd: 'DINKES', subs: [
    { code: 'KES-PUSKESMAS', id: 'Pelayanan puskesmas/rumah sakit', en: 'Health centre or hospital service', opd: 'DINKES' },
    { code: 'KES-JAMINAN', id: 'Jaminan kesehatan (BPJS/KIS)', en: 'Health insurance (BPJS/KIS)', opd: 'DINKES' },
    { code: 'KES-WABAH', id: 'Wabah penyakit / fogging DBD', en: 'Disease outbreak / dengue fogging', opd: 'DINKES', days: 5 },
  ] },
  { code: 'SOS', id: 'Sosial', en: 'Social', opd: 'DINSOS', subs: [
    { code: 'SOS-BANSOS', id: 'Bantuan sosial', en: 'Social assistance', opd: 'DINSOS' },
    { code: 'SOS-TERLANTAR', id: 'Orang terlantar / ODGJ', en: 'Neglected persons / mental illness', opd: 'DINSOS', days: 5 },
    { code: 'SOS-KETERTIBAN', id: 'Ketertiban umum / PKL', en: 'Public order / street vendors', opd: 'SATPOLPP' },
    { code: 'SOS-ADMINDUK', id: 'Administrasi kependudukan (KTP/KK)', en: 'Civil registration (ID card, family card)', opd: 'DISDUKCAPIL' },
  ] },
  { code: 'PEN', id: 'Penerangan', en: 'Lighting & information', opd: 'DISHUB', subs: [
    { code: 'PEN-LAMPU', id: 'Lampu jalan mati', en: 'Street light out', opd: 'DISHUB', days: 7 },
    { code: 'PEN-INFORMASI', id: 'Informasi publik', en: 'Public information', opd: 'DISKOMINFOTIKSAN' },
    { code: 'PEN-INTERNET', id: 'Jaringan internet / wifi publik', en: 'Internet / public wifi', opd: 'DISKOMINFOTIKSAN' },
  ] },
  { code: 'PDD', id: 'Pendidikan', en: 'Education', opd: 'DISDIK', subs: [
    { code: 'PDD-SEKOLAH', id: 'Fasilitas sekolah', en: 'School facilities', opd: 'DISDIK' },
    { code: 'PDD-PPDB', id: 'Penerimaan murid baru', en: 'School admissions', opd: 'DISDIK' },
    { code: 'PDD-PUNGUTAN', id: 'Pungutan sekolah', en: 'School fees / levies', opd: 'DISDIK' },
  ] },
  { code: 'INF', id: 'Infrastruktur', en: 'Infrastructure', opd: 'PUPR', subs: [
    { code: 'INF-JALAN', id: 'Jalan rusak', en: 'Damaged road', opd: 'PUPR', isRoad: true },
    { code: 'INF-DRAINASE', id: 'Drainase tersumbat / gorong-gorong', en: 'Blocked drain / culvert', opd: 'PERKIM' },
    { code: 'INF-JEMBATAN', id: 'Jembatan rusak', en: 'Damaged bridge', opd: 'PUPR', isRoad: true },
    { code: 'INF-JALANLINGKUNGAN', id: 'Jalan lingkungan / perumahan', en: 'Neighbourhood / housing road', opd: 'PERKIM' },
    { code: 'INF-LALULINTAS', id: 'Rambu dan lampu lalu lintas', en: 'Traffic signs and signals', opd: 'DISHUB' },
  ] },
  { code: 'SPP', id: 'Persampahan & Pariwisata', en: 'Waste & tourism', opd: 'DLH', subs: [
    { code: 'SPP-SAMPAH', id: 'Sampah menumpuk', en: 'Uncollected rubbish', opd: 'DLH', days: 5 },
    { code: 'SPP-PENCEMARAN', id: 'Pencemaran / pembakaran sampah', en: 'Pollution / rubbish burning', opd: 'DLH' },
    { code: 'SPP-WISATA', id: 'Objek wisata', en: 'Tourist sites', opd: 'DISPAR' },
  ] },
];

/** Inserts the default categories once; later edits by a super admin are left alone. */
export async function seedCategories(db: Db): Promise<void> {
  if (await q.anyKhidmat(db)) return;
  const opdIds = new Map((await q.allOpds(db)).map((o) => [o.code, o.id]));
  const opdId = (code: string) => {
    const id = opdIds.get(code);
    if (id === undefined) throw new Error(`category seed names unknown OPD ${code}`);
    return id;
  };
  await db.transaction(async (tx) => {
    for (const [i, k] of KHIDMAT.entries()) {
      const parent = await q.insertCategory(tx, { code: k.code, nameId: k.id, nameEn: k.en, defaultOpdId: opdId(k.opd), sortOrder: i });
      for (const [j, sub] of k.subs.entries()) {
        await q.insertCategory(tx, {
          code: sub.code,
          parentId: parent.id,
          nameId: sub.id,
          nameEn: sub.en,
          defaultOpdId: opdId(sub.opd),
          resolveWorkingDays: sub.days ?? 14,
          isRoad: sub.isRoad ?? false,
          sortOrder: j,
        });
      }
    }
  });
}
