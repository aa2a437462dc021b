/** Words the API and the pages show for Satu Data's codes, in Indonesian and English. */
import type { Message } from '../core/errors.js';
import type { Frequency, Topic, VariableType, VersionStatus } from './lifecycle.js';

export const TOPIC_LABELS: Record<Topic, Message> = {
  pemerintahan: { id: 'Pemerintahan', en: 'Government' },
  kependudukan: { id: 'Kependudukan', en: 'Population' },
  sosial: { id: 'Sosial dan kemiskinan', en: 'Social affairs and poverty' },
  kesehatan: { id: 'Kesehatan', en: 'Health' },
  pendidikan: { id: 'Pendidikan', en: 'Education' },
  infrastruktur: { id: 'Infrastruktur dan pekerjaan umum', en: 'Infrastructure and public works' },
  ekonomi: { id: 'Ekonomi', en: 'Economy' },
  lingkungan: { id: 'Lingkungan hidup', en: 'Environment' },
  'pelayanan-publik': { id: 'Pelayanan publik dan pengaduan', en: 'Public services and complaints' },
  'keterbukaan-informasi': { id: 'Keterbukaan informasi', en: 'Freedom of information' },
};

export const FREQUENCY_LABELS: Record<Frequency, Message> = {
  harian: { id: 'Harian', en: 'Daily' },
  bulanan: { id: 'Bulanan', en: 'Monthly' },
  triwulanan: { id: 'Triwulanan', en: 'Quarterly' },
  semesteran: { id: 'Semesteran', en: 'Half-yearly' },
  tahunan: { id: 'Tahunan', en: 'Yearly' },
  tidak_tetap: { id: 'Tidak tetap', en: 'Irregular' },
};

/** DCAT's frequency vocabulary (EU publications office), for the catalogue. */
export const FREQUENCY_URIS: Record<Frequency, string | null> = {
  harian: 'http://publications.europa.eu/resource/authority/frequency/DAILY',
  bulanan: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
  triwulanan: 'http://publications.europa.eu/resource/authority/frequency/QUARTERLY',
  semesteran: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL_2',
  tahunan: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
  tidak_tetap: 'http://publications.europa.eu/resource/authority/frequency/IRREG',
};

export const STATUS_LABELS: Record<VersionStatus, Message> = {
  submitted: { id: 'Menunggu pemeriksaan walidata', en: 'Waiting for the data steward' },
  returned: { id: 'Dikembalikan', en: 'Returned' },
  withdrawn: { id: 'Ditarik', en: 'Withdrawn' },
  published: { id: 'Terbit', en: 'Published' },
};

export const TYPE_LABELS: Record<VariableType, Message> = {
  text: { id: 'teks', en: 'text' },
  integer: { id: 'bilangan bulat', en: 'whole number' },
  decimal: { id: 'bilangan desimal', en: 'decimal number' },
  year: { id: 'tahun', en: 'year' },
  date: { id: 'tanggal (YYYY-MM-DD)', en: 'date (YYYY-MM-DD)' },
  region_code: { id: 'kode wilayah Kemendagri', en: 'Kemendagri region code' },
};

export const LICENSES: Record<string, { title: string; url: string; open: boolean }> = {
  'CC-BY-4.0': { title: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', open: true },
  'CC0-1.0': { title: 'Creative Commons CCZero', url: 'https://creativecommons.org/publicdomain/zero/1.0/', open: true },
  'ODC-BY-1.0': { title: 'Open Data Commons Attribution License', url: 'https://opendatacommons.org/licenses/by/1-0/', open: true },
};
export const LICENSE_IDS = Object.keys(LICENSES) as [string, ...string[]];
