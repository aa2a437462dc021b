/** The status module's words: states and headings of the page that needs no JavaScript. */
import type { Message } from '../core/errors.js';
import type { HealthStatus } from '../core/module.js';

export const STATUS_LABELS: Record<HealthStatus, Message> = {
  up: { id: 'Berfungsi', en: 'Working' },
  degraded: { id: 'Terganggu sebagian', en: 'Degraded' },
  down: { id: 'Tidak berfungsi', en: 'Down' },
  unknown: { id: 'Belum diketahui', en: 'Unknown' },
};

export const OVERALL: Record<'up' | 'degraded' | 'down', Message> = {
  up: { id: 'Semua layanan berfungsi', en: 'All services are working' },
  degraded: { id: 'Sebagian layanan terganggu', en: 'Some services are degraded' },
  down: { id: 'Layanan sedang tidak berfungsi', en: 'Services are down' },
};

export const PAGE = {
  title: { id: 'Status layanan', en: 'Service status' },
  components: { id: 'Komponen', en: 'Components' },
  modules: { id: 'Layanan', en: 'Services' },
  disruptions: { id: 'Pemberitahuan gangguan', en: 'Disruption notices' },
  noDisruptions: { id: 'Tidak ada pemberitahuan gangguan.', en: 'No disruption notices.' },
  since: { id: 'Sejak', en: 'Since' },
  expectedEnd: { id: 'Perkiraan selesai', en: 'Expected end' },
  checkedAt: { id: 'Diperiksa', en: 'Checked' },
  noticesReadAt: { id: 'Pemberitahuan terakhir terbaca', en: 'Notices last read' },
  notYet: { id: 'Pemeriksaan pertama sedang berjalan; muat ulang sebentar lagi.', en: 'The first check is running; reload in a moment.' },
  app: { id: 'Buka aplikasi', en: 'Open the app' },
} satisfies Record<string, Message>;
