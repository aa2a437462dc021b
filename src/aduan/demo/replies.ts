/**
 * What the triage desk, the OPDs and the reporters say along the way: public replies as a citizen
 * would read them on the report's timeline, and the internal notes staff leave for each other.
 */

export interface Handling {
  followUp: readonly string[];
  resolve: readonly string[];
}

/** Per sub-category: the OPD's progress reports and its closing words. */
export const HANDLING: Record<string, Handling> = {
  'INF-JALAN': {
    followUp: ['Tim Bidang Bina Marga sudah meninjau lokasi. Penambalan dijadwalkan pekan ini sesuai antrean pekerjaan pemeliharaan rutin.', 'Lokasi sudah diukur; material aspal sedang dipesan. Sementara kami pasang rambu peringatan.'],
    resolve: ['Lubang sudah ditambal dengan aspal hotmix dan permukaan jalan diratakan. Terima kasih atas laporannya.', 'Perbaikan badan jalan selesai dikerjakan oleh tim pemeliharaan rutin Bina Marga.'],
  },
  'INF-DRAINASE': {
    followUp: ['Tim Perkim sudah survei; pembersihan sedimen parit dijadwalkan bersama petugas kebersihan kelurahan.', 'Gorong-gorong perlu diganti; pengadaan buis beton sedang diproses.'],
    resolve: ['Parit sudah dinormalisasi dan sedimen diangkut; aliran air kembali lancar.', 'Gorong-gorong baru sudah dipasang dan saluran dibersihkan.'],
  },
  'INF-JEMBATAN': {
    followUp: ['Jembatan sudah ditinjau; sementara dipasang pembatas agar kendaraan roda empat tidak melintas.'],
    resolve: ['Papan dan pagar jembatan sudah diganti dengan yang baru.'],
  },
  'INF-JALANLINGKUNGAN': {
    followUp: ['Lokasi sudah disurvei dan dimasukkan dalam daftar semenisasi jalan lingkungan tahap berikutnya.'],
    resolve: ['Semenisasi jalan lingkungan sudah selesai dan dapat dilalui kembali.'],
  },
  'INF-LALULINTAS': {
    followUp: ['Petugas sudah memeriksa; modul pengatur lampu lalu lintas rusak dan sedang dipesan. Sementara diatur petugas di jam sibuk.'],
    resolve: ['Lampu lalu lintas sudah berfungsi normal kembali.', 'Rambu sudah dipasang ulang dan marka penyeberangan dicat baru.'],
  },
  'PEN-LAMPU': {
    followUp: ['Laporan masuk daftar perbaikan; tim PJU akan memeriksa jaringan di lokasi.', 'Lampu perlu diganti; menunggu ketersediaan lampu LED di gudang.'],
    resolve: ['Lampu PJU sudah diganti dan menyala kembali.', 'Kabel jaringan PJU yang putus sudah disambung; semua lampu di ruas tersebut menyala.'],
  },
  'PEN-INFORMASI': {
    followUp: ['Permohonan informasi sedang diproses oleh PPID pelaksana terkait.'],
    resolve: ['Informasi yang diminta sudah kami kirimkan melalui email yang terdaftar. Untuk data lainnya silakan ajukan melalui PPID.'],
  },
  'PEN-INTERNET': {
    followUp: ['Teknisi sudah memeriksa perangkat; access point perlu diganti.'],
    resolve: ['Perangkat wifi sudah diganti dan jaringan kembali normal.'],
  },
  'SPP-SAMPAH': {
    followUp: ['Armada pengangkut sudah dijadwalkan ke lokasi besok pagi.'],
    resolve: ['Sampah sudah diangkut dan lokasi dibersihkan. Jadwal angkut di wilayah ini kini dua hari sekali.', 'TPS sudah dikosongkan; warga diimbau membuang sampah pukul 18.00–06.00.'],
  },
  'SPP-PENCEMARAN': {
    followUp: ['Petugas pengawas lingkungan sudah turun ke lokasi dan memberi teguran tertulis kepada pelaku usaha.'],
    resolve: ['Pelaku usaha sudah membuat saluran limbah sendiri dan membersihkan parit; pengawasan lanjutan akan dilakukan.', 'Pembakaran sampah sudah dihentikan setelah pembinaan bersama RT setempat.'],
  },
  'SPP-WISATA': {
    followUp: ['Perbaikan fasilitas sudah diusulkan dalam kegiatan pemeliharaan triwulan ini.'],
    resolve: ['Fasilitas sudah diperbaiki dan jadwal kebersihan ditambah pada akhir pekan.'],
  },
  'KES-PUSKESMAS': {
    followUp: ['Kepala puskesmas sudah dipanggil untuk klarifikasi; penambahan loket pendaftaran sedang disiapkan.'],
    resolve: ['Puskesmas sudah menambah loket dan menerapkan antrean daring. Terima kasih atas masukannya.', 'Stok obat sudah dipenuhi dari gudang farmasi kota.'],
  },
  'KES-JAMINAN': {
    followUp: ['Data kepesertaan sedang dicek bersama BPJS Kesehatan Cabang Dumai.'],
    resolve: ['Kepesertaan sudah aktif kembali; silakan berobat dengan membawa KTP dan kartu KIS.'],
  },
  'KES-WABAH': {
    followUp: ['Petugas puskesmas sudah melakukan penyelidikan epidemiologi dan pemeriksaan jentik di lokasi.'],
    resolve: ['Fogging sudah dilakukan di radius 200 meter dan warga diajak melakukan 3M plus.'],
  },
  'SOS-BANSOS': {
    followUp: ['Relawan pendamping sudah mengunjungi rumah tangga tersebut; datanya akan diusulkan dalam musyawarah kelurahan.', 'Status kepesertaan sedang dicek di DTSEN.'],
    resolve: ['Keluarga sudah diusulkan masuk DTSEN dan menerima bantuan sembako sementara dari Dinas Sosial.', 'Penyaluran BPNT sudah normal kembali setelah perbaikan data.'],
  },
  'SOS-TERLANTAR': {
    followUp: ['Tim reaksi cepat Dinsos sudah mendatangi lokasi bersama Satpol PP.'],
    resolve: ['Yang bersangkutan sudah dibawa ke rumah sakit jiwa untuk perawatan dan keluarganya dihubungi.', 'Anak-anak sudah dibina dan dikembalikan kepada orang tua.'],
  },
  'SOS-KETERTIBAN': {
    followUp: ['Anggota Satpol PP sudah melakukan patroli dan memberi teguran lisan.'],
    resolve: ['PKL sudah ditertibkan dan diarahkan ke lokasi berjualan yang disediakan.', 'Pemilik usaha sudah membuat surat pernyataan tidak mengulangi.'],
  },
  'SOS-ADMINDUK': {
    followUp: ['Data Anda sudah kami cek; berkas sedang dalam antrean pencetakan.'],
    resolve: ['Dokumen sudah selesai dicetak dan dapat diambil di kantor Disdukcapil dengan membawa bukti pengajuan.'],
  },
  'PDD-SEKOLAH': {
    followUp: ['Pengawas sekolah sudah meninjau; perbaikan atap diusulkan dalam dana pemeliharaan sekolah.'],
    resolve: ['Atap dan plafon kelas sudah diperbaiki.', 'Toilet murid sudah direhabilitasi dan dapat digunakan kembali.'],
  },
  'PDD-PPDB': {
    followUp: ['Keluhan sudah diteruskan ke panitia penerimaan murid baru untuk pengecekan jarak domisili.'],
    resolve: ['Kapasitas server sudah ditambah; pendaftaran dapat diakses normal.', 'Setelah verifikasi ulang, anak Anda diterima di sekolah terdekat.'],
  },
  'PDD-PUNGUTAN': {
    followUp: ['Kepala sekolah sudah dipanggil untuk klarifikasi.'],
    resolve: ['Pungutan sudah dihentikan; dana yang telah dibayar dikembalikan kepada orang tua murid.'],
  },
};

