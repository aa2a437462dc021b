/** Test data of the dashboard: a known fortnight of reports, shared by the API and browser tests. */
import type { Harness } from '../test/harness.js';
import { fileReport, step } from '../test/fixtures.js';

/** An instant in WIB wall-clock time. */
export const wib = (local: string) => `${local}+07:00`;
export const PURNAMA = { lat: 1.69262, lng: 101.39492 };
export const PERIOD = 'from=2026-03-02&to=2026-03-13';
export const REPORTER = 'Siti Pelapor Rahasia';

/**
 * A known fortnight (2–13 March 2026, no holidays; Nyepi and Idul Fitri come after it), every step
 * at a controlled moment, so counts, working-day medians and SLA shares can be asserted exactly.
 *   A  Mon 2 09:00 road, PUPR: disposition Tue 3, follow-up Wed 4, resolved Fri 6
 *   B  Mon 2 10:00 road, verified Mon 2 15:00, PUPR: disposition Wed 4, follow-up Thu 12 (late)
 *   C  Tue 3 09:00 rubbish in Purnama, DLH: disposition Wed 4, resolved Thu 5 without a follow-up
 *   D  Wed 4 09:00 drain, confidential, never verified (verification overdue since Mon 9)
 *   E  Wed 4 10:00 social aid, anonymous, rejected Thu 5
 *   F  Fri 27 Feb (before the period), PUPR: disposition Mon 2, resolved Tue 10
 * Now: Fri 13 March 16:00 WIB.
 */
export async function seed(h: Harness) {
  const triage = await h.staff('triage_admin');
  const pupr = await h.staff('opd_officer', 'PUPR');
  const dlh = await h.staff('opd_officer', 'DLH');
  const at = async (local: string, fn: () => Promise<unknown>) => {
    h.setNow(wib(local));
    const res = (await fn()) as { status?: number; text?: string } | string;
    if (typeof res === 'object' && res.status !== 200) throw new Error(`${local}: ${res.status} ${res.text}`);
    return res;
  };
  // Staff sessions last 12 hours of the app's clock: each step logs in afresh at its moment.
  const by = (who: { email: string }, tn: string, path: string, body: Record<string, unknown> = {}) => async () =>
    step(h, await h.login(who.email), tn, path, body);
  h.setNow(wib('2026-02-27T10:00'));
  const citizen = await h.citizen({ fullName: REPORTER });
  const file = (local: string, o: Record<string, unknown> = {}) => at(local, () => fileReport(h, citizen.token, o)) as Promise<string>;

  const F = await file('2026-02-27T10:00', { title: 'Jalan lama berlubang' });
  const A = await file('2026-03-02T09:00', { title: 'Jalan berlubang A' });
  await at('2026-03-02T09:30', by(triage, F, 'disposition', { opdCodes: ['PUPR'] }));
  const B = await file('2026-03-02T10:00', { title: 'Jalan berlubang B' });
  await at('2026-03-02T15:00', by(triage, B, 'verify'));
  const C = await file('2026-03-03T09:00', { title: 'Sampah menumpuk', categoryCode: 'SPP-SAMPAH', ...PURNAMA });
  await at('2026-03-03T10:00', by(triage, A, 'disposition', { opdCodes: ['PUPR'] }));
  const D = await file('2026-03-04T09:00', { title: '=Saluran tersumbat', categoryCode: 'INF-DRAINASE', confidential: true });
  const E = await file('2026-03-04T10:00', { title: 'Bantuan belum cair', categoryCode: 'SOS-BANSOS', anonymous: true });
  await at('2026-03-04T10:00', by(pupr, A, 'follow-up', { message: 'Tim survei ke lokasi.' }));
  await at('2026-03-04T11:00', by(triage, B, 'disposition', { opdCodes: ['PUPR'] }));
  await at('2026-03-04T11:30', by(triage, C, 'disposition', { opdCodes: ['DLH'] }));
  await at('2026-03-05T10:00', by(dlh, C, 'resolve', { message: 'Sampah sudah diangkut.' }));
  await at('2026-03-05T11:00', by(triage, E, 'reject', { message: 'Bukan pengaduan layanan kota.' }));
  await at('2026-03-06T10:00', by(pupr, A, 'resolve', { message: 'Sudah ditambal.' }));
  await at('2026-03-10T10:00', by(pupr, F, 'resolve', { message: 'Sudah diperbaiki.' }));
  await at('2026-03-12T10:00', by(pupr, B, 'follow-up', { message: 'Dijadwalkan pekan depan.' }));
  h.setNow(wib('2026-03-13T16:00'));
  return { A, B, C, D, E, F, citizen };
}
