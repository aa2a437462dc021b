/** Words the API, the feeds and the pages show for the portal's codes, in Indonesian and English. */
import type { Message } from '../core/errors.js';
import type { ItemAction, ItemStatus, Kind, Verdict } from './lifecycle.js';

export const KIND_LABELS: Record<Kind, Message> = {
  berita: { id: 'Berita', en: 'News' },
  pengumuman: { id: 'Pengumuman', en: 'Announcements' },
  gangguan: { id: 'Gangguan layanan', en: 'Service disruptions' },
  klarifikasi: { id: 'Klarifikasi hoaks', en: 'Hoax clarifications' },
};

/** The public list page of each kind: clean Indonesian addresses, an item is /<page>/<slug>. */
export const KIND_PATHS: Record<Kind, string> = {
  berita: '/berita',
  pengumuman: '/pengumuman',
  gangguan: '/gangguan',
  klarifikasi: '/klarifikasi-hoaks',
};

export const STATUS_LABELS: Record<ItemStatus, Message> = {
  draft: { id: 'Draf', en: 'Draft' },
  checked: { id: 'Sudah diperiksa', en: 'Checked' },
  published: { id: 'Terbit', en: 'Published' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
};

export const ACTION_LABELS: Record<ItemAction | 'create', Message> = {
  create: { id: 'Draf dibuat', en: 'Draft created' },
  edit: { id: 'Diubah', en: 'Edited' },
  check: { id: 'Diperiksa', en: 'Checked' },
  return: { id: 'Dikembalikan ke penulis', en: 'Returned to the editor' },
  publish: { id: 'Diterbitkan', en: 'Published' },
  unpublish: { id: 'Ditarik dari publik', en: 'Unpublished' },
  archive: { id: 'Diarsipkan', en: 'Archived' },
  end: { id: 'Gangguan dinyatakan selesai', en: 'Disruption ended' },
};

export const VERDICT_LABELS: Record<Verdict, Message> = {
  hoaks: { id: 'Hoaks', en: 'Hoax' },
  disinformasi: { id: 'Disinformasi', en: 'Disinformation' },
  misinformasi: { id: 'Misinformasi', en: 'Misinformation' },
  benar: { id: 'Benar', en: 'True' },
};

/** Services a disruption notice names by key; anything else is free text ("Jaringan internet Kantor Camat"). */
export const SERVICE_LABELS: Record<string, Message> = {
  aduan: { id: 'Pengaduan', en: 'Complaints' },
  layanan: { id: 'Layanan perizinan dan administrasi', en: 'Permits and administrative services' },
  ppid: { id: 'Permohonan informasi (PPID)', en: 'Information requests (PPID)' },
  satudata: { id: 'Satu Data', en: 'Open data' },
  skm: { id: 'Survei kepuasan (SKM)', en: 'Satisfaction survey (SKM)' },
  whatsapp: { id: 'Kanal WhatsApp', en: 'WhatsApp channel' },
  portal: { id: 'Portal berita', en: 'News portal' },
};

export const ITEM = { id: 'Naskah portal', en: 'Portal item' };

/** The portal's name in feeds and the page titles. */
export const SITE = { id: 'Portal Kota Dumai', en: 'Dumai City Portal' };

/** The title and description of the portal's list, or of one kind's: its pages and its feeds say the same. */
export const listingOf = (kind?: Kind) =>
  kind
    ? { title: `${KIND_LABELS[kind].id} — ${SITE.id}`, description: `${KIND_LABELS[kind].id} dari Pemerintah Kota Dumai` }
    : { title: SITE.id, description: 'Berita, pengumuman, gangguan layanan dan klarifikasi hoaks Pemerintah Kota Dumai' };