/** Suggestions (aspirasi) are weighed for next year's plans rather than repaired. */
export const SUGGESTION_HANDLING: Handling = {
  followUp: ['Usulan sedang dikaji bersama bidang teknis dan pihak kelurahan.', 'Lokasi yang diusulkan sudah ditinjau untuk bahan perencanaan.'],
  resolve: ['Usulan Anda sudah dicatat dan dimasukkan dalam daftar usulan kegiatan tahun anggaran berikutnya melalui musrenbang.'],
};

export const ACCEPT_REPLIES = ['Laporan diterima dan sedang kami pelajari.', 'Terima kasih, tim kami akan meninjau lokasi.', 'Laporan diterima; kami koordinasikan dengan petugas lapangan.'];

export const INTERNAL_NOTES = ['Anggaran pemeliharaan rutin tahun berjalan.', 'Koordinasi dengan lurah setempat sudah dilakukan.', 'Prioritas sedang: tidak membahayakan jiwa.', 'Dokumentasi survei tersimpan di folder bidang.'];

/** Long waits the public should understand: materials, budget, weather. */
export const WAITING_REPLIES = ['Pekerjaan menunggu ketersediaan material di gudang; kami kabari bila sudah dijadwalkan.', 'Perbaikan menunggu pergeseran anggaran; lokasi sudah masuk daftar prioritas.', 'Pekerjaan tertunda karena hujan terus-menerus; akan dilanjutkan saat cuaca memungkinkan.'];

