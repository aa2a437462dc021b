/** Filing and stepping information requests in API tests. */
import type { Harness } from '../test/harness.js';

export type H = () => Harness;

/** A non-resident (a Pekanbaru NIK), filing without an account. */
export const request = (overrides: Record<string, unknown> = {}) => ({
  identityType: 'nik',
  identityNumber: '1471015203880004',
  fullName: 'Fitriani Lubis',
  address: 'Jl. Tuanku Tambusai No. 12, Pekanbaru',
  email: 'fitriani@mail.test',
  information: 'Dokumen kontrak pemeliharaan Jalan Sultan Syarif Kasim tahun 2026.',
  purpose: 'Bahan liputan tentang kualitas jalan kota.',
  obtainMethod: 'soft_copy',
  deliveryMethod: 'email',
  ...overrides,
});

export async function file(h: H, body = request(), token?: string) {
  const res = await h().call('POST', '/api/v1/ppid/requests', { token, body });
  if (res.status !== 201) throw new Error(`filing failed: ${res.text}`);
  const kunci = new URL(res.body.secretLink as string, 'http://x').searchParams.get('kunci')!;
  return { number: res.body.registrationNumber as string, kunci, body: res.body };
}

export const step = (h: H, number: string, path: string, body: Record<string, unknown>, opts: { token?: string; kunci?: string } = {}) =>
  h().call('POST', `/api/v1/ppid/requests/${number}/${path}${opts.kunci ? `?kunci=${opts.kunci}` : ''}`, { token: opts.token, body });

