import { expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/harness.js';
import { uploadDocument } from '../../test/fixtures.js';
import { auditLog } from '../../core/audit/schema.js';
import { renderPdf } from '../../core/export/pdf.js';
import { act, create, draft, exempt, publish } from './test-fixtures.js';

const contracts = () => renderPdf('Kontrak', (d) => d.text('Daftar kontrak pemeliharaan jalan kota 2026'));
const ids = (body: { items: { id: number }[] }) => body.items.map((i) => i.id);

describeEachDatabase('ppid: the information catalogue (DIP)', (h) => {
  it('an OPD officer drafts an item with a file; its PPID checks, its head approves, its PPID publishes; then anyone finds and downloads it', async () => {
    h().setNow('2026-05-04T02:00:00Z');
    const officer = await h().staff('opd_officer', 'PUPR');
    const head = await h().staff('opd_admin', 'PUPR');
    const ppid = await h().staff('ppid_pelaksana', 'PUPR');
    const otherPpid = await h().staff('ppid_pelaksana', 'DINSOS');
    const otherHead = await h().staff('opd_admin', 'DINSOS');
    const citizen = await h().citizen();

    const doc = await uploadDocument(h(), officer.token, await contracts(), 'Kontrak jalan 2026.pdf');
    expect(doc.status, doc.text).toBe(201);
    const created = await h().call('POST', '/api/v1/ppid/catalogue', { token: officer.token, body: draft({ documentIds: [doc.body.id] }) });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', opd: { code: 'PUPR' }, class: 'setiap_saat', classLabel: { id: 'Informasi tersedia setiap saat' }, editable: true, allowedActions: [] });
    const id = created.body.id as number;
    const fileUrl = created.body.documents[0].url as string;

    // A draft does not exist for the public, another OPD's desks or citizens.
    for (const token of [undefined, citizen.token, otherPpid.token]) {
      expect((await h().call('GET', `/api/v1/ppid/catalogue/${id}`, { token })).status).toBe(404);
      expect((await h().call('GET', fileUrl, { token })).status).toBe(404);
    }
    expect(ids((await h().call('GET', '/api/v1/ppid/catalogue?q=kontrak')).body)).not.toContain(id);
    expect((await h().call('GET', fileUrl, { token: ppid.token })).status).toBe(200);

    // Who may check: not a citizen (403), not anonymous (401), not the officer (403), not another OPD's PPID (404).
    expect((await act(h, id, 'check', citizen.token)).status).toBe(403);
    expect((await act(h, id, 'check', undefined)).status).toBe(401);
    expect((await act(h, id, 'check', officer.token)).status).toBe(403);
    expect((await act(h, id, 'check', otherPpid.token)).status).toBe(404);
    // Not yet checked: the head cannot approve.
    const early = await act(h, id, 'approve', head.token);
    expect([early.status, early.body.code, early.body.field]).toEqual([409, 'invalid_transition', 'status']);

    const checked = await act(h, id, 'check', ppid.token, { note: 'Lengkap.' }, { 'idempotency-key': 'check-kontrak-1' });
    expect(checked.status, checked.text).toBe(200);
    expect(checked.body).toMatchObject({ status: 'checked', editable: false, allowedActions: ['return'] });
    // A retried step with the same key answers the same, without a second event.
    expect((await act(h, id, 'check', ppid.token, { note: 'Lengkap.' }, { 'idempotency-key': 'check-kontrak-1' })).status).toBe(200);
    // Checked items are no longer edited.
    const edit = await h().call('PATCH', `/api/v1/ppid/catalogue/${id}`, { token: officer.token, body: { title: 'Judul lain sama sekali' } });
    expect([edit.status, edit.body.code]).toEqual([409, 'not_a_draft']);

    expect((await act(h, id, 'approve', otherHead.token)).status).toBe(404);
    const asHead = await h().call('GET', `/api/v1/ppid/catalogue/${id}`, { token: head.token });
    expect(asHead.body.allowedActions).toEqual(['approve', 'return']);
    expect((await act(h, id, 'approve', head.token)).body.status).toBe('approved');
    h().setNow('2026-05-05T03:00:00Z');
    const ppidToken = await h().login(ppid.email); // staff sessions last 12 hours of the app's clock
    const published = await act(h, id, 'publish', ppidToken);
    expect(published.body).toMatchObject({ status: 'published', statusLabel: { id: 'Diumumkan', en: 'Published' }, publishedAt: '2026-05-05T03:00:00.000Z', allowedActions: ['retire'] });
    expect(published.body.history.map((e: { action: string; actorRole: string }) => [e.action, e.actorRole])).toEqual([
      ['create', 'opd_officer'],
      ['check', 'ppid_pelaksana'],
      ['approve', 'opd_admin'],
      ['publish', 'ppid_pelaksana'],
    ]);
    expect(published.body.history[1]).toMatchObject({ fromStatus: 'draft', toStatus: 'checked', note: 'Lengkap.' });
    const audited = await h().ctx.db.select().from(auditLog).where(and(eq(auditLog.entity, 'ppid_catalogue_item'), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.id));
    expect(audited.map((a) => a.action)).toEqual(['ppid.catalogue.create', 'ppid.catalogue.check', 'ppid.catalogue.approve', 'ppid.catalogue.publish']);

    // Published: anyone finds it by an Indonesian search (stemmed: "kontraknya", "pemeliharaan") and downloads the file.
    const found = await h().call('GET', '/api/v1/ppid/catalogue?q=kontraknya%20pemeliharaan%20jalan');
    expect(found.status).toBe(200);
    expect(found.body.items[0]).toMatchObject({ id, title: draft().title, opd: { code: 'PUPR', name: expect.stringContaining('Pekerjaan Umum') }, documents: [{ name: 'Kontrak jalan 2026.pdf', mime: 'application/pdf' }] });
    expect(found.body.broadened).toBe(false);
    const publicView = await h().call('GET', `/api/v1/ppid/catalogue/${id}`);
    expect(publicView.body).toMatchObject({ status: 'published', history: [], allowedActions: [], editable: false });
    const downloaded = await h().call('GET', found.body.items[0].documents[0].url);
    expect([downloaded.status, downloaded.headers.get('content-type'), downloaded.text.slice(0, 5)]).toEqual([200, 'application/pdf', '%PDF-']);
    expect(downloaded.headers.get('content-disposition')).toContain('attachment');
    // Published items are never edited.
    expect((await h().call('PATCH', `/api/v1/ppid/catalogue/${id}`, { token: ppidToken, body: { title: 'Judul baru yang lain' } })).status).toBe(409);
  });

  it('returns to the author with a reason; the author edits the draft and its files', async () => {
    const officer = await h().staff('opd_officer', 'DLH');
    const ppid = await h().staff('ppid_pelaksana', 'DLH');
    const stranger = await h().staff('opd_officer', 'PUPR');
    const first = await uploadDocument(h(), officer.token, await contracts(), 'lama.pdf');
    const id = await create(h, officer.token, draft({ title: 'Realisasi anggaran DLH triwulan I 2026', documentIds: [first.body.id] }));
    await act(h, id, 'check', ppid.token);
    const noReason = await act(h, id, 'return', ppid.token, { note: '  ' });
    expect([noReason.status, noReason.body.code, noReason.body.field]).toEqual([422, 'note_required', 'note']);
    const returned = await act(h, id, 'return', ppid.token, { note: 'Lampirkan rincian per program.' });
    expect(returned.body).toMatchObject({ status: 'draft' });

    expect((await h().call('PATCH', `/api/v1/ppid/catalogue/${id}`, { token: stranger.token, body: { title: 'Bukan urusan saya' } })).status).toBe(404);
    const second = await uploadDocument(h(), officer.token, Buffer.from('program,realisasi\nPengelolaan sampah,1250000000\n'), 'rincian.csv', 'text/csv');
    const theirs = await uploadDocument(h(), stranger.token, await contracts());
    const notMine = await h().call('PATCH', `/api/v1/ppid/catalogue/${id}`, { token: officer.token, body: { documentIds: [theirs.body.id] } });
    expect([notMine.status, notMine.body.code, notMine.body.field]).toEqual([422, 'unknown_document', 'documentIds']);
    const edited = await h().call('PATCH', `/api/v1/ppid/catalogue/${id}`, { token: officer.token, body: { summary: 'Realisasi per program sampai 31 Maret 2026, dengan rinciannya.', documentIds: [second.body.id] } });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.documents.map((d: { name: string }) => d.name)).toEqual(['rincian.csv']);
    expect(edited.body.history.map((e: { action: string }) => e.action)).toEqual(['create', 'check', 'return', 'edit']);
    expect(edited.body.history[2].note).toBe('Lampirkan rincian per program.');
  });

  it('the PPID Utama publishes a serta-merta notice at once; nothing else skips the chain', async () => {
    const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
    const ppid = await h().staff('ppid_pelaksana', 'DLH');
    const officer = await h().staff('opd_officer', 'DLH');
    const smoke = await create(h, officer.token, draft({ class: 'serta_merta', title: 'Peringatan kabut asap: ISPU tidak sehat', summary: 'Kualitas udara tidak sehat akibat kebakaran hutan dan lahan; kurangi kegiatan di luar rumah.' }));
    const periodic = await create(h, officer.token, draft({ title: 'Jadwal pengangkutan sampah 2026' }));

    expect((await act(h, smoke, 'publish-now', ppid.token)).status).toBe(403);
    const asUtama = await h().call('GET', `/api/v1/ppid/catalogue/${periodic}`, { token: utama.token });
    expect(asUtama.body.allowedActions).toEqual(['check']);
    const refused = await act(h, periodic, 'publish-now', utama.token);
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([409, 'not_serta_merta', 'class']);
    expect(refused.body.message.en).toContain('Only immediate');

    expect((await h().call('GET', `/api/v1/ppid/catalogue/${smoke}`, { token: utama.token })).body.allowedActions).toEqual(['check', 'publish_now']);
    const now = await act(h, smoke, 'publish-now', utama.token, { note: 'ISPU 212 pagi ini.' });
    expect(now.body).toMatchObject({ status: 'published', history: [{ action: 'create' }, { action: 'publish_now', actorRole: 'ppid_utama', fromStatus: 'draft', toStatus: 'published' }] });
    expect(ids((await h().call('GET', '/api/v1/ppid/catalogue?class=serta_merta&opd=DLH')).body)).toContain(smoke);
  });

  it('lists an exempt item with its Pasal 17 letter, legal basis and consequence test, never with files', async () => {
    const officer = await h().staff('opd_officer', 'DINSOS');
    const head = await h().staff('opd_admin', 'DINSOS');
    const ppid = await h().staff('ppid_pelaksana', 'DINSOS');
    const post = (body: Record<string, unknown>) => h().call('POST', '/api/v1/ppid/catalogue', { token: officer.token, body });
    for (const [missing, code] of [['exemption', 'exemption_required'], ['legalBasis', 'legal_basis_required'], ['consequenceTest', 'consequence_test_required']] as const) {
      const res = await post(exempt({ [missing]: undefined }));
      expect([res.status, res.body.code, res.body.field], missing).toEqual([422, code, missing]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.message.id && res.body.message.en).toBeTruthy();
    }
    const doc = await uploadDocument(h(), officer.token, await contracts());
    const withFile = await post(exempt({ documentIds: [doc.body.id] }));
    expect([withFile.status, withFile.body.code, withFile.body.field]).toEqual([422, 'exempt_documents', 'documentIds']);
    // Nothing half-written: the refused draft left no item and did not take the document.
    expect((await h().call('GET', '/api/v1/ppid/catalogue/desk', { token: officer.token })).body.total).toBe(0);

    const id = await create(h, officer.token, exempt());
    await publish(h, id, ppid.token, head.token);
    const listed = (await h().call('GET', '/api/v1/ppid/catalogue?class=dikecualikan&opd=DINSOS')).body.items;
    expect(listed).toEqual([
      expect.objectContaining({
        id,
        class: 'dikecualikan',
        exemption: 'h',
        exemptionLabel: { id: 'Mengungkap rahasia pribadi', en: 'Would reveal personal secrets' },
        legalBasis: 'UU 14/2008 Pasal 17 huruf h; UU 27/2022',
        consequenceTest: expect.stringContaining('rahasia pribadi'),
        documents: [],
      }),
    ]);
    // A draft that becomes exempt sheds no rule: it must drop its files and give its reason.
    const other = await create(h, officer.token, draft({ documentIds: [doc.body.id] }));
    const toExempt = await h().call('PATCH', `/api/v1/ppid/catalogue/${other}`, { token: officer.token, body: { class: 'dikecualikan', exemption: 'h', legalBasis: 'UU 27/2022', consequenceTest: 'Data pribadi.' } });
    expect([toExempt.status, toExempt.body.field]).toEqual([422, 'documentIds']);
    const changed = await h().call('PATCH', `/api/v1/ppid/catalogue/${other}`, { token: officer.token, body: { class: 'dikecualikan', exemption: 'h', legalBasis: 'UU 27/2022', consequenceTest: 'Data pribadi.', documentIds: [] } });
    expect(changed.body).toMatchObject({ class: 'dikecualikan', exemption: 'h', documents: [] });
  });

  it('searches in Indonesian, best match first, broadening to any word; filters and refuses bad input with the field named', async () => {
    const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
    const atasan = await h().staff('atasan_ppid', 'DISKOMINFOTIKSAN');
    const a = await create(h, utama.token, draft({ opdCode: 'DINKES', title: 'Profil kesehatan Kota Dumai 2025', summary: 'Data puskesmas, imunisasi dan gizi balita tahun 2025.' }));
    const b = await create(h, utama.token, draft({ opdCode: 'DINKES', title: 'Jadwal imunisasi puskesmas', summary: 'Jadwal imunisasi dasar lengkap di setiap puskesmas; imunisasi gratis untuk balita.' }));
    for (const id of [a, b]) await publish(h, id, utama.token, atasan.token);

    const best = await h().call('GET', '/api/v1/ppid/catalogue?q=imunisasi');
    expect(ids(best.body).slice(0, 2)).toEqual([b, a]);
    // The request form sends the whole sentence: no item has every word, so items with any of them.
    const sentence = await h().call('GET', `/api/v1/ppid/catalogue?q=${encodeURIComponent('saya minta jadwal imunisasi anak di puskesmas dekat rumah')}`);
    expect(sentence.body.broadened).toBe(true);
    expect(ids(sentence.body)[0]).toBe(b);
    expect((await h().call('GET', '/api/v1/ppid/catalogue?q=imunisasi&opd=PUPR')).body).toMatchObject({ items: [], total: 0 });
    const paged = await h().call('GET', '/api/v1/ppid/catalogue?opd=DINKES&limit=1&offset=1');
    expect([paged.body.items.length, paged.body.total]).toEqual([1, 2]);

    const badOpd = await h().call('GET', '/api/v1/ppid/catalogue?opd=NOPE');
    expect([badOpd.status, badOpd.body.code, badOpd.body.field]).toEqual([422, 'unknown_opd', 'opd']);
    const badClass = await h().call('GET', '/api/v1/ppid/catalogue?class=rahasia');
    expect([badClass.status, badClass.body.code]).toEqual([400, 'validation_failed']);
    const badBody = await h().call('POST', '/api/v1/ppid/catalogue', { token: utama.token, body: draft({ opdCode: 'DINKES', title: 'x' }) });
    expect([badBody.status, badBody.body.code, badBody.body.field]).toEqual([400, 'validation_failed', 'title']);
    const noOpd = await h().call('POST', '/api/v1/ppid/catalogue', { token: utama.token, body: draft({ opdCode: 'NOPE' }) });
    expect([noOpd.status, noOpd.body.code, noOpd.body.field]).toEqual([422, 'unknown_opd', 'opdCode']);
    const badStatus = await h().call('GET', '/api/v1/ppid/catalogue/desk?status=draft,rahasia', { token: utama.token });
    expect([badStatus.status, badStatus.body.code, badStatus.body.field]).toEqual([422, 'unknown_status', 'status']);
  });

  it('gives each desk its scope, waiting items oldest first; another OPD’s author cannot write for it', async () => {
    h().setNow('2026-06-01T02:00:00Z');
    const pupr = await h().staff('opd_officer', 'PUPR');
    const ppid = await h().staff('ppid_pelaksana', 'PERKIM');
    const perkim = await h().staff('opd_officer', 'PERKIM');
    const auditor = await h().staff('auditor');
    const citizen = await h().citizen();
    const older = await create(h, perkim.token, draft({ title: 'Daftar perumahan bersubsidi 2026' }));
    h().setNow('2026-06-01T05:00:00Z');
    const newer = await create(h, perkim.token, draft({ title: 'Rencana kawasan permukiman kumuh 2026' }));
    const foreign = await h().call('POST', '/api/v1/ppid/catalogue', { token: pupr.token, body: draft({ opdCode: 'PERKIM' }) });
    expect(foreign.status).toBe(403);

    const desk = await h().call('GET', '/api/v1/ppid/catalogue/desk', { token: ppid.token });
    expect(ids(desk.body)).toEqual([older, newer]);
    expect(ids((await h().call('GET', '/api/v1/ppid/catalogue/desk', { token: pupr.token })).body)).not.toContain(older);
    expect(ids((await h().call('GET', '/api/v1/ppid/catalogue/desk?status=draft', { token: auditor.token })).body)).toEqual(expect.arrayContaining([older, newer]));
    expect((await h().call('GET', '/api/v1/ppid/catalogue/desk', { token: citizen.token })).status).toBe(403);
    expect((await h().call('GET', '/api/v1/ppid/catalogue/desk')).status).toBe(401);
    // The auditor reads drafts but takes no step.
    const audit = await h().call('GET', `/api/v1/ppid/catalogue/${older}`, { token: auditor.token });
    expect(audit.body).toMatchObject({ status: 'draft', allowedActions: [], editable: false });
  });

  it('replaces a published item by a new one: publishing it retires the old, whose page says so and whose files are gone from the public', async () => {
    const officer = await h().staff('opd_officer', 'DISDIK');
    const head = await h().staff('opd_admin', 'DISDIK');
    const ppid = await h().staff('ppid_pelaksana', 'DISDIK');
    const doc = await uploadDocument(h(), officer.token, await contracts());
    const old = await create(h, officer.token, draft({ title: 'Petunjuk teknis PPDB 2025', documentIds: [doc.body.id] }));
    await publish(h, old, ppid.token, head.token);
    const fileUrl = (await h().call('GET', `/api/v1/ppid/catalogue/${old}`)).body.documents[0].url as string;

    const draftOfOther = await h().call('POST', '/api/v1/ppid/catalogue', { token: officer.token, body: draft({ title: 'Juknis PPDB 2026', replacesId: 999_999 }) });
    expect([draftOfOther.status, draftOfOther.body.field]).toEqual([422, 'replacesId']);
    const fresh = await create(h, officer.token, draft({ title: 'Petunjuk teknis PPDB 2026', replacesId: old }));
    expect((await h().call('GET', `/api/v1/ppid/catalogue/${old}`)).body.status).toBe('published');
    await publish(h, fresh, ppid.token, head.token);

    const retired = await h().call('GET', `/api/v1/ppid/catalogue/${old}`);
    expect(retired.body).toMatchObject({ status: 'retired', replacedById: fresh, documents: [] });
    expect((await h().call('GET', fileUrl)).status).toBe(404);
    expect((await h().call('GET', `/api/v1/ppid/catalogue/${fresh}`)).body.replacesId).toBe(old);
    const listed = ids((await h().call('GET', '/api/v1/ppid/catalogue?opd=DISDIK')).body);
    expect(listed).toContain(fresh);
    expect(listed).not.toContain(old);
    const history = (await h().call('GET', `/api/v1/ppid/catalogue/${old}`, { token: ppid.token })).body.history;
    expect(history.at(-1)).toMatchObject({ action: 'retire', toStatus: 'retired', note: `Diganti oleh informasi #${fresh}.` });
    // Retiring by hand needs a reason.
    const noReason = await act(h, fresh, 'retire', ppid.token);
    expect([noReason.status, noReason.body.field]).toEqual([422, 'note']);
  });
});
