/**
 * Default OPDs and roads of Kota Dumai. Loaded once into the database (super admins edit them there);
 * the road list follows the seed paper 000 (Riau Pos 2023: national, provincial and city roads).
 */
export const DEFAULT_OPDS = [
  { code: 'DISKOMINFOTIKSAN', shortName: 'Diskominfotiksan', name: 'Dinas Komunikasi, Informatika, Statistik dan Persandian', isTriage: true },
  { code: 'PUPR', shortName: 'Dinas PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang (Bidang Bina Marga)' },
  { code: 'PERKIM', shortName: 'Dinas Perkim', name: 'Dinas Perumahan dan Kawasan Permukiman' },
  { code: 'DINSOS', shortName: 'Dinas Sosial', name: 'Dinas Sosial' },
  { code: 'DINKES', shortName: 'Dinas Kesehatan', name: 'Dinas Kesehatan' },
  { code: 'DISDIK', shortName: 'Dinas Pendidikan', name: 'Dinas Pendidikan' },
  { code: 'DLH', shortName: 'Dinas LH', name: 'Dinas Lingkungan Hidup' },
  { code: 'DISPAR', shortName: 'Dinas Pariwisata', name: 'Dinas Pariwisata, Pemuda dan Olahraga' },
  { code: 'SATPOLPP', shortName: 'Satpol PP', name: 'Satuan Polisi Pamong Praja' },
  { code: 'DISHUB', shortName: 'Dinas Perhubungan', name: 'Dinas Perhubungan' },
  { code: 'DISDUKCAPIL', shortName: 'Disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
] as const;

export type RoadStatus = 'nasional' | 'provinsi' | 'kota';

export const DEFAULT_ROADS: { name: string; status: RoadStatus }[] = [
  { name: 'Jalan Soekarno-Hatta', status: 'nasional' },
  { name: 'Jalan Datuk Laksamana', status: 'nasional' },
  { name: 'Jalan Putri Tujuh', status: 'nasional' },
  { name: 'Jalan Raya Bukit Timah', status: 'nasional' },
  { name: 'Jalan Simpang Perwira - Bukit Timah', status: 'nasional' },
  { name: 'Jalan Simpang Terminal AKAP - Purnama', status: 'nasional' },
  { name: 'Jalan Lintas Dumai - Lubuk Gaung - Sinaboi', status: 'provinsi' },
  { name: 'Jalan Purnama', status: 'provinsi' },
  { name: 'Jalan Lintas Dumai - Sepahat', status: 'provinsi' },
  { name: 'Jalan Sultan Hasanuddin', status: 'kota' },
  { name: 'Jalan Sultan Syarif Kasim', status: 'kota' },
  { name: 'Jalan Budi Kemuliaan', status: 'kota' },
  { name: 'Jalan Raya Bukit Datuk', status: 'kota' },
  { name: 'Jalan Jenderal Sudirman', status: 'kota' },
];
