import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { auditLog } from '../core/audit/schema.js';
import { activeDisruptions } from './read-model.js';
import { disruption, draft, published, step } from './test-fixtures.js';

describeEachDatabase('portal: an editor writes, a checker checks and publishes, with history', (h) => {
  it('draft → checked → published; never published unchecked; wrong roles refused; every version and step kept', async () => {
    const editor = await h().staff('portal_editor', 'DISKOMINFOTIKSAN');
    const checker = await h().staff('portal_checker', 'DISKOMINFOTIKSAN');
    const citizen = await h().citizen();
    const opd = await h().staff('opd_admin', 'PUPR');

    const id = await draft(h, editor.token, disruption());
    // A draft is the desk's only: not in the public list, not at its address.
    expect((await h().call('GET', '/api/v1/portal/items/gangguan/pemadaman-listrik-di-kantor-kelurahan-bukit-datuk')).status).toBe(404);
    expect((await h().call('GET', '/api/v1/portal/items?kind=gangguan')).body).toMatchObject({ items: [], hasMore: false });
    for (const token of [undefined, citizen.token, opd.token]) expect((await h().call('GET', `/api/v1/portal/drafts/${id}`, { token })).status).toBe(token ? 403 : 401);

    // Nothing goes out unchecked, and only the checker checks and publishes.
    const unchecked = await step(h, checker.token, id, 'publish');
    expect([unchecked.status, unchecked.body.code, unchecked.body.field]).toEqual([409, 'invalid_transition', 'status']);
    expect((await step(h, editor.token, id, 'check')).status).toBe(403);
    expect((await step(h, citizen.token, id, 'publish')).status).toBe(403);
    expect((await h().call('POST', '/api/v1/portal/drafts', { token: checker.token, body: disruption({ title: 'Naskah sang pemeriksa' }) })).status).toBe(403);

    const checked = await step(h, checker.token, id, 'check');
    expect(checked.body).toMatchObject({ status: 'checked', allowedActions: ['return', 'publish', 'archive'] });
    // An edit after the check sends it back to a draft: a second version, to be checked again.
    const edited = await h().call('PATCH', `/api/v1/portal/drafts/${id}`, { token: editor.token, body: { expectedEnd: '2026-03-02T11:00:00Z' } });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ status: 'draft', item: { version: 2, expectedEnd: '2026-03-02T11:00:00.000Z' } });
    expect((await step(h, checker.token, id, 'publish')).status).toBe(409);
    const noReason = await step(h, checker.token, id, 'return');
    expect(noReason.status).toBe(409); // a draft is not returned; the table says so before the reasons are asked
    expect((await step(h, checker.token, id, 'check')).status).toBe(200);
    const returned = await step(h, checker.token, id, 'return');
    expect([returned.status, returned.body.code, returned.body.field]).toEqual([422, 'reasons_required', 'note']);
    const pub = await step(h, checker.token, id, 'publish');
    expect(pub.status, pub.text).toBe(200);
    expect(pub.body).toMatchObject({ status: 'published', allowedActions: ['unpublish', 'archive', 'end'] });

    // Public now, and in force for the status page.
    const page = await h().call('GET', '/api/v1/portal/items/gangguan/pemadaman-listrik-di-kantor-kelurahan-bukit-datuk');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ kind: 'gangguan', path: '/gangguan/pemadaman-listrik-di-kantor-kelurahan-bukit-datuk', version: 2, endedAt: null });
    expect(page.body.services).toEqual([
      { key: 'aduan', label: { id: 'Pengaduan', en: 'Complaints' } },
      { key: 'Pelayanan tatap muka Kelurahan Bukit Datuk', label: { id: 'Pelayanan tatap muka Kelurahan Bukit Datuk', en: 'Pelayanan tatap muka Kelurahan Bukit Datuk' } },
    ]);
    const active = await activeDisruptions(h().ctx.db, h().now());
    expect(active).toEqual([expect.objectContaining({ id, path: page.body.path, services: ['aduan', 'Pelayanan tatap muka Kelurahan Bukit Datuk'], since: new Date('2026-03-02T01:00:00Z'), expectedEnd: new Date('2026-03-02T11:00:00Z') })]);

    // Ended by the editor: still published, marked ended, no longer in force; not twice.
    const ended = await step(h, editor.token, id, 'end', { endedAt: '2026-03-02T01:30:00Z' });
    expect(ended.body).toMatchObject({ status: 'published', item: { endedAt: '2026-03-02T01:30:00.000Z' } });
    expect((await step(h, editor.token, id, 'end')).body).toMatchObject({ code: 'already_ended' });
    expect(await activeDisruptions(h().ctx.db, h().now())).toEqual([]);

    // The history: every step with its actor, and both versions.
    const item = await h().call('GET', `/api/v1/portal/drafts/${id}`, { token: checker.token });
    expect(item.body.history.map((e: { action: string }) => e.action)).toEqual(['create', 'check', 'edit', 'check', 'publish', 'end']);
    expect(item.body.history[1]).toMatchObject({ actor: { role: 'portal_checker' }, fromStatus: 'draft', toStatus: 'checked' });
    expect(item.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const audited = await h().ctx.db.select().from(auditLog).where(and(eq(auditLog.entity, 'portal_item'), eq(auditLog.entityId, String(id))));
    expect(audited.map((a) => a.action)).toEqual(['portal.item.create', 'portal.item.check', 'portal.item.edit', 'portal.item.check', 'portal.item.publish', 'portal.item.end']);

    // Taken down with reasons: a draft again, gone from the public.
    expect((await step(h, checker.token, id, 'unpublish')).body).toMatchObject({ code: 'reasons_required', field: 'note' });
    expect((await step(h, checker.token, id, 'unpublish', { note: 'Salah kelurahan.' })).body).toMatchObject({ status: 'draft' });
    expect((await h().call('GET', page.body.path.replace('/gangguan/', '/api/v1/portal/items/gangguan/'))).status).toBe(404);
    const desk = await h().call('GET', '/api/v1/portal/desk', { token: editor.token });
    expect(desk.body.items).toEqual([expect.objectContaining({ id, status: 'draft', statusLabel: { id: 'Draf', en: 'Draft' } })]);
  });

  it('refuses bad input with 4xx naming the field, writing nothing', async () => {
    const editor = await h().staff('portal_editor', 'DISKOMINFOTIKSAN');
    const cases: [Record<string, unknown>, number, string, string][] = [
      [disruption({ services: [] }), 422, 'services_required', 'services'],
      [disruption({ since: undefined }), 422, 'since_required', 'since'],
      [disruption({ expectedEnd: '2026-03-01T00:00:00Z' }), 422, 'expected_end_before_since', 'expectedEnd'],
      [{ kind: 'klarifikasi', title: 'Klaim tanpa isi', summary: 'Ringkasan klarifikasi yang cukup.', body: 'Fakta yang cukup panjang.' }, 422, 'claim_required', 'claim'],
      [{ kind: 'berita', title: 'Berita dengan layanan', summary: 'Ringkasan berita yang cukup.', body: 'Isi berita yang cukup.', services: ['aduan'] }, 422, 'field_not_for_kind', 'services'],
      [disruption({ slug: 'Bukan Slug!' }), 400, 'validation_failed', 'slug'],
      [disruption({ title: 'abc' }), 400, 'validation_failed', 'title'],
      [disruption({ imageId: '00000000-0000-4000-8000-000000000000' }), 422, 'image_unknown', 'imageId'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await h().call('POST', '/api/v1/portal/drafts', { token: editor.token, body });
      expect([res.status, res.body.code, res.body.field ?? res.body.errors?.[0]?.field], JSON.stringify(body)).toEqual([status, code, field]);
      expect(res.body.message.id).toBeTruthy();
      expect(res.body.message.en).toBeTruthy();
    }
    const first = await draft(h, editor.token, disruption({ slug: 'listrik-padam' }));
    expect((await h().call('POST', '/api/v1/portal/drafts', { token: editor.token, body: disruption({ slug: 'listrik-padam' }) })).body).toMatchObject({ status: 409, code: 'slug_taken', field: 'slug' });
    // A title's address is made free: -2.
    const again = await h().call('POST', '/api/v1/portal/drafts', { token: editor.token, body: disruption({ title: 'Listrik padam' }) });
    const third = await h().call('POST', '/api/v1/portal/drafts', { token: editor.token, body: disruption({ title: 'Listrik padam!' }) });
    expect([again.body.item.slug, third.body.item.slug]).toEqual(['listrik-padam-2', 'listrik-padam-3']);
    expect((await h().call('GET', `/api/v1/portal/drafts/${first}`, { token: editor.token })).body.versions).toHaveLength(1);
    expect((await h().call('POST', '/api/v1/portal/drafts/999999/check', { token: (await h().staff('portal_checker')).token, body: {} })).status).toBe(404);
  });
  it('publishes at a later time: off the list, page, search and feed until then, never backdated', async () => {
    const editor = await h().staff('portal_editor', 'DISKOMINFOTIKSAN');
    const checker = await h().staff('portal_checker', 'DISKOMINFOTIKSAN');
    h().setNow('2026-03-02T01:00:00Z');
    const id = await draft(h, editor.token, { kind: 'pengumuman', title: 'Jadwal pelayanan selama libur Idulfitri', summary: 'Pelayanan tatap muka di kantor OPD libur selama cuti bersama.', body: 'Pengaduan daring tetap diterima selama libur.' });
    expect((await step(h, checker.token, id, 'check')).status).toBe(200);
    const past = await step(h, checker.token, id, 'publish', { publishAt: '2026-03-01T08:00:00Z' });
    expect([past.status, past.body.code, past.body.field]).toEqual([422, 'publish_at_in_past', 'publishAt']);
    expect((await step(h, editor.token, id, 'publish', { publishAt: '2026-03-03T01:00:00Z' })).status).toBe(403);
    const scheduled = await step(h, checker.token, id, 'publish', { publishAt: '2026-03-03T01:00:00Z' });
    expect(scheduled.status, scheduled.text).toBe(200);
    expect(scheduled.body).toMatchObject({ status: 'published', publishedAt: '2026-03-03T01:00:00.000Z' });

    const path = '/api/v1/portal/items/pengumuman/jadwal-pelayanan-selama-libur-idulfitri';
    const seen = async () => ({
      page: (await h().call('GET', path)).status,
      listed: (await h().call('GET', '/api/v1/portal/items?kind=pengumuman')).body.items.length,
      found: (await h().call('GET', `/api/v1/portal/items?q=${encodeURIComponent('libur idulfitri')}`)).body.items.length,
      inFeed: (await h().call('GET', '/portal/rss.xml')).text.includes('Jadwal pelayanan selama libur Idulfitri'),
    });
    expect(await seen()).toEqual({ page: 404, listed: 0, found: 0, inFeed: false });
    h().setNow('2026-03-03T01:00:01Z');
    expect(await seen()).toEqual({ page: 200, listed: 1, found: 1, inFeed: true });
  });
});