export const VERIFY_REPLIES = ['Laporan telah diverifikasi dan akan diteruskan ke OPD terkait.', 'Terima kasih, laporan Anda lengkap dan sedang diproses.'];

export const DISPOSITION_INSTRUCTIONS = ['Mohon ditindaklanjuti sesuai SOP dan laporkan progres melalui aplikasi.', 'Mohon survei lokasi dan tindak lanjuti.', 'Prioritas: menyangkut keselamatan warga.', 'Mohon ditangani sebelum tenggat.'];

export const POSTPONE_REPLIES = ['Mohon lengkapi titik lokasi yang lebih tepat dan foto kondisi terbaru.', 'Laporan kami tunda sambil menunggu konfirmasi lokasi dari pihak kelurahan.', 'Mohon sebutkan RT/RW dan patokan lokasi agar petugas mudah menemukan.'];

export const REJECT_REASONS = [
  'Laporan tidak dapat diproses karena isinya tidak jelas dan tidak memuat lokasi kejadian.',
  'Laporan memuat kata-kata yang tidak pantas; silakan kirim ulang dengan bahasa yang santun.',
  'Laporan ditolak karena merupakan sengketa pribadi antarwarga, bukan pelayanan publik.',
  'Laporan ditolak karena pelapor tidak melengkapi keterangan yang diminta.',
];

export const ARCHIVE_REASONS = [
  'Laporan diarsipkan karena masalah sudah ditangani sebelum laporan diverifikasi.',
  'Laporan berupa apresiasi dan tidak memerlukan tindak lanjut OPD.',
];

export const ARCHIVE_UNANSWERED = 'Diarsipkan: pelapor tidak melengkapi data dalam batas waktu penundaan.';

export const MERGE_REPLY = 'Laporan serupa sudah ada dan sedang ditangani; laporan ini digabungkan agar Anda tetap menerima perkembangannya.';

export const WITHDRAW_REASONS = ['Sudah diperbaiki warga secara gotong royong, laporan saya cabut.', 'Masalahnya sudah selesai, terima kasih.', 'Salah memilih lokasi, akan saya laporkan ulang.'];

export const REOPEN_COMPLAINTS = ['Perbaikan belum tuntas, kondisinya kembali seperti semula setelah hujan.', 'Hanya sebagian yang dikerjakan, mohon dituntaskan.', 'Masalah muncul lagi dua hari setelah dinyatakan selesai.'];

