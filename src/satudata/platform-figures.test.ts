import { expect, it } from 'vitest';
import { describeEachDatabase, dumaiNik } from '../test/harness.js';
import { BAGAN_KELADI, OTHER_KELURAHAN, REGISTER_HEADER, complaintBody, dinsos, household, importRegister, registerLines, step as act } from '../kemiskinan/test-fixtures.js';
import { NEED_CATEGORIES } from '../kemiskinan/read-model.js';
import { file, request, step } from '../ppid/test-fixtures.js';
import { satudata } from './module.js';

const POVERTY = 'pengaduan-kemiskinan-per-kebutuhan-dan-kelurahan';
const PPID = 'layanan-informasi-publik-ppid';

describeEachDatabase('satudata: the platform publishes poverty-complaint and PPID figures', (h) => {
  const refresh = async () => {
    const job = satudata.jobs!(h().ctx, {}).find((j) => j.name === 'satudata-platform-datasets')!;
    await job.run();
  };
  const csvOf = async (name: string) => {
    const page = await h().call('GET', `/api/v1/data/datasets/${name}`);
    expect(page.status, page.text).toBe(200);
    const text = (await h().call('GET', page.body.versions[0].resources[0].url)).text;
    const [header, ...lines] = text.trim().split(/\r?\n/);
    return { page: page.body, text, header: header!.split(','), rows: lines.map((l) => l.split(',')) };
  };

  it('poverty complaints by need and kelurahan: a cell of 2 is suppressed and not derivable from any total; no household in it', async () => {
    h().setNow('2026-04-14T02:00:00Z');
    const citizen = await h().citizen({ fullName: 'Rahmat Hidayat' });
    const desk = await dinsos(h, 'dinsos_desk');
    const section = await dinsos(h, 'dinsos_section', 'sosial_ekonomi');
    // Six registered households (so the desk may route them to handling) and three others.
    const registered = Array.from({ length: 6 }, () => household(dumaiNik(), 'Rahmat Hidayat'));
    expect((await importRegister(h, desk.token, '2026-03', [REGISTER_HEADER, ...registerLines(registered, '2026-03')].join('\n'))).body).toMatchObject({ status: 'applied' });
    const fileComplaint = async (kelurahanCode: string, needCategory: string, needType: string, hh = household(citizen.nik, 'Rahmat Hidayat')) => {
      const body = complaintBody(hh, { needCategory, needType });
      // Each household files through its head's own account.
      const filer = hh.members[0]!.nik === citizen.nik ? citizen : await h().citizen({ fullName: 'Rahmat Hidayat', nik: hh.members[0]!.nik });
      const res = await h().call('POST', '/api/v1/kemiskinan/complaints', { token: filer.token, body: { ...body, household: { ...body.household, kelurahanCode } } });
      expect(res.status, res.text).toBe(201);
      return { hh, tn: res.body.trackingNumber as string };
    };
    const first = await fileComplaint(BAGAN_KELADI, 'pendidikan', 'kip_pip');
    await fileComplaint(BAGAN_KELADI, 'pendidikan', 'biaya_sekolah');
    const six: string[] = [];
    for (const hh of registered) six.push((await fileComplaint(BAGAN_KELADI, 'sosial_ekonomi', 'bpnt_sembako', hh)).tn);
    await fileComplaint(OTHER_KELURAHAN, 'kesehatan', 'kis_pbi_jk');
    const help = async (tn: string) => {
      expect((await act(h, desk.token, tn, 'route', { note: 'Terdaftar DTSEN.' })).status).toBe(200);
      const res = await act(h, section.token, tn, 'assist', { assistance: { programme: 'PANGAN', goods: '20 kg beras', givenOn: new Date(h().now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10), givenBy: 'Dinas Sosial Kota Dumai' } });
      expect(res.status, res.text).toBe(200);
    };
    await help(six[0]!);

    // Counted to the end of the last complete month: nothing of April yet.
    await refresh();
    const april = await csvOf(POVERTY);
    expect(april.page).toMatchObject({ platform: true, opd: { code: 'DINSOS' }, topic: 'sosial', frequency: 'bulanan', licenseId: 'CC-BY-4.0' });
    expect(april.rows).toEqual([]);

    h().setNow('2026-05-04T02:00:00Z');
    await refresh();
    const may = await csvOf(POVERTY);
    expect(may.header).toEqual(['tahun', 'kode_kelurahan', 'kelurahan', 'kebutuhan', 'diterima', 'ditangani']);
    const cell = (code: string, need: string) => may.rows.find((r) => r[1] === code && r[3] === need)!.slice(4);
    expect(cell(BAGAN_KELADI, 'pendidikan')).toEqual(['', '']);
    expect(cell(OTHER_KELURAHAN, 'kesehatan')).toEqual(['', '']);
    // One of the six handled: 1 handled (and 5 not) would single it out, so "handled" is empty.
    // Six shown as 5 (rounded to 5, so two versions never differ by one complaint).
    expect(cell(BAGAN_KELADI, 'sosial_ekonomi')).toEqual(['5', '']);
    expect(cell(BAGAN_KELADI, 'kesehatan')).toEqual(['0', '0']);
    // Every row is one kelurahan and one need: no kelurahan total, need total or city total to subtract from.
    expect(new Set(may.rows.map((r) => r[3]))).toEqual(new Set(NEED_CATEGORIES));
    for (const r of may.rows) expect(r[1]).toMatch(/^14\.72\.\d{2}\.\d{4}$/);
    expect(may.rows.length % NEED_CATEGORIES.length).toBe(0);
    // The only totals shown are those of the published cells: 5, not the 9 received.
    expect(may.page.current.summary.totals).toEqual({ diterima: 5, ditangani: 0 });
    expect(may.page.current.summary.series.points).toEqual([{ x: '2026', y: 5 }]);
    expect(may.page.variables.find((v: { name: string }) => v.name === 'diterima')).toMatchObject({ optional: true, unit: 'pengaduan' });
    const everything = may.text + JSON.stringify(may.page);
    for (const secret of ['Rahmat', 'Siti Rahmah', citizen.nik, first.hh.kk, first.hh.members[1]!.nik, registered[0]!.members[0]!.nik, six[0]!, 'Hasanuddin', 'Suami sakit', 'beras']) expect(everything).not.toContain(secret);

    // The other five handled in May: not counted before the month ends (no new version), then all six.
    h().setNow('2026-05-20T02:00:00Z');
    desk.token = await h().login(desk.email);
    section.token = await h().login(section.email);
    for (const tn of six.slice(1)) await help(tn);
    await refresh();
    expect((await csvOf(POVERTY)).page.current.number).toBe(may.page.current.number);
    h().setNow('2026-06-02T02:00:00Z');
    await refresh();
    const june = await csvOf(POVERTY);
    expect(june.page.current.number).toBe(may.page.current.number + 1);
    expect(june.rows.find((r) => r[1] === BAGAN_KELADI && r[3] === 'sosial_ekonomi')!.slice(4)).toEqual(['5', '5']);
  });

  it('PPID figures per OPD and year appear and update when a request is answered; no requester in them', async () => {
    h().setNow('2024-03-04T02:00:00Z');
    const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
    const filed = await file(h, request());
    await refresh();
    const before = await csvOf(PPID);
    expect(before.page).toMatchObject({ platform: true, opd: { code: 'DISKOMINFOTIKSAN' }, topic: 'pemerintahan', years: [2024] });
    expect(before.header.slice(0, 5)).toEqual(['tahun', 'kode_opd', 'opd', 'diterima', 'dijawab']);
    const col = (c: { header: string[]; rows: string[][] }, name: string) => c.rows.find((r) => r[1] === 'PPID-UTAMA')![c.header.indexOf(name)];
    expect([col(before, 'diterima'), col(before, 'dijawab'), col(before, 'dalam_proses'), col(before, 'rata_rata_hari_kerja')]).toEqual(['1', '0', '1', '']);

    expect((await step(h, filed.number, 'verify', {}, { token: utama.token })).status).toBe(200);
    const granted = await step(h, filed.number, 'grant', { message: 'Dokumen kontrak terlampir.' }, { token: utama.token });
    expect(granted.status, granted.text).toBe(200);
    // The same day: no second version; the next day, the answer is counted.
    await refresh();
    // (The poverty test's runs published it empty first, in 2026.)
    const n = before.page.current.number as number;
    expect((await h().call('GET', `/api/v1/data/datasets/${PPID}`)).body.current.number).toBe(n);
    h().setNow('2024-03-05T02:00:00Z');
    await refresh();
    const after = await csvOf(PPID);
    expect(after.page.current.number).toBe(n + 1);
    const version = await h().call('GET', `/api/v1/data/datasets/${PPID}/versions/${n + 1}`);
    expect(version.body.diff).toMatchObject({ previousNumber: n, totals: expect.arrayContaining([{ variable: 'dijawab', before: 0, after: 1 }]) });
    // An average is not summed: no total for it, on the page or in the diff.
    expect(Object.keys(after.page.current.summary.totals)).not.toContain('rata_rata_hari_kerja');
    expect([col(after, 'diterima'), col(after, 'dijawab'), col(after, 'dikabulkan_seluruhnya'), col(after, 'dalam_proses'), col(after, 'rata_rata_hari_kerja')]).toEqual(['1', '1', '1', '0', '0']);
    const everything = after.text + JSON.stringify(after.page);
    for (const secret of ['Fitriani', 'fitriani@mail.test', '1471015203880004', 'Tuanku Tambusai', 'Sultan Syarif Kasim', filed.number]) expect(everything).not.toContain(secret);
  });
});
