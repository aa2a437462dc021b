/**
 * What residents write, per sub-category: [title, description] templates in the voice of Dumai
 * Berkhidmat reports. Placeholders: {jalan} street, {lorong} lane, {kel} kelurahan, {tempat}
 * landmark, {rt} RT/RW, {lama} how long it has been so.
 */
import type { ReportClass } from '../lifecycle.js';

type Text = readonly [title: string, description: string];

interface CategoryTexts {
  pengaduan: readonly Text[];
  /** Suggestions (aspirasi) where residents typically make them. */
  aspirasi?: readonly Text[];
}

export const DURATIONS = ['sudah tiga hari', 'sudah seminggu', 'sudah dua minggu', 'sejak sebulan terakhir', 'sejak musim hujan', 'sudah berbulan-bulan'];

export const REPORT_TEXTS: Record<string, CategoryTexts> = {
  'INF-JALAN': {
    pengaduan: [
      ['Jalan berlubang di {jalan}', 'Jalan di {jalan} {tempat}, Kel. {kel}, berlubang cukup dalam dan tergenang air saat hujan. Kondisi ini {lama} dan sudah ada pengendara motor yang jatuh. Mohon segera diperbaiki.'],
      ['Aspal {jalan} mengelupas dan bergelombang', 'Permukaan aspal di {jalan} {tempat} mengelupas sepanjang kurang lebih 50 meter. Kendaraan harus zig-zag menghindari lubang, rawan kecelakaan terutama malam hari.'],
      ['Badan jalan amblas di {jalan}', 'Sebagian badan jalan di {jalan}, Kel. {kel}, amblas di sisi parit. Lebar amblasan sekitar satu meter dan makin melebar setiap hujan. Mohon dipasang rambu sementara dan segera diperbaiki.'],
      ['Lubang besar di tengah {jalan}', 'Ada lubang besar di tengah {jalan} {tempat}. Lubang tidak terlihat saat tergenang air, {lama}. Warga sudah menimbun dengan batu seadanya tetapi hanyut lagi.'],
      ['Jalan rusak berat menuju sekolah di {jalan}', 'Akses {jalan} menuju sekolah rusak berat, berlumpur saat hujan dan berdebu saat kemarau. Anak-anak sekolah kesulitan lewat. Kondisi ini {lama}.'],
    ],
    aspirasi: [['Usulan pengaspalan ulang {jalan}', 'Mohon {jalan} di Kel. {kel} dimasukkan dalam program pengaspalan tahun depan. Tambalan sudah berkali-kali tetapi cepat rusak lagi karena dilalui truk bermuatan berat.']],
  },
  'INF-DRAINASE': {
    pengaduan: [
      ['Parit tersumbat di {jalan}', 'Parit di sepanjang {jalan} {tempat} tersumbat sampah dan sedimen. Setiap hujan air meluap ke jalan dan masuk ke rumah warga {rt}.'],
      ['Banjir setiap hujan di {rt} Kel. {kel}', 'Rumah warga di {rt}, Kel. {kel}, tergenang setiap hujan deras karena drainase tidak berfungsi. Air baru surut setelah beberapa jam. Kondisi ini {lama}.'],
      ['Gorong-gorong rusak di {jalan}', 'Gorong-gorong di {jalan} {tempat} patah dan tertimbun tanah sehingga air tidak mengalir. Mohon diganti atau dibersihkan.'],
      ['Saluran air mampet dan berbau di {lorong}', 'Air di saluran {lorong}, {rt} Kel. {kel}, tidak mengalir dan berbau busuk, jadi sarang nyamuk. Warga khawatir DBD. Kondisi ini {lama}.'],
      ['Tutup parit jebol di {jalan}', 'Tutup beton parit di {jalan} {tempat} jebol, berbahaya bagi pejalan kaki dan anak-anak yang lewat.'],
    ],
    aspirasi: [['Usulan normalisasi parit di Kel. {kel}', 'Kami warga {rt} Kel. {kel} mengusulkan normalisasi parit utama di {jalan} karena sudah dangkal dan menyempit akibat sedimen.']],
  },
  'INF-JEMBATAN': {
    pengaduan: [
      ['Jembatan kayu lapuk di {jalan}', 'Papan jembatan penghubung di {jalan}, Kel. {kel}, lapuk dan beberapa sudah patah. Sepeda motor masih melintas dan sangat berbahaya.'],
      ['Pagar jembatan patah di {jalan}', 'Pagar pengaman jembatan di {jalan} {tempat} patah sejak ditabrak truk. Anak-anak sering bermain di jembatan itu.'],
    ],
  },
  'INF-JALANLINGKUNGAN': {
    pengaduan: [
      ['Jalan {lorong} rusak dan becek', 'Jalan semenisasi di {lorong}, {rt} Kel. {kel}, retak dan berlubang. Saat hujan becek dan tidak bisa dilalui motor.'],
      ['Semenisasi {lorong} terputus', 'Semenisasi jalan {lorong} Kel. {kel} hanya sampai setengah jalan, sisanya masih tanah merah. Kondisi ini {lama}.'],
      ['Jalan perumahan di {lorong} tergenang', 'Jalan di {lorong}, {rt} Kel. {kel}, lebih rendah dari parit sehingga selalu tergenang setelah hujan.'],
    ],
    aspirasi: [['Usulan semenisasi {lorong}', 'Warga {rt} Kel. {kel} mengusulkan semenisasi {lorong} sepanjang kira-kira 200 meter yang masih berupa tanah.']],
  },
  'INF-LALULINTAS': {
    pengaduan: [
      ['Lampu lalu lintas mati di simpang {jalan}', 'Traffic light di simpang {jalan} mati sejak pagi. Kendaraan saling serobot dan hampir terjadi tabrakan.'],
      ['Rambu jalan roboh di {jalan}', 'Rambu larangan parkir di {jalan} {tempat} roboh dan tergeletak di bahu jalan {lama}.'],
      ['Zebra cross pudar di {jalan}', 'Garis penyeberangan di {jalan} {tempat} sudah pudar, anak sekolah sulit menyeberang dengan aman.'],
    ],
  },
  'PEN-LAMPU': {
    pengaduan: [
      ['Lampu jalan mati di {jalan}', 'Lampu penerangan jalan di {jalan} {tempat} mati {lama}. Jalan gelap gulita di malam hari dan rawan kejahatan.'],
      ['Beberapa lampu PJU padam di {jalan}', 'Sekitar lima tiang lampu PJU berturut-turut di {jalan}, Kel. {kel}, padam. Pengendara sulit melihat lubang di jalan.'],
      ['Lampu jalan berkedip lalu mati di {jalan}', 'Lampu jalan di {jalan} {tempat} berkedip-kedip lalu padam sepanjang malam. Kondisi ini {lama}.'],
      ['Tiang lampu jalan miring di {jalan}', 'Tiang lampu PJU di {jalan} {tempat} miring setelah angin kencang, dikhawatirkan roboh ke jalan.'],
    ],
    aspirasi: [['Usulan penambahan lampu jalan di {jalan}', 'Mohon dipasang lampu penerangan jalan di {jalan}, Kel. {kel}. Jalan ini ramai dilalui warga pulang kerja malam tetapi belum ada lampu sama sekali.']],
  },
  'PEN-INFORMASI': {
    pengaduan: [
      ['Permohonan informasi jadwal perbaikan {jalan}', 'Mohon informasi apakah perbaikan {jalan} di Kel. {kel} sudah masuk anggaran tahun ini dan kapan mulai dikerjakan.'],
      ['Permintaan data penerima bantuan sosial Kel. {kel}', 'Saya ingin mengetahui jumlah penerima bantuan sosial di Kel. {kel} tahun ini untuk bahan kajian organisasi kepemudaan kami.'],
    ],
  },
  'PEN-INTERNET': {
    pengaduan: [
      ['Wifi publik di Kel. {kel} tidak berfungsi', 'Titik wifi publik {tempat} di {jalan} tidak bisa tersambung {lama}. Pelajar biasa memakai wifi ini untuk tugas sekolah.'],
      ['Internet di kantor kelurahan {kel} sering putus', 'Layanan di kantor Kel. {kel} sering tertunda karena jaringan internet putus-putus, warga harus datang berkali-kali.'],
    ],
  },
  'SPP-SAMPAH': {
    pengaduan: [
      ['Sampah menumpuk di {jalan}', 'Tumpukan sampah di {jalan} {tempat} tidak diangkut {lama}. Bau menyengat dan sampah berserakan ke badan jalan.'],
      ['TPS penuh dan meluber di Kel. {kel}', 'Tempat penampungan sementara di {jalan}, Kel. {kel}, penuh dan sampah meluber sampai ke jalan. Truk pengangkut jarang datang.'],
      ['Sampah rumah tangga tidak diangkut di {rt}', 'Sampah rumah tangga di {rt}, Kel. {kel}, tidak diangkut {lama}. Warga terpaksa menumpuk sampah di depan rumah.'],
      ['Pembuangan sampah liar di {jalan}', 'Ada lokasi pembuangan sampah liar di lahan kosong {jalan} {tempat}. Sampah makin banyak dan mengundang lalat.'],
    ],
    aspirasi: [['Usulan penambahan bak sampah di {jalan}', 'Mohon ditambah kontainer sampah di {jalan} Kel. {kel}; yang ada selalu penuh sebelum diangkut.']],
  },
  'SPP-PENCEMARAN': {
    pengaduan: [
      ['Pembakaran sampah di {jalan}', 'Ada yang rutin membakar sampah di {jalan} {tempat}. Asapnya masuk ke rumah warga dan mengganggu pernapasan anak-anak.'],
      ['Limbah cair dibuang ke parit di {jalan}', 'Limbah berwarna hitam dan berbau dari tempat usaha di {jalan} dibuang langsung ke parit warga Kel. {kel}.'],
      ['Bau menyengat di sekitar {jalan}', 'Sejak {lama} tercium bau menyengat di sekitar {jalan} Kel. {kel}, terutama malam hari. Mohon diperiksa sumbernya.'],
    ],
  },
  'SPP-WISATA': {
    pengaduan: [
      ['Fasilitas wisata pantai di Kel. {kel} rusak', 'Gazebo dan toilet di kawasan wisata pantai Kel. {kel} rusak dan kotor. Pengunjung akhir pekan mengeluh.'],
      ['Taman kota di {jalan} tidak terawat', 'Rumput taman di {jalan} tinggi, lampu taman mati dan bangku patah. Sayang sekali karena ramai dikunjungi keluarga.'],
    ],
  },
  'KES-PUSKESMAS': {
    pengaduan: [
      ['Antrean sangat lama di puskesmas Kel. {kel}', 'Pelayanan di puskesmas wilayah Kel. {kel} sangat lambat. Pasien datang pagi baru dilayani siang, loket pendaftaran hanya satu.'],
      ['Obat sering kosong di puskesmas', 'Beberapa kali berobat ke puskesmas di {jalan}, obat yang diresepkan kosong dan pasien disuruh membeli di apotek luar.'],
      ['Pelayanan petugas puskesmas kurang ramah', 'Petugas pendaftaran puskesmas di Kel. {kel} membentak pasien lansia yang kurang paham prosedur. Mohon dibina.'],
    ],
  },
  'KES-JAMINAN': {
    pengaduan: [
      ['Kartu KIS tidak aktif saat berobat', 'Kartu KIS keluarga kami ternyata tidak aktif ketika berobat ke rumah sakit, padahal sebelumnya aktif. Mohon penjelasan dan bantuan aktivasi.'],
      ['Pasien BPJS diminta membayar obat', 'Ibu saya pasien BPJS rawat inap tetapi keluarga diminta membeli sendiri obat yang katanya tidak ditanggung.'],
    ],
  },
  'KES-WABAH': {
    pengaduan: [
      ['Mohon fogging DBD di {rt} Kel. {kel}', 'Sudah tiga warga {rt}, Kel. {kel}, dirawat karena demam berdarah dalam dua minggu terakhir. Mohon segera dilakukan fogging dan pemeriksaan jentik.'],
      ['Kasus demam berdarah bertambah di sekitar {jalan}', 'Di sekitar {jalan} {tempat} ada beberapa anak terkena DBD. Banyak genangan air dan nyamuk. Mohon penanganan.'],
    ],
  },
  'SOS-BANSOS': {
    pengaduan: [
      ['Keluarga miskin belum terdaftar DTSEN', 'Tetangga kami di {rt}, Kel. {kel}, seorang janda dengan tiga anak dan tidak bekerja, belum pernah menerima bantuan apa pun. Mohon didata masuk DTSEN.'],
      ['Bantuan BPNT tidak cair tiga bulan', 'Bantuan BPNT keluarga kami tidak cair sejak tiga bulan terakhir tanpa pemberitahuan. Mohon dicek datanya.'],
      ['Lansia sebatang kara butuh bantuan', 'Seorang nenek di {lorong}, {rt} Kel. {kel}, tinggal sendiri, sakit-sakitan dan kekurangan makan. Mohon dikunjungi petugas.'],
      ['Rumah tidak layak huni di Kel. {kel}', 'Rumah warga di {lorong}, {rt} Kel. {kel}, atapnya bocor dan dinding kayu lapuk. Penghuninya lansia. Mohon dibantu.'],
    ],
  },
  'SOS-TERLANTAR': {
    pengaduan: [
      ['ODGJ berkeliaran di {jalan}', 'Ada orang dengan gangguan jiwa berkeliaran di sekitar {jalan} {tempat} beberapa hari ini, kadang mengamuk. Mohon ditangani.'],
      ['Anak jalanan di simpang {jalan}', 'Setiap sore ada anak-anak usia sekolah meminta-minta di simpang {jalan}. Mohon dibina dan dicarikan jalan keluar.'],
    ],
  },
  'SOS-KETERTIBAN': {
    pengaduan: [
      ['PKL berjualan di trotoar {jalan}', 'Pedagang kaki lima memakai trotoar dan sebagian badan {jalan} {tempat}; pejalan kaki terpaksa turun ke jalan dan sore hari macet.'],
      ['Parkir liar di {jalan}', 'Kendaraan parkir dua lapis di {jalan} {tempat} setiap sore sehingga jalan menyempit dan macet.'],
      ['Musik keras sampai larut malam di Kel. {kel}', 'Sebuah tempat usaha di {jalan} Kel. {kel} memutar musik keras hingga lewat tengah malam hampir setiap hari.'],
    ],
  },
  'SOS-ADMINDUK': {
    pengaduan: [
      ['KTP elektronik belum jadi', 'Saya sudah merekam KTP-el {lama} tetapi sampai sekarang belum jadi. Setiap ke kantor selalu dibilang blangko habis.'],
      ['Perubahan data KK tidak kunjung selesai', 'Pengurusan perubahan data Kartu Keluarga saya belum selesai padahal berkas sudah lengkap. Mohon kejelasan.'],
    ],
  },
  'PDD-SEKOLAH': {
    pengaduan: [
      ['Atap kelas bocor di SD negeri Kel. {kel}', 'Atap dua ruang kelas bocor sehingga saat hujan murid dipindahkan ke musala. Plafon sudah mulai jebol.'],
      ['Toilet sekolah rusak di {jalan}', 'Toilet murid di sekolah negeri {jalan} rusak {lama}; murid terpaksa pulang ke rumah untuk buang air.'],
    ],
  },
  'PDD-PPDB': {
    pengaduan: [
      ['Situs pendaftaran murid baru sulit diakses', 'Situs pendaftaran murid baru sering tidak bisa dibuka pada jam kerja. Orang tua khawatir tidak kebagian kuota.'],
      ['Zonasi SMP tidak sesuai domisili', 'Anak kami di Kel. {kel} tidak diterima di SMP negeri terdekat padahal jaraknya kurang dari satu kilometer.'],
    ],
  },
  'PDD-PUNGUTAN': {
    pengaduan: [
      ['Pungutan uang seragam dan buku di sekolah negeri', 'Orang tua murid diminta membayar uang seragam dan buku paket di SD negeri Kel. {kel} dengan jumlah yang memberatkan. Bukankah sekolah negeri gratis?'],
      ['Uang perpisahan wajib di sekolah', 'Sekolah mewajibkan uang perpisahan kelas enam yang cukup besar, murid yang belum bayar ditegur di depan kelas.'],
    ],
  },
};

/** Information requests are their own report class; the rest are complaints unless a suggestion is drawn. */
export const CLASS_OF: Partial<Record<string, ReportClass>> = { 'PEN-INFORMASI': 'permintaan_informasi' };

/** Fills {placeholders}; every one a template uses must be given. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`template placeholder {${key}} has no value`);
    return v;
  });
}
