/**
 * What the PPID demo's requesters ask, of whom, and how the desks answer: the requests a Riau city's
 * PPID really receives (journalists, NGOs, students, contractors, residents), by the OPD that holds
 * the information. `null` is the PPID Utama's own: city-wide documents Diskominfo answers itself.
 */
import type { Exemption } from './lifecycle.js';
import type { RequestInput } from './intake.js';

export type Holder = 'PUPR' | 'DINSOS' | 'DISDIK' | 'DINKES' | 'DLH' | null;

export interface Topic {
  holder: Holder;
  information: string;
  purpose: string;
  /** A refusal or partial grant the desk would give, when it comes to that. */
  exemption: Exemption;
  consequenceTest: string;
}

const personalData = 'Membuka nama, NIK dan alamat penerima akan mengungkap rahasia pribadi mereka; kepentingan publik terpenuhi dengan data agregat.';
const contract = 'Penawaran harga dan dokumen teknis peserta lelang yang kalah memuat rahasia dagang; membukanya merugikan persaingan usaha yang sehat.';

export const TOPICS: readonly Topic[] = [
  { holder: 'PUPR', information: 'Dokumen kontrak dan rencana anggaran biaya pemeliharaan Jalan Sultan Syarif Kasim tahun 2026.', purpose: 'Bahan liputan tentang kualitas jalan kota.', exemption: 'b', consequenceTest: contract },
  { holder: 'PUPR', information: 'Daftar paket pekerjaan drainase Kecamatan Dumai Timur tahun 2025 beserta nilai kontrak dan pelaksananya.', purpose: 'Pemantauan anggaran oleh masyarakat sipil.', exemption: 'b', consequenceTest: contract },
  { holder: 'PUPR', information: 'Data kondisi jalan kota (baik, sedang, rusak ringan, rusak berat) per kecamatan tahun 2025.', purpose: 'Penelitian skripsi tentang infrastruktur jalan.', exemption: 'i', consequenceTest: 'Catatan survei internal yang belum diverifikasi bukan informasi final; membukanya dapat menyesatkan.' },
  { holder: 'PUPR', information: 'Salinan berita acara pemeriksaan dugaan penyimpangan proyek jalan tahun 2024.', purpose: 'Investigasi jurnalistik.', exemption: 'a', consequenceTest: 'Berita acara masih dipakai dalam penyidikan; membukanya sebelum penyidikan selesai dapat menghambat penegakan hukum.' },
  { holder: 'DINSOS', information: 'Jumlah penerima bantuan sosial sembako per kelurahan di Kota Dumai tahun 2025.', purpose: 'Kajian ketepatan sasaran bantuan sosial.', exemption: 'h', consequenceTest: personalData },
  { holder: 'DINSOS', information: 'Daftar nama dan alamat penerima PKH di Kelurahan Bukit Timah.', purpose: 'Memastikan tetangga yang miskin sudah terdaftar.', exemption: 'h', consequenceTest: personalData },
  { holder: 'DINSOS', information: 'Standar operasional prosedur pengusulan warga ke DTSEN melalui musyawarah kelurahan.', purpose: 'Pendampingan warga miskin oleh LSM.', exemption: 'i', consequenceTest: 'Konsep SOP yang belum ditetapkan adalah memorandum internal.' },
  { holder: 'DISDIK', information: 'Rincian penggunaan dana BOS SD dan SMP negeri di Kecamatan Dumai Barat tahun 2025.', purpose: 'Pemantauan dana pendidikan oleh komite sekolah.', exemption: 'b', consequenceTest: contract },
  { holder: 'DISDIK', information: 'Daftar penerima beasiswa Pemerintah Kota Dumai tahun 2025 beserta kriteria seleksinya.', purpose: 'Bahan tulisan pers mahasiswa.', exemption: 'h', consequenceTest: personalData },
  { holder: 'DISDIK', information: 'Data daya tampung dan jumlah pendaftar SMP negeri pada PPDB 2026 per sekolah.', purpose: 'Advokasi pemerataan akses sekolah.', exemption: 'i', consequenceTest: 'Rekap sementara sebelum pengumuman resmi belum final.' },
  { holder: 'DINKES', information: 'Data prevalensi stunting per kelurahan di Kota Dumai tahun 2025.', purpose: 'Penelitian kesehatan masyarakat.', exemption: 'h', consequenceTest: 'Data per balita memuat riwayat kesehatan pribadi; angka per kelurahan cukup untuk tujuan penelitian.' },
  { holder: 'DINKES', information: 'Laporan realisasi anggaran pengadaan obat Dinas Kesehatan tahun 2025.', purpose: 'Pengawasan anggaran kesehatan.', exemption: 'b', consequenceTest: contract },
  { holder: 'DLH', information: 'Hasil uji kualitas air sungai dan air laut di pesisir Dumai tahun 2025.', purpose: 'Kampanye lingkungan pesisir.', exemption: 'i', consequenceTest: 'Hasil uji ulang yang belum divalidasi laboratorium rujukan bukan informasi final.' },
  { holder: 'DLH', information: 'Dokumen AMDAL dan izin lingkungan kawasan industri Pelintung.', purpose: 'Kajian dampak industri bagi nelayan.', exemption: 'b', consequenceTest: 'Bagian proses produksi dalam dokumen lingkungan adalah rahasia dagang pemrakarsa.' },
  { holder: 'DLH', information: 'Jadwal pengangkutan sampah per kelurahan dan jumlah armada truk sampah.', purpose: 'Keluhan warga RT tentang sampah menumpuk.', exemption: 'i', consequenceTest: 'Rencana rute yang masih dibahas adalah memorandum internal.' },
  { holder: null, information: 'Laporan realisasi APBD Kota Dumai tahun 2025.', purpose: 'Analisis anggaran daerah oleh forum warga.', exemption: 'i', consequenceTest: 'Rekap yang belum diaudit BPK bukan laporan final.' },
  { holder: null, information: 'Rencana Kerja Pemerintah Daerah (RKPD) Kota Dumai tahun 2027.', purpose: 'Usulan musrenbang kelurahan.', exemption: 'i', consequenceTest: 'Rancangan RKPD sebelum ditetapkan adalah memorandum internal.' },
  { holder: null, information: 'Data jumlah kapal yang berlabuh di Pelabuhan Dumai tahun 2025.', purpose: 'Penelitian ekonomi maritim.', exemption: 'e', consequenceTest: '—' },
];