/** Reporters' comments by the rating they give. */
export const RATING_COMMENTS: Record<number, readonly string[]> = {
  1: ['Butuh berminggu-minggu dan hasilnya tidak memuaskan.', 'Kecewa, terlalu lama.'],
  2: ['Terlalu lama ditangani.', 'Selesai, tapi harus lapor berkali-kali.'],
  3: ['Sudah ditangani, hasilnya cukup.', 'Selesai tapi hasilnya kurang rapi.'],
  4: ['Sudah diperbaiki, terima kasih.', 'Cukup cepat, terima kasih petugas.'],
  5: ['Cepat dan tuntas, terima kasih!', 'Mantap, pelayanan sangat baik.', 'Luar biasa, sehari langsung dikerjakan.'],
};

/**
 * Reports the desk sends to the wrong OPD, and the OPD that should have them: the handover the OPD
 * makes (forward) or asks triage for (return) in the paper's PUPR-versus-Perkim manner.
 */
export const MISROUTES: readonly { category: string; wrong: string; right: string; note: string }[] = [
  { category: 'INF-DRAINASE', wrong: 'PUPR', right: 'PERKIM', note: 'Saluran lingkungan permukiman kewenangan Dinas Perkim.' },
  { category: 'INF-JALANLINGKUNGAN', wrong: 'PUPR', right: 'PERKIM', note: 'Jalan lingkungan perumahan ditangani Dinas Perkim, bukan Bina Marga.' },
  { category: 'PEN-LAMPU', wrong: 'PUPR', right: 'DISHUB', note: 'Penerangan jalan umum dikelola Dinas Perhubungan.' },
  { category: 'INF-LALULINTAS', wrong: 'PUPR', right: 'DISHUB', note: 'Lampu lalu lintas dan rambu kewenangan Dinas Perhubungan.' },
  { category: 'KES-JAMINAN', wrong: 'DINKES', right: 'DINSOS', note: 'Aktivasi KIS PBI-JK diusulkan melalui Dinas Sosial.' },
  { category: 'SOS-ADMINDUK', wrong: 'DINSOS', right: 'DISDUKCAPIL', note: 'Urusan KTP dan KK ditangani Disdukcapil.' },
  { category: 'SOS-TERLANTAR', wrong: 'SATPOLPP', right: 'DINSOS', note: 'Penanganan ODGJ terlantar dipimpin Dinas Sosial.' },
];

/**
 * Drains and the roads they wash out: the lead OPD brings in the other (Perkim with PUPR), which
 * reports its own part of the work in the words of `coCategory`.
 */
export const CO_HANDLING: Record<'INF-DRAINASE' | 'INF-JALAN', { lead: string; co: string; coCategory: string; message: string }> = {
  'INF-DRAINASE': { lead: 'PERKIM', co: 'PUPR', coCategory: 'INF-JALAN', message: 'Badan jalan yang amblas akibat gorong-gorong akan ditangani bersama Dinas PUPR.' },
  'INF-JALAN': { lead: 'PUPR', co: 'PERKIM', coCategory: 'INF-DRAINASE', message: 'Kerusakan jalan berasal dari drainase lingkungan yang tersumbat; Dinas Perkim ikut menangani.' },
};

export const OUTSIDE_AGENCY = {
  nasional: { agency: 'Balai Pelaksanaan Jalan Nasional (BPJN) Riau, Kementerian PU', reason: (road: string) => `${road} berstatus jalan nasional; perbaikannya kewenangan Kementerian PU melalui BPJN Riau. Laporan telah kami teruskan.` },
  provinsi: { agency: 'Dinas PUPR-PKPP Provinsi Riau', reason: (road: string) => `${road} merupakan jalan provinsi; laporan telah kami teruskan ke Pemerintah Provinsi Riau.` },
} as const;
