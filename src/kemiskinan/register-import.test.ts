import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase, dumaiNik } from '../test/harness.js';
import { complaintBody, dinsos, household, importRegister, kkNumber, operator, BAGAN_KELADI, REGISTER_HEADER, registerLines } from './test-fixtures.js';

describeEachDatabase('kemiskinan: register import reports every rejected row and applies all or nothing', (h) => {
  it('rejects a file with bad rows, listing each line and reason, and keeps the register in force', async () => {
    const desk = await dinsos(h, 'dinsos_desk');
    const op = await operator(h, BAGAN_KELADI);
    const kept = household();
    const applied = await importRegister(h, desk.token, '2026-01', [REGISTER_HEADER, ...registerLines([kept], '2026-01')].join('\n'));
    expect(applied.body.status).toBe('applied');

    const fresh = household();
    const nik = dumaiNik();
    const kk = kkNumber();
    const row = (over: Partial<Record<'nik' | 'kk' | 'nama' | 'kelurahan' | 'desil' | 'program' | 'periode', string>>) => {
      const r = { nik, kk, nama: 'Budi', alamat: 'Jl. Kelapa', kelurahan: BAGAN_KELADI, desil: '3', program: 'PKH', periode: '2026-02', ...over };
      return [r.nik, r.kk, r.nama, r.alamat, r.kelurahan, r.desil, r.program, r.periode].join(',');
    };
    const csv = [
      REGISTER_HEADER, // line 1
      ...registerLines([fresh], '2026-02'), // lines 2-3, fine
      row({ nik: '1472011208900' }), // 4: short NIK
      row({ nik: dumaiNik(), kk: '12345' }), // 5
      row({ nik: dumaiNik(), kelurahan: 'Atlantis' }), // 6
      row({ nik: dumaiNik(), desil: '11' }), // 7
      row({ nik: dumaiNik(), program: 'PKH;JETPRIBADI' }), // 8
      row({ nik: dumaiNik(), periode: '2025-12' }), // 9
      row({}), // 10 fine (kelurahan by code)
      row({ kelurahan: 'bagan keladi' }), // 11: same NIK as line 10
      `${dumaiNik()},${kk},Tanpa Kolom`, // 12: too few columns
      row({ nik: dumaiNik(), nama: '' }), // 13
      row({ nik: '1472019999990001' }), // 14: impossible birth date
    ].join('\n');
    const failed = await importRegister(h, desk.token, '2026-02', csv);
    expect(failed.body).toMatchObject({ status: 'failed', rowsRead: 13, rowsRejected: 10, error: { code: 'rows_rejected' } });
    const rejects = await h().call('GET', `/api/v1/kemiskinan/register/imports/${failed.body.id}/rejects?limit=50`, { token: desk.token });
    expect(rejects.body.items.map((r: { line: number; code: string }) => `${r.line}:${r.code}`)).toEqual([
      '4:nik_format',
      '5:kk_format',
      '6:unknown_kelurahan',
      '7:decile_range',
      '8:unknown_programme',
      '9:period_mismatch',
      '11:duplicate_nik',
      '12:column_count',
      '13:name_required',
      '14:nik_birth_date',
    ]);
    expect(rejects.body.items[0]).toMatchObject({ field: 'nik', reason: { id: 'NIK bukan 16 digit', en: 'NIK is not 16 digits' } });
    const page = await h().call('GET', `/api/v1/kemiskinan/register/imports/${failed.body.id}/rejects?limit=3&offset=3`, { token: desk.token });
    expect(page.body).toMatchObject({ hasMore: true, items: [{ line: 7 }, { line: 8 }, { line: 9 }] });

    // Nothing of the failed file applies: its households are unknown, the earlier period still holds.
    const register = await h().call('GET', '/api/v1/kemiskinan/register', { token: desk.token });
    expect(register.body).toMatchObject({ period: '2026-01', persons: 2 });
    expect((await h().call('POST', '/api/v1/kemiskinan/complaints', { token: op.token, body: complaintBody(fresh) })).body.status).toBe('musyawarah');
    expect((await h().call('POST', '/api/v1/kemiskinan/complaints', { token: op.token, body: complaintBody(kept) })).body.status).toBe('submitted');
  });

  it('fails a broken or incomplete file whole, and only the desk may import', async () => {
    const desk = await dinsos(h, 'dinsos_desk');
    const section = await dinsos(h, 'dinsos_section', 'pendidikan');
    const before = (await h().call('GET', '/api/v1/kemiskinan/register', { token: desk.token })).body;

    const good = registerLines([household(), household(), household()], '2026-03');
    const broken = await importRegister(h, desk.token, '2026-03', [REGISTER_HEADER, ...good, `${dumaiNik()},${kkNumber()},"Nama tanpa tutup kutip,Jl. X,${BAGAN_KELADI},2,PKH,2026-03`, ...good].join('\n'));
    expect(broken.body).toMatchObject({ status: 'failed', error: { code: 'unreadable_file' } });
    expect(broken.body.error.message.en).toMatch(/quote/i);
    const quoted = dumaiNik();
    const leak = await importRegister(h, desk.token, '2026-03', [REGISTER_HEADER, `${quoted}"x,${kkNumber()},A,B,${BAGAN_KELADI},2,PKH,2026-03`].join('\n'));
    expect(leak.body).toMatchObject({ status: 'failed', error: { code: 'unreadable_file' } });
    expect(JSON.stringify(leak.body)).not.toContain(quoted); // the parser quoted the field: masked
    // The uploads, which hold plain NIKs, are gone once their imports finished.
    expect(fs.readdirSync(path.join(h().ctx.config.dataDir, 'register-imports')).filter((f) => f.endsWith('.csv'))).toEqual([]);
    const noColumns = await importRegister(h, desk.token, '2026-03', ['nik,kk,nama', '1,2,3'].join('\n'));
    expect(noColumns.body).toMatchObject({ status: 'failed', error: { code: 'missing_columns', line: 1 } });
    expect(noColumns.body.error.message.id).toContain('alamat, kelurahan, desil, program, periode');
    expect((await importRegister(h, desk.token, '2026-03', '')).body.error.code).toBe('empty_file');
    expect((await h().call('GET', '/api/v1/kemiskinan/register', { token: desk.token })).body).toMatchObject({ period: before.period, persons: before.persons });

    expect((await importRegister(h, section.token, '2026-03', REGISTER_HEADER)).status).toBe(403);
    expect((await importRegister(h, desk.token, '2026-13', REGISTER_HEADER)).body).toMatchObject({ code: 'period_format', field: 'period' });
    const none = await h().call('POST', '/api/v1/kemiskinan/register/imports?period=2026-03', { token: desk.token, body: {} });
    expect(none.status).toBe(400);
    expect((await h().call('GET', '/api/v1/kemiskinan/register/imports/999999', { token: desk.token })).status).toBe(404);
  });
});
