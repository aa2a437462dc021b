/** Datasets and version uploads in API tests. */
import type { Harness } from '../test/harness.js';

export type H = () => Harness;

/** Road condition by authority and year, as Dinas PUPR publishes it. */
export const roads = (overrides: Record<string, unknown> = {}) => ({
  name: 'kondisi-jalan-uji',
  title: 'Panjang jalan menurut kewenangan dan kondisi',
  description: 'Panjang jalan (km) menurut kewenangan dan kondisi permukaan, hasil survei tahunan Bina Marga.',
  topic: 'infrastruktur',
  frequency: 'tahunan',
  period: '2023–2025',
  unit: 'km',
  variables: [
    { name: 'tahun', label: 'Tahun', definition: 'Tahun survei.', type: 'year' },
    { name: 'kewenangan', label: 'Kewenangan', definition: 'Negara, Provinsi atau Kota.', type: 'text' },
    { name: 'kode_wilayah', label: 'Kode wilayah', definition: 'Kode Kemendagri kecamatan.', type: 'region_code' },
    { name: 'panjang_km', label: 'Panjang jalan', definition: 'Panjang ruas dalam km.', type: 'decimal', unit: 'km' },
  ],
  contactName: 'Bidang Bina Marga',
  contactEmail: 'binamarga@dumaikota.go.id',
  tags: ['jalan', 'infrastruktur'],
  regionCodes: ['14.72'],
  ...overrides,
});

export const ROAD_CSV = 'tahun,kewenangan,kode_wilayah,panjang_km\n2024,Kota,14.72.01,120.5\n2024,Provinsi,14.72.01,30.25\n2025,Kota,14.72.02,98\n';

export async function createDataset(h: H, token: string, body: Record<string, unknown> = roads()) {
  const res = await h().call('POST', '/api/v1/data/datasets', { token, body });
  if (res.status !== 201) throw new Error(`dataset failed: ${res.status} ${res.text}`);
  return res.body.name as string;
}

/** Submits a version as the browser's form does: the note, then the file. */
export function submit(h: H, token: string | undefined, name: string, data: string | Uint8Array, opts: { note?: string; filename?: string; type?: string } = {}) {
  const form = new FormData();
  if (opts.note !== '') form.append('note', opts.note ?? 'Data survei terbaru.');
  form.append('file', new Blob([typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data)], { type: opts.type ?? 'text/csv' }), opts.filename ?? 'data.csv');
  return h().call('POST', `/api/v1/data/datasets/${name}/versions`, { token, raw: form });
}

export const step = (h: H, token: string | undefined, name: string, n: number, action: string, body: Record<string, unknown> = {}) =>
  h().call('POST', `/api/v1/data/datasets/${name}/versions/${n}/${action}`, { token, body });
