import sharp from 'sharp';
import type { Harness } from './harness.js';

/** Centre of kelurahan Bagan Keladi (14.72.01.1008), Dumai Barat. */
export const BAGAN_KELADI = { lat: 1.67376, lng: 101.37077, code: '14.72.01.1008' };
/** Pekanbaru city centre: outside Kota Dumai. */
export const PEKANBARU = { lat: 0.5071, lng: 101.4478 };

export const roadReport = (overrides: Record<string, unknown> = {}) => ({
  class: 'pengaduan',
  title: 'Jalan berlubang di depan sekolah',
  description: 'Lubang besar di badan jalan, sudah dua minggu, membahayakan pengendara motor di malam hari.',
  incidentDate: '2026-02-27',
  categoryCode: 'INF-JALAN',
  lat: BAGAN_KELADI.lat,
  lng: BAGAN_KELADI.lng,
  address: 'Jl. Sultan Hasanuddin dekat SDN 001',
  ...overrides,
});

export async function photo(color = '#884400'): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: color } }).jpeg().toBuffer();
}

export async function upload(h: Harness, token: string, data: Buffer, filename = 'jalan.jpg', type = 'image/jpeg') {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(data)], { type }), filename);
  return h.call('POST', '/api/v1/uploads', { token, raw: form });
}

/** An officer's document upload (PDF, XLSX, CSV) for attaching to a case. */
export async function uploadDocument(h: Harness, token: string, data: Buffer | Uint8Array, filename = 'jawaban.pdf', type = 'application/pdf') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), filename);
  return h.call('POST', '/api/v1/uploads/documents', { token, raw: form });
}

/** Files a report as a citizen and returns its tracking number. */
export async function fileReport(h: Harness, token: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await h.call('POST', '/api/v1/reports', { token, body: roadReport(overrides) });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${res.text}`);
  return res.body.trackingNumber as string;
}

export async function step(h: Harness, token: string, tn: string, path: string, body: Record<string, unknown> = {}) {
  return h.call('POST', `/api/v1/reports/${tn}/${path}`, { token, body });
}
