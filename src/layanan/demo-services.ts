/**
 * The demo city's services, shaped on Dumai's: five for residents and businesses, and two internal
 * ones Diskominfotiksan gives the OPDs (a network or Wi-Fi request, an application or subdomain
 * request), each with its standar pelayanan, form, requirements, steps and output. The demo
 * publishes them through the catalogue's own services; the tests use them as realistic input.
 */
import type { Message } from '../core/errors.js';
import type { FormField, ProcessStep, Requirement, ServiceVersion } from './form/definition.js';
import type { ServiceInput } from './catalogue.js';

const t = (id: string, en: string): Message => ({ id, en });
const opt = (value: string, id: string, en = id) => ({ value, label: t(id, en) });
const MB = 1024 * 1024;

const req = (key: string, id: string, en: string, over: Partial<Requirement> = {}): Requirement => ({ key, label: t(id, en), required: true, kinds: ['pdf', 'image'], maxBytes: 2 * MB, ...over });
const KTP = req('ktp', 'KTP-el pemohon', 'Applicant’s ID card (KTP-el)', { satisfiedBy: 'account_nik', description: t('Tidak perlu diunggah bila mengajukan dengan akun yang NIK-nya sudah terverifikasi.', 'Not needed when applying with an account whose NIK is verified.') });
const KK = req('kk', 'Kartu Keluarga', 'Family card (KK)');
const PENGANTAR = req('pengantar_rt', 'Surat pengantar RT/RW', 'Cover letter from the RT/RW');
const NOTA_DINAS = req('nota_dinas', 'Nota dinas permohonan dari Kepala OPD', 'Request memo signed by the head of the OPD', { kinds: ['pdf'] });

const step = (key: string, id: string, en: string, kind: ProcessStep['kind'], role: ProcessStep['role'], workingDays: number): ProcessStep => ({ key, name: t(id, en), kind, role, workingDays });
const VERIFY = step('verifikasi', 'Verifikasi berkas', 'Document check', 'review', 'opd_officer', 1);
const APPROVE = step('persetujuan', 'Persetujuan kepala', 'Head’s approval', 'approval', 'opd_admin', 1);
const ISSUE = step('penerbitan', 'Penerbitan dokumen', 'Issuing the document', 'issuance', 'opd_officer', 1);

const DECLARATION: FormField = { key: 'pernyataan', type: 'checkbox', label: t('Saya menyatakan data yang saya isi benar', 'I declare the data I entered is true'), required: true };
const PHONE: FormField = { key: 'telepon', type: 'phone', label: t('Nomor HP yang dapat dihubungi', 'Mobile number to reach you'), required: true };
const KELURAHAN: FormField = { key: 'kelurahan', type: 'text', label: t('Kelurahan', 'Kelurahan'), required: true, maxLength: 80 };
const FAMILY = (key: string, label: Message, relations: { value: string; label: Message }[], min: number): FormField => ({
  key,
  type: 'group',
  label,
  required: min > 0,
  repeatable: { min, max: 15 },
  fields: [
    { key: 'nama', type: 'text', label: t('Nama lengkap', 'Full name'), required: true, maxLength: 120 },
    { key: 'nik', type: 'nik', label: t('NIK', 'NIK'), required: true },
    { key: 'hubungan', type: 'select', label: t('Hubungan keluarga', 'Relation'), required: true, options: relations },
    { key: 'tanggal_lahir', type: 'date', label: t('Tanggal lahir', 'Date of birth'), required: true, maxDate: 'today' },
  ],
});
const RELATIONS = [opt('kepala', 'Kepala keluarga', 'Head of family'), opt('istri_suami', 'Istri/suami', 'Spouse'), opt('anak', 'Anak', 'Child'), opt('lainnya', 'Lainnya', 'Other')];

export interface DemoService {
  service: ServiceInput & { opdCode: string };
  version: ServiceVersion;
}

