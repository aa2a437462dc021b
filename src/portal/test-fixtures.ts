/** Portal items in API tests. */
import type { Harness } from '../test/harness.js';

export type H = () => Harness;

export const disruption = (overrides: Record<string, unknown> = {}) => ({
  kind: 'gangguan',
  title: 'Pemadaman listrik di Kantor Kelurahan Bukit Datuk',
  summary: 'Layanan pengaduan tatap muka di kelurahan terhenti karena pemadaman listrik terjadwal PLN.',
  body: 'Pelayanan di Kantor Kelurahan Bukit Datuk terhenti karena pemadaman listrik terjadwal.\n\nPengaduan tetap dapat disampaikan secara daring.',
  services: ['aduan', 'Pelayanan tatap muka Kelurahan Bukit Datuk'],
  since: '2026-03-02T01:00:00Z',
  expectedEnd: '2026-03-02T09:00:00Z',
  ...overrides,
});

export async function draft(h: H, token: string, body: Record<string, unknown>): Promise<number> {
  const res = await h().call('POST', '/api/v1/portal/drafts', { token, body });
  if (res.status !== 201) throw new Error(`draft failed: ${res.status} ${res.text}`);
  return res.body.id as number;
}

export const step = (h: H, token: string | undefined, id: number, action: string, body: Record<string, unknown> = {}) => h().call('POST', `/api/v1/portal/drafts/${id}/${action}`, { token, body });

/** Written, checked and published by the two roles. */
export async function published(h: H, editor: string, checker: string, body: Record<string, unknown>): Promise<number> {
  const id = await draft(h, editor, body);
  for (const action of ['check', 'publish']) {
    const res = await step(h, checker, id, action);
    if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${res.text}`);
  }
  return id;
}
