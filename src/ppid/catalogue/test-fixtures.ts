/** Writing and stepping catalogue items in API tests. */
import type { Harness } from '../../test/harness.js';

export type H = () => Harness;

/** A periodic item of the caller's own OPD (or `opdCode`'s). */
export const draft = (overrides: Record<string, unknown> = {}) => ({
  class: 'setiap_saat',
  title: 'Daftar kontrak pemeliharaan jalan kota tahun 2026',
  summary: 'Paket pekerjaan pemeliharaan jalan kota tahun 2026 dengan penyedia, nilai kontrak dan masa pelaksanaan.',
  responsible: 'Kepala Bidang Bina Marga',
  format: 'PDF',
  period: '2026',
  retention: '5 tahun',
  ...overrides,
});

export const exempt = (overrides: Record<string, unknown> = {}) =>
  draft({
    class: 'dikecualikan',
    title: 'Data pribadi penerima bantuan sosial',
    summary: 'Nama, NIK dan alamat setiap penerima bantuan sosial dari DTSEN.',
    exemption: 'h',
    legalBasis: 'UU 14/2008 Pasal 17 huruf h; UU 27/2022',
    consequenceTest: 'Membuka data per orang mengungkap rahasia pribadi penerima.',
    ...overrides,
  });

export async function create(h: H, token: string, body: Record<string, unknown> = draft()) {
  const res = await h().call('POST', '/api/v1/ppid/catalogue', { token, body });
  if (res.status !== 201) throw new Error(`draft failed: ${res.status} ${res.text}`);
  return res.body.id as number;
}

export const act = (h: H, id: number, path: string, token: string | undefined, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  h().call('POST', `/api/v1/ppid/catalogue/${id}/${path}`, { token, body, headers });

/** Through the whole chain: checked and published by `ppid`, approved by `head`. */
export async function publish(h: H, id: number, ppid: string, head: string) {
  for (const [path, token] of [['check', ppid], ['approve', head], ['publish', ppid]] as const) {
    const res = await act(h, id, path, token);
    if (res.status !== 200) throw new Error(`${path} failed: ${res.status} ${res.text}`);
  }
}