export const DEMO_SERVICES: readonly DemoService[] = [
  {
    service: {
      code: 'sk-domisili',
      opdCode: 'DISDUKCAPIL',
      audience: 'citizens',
      name: t('Surat Keterangan Domisili', 'Certificate of residence (domicile)'),
      description: t(
        'Surat keterangan bahwa pemohon bertempat tinggal di alamat di Kota Dumai, untuk melamar kerja, mendaftar sekolah, membuka rekening, atau keperluan lain.',
        'A certificate that the applicant lives at an address in Dumai, for a job application, school enrolment, a bank account or other needs.',
      ),
      legalBasis: 'UU 24/2013 tentang Administrasi Kependudukan; Perpres 96/2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil',
      feeRupiah: 0,
      standardDays: 3,
    },
    version: {
      form: {
        fields: [
          { key: 'alamat', type: 'textarea', label: t('Alamat domisili', 'Address of residence'), required: true, minLength: 10, maxLength: 300 },
          { key: 'rt', type: 'text', label: t('RT', 'RT'), required: true, maxLength: 3 },
          { key: 'rw', type: 'text', label: t('RW', 'RW'), required: true, maxLength: 3 },
          KELURAHAN,
          { key: 'sejak', type: 'date', label: t('Tinggal di alamat ini sejak', 'Living at this address since'), required: true, maxDate: 'today' },
          { key: 'keperluan', type: 'select', label: t('Keperluan', 'Purpose'), required: true, options: [opt('bekerja', 'Melamar kerja', 'Job application'), opt('sekolah', 'Pendaftaran sekolah', 'School enrolment'), opt('bank', 'Perbankan', 'Banking'), opt('lainnya', 'Lainnya', 'Other')] },
          { key: 'keperluan_lain', type: 'text', label: t('Sebutkan keperluan', 'State the purpose'), required: true, maxLength: 200, when: { field: 'keperluan', equals: 'lainnya' } },
          PHONE,
          DECLARATION,
        ],
      },
      requirements: [KTP, KK, PENGANTAR],
      steps: [VERIFY, APPROVE, ISSUE],
      output: {
        title: 'Surat Keterangan Domisili',
        body: 'Yang bertanda tangan di bawah ini menerangkan bahwa {{nama_pemohon}} benar bertempat tinggal di {{alamat}} RT {{rt}} RW {{rw}}, Kelurahan {{kelurahan}}, Kota Dumai, sejak {{sejak}}. Surat keterangan ini diberikan untuk keperluan: {{keperluan}} {{keperluan_lain}}.',
        validMonths: 6,
      },
    },
  },
  {
    service: {
      code: 'sktm',
      opdCode: 'DINSOS',
      audience: 'citizens',
      name: t('Surat Keterangan Tidak Mampu (SKTM)', 'Certificate of low income (SKTM)'),
      description: t(
        'Keterangan bahwa keluarga pemohon tergolong tidak mampu, untuk keringanan biaya berobat, sekolah, atau bantuan hukum. Diperiksa terhadap data kesejahteraan (DTKS) yang dipegang Dinas Sosial.',
        'A certificate that the applicant’s household has a low income, for reduced health, school or legal-aid costs. Checked against the welfare register (DTKS) Dinas Sosial holds.',
      ),
      legalBasis: 'UU 13/2011 tentang Penanganan Fakir Miskin; Permensos 3/2021 tentang Pengelolaan Data Terpadu Kesejahteraan Sosial',
      feeRupiah: 0,
      standardDays: 5,
    },
    version: {
      form: {
        fields: [
          { key: 'keperluan', type: 'select', label: t('Keperluan', 'Purpose'), required: true, options: [opt('kesehatan', 'Keringanan biaya berobat', 'Health costs'), opt('pendidikan', 'Keringanan biaya sekolah', 'School costs'), opt('bantuan_hukum', 'Bantuan hukum', 'Legal aid')] },
          { key: 'nama_fasilitas', type: 'text', label: t('Rumah sakit / sekolah / lembaga tujuan', 'Hospital, school or body it is for'), required: true, maxLength: 150 },
          { key: 'pekerjaan', type: 'text', label: t('Pekerjaan kepala keluarga', 'Household head’s work'), required: true, maxLength: 100 },
          { key: 'penghasilan', type: 'number', label: t('Penghasilan keluarga per bulan (Rp)', 'Household income per month (Rp)'), required: true, integer: true, min: 0, max: 100_000_000 },
          FAMILY('anggota', t('Anggota keluarga', 'Household members'), RELATIONS, 1),
          PHONE,
          DECLARATION,
        ],
      },
      requirements: [
        KTP,
        KK,
        req('pengantar_rt', 'Surat pengantar RT/RW yang menerangkan keluarga tidak mampu', 'Cover letter from the RT/RW stating the household’s hardship', {
          satisfiedBy: 'welfare_register',
          description: t('Tidak perlu bila keluarga sudah tercatat di DTKS (data kesejahteraan sosial).', 'Not needed when the household is listed in the welfare register (DTKS).'),
        }),
        req('foto_rumah', 'Foto rumah tampak depan', 'Photo of the house from the front', { kinds: ['image'], required: false }),
      ],
      steps: [step('verifikasi', 'Verifikasi data DTKS', 'Check against the welfare register', 'review', 'opd_officer', 2), step('survei', 'Survei rumah tangga', 'Household visit', 'review', 'opd_officer', 1), APPROVE, ISSUE],
      output: {
        title: 'Surat Keterangan Tidak Mampu',
        body: 'Kepala Dinas Sosial Kota Dumai menerangkan bahwa keluarga {{nama_pemohon}} tergolong keluarga tidak mampu berdasarkan verifikasi data dan survei rumah tangga. Surat keterangan ini diberikan untuk keperluan {{keperluan}} pada {{nama_fasilitas}} dan tidak berlaku untuk keperluan lain.',
        validMonths: 3,
      },
    },
  },
  {
    service: {
      code: 'izin-keramaian',
      opdCode: 'SATPOLPP',
      audience: 'citizens',
      name: t('Rekomendasi Izin Keramaian', 'Crowd-event permit recommendation'),
      description: t(
        'Rekomendasi untuk acara yang mengumpulkan orang banyak (pesta pernikahan, hiburan, olahraga, keagamaan) sebagai dasar izin keramaian dari kepolisian.',
        'A recommendation for an event that gathers many people (wedding, entertainment, sport, religious) on which the police grant the crowd permit.',
      ),
      legalBasis: 'Perda Kota Dumai tentang Ketertiban Umum dan Ketenteraman Masyarakat; Juklap Kapolri No. Pol/02/XII/95 tentang Perizinan dan Pemberitahuan Kegiatan Masyarakat',
      feeRupiah: 0,
      standardDays: 5,
    },
    version: {
      form: {
        fields: [
          { key: 'nama_acara', type: 'text', label: t('Nama acara', 'Event name'), required: true, minLength: 3, maxLength: 120 },
          { key: 'jenis', type: 'select', label: t('Jenis acara', 'Kind of event'), required: true, options: [opt('pernikahan', 'Pesta pernikahan/khitanan', 'Wedding or circumcision feast'), opt('hiburan', 'Hiburan/konser', 'Entertainment or concert'), opt('olahraga', 'Olahraga', 'Sport'), opt('keagamaan', 'Keagamaan', 'Religious')] },
          { key: 'hiburan', type: 'text', label: t('Jenis hiburan (orgen tunggal, band, …)', 'Kind of entertainment'), required: true, maxLength: 120, when: { field: 'jenis', in: ['pernikahan', 'hiburan'] } },
          { key: 'tanggal', type: 'date', label: t('Tanggal acara', 'Event date'), required: true, minDate: 'today' },
          { key: 'waktu', type: 'text', label: t('Waktu (mis. 19.00–23.00 WIB)', 'Time (e.g. 19.00–23.00 WIB)'), required: true, maxLength: 40 },
          { key: 'lokasi', type: 'textarea', label: t('Lokasi acara', 'Event location'), required: true, minLength: 10, maxLength: 300 },
          { key: 'peserta', type: 'number', label: t('Perkiraan jumlah peserta', 'Expected attendance'), required: true, integer: true, min: 1, max: 50_000 },
          { key: 'tutup_jalan', type: 'checkbox', label: t('Acara menutup sebagian jalan', 'The event closes part of a road') },
          { key: 'ruas_jalan', type: 'text', label: t('Ruas jalan yang ditutup', 'Road section closed'), required: true, maxLength: 200, when: { field: 'tutup_jalan', equals: true } },
          PHONE,
          DECLARATION,
        ],
      },
      requirements: [KTP, req('pengantar_kelurahan', 'Surat pengantar lurah', 'Cover letter from the lurah'), req('denah', 'Denah lokasi acara', 'Site plan of the event', { kinds: ['image', 'pdf'] })],
      steps: [VERIFY, step('survei', 'Peninjauan lokasi', 'Site inspection', 'review', 'opd_officer', 2), APPROVE, ISSUE],
      output: {
        title: 'Rekomendasi Izin Keramaian',
        body: 'Berdasarkan permohonan {{nama_pemohon}} dan hasil peninjauan lokasi, Satuan Polisi Pamong Praja Kota Dumai memberikan rekomendasi penyelenggaraan acara "{{nama_acara}}" ({{jenis}}) pada {{tanggal}} pukul {{waktu}} di {{lokasi}} dengan perkiraan {{peserta}} peserta. Penyelenggara wajib menjaga ketertiban, kebersihan dan keamanan lingkungan.',
        validMonths: 1,
      },
    },
  },
  {
    service: {
      code: 'rekomendasi-reklame',
      opdCode: 'PUPR',
      audience: 'businesses',
      name: t('Rekomendasi Teknis Reklame', 'Technical recommendation for an advertisement'),
      description: t(
        'Rekomendasi teknis penempatan dan konstruksi reklame (papan nama, billboard, neon box, baliho) sebagai syarat izin reklame. Pajak reklame dihitung Bapenda setelah izin terbit.',
        'A technical recommendation on placing and building an advertisement (sign, billboard, neon box, banner), required for the advertising permit. Bapenda assesses the advertising tax after the permit.',
      ),
      legalBasis: 'Perda Kota Dumai tentang Penyelenggaraan Reklame; PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002 tentang Bangunan Gedung',
      feeRupiah: 0,
      feeNote: 'Tanpa biaya rekomendasi; pajak reklame dibayar ke Bapenda setelah izin terbit.',
      standardDays: 7,
    },
    version: {
      form: {
        fields: [
          { key: 'nama_usaha', type: 'text', label: t('Nama usaha / badan', 'Business name'), required: true, maxLength: 150 },
          { key: 'nib', type: 'text', label: t('Nomor Induk Berusaha (NIB)', 'Business ID number (NIB)'), required: true, minLength: 13, maxLength: 13 },
          { key: 'jenis_reklame', type: 'select', label: t('Jenis reklame', 'Kind of advertisement'), required: true, options: [opt('papan_nama', 'Papan nama', 'Shop sign'), opt('billboard', 'Billboard'), opt('neon_box', 'Neon box'), opt('baliho', 'Baliho', 'Banner')] },
          { key: 'panjang', type: 'number', label: t('Panjang (m)', 'Length (m)'), required: true, min: 0.1, max: 30 },
          { key: 'lebar', type: 'number', label: t('Lebar (m)', 'Width (m)'), required: true, min: 0.1, max: 30 },
          { key: 'tinggi_tiang', type: 'number', label: t('Tinggi tiang (m)', 'Pole height (m)'), required: true, min: 1, max: 20, when: { field: 'jenis_reklame', in: ['billboard', 'baliho'] } },
          { key: 'lokasi', type: 'textarea', label: t('Lokasi pemasangan', 'Location'), required: true, minLength: 10, maxLength: 300 },
          { key: 'masa', type: 'number', label: t('Masa pemasangan (bulan)', 'Duration (months)'), required: true, integer: true, min: 1, max: 60 },
          PHONE,
          DECLARATION,
        ],
      },
      requirements: [KTP, req('nib_dokumen', 'Dokumen NIB (OSS)', 'NIB document (OSS)', { kinds: ['pdf'] }), req('desain', 'Desain reklame', 'Design of the advertisement'), req('foto_lokasi', 'Foto lokasi pemasangan', 'Photo of the location', { kinds: ['image'] })],
      steps: [VERIFY, step('kajian_teknis', 'Kajian teknis konstruksi dan lokasi', 'Technical review of construction and site', 'review', 'opd_officer', 3), APPROVE, ISSUE],
      output: {
        title: 'Rekomendasi Teknis Reklame',
        body: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Dumai memberikan rekomendasi teknis kepada {{nama_usaha}} (NIB {{nib}}) untuk memasang reklame jenis {{jenis_reklame}} berukuran {{panjang}} x {{lebar}} m di {{lokasi}} selama {{masa}} bulan, dengan kewajiban menjaga konstruksi tetap aman dan tidak mengganggu jalan, trotoar dan saluran.',
        validMonths: 12,
      },
    },
  },
  {
    service: {
      code: 'kk-pendatang',
      opdCode: 'DISDUKCAPIL',
      audience: 'citizens',
      name: t('Kartu Keluarga bagi Pendatang Baru', 'Family card (KK) for newcomers'),
      description: t(
        'Penerbitan Kartu Keluarga bagi keluarga yang pindah datang ke Kota Dumai dengan Surat Keterangan Pindah (SKPWNI). Berkas diteruskan ke SIAK Disdukcapil; KK dicetak dan diambil di kantor Disdukcapil.',
        'A family card for a household moving into Dumai with a moving certificate (SKPWNI). The file goes on to Disdukcapil’s SIAK; the card is printed and collected at Disdukcapil.',
      ),
      legalBasis: 'UU 24/2013 tentang Perubahan atas UU 23/2006 tentang Administrasi Kependudukan; Perpres 96/2018; Permendagri 109/2019 tentang Formulir dan Buku yang Digunakan dalam Administrasi Kependudukan',
      feeRupiah: 0,
      feeNote: 'Tidak dipungut biaya (UU 24/2013 Pasal 79A).',
      standardDays: 5,
    },
    version: {
      form: {
        fields: [
          { key: 'nomor_skpwni', type: 'text', label: t('Nomor Surat Keterangan Pindah (SKPWNI)', 'Moving certificate number (SKPWNI)'), required: true, maxLength: 60 },
          { key: 'alamat_asal', type: 'textarea', label: t('Alamat asal', 'Previous address'), required: true, maxLength: 300 },
          { key: 'alamat', type: 'textarea', label: t('Alamat tujuan di Dumai', 'New address in Dumai'), required: true, maxLength: 300 },
          KELURAHAN,
          FAMILY('anggota', t('Anggota keluarga yang pindah', 'Members moving'), RELATIONS, 1),
          PHONE,
          DECLARATION,
        ],
      },
      requirements: [req('skpwni', 'Surat Keterangan Pindah WNI (SKPWNI)', 'Moving certificate (SKPWNI)'), req('kk_lama', 'Kartu Keluarga daerah asal', 'Family card from the previous place'), req('buku_nikah', 'Buku nikah / akta perkawinan', 'Marriage certificate', { required: false })],
      steps: [VERIFY, step('entri_siak', 'Perekaman di SIAK', 'Entry into SIAK', 'review', 'opd_officer', 2), APPROVE, ISSUE],
      output: {
        title: 'Tanda Bukti Penerbitan Kartu Keluarga',
        body: 'Kartu Keluarga atas nama {{nama_pemohon}} dengan alamat {{alamat}}, Kelurahan {{kelurahan}}, Kota Dumai, pindah datang dari {{alamat_asal}} (SKPWNI {{nomor_skpwni}}), telah diterbitkan dan dapat diambil di kantor Dinas Kependudukan dan Pencatatan Sipil Kota Dumai dengan membawa tanda bukti ini.',
        validMonths: 3,
      },
    },
  },
  {
    service: {
      code: 'jaringan-wifi',
      opdCode: 'DISKOMINFOTIKSAN',
      audience: 'opd',
      name: t('Permohonan Jaringan Internet dan Wi-Fi', 'Network and Wi-Fi request'),
      description: t(
        'Layanan internal bagi OPD: pemasangan baru, penambahan titik, peningkatan kapasitas atau perbaikan gangguan jaringan dan Wi-Fi kantor. Diperiksa, dianalisis dan dikerjakan oleh tim teknis Diskominfotiksan.',
        'An internal service for OPDs: a new installation, more access points, more capacity or a fault repair of the office network and Wi-Fi. Checked, analysed and carried out by Diskominfotiksan’s technical team.',
      ),
      legalBasis: 'Perpres 95/2018 tentang Sistem Pemerintahan Berbasis Elektronik; Perpres 132/2022 tentang Arsitektur SPBE Nasional',
      feeRupiah: 0,
      standardDays: 7,
    },
    version: {
      form: {
        fields: [
          { key: 'jenis', type: 'select', label: t('Jenis permintaan', 'Kind of request'), required: true, options: [opt('baru', 'Pemasangan baru', 'New installation'), opt('tambah_titik', 'Penambahan titik Wi-Fi', 'More access points'), opt('bandwidth', 'Peningkatan kapasitas', 'More capacity'), opt('gangguan', 'Perbaikan gangguan', 'Fault repair')] },
          { key: 'jumlah_titik', type: 'number', label: t('Jumlah titik', 'Number of access points'), required: true, integer: true, min: 1, max: 50, when: { field: 'jenis', in: ['baru', 'tambah_titik'] } },
          { key: 'gejala', type: 'textarea', label: t('Gejala gangguan', 'What is wrong'), required: true, maxLength: 1000, when: { field: 'jenis', equals: 'gangguan' } },
          { key: 'lokasi', type: 'text', label: t('Gedung dan ruangan', 'Building and rooms'), required: true, maxLength: 200 },
          { key: 'pengguna', type: 'number', label: t('Perkiraan jumlah pengguna', 'Expected users'), required: true, integer: true, min: 1, max: 2000 },
          { key: 'uraian', type: 'textarea', label: t('Uraian kebutuhan', 'What is needed'), required: true, minLength: 10, maxLength: 2000 },
          { ...PHONE, label: t('Nomor HP penanggung jawab', 'Contact person’s mobile') },
        ],
      },
      requirements: [NOTA_DINAS],
      steps: [step('pemeriksaan', 'Pemeriksaan permintaan', 'Checking the request', 'review', 'opd_officer', 1), step('analisis', 'Analisis teknis dan survei', 'Technical analysis and survey', 'review', 'opd_officer', 2), APPROVE, step('pelaksanaan', 'Pelaksanaan dan berita acara', 'Carrying out and the handover record', 'issuance', 'opd_officer', 3)],
      output: {
        title: 'Berita Acara Layanan Jaringan',
        body: 'Tim teknis Diskominfotiksan Kota Dumai telah melaksanakan permintaan layanan jaringan ({{jenis}}) di {{lokasi}} sesuai uraian: {{uraian}}. Berita acara ini diserahkan kepada {{nama_pemohon}} sebagai bukti pelaksanaan.',
        validMonths: null,
      },
    },
  },
  {
    service: {
      code: 'aplikasi-subdomain',
      opdCode: 'DISKOMINFOTIKSAN',
      audience: 'opd',
      name: t('Permohonan Aplikasi atau Subdomain', 'Application or subdomain request'),
      description: t(
        'Layanan internal bagi OPD: subdomain dumaikota.go.id, hosting, pembuatan atau pengembangan aplikasi. Diperiksa kesesuaiannya dengan arsitektur SPBE, dianalisis dan dikerjakan oleh tim Diskominfotiksan.',
        'An internal service for OPDs: a dumaikota.go.id subdomain, hosting, a new application or changes to one. Checked against the SPBE architecture, analysed and carried out by Diskominfotiksan’s team.',
      ),
      legalBasis: 'Perpres 95/2018 tentang SPBE; Permenkominfo 5/2015 tentang Registrar Nama Domain Instansi Penyelenggara Negara',
      feeRupiah: 0,
      standardDays: 10,
    },
    version: {
      form: {
        fields: [
          { key: 'jenis', type: 'select', label: t('Jenis permintaan', 'Kind of request'), required: true, options: [opt('subdomain', 'Subdomain', 'Subdomain'), opt('hosting', 'Hosting'), opt('aplikasi_baru', 'Aplikasi baru', 'New application'), opt('pengembangan', 'Pengembangan aplikasi', 'Changes to an application')] },
          { key: 'subdomain', type: 'text', label: t('Subdomain yang diminta (tanpa .dumaikota.go.id)', 'Subdomain wanted (without .dumaikota.go.id)'), required: true, minLength: 3, maxLength: 40, when: { field: 'jenis', in: ['subdomain', 'hosting'] } },
          { key: 'nama_aplikasi', type: 'text', label: t('Nama aplikasi', 'Application name'), required: true, maxLength: 120, when: { field: 'jenis', in: ['aplikasi_baru', 'pengembangan'] } },
          { key: 'tujuan', type: 'textarea', label: t('Tujuan dan pengguna layanan', 'Purpose and users'), required: true, minLength: 10, maxLength: 2000 },
          {
            key: 'pengelola',
            type: 'group',
            label: t('Pengelola di OPD', 'Administrator at the OPD'),
            required: true,
            fields: [
              { key: 'nama', type: 'text', label: t('Nama', 'Name'), required: true, maxLength: 120 },
              { key: 'email', type: 'email', label: t('Email dinas', 'Work email'), required: true },
              { key: 'telepon', type: 'phone', label: t('Nomor HP', 'Mobile'), required: true },
            ],
          },
        ],
      },
      requirements: [NOTA_DINAS, req('kak', 'Kerangka acuan kerja (untuk aplikasi)', 'Terms of reference (for an application)', { required: false, kinds: ['pdf'], maxBytes: 5 * MB })],
      steps: [step('pemeriksaan', 'Pemeriksaan kesesuaian SPBE', 'Checking against the SPBE architecture', 'review', 'opd_officer', 2), step('analisis', 'Analisis teknis', 'Technical analysis', 'review', 'opd_officer', 3), APPROVE, step('pelaksanaan', 'Pelaksanaan dan berita acara', 'Carrying out and the handover record', 'issuance', 'opd_officer', 3)],
      output: {
        title: 'Berita Acara Layanan Aplikasi dan Domain',
        body: 'Diskominfotiksan Kota Dumai telah melaksanakan permintaan {{jenis}} {{subdomain}} {{nama_aplikasi}} untuk {{nama_pemohon}} dengan tujuan: {{tujuan}}.',
        validMonths: null,
      },
    },
  },
];

export const demoService = (code: string): DemoService => DEMO_SERVICES.find((s) => s.service.code === code)!;
