import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { rowsOf } from '../core/db/json-rows.js';
import { act, fileSubmitted, publishDomisiliByData } from './test-fixtures.js';

describeEachDatabase('layanan: a signed document whose issuing is rolled back', (h) => {
  it('leaves no stored file behind; issued again, the document is stored and registered once', async () => {
    const admin = await h().staff('opd_admin', 'DISDUKCAPIL');
    const officer = await h().staff('opd_officer', 'DISDUKCAPIL');
    await publishDomisiliByData(h, admin.token);
    const number = await fileSubmitted(h);
    expect((await act(h, officer.token, number, 'pass')).status).toBe(200);
    expect((await act(h, admin.token, number, 'approve')).status).toBe(200);

    // The signed PDFs the harness's local storage holds.
    const dir = path.join(h().ctx.config.dataDir, 'files', 'signed-documents');
    const stored = () => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);
    const registered = async () => rowsOf<{ n: number }>(await h().ctx.db.execute(sql`select count(*)::int as n from signed_documents where subject_id = ${number}`))[0]!.n;
    const before = stored();

    // The database refuses the step's last writes, after the PDF was signed and stored: the step's transaction rolls back.
    await h().ctx.db.execute(sql`create function layanan_test_refuse_issue() returns trigger language plpgsql as $$ begin raise exception 'the issuing step is refused for this test'; end $$`);
    await h().ctx.db.execute(sql`create trigger layanan_test_refuse_issue before insert on layanan_events for each row when (new.action = 'issue') execute function layanan_test_refuse_issue()`);
    const refused = await act(h, officer.token, number, 'issue');
    expect(refused.status).toBe(500);
    expect([await registered(), stored()]).toEqual([0, before]);
    expect((await h().call('GET', `/api/v1/layanan/applications/${number}`, { token: officer.token })).body).toMatchObject({ status: 'approved', documentUrl: null });

    await h().ctx.db.execute(sql`drop trigger layanan_test_refuse_issue on layanan_events`);
    await h().ctx.db.execute(sql`drop function layanan_test_refuse_issue()`);
    const issued = await act(h, officer.token, number, 'issue');
    expect(issued.body).toMatchObject({ status: 'issued', documentUrl: expect.any(String) });
    expect([await registered(), stored()]).toEqual([1, before + 1]);
  });
});
