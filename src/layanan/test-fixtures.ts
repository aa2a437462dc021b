/** Services, applications and uploads in the public-services API tests. */
import { renderPdf } from '../core/export/pdf.js';
import type { Harness } from '../test/harness.js';
import { loadConfig, type Config } from '../config.js';
import { demoService } from './demo-services.js';

export type H = () => Harness;

/** Tests post webhooks to receivers on 127.0.0.1, which the platform refuses unless told so (LAYANAN_WEBHOOK_ALLOW_PRIVATE). */
export const localWebhooks = (): Partial<Config> => ({ layanan: { ...loadConfig({}).layanan, webhookAllowPrivate: true } });

/** An OPD admin defines one of the demo services through the API and publishes its form. */
export async function publish(h: H, adminToken: string, code: string) {
  const { service, version } = demoService(code);
  const { opdCode: _, ...body } = service;
  const created = await h().call('POST', '/api/v1/layanan/services', { token: adminToken, body });
  if (created.status !== 201) throw new Error(`service failed: ${created.text}`);
  const published = await h().call('POST', `/api/v1/layanan/services/${code}/versions`, { token: adminToken, body: version });
  if (published.status !== 201) throw new Error(`publish failed: ${published.text}`);
}

/** The domicile letter with only the KTP asked, which a verified account's NIK meets: nothing to upload. */
export async function publishDomisiliByData(h: H, adminToken: string) {
  const { service, version } = demoService('sk-domisili');
  const { opdCode: _, ...body } = service;
  const created = await h().call('POST', '/api/v1/layanan/services', { token: adminToken, body });
  if (created.status !== 201) throw new Error(`service failed: ${created.text}`);
  const published = await h().call('POST', '/api/v1/layanan/services/sk-domisili/versions', { token: adminToken, body: { ...version, requirements: version.requirements.filter((r) => r.satisfiedBy) } });
  if (published.status !== 201) throw new Error(`publish failed: ${published.text}`);
}

/** A new resident's domicile letter (published by publishDomisiliByData), filed and submitted in one call; its number. */
export async function fileSubmitted(h: H): Promise<string> {
  const citizen = await h().citizen();
  const filed = await h().call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'sk-domisili', answers: domisili(), submit: true } });
  if (filed.status !== 201) throw new Error(`filing failed: ${filed.text}`);
  return filed.body.number as string;
}

export const scan = (title: string) => renderPdf(title, (doc) => doc.fontSize(12).text(title));

export async function upload(h: H, token: string, number: string, key: string, data: Buffer | Uint8Array, filename = `${key}.pdf`, type = 'application/pdf') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), filename);
  return h().call('POST', `/api/v1/layanan/applications/${number}/requirements/${key}`, { token, raw: form });
}

export const act = (h: H, token: string, number: string, path: string, body: Record<string, unknown> = {}) =>
  h().call('POST', `/api/v1/layanan/applications/${number}/${path}`, { token, body });

export const domisili = (over: Record<string, unknown> = {}) => ({
  alamat: 'Jl. Sultan Syarif Kasim No. 45, dekat Masjid Raya',
  rt: '003',
  rw: '002',
  kelurahan: 'Rimba Sekampung',
  sejak: '2019-07-01',
  keperluan: 'bekerja',
  telepon: '0812 7654 3210',
  pernyataan: true,
  ...over,
});

export const wifi = (over: Record<string, unknown> = {}) => ({
  jenis: 'tambah_titik',
  jumlah_titik: 3,
  lokasi: 'Kantor Dinas Sosial, lantai 2',
  pengguna: 25,
  uraian: 'Sinyal Wi-Fi lantai 2 lemah untuk petugas pendataan.',
  telepon: '081365400022',
  ...over,
});