/** Who asks: NIKs of Riau (not only Dumai: anyone may ask), a foreign researcher, legal entities. */
export const REQUESTERS: readonly Omit<RequestInput, 'information' | 'purpose' | 'obtainMethod' | 'deliveryMethod'>[] = [
  { identityType: 'nik', identityNumber: '1471015203880004', fullName: 'Fitriani Lubis', address: 'Jl. Tuanku Tambusai No. 12, Pekanbaru', email: 'fitriani.lubis@contoh.invalid' },
  { identityType: 'nik', identityNumber: '1472031505900002', fullName: 'Hendra Wijaya', address: 'Jl. Sudirman No. 45, Dumai Kota', phone: '081365001122' },
  { identityType: 'entity', identityNumber: 'AHU-0012345.AH.01.07.2019', fullName: 'Rudi Hartono', entityName: 'Perkumpulan Riau Transparan', address: 'Jl. Arifin Ahmad No. 8, Pekanbaru', email: 'sekretariat@riautransparan.invalid' },
  { identityType: 'nik', identityNumber: '1472054107010003', fullName: 'Siti Rahmadani', address: 'Jl. Kelakap Tujuh, Bukit Timah, Dumai', email: 'siti.rahmadani@kampus.invalid' },
  { identityType: 'passport', identityNumber: 'C4820917', fullName: 'Hannah Lindqvist', address: 'Universitas Riau, Pekanbaru', email: 'h.lindqvist@research.invalid' },
  { identityType: 'entity', identityNumber: 'AHU-0098765.AH.01.04.2021', fullName: 'Yusuf Manurung', entityName: 'CV Bina Konstruksi Dumai', address: 'Jl. Datuk Laksamana No. 101, Dumai', email: 'kantor@binakonstruksi.invalid' },
  { identityType: 'nik', identityNumber: '1403024612850001', fullName: 'Dewi Anggraini', address: 'Jl. Hang Tuah, Bengkalis', phone: '082171234567' },
];

export const ANSWERS = {
  grant: (t: Topic) => `Informasi yang Saudara minta (${t.information.replace(/\.$/, '')}) kami berikan dalam bentuk salinan terlampir, tanpa biaya.`,
  grantPartly: (t: Topic) => `Sebagian informasi kami berikan; bagian yang dikecualikan dihitamkan dengan alasan sebagaimana tercantum. (${t.information.replace(/\.$/, '')})`,
  refuse: () => 'Informasi yang Saudara minta termasuk informasi yang dikecualikan berdasarkan Pasal 17 UU 14/2008 setelah uji konsekuensi.',
  notHeld: () => 'Pemerintah Kota Dumai tidak menguasai informasi ini; silakan mengajukan permohonan kepada badan publik yang menguasainya.',
  extend: () => 'Dokumen masih dihimpun dari beberapa bidang dan perlu diperiksa bagian yang dikecualikan; kami memerlukan tambahan waktu 7 hari kerja.',
  clarification: () => 'Mohon sebutkan lebih rinci informasi yang dimaksud (dokumen apa, tahun berapa, wilayah mana).',
  withdraw: () => 'Informasi sudah saya peroleh dari situs resmi; permohonan saya cabut.',
  objection: () => 'Informasi ini menyangkut penggunaan uang publik; alasan pengecualian tidak tepat dan uji konsekuensinya tidak menimbang kepentingan publik.',
  uphold: () => 'Keberatan diterima: PPID Pelaksana diperintahkan memberikan informasi dengan menghitamkan data pribadi saja, paling lambat 7 hari kerja.',
  dismiss: () => 'Keberatan ditolak: uji konsekuensi telah dilakukan dan kepentingan yang dilindungi lebih besar daripada kepentingan membukanya.',
  hearing: () => 'Sidang ajudikasi non-litigasi pertama: pemeriksaan awal dan kedudukan hukum pemohon.',
  disputeOutcome: () => 'Majelis Komisioner mengabulkan sebagian permohonan: informasi dibuka setelah data pribadi dihitamkan.',
};

/** What a held-elsewhere answer names. */
export const HELD_BY = 'KSOP Kelas I Dumai (Kementerian Perhubungan)';
