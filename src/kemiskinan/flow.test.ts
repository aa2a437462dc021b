import { expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { photo, upload } from '../test/fixtures.js';
import { auditLog } from '../core/audit/schema.js';
import { deliverDue } from '../core/notifications/delivery.js';
import { ALL_NEED_TYPES } from './lifecycle.js';
import { BAGAN_KELADI, CHECKLIST, complaintBody, dinsos, household, importRegister, operator, REGISTER_HEADER, registerLines, step } from './test-fixtures.js';

describeEachDatabase('kemiskinan: registered and unregistered households through the API', (h) => {
  it('lists the needs the filing form offers, to anyone, and files each kind as its category says', async () => {
    const needs = await h().call('GET', '/api/v1/kemiskinan/needs');
    expect(needs.status).toBe(200);
    const catalogue = needs.body as unknown as { code: string; label: { id: string; en: string }; urgent: boolean; types: { code: string; label: { id: string; en: string } }[] }[];
    expect(catalogue.map((c) => [c.code, c.urgent])).toEqual([['pendidikan', false], ['kesehatan', false], ['sosial_ekonomi', false], ['darurat', true]]);
    expect(catalogue.flatMap((c) => c.types.map((t) => t.code))).toEqual(ALL_NEED_TYPES);
    for (const label of catalogue.flatMap((c) => [c.label, ...c.types.map((t) => t.label)])) expect(label.id && label.en).toBeTruthy();
    const citizen = await h().citizen();
    for (const c of catalogue) {
      const type = c.types.at(-1)!.code;
      const filed = await h().call('POST', '/api/v1/kemiskinan/complaints', { token: citizen.token, body: complaintBody(household(citizen.nik), { needCategory: c.code, needType: type }) });
      expect(filed.status, `${c.code}/${type}`).toBe(201);
      expect(filed.body).toMatchObject({ needCategory: c.code, needType: type, urgent: c.urgent, needLabel: c.types.at(-1)!.label });
    }
  });

  it('routes a registered household, sends a volunteer, records the visit and the assistance, refers to Disdukcapil', async () => {
    const desk = await dinsos(h, 'dinsos_desk');
    const section = await dinsos(h, 'dinsos_section', 'sosial_ekonomi');
    const volunteer = await h().staff('volunteer');
    const capil = await h().staff('opd_officer', 'DISDUKCAPIL');
    const citizen = await h().citizen({ fullName: 'Ahmad Yani' });
    const hh = household(citizen.nik);

    const imp = await importRegister(h, desk.token, '2026-01', [REGISTER_HEADER, ...registerLines([hh], '2026-01')].join('\n'));
    expect(imp.body.error).toBeNull();
    expect(imp.body).toMatchObject({ status: 'applied', rowsRead: 2, rowsAccepted: 2, rowsRejected: 0, progress: 1 });

    const pic = await upload(h(), citizen.token, await photo());
    const filed = await h().call('POST', '/api/v1/kemiskinan/complaints', {
      token: citizen.token,
      headers: { 'idempotency-key': 'kms-registered-1' },
      body: complaintBody(hh, { photoIds: [pic.body.id] }),
    });
    expect(filed.status).toBe(201);
    const tn = filed.body.trackingNumber as string;
    expect(tn).toMatch(/^DMI-KM-2026-\d{6}$/);
    expect(filed.body).toMatchObject({ status: 'submitted', registered: true, register: { period: '2026-01', decile: 2, programmes: ['PKH', 'BPNT'] }, suggestedSection: 'sosial_ekonomi' });
    expect(filed.body.household.members[0].nikMasked).toMatch(/^1472\*{10}\d{2}$/);
    expect(filed.body.household.members[0].nik).toBeNull();
    expect(filed.text).not.toContain(citizen.nik);
    expect(filed.body.sla.verifyDueAt).toBe('2026-03-05T16:59:59.999Z'); // Mon + 3 working days
    // A retry with the same key files nothing new.
    const again = await h().call('POST', '/api/v1/kemiskinan/complaints', { token: citizen.token, headers: { 'idempotency-key': 'kms-registered-1' }, body: complaintBody(hh, { photoIds: [pic.body.id] }) });
    expect(again.body.trackingNumber).toBe(tn);

    // The desk sees the whole NIK (audited); the section cannot act before routing.
    const deskView = await h().call('GET', `/api/v1/kemiskinan/complaints/${tn}`, { token: desk.token });
    expect(deskView.body.household.members[0].nik).toBe(citizen.nik);
    expect(deskView.body.actions).toEqual(expect.arrayContaining(['route', 'refuse']));
    expect((await step(h, section.token, tn, 'assign-visit', { volunteerId: volunteer.userId })).status).toBe(403); // not routed to the section yet

    const routed = await step(h, desk.token, tn, 'route', { note: 'Data lengkap, desil 2.' });
    expect(routed.body).toMatchObject({ status: 'routed', section: 'sosial_ekonomi' });
    expect(routed.body.sla.followUpDueAt).toBe('2026-03-09T16:59:59.999Z');

    const assigned = await step(h, section.token, tn, 'assign-visit', { volunteerId: volunteer.userId, instruction: 'Periksa kondisi rumah dan dapur.' });
    expect(assigned.body.status).toBe('visit_assigned');
    const visits = await h().call('GET', '/api/v1/kemiskinan/visits', { token: volunteer.token });
    expect(visits.body).toHaveLength(1);
    expect(visits.body[0]).toMatchObject({ trackingNumber: tn, headName: 'Ahmad Yani', instruction: 'Periksa kondisi rumah dan dapur.' });

    // Recorded offline at 10:00, sent at 11:00: the key makes a resend harmless.
    h().setNow('2026-03-03T04:00:00Z');
    volunteer.token = await h().login(volunteer.email);
    const housePic = await upload(h(), volunteer.token, await photo('#445566'));
    const record = { visitedAt: '2026-03-03T03:00:00Z', lat: 1.6741, lng: 101.3712, accuracyM: 12, checklist: CHECKLIST, recommendation: 'assist', notes: 'Lantai tanah, atap bocor.', photoIds: [housePic.body.id] };
    const sent = await h().call('POST', `/api/v1/kemiskinan/visits/${visits.body[0].id}/record`, { token: volunteer.token, body: record, headers: { 'idempotency-key': 'visit-offline-0001' } });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('visited');
    expect(sent.body.visits[0]).toMatchObject({ status: 'done', recommendation: 'assist', lat: 1.6741, checklist: { floor: 'tanah', meals: 2 } });
    const resent = await h().call('POST', `/api/v1/kemiskinan/visits/${visits.body[0].id}/record`, { token: volunteer.token, body: record, headers: { 'idempotency-key': 'visit-offline-0001' } });
    expect(resent.status).toBe(200);
    expect(resent.body.timeline.filter((e: { action: string }) => e.action === 'record_visit')).toHaveLength(1);

    section.token = await h().login(section.email);
    const helped = await step(h, section.token, tn, 'assist', {
      assistance: { programme: 'PANGAN', goods: '20 kg beras, 4 L minyak goreng, 30 butir telur', givenOn: '2026-03-03', givenBy: 'Dinas Sosial Kota Dumai' },
      note: 'Dari stok buffer gudang.',
    });
    expect(helped.body).toMatchObject({ status: 'assisted', assistance: [{ programme: 'PANGAN', givenBy: 'Dinas Sosial Kota Dumai' }] });
    expect(helped.body.handledAt).toBe('2026-03-03T04:00:00.000Z');
    const referred = await step(h, section.token, tn, 'refer', { opdCode: 'DISDUKCAPIL', instruction: 'Nama istri di KK salah eja; mohon perbaikan data.' });
    expect(referred.body.status).toBe('referred');

    // Disdukcapil sees the referral in its inbox and answers; PUPR sees nothing.
    capil.token = await h().login(capil.email);
    const inbox = await h().call('GET', '/api/v1/kemiskinan/referrals', { token: capil.token });
    expect(inbox.body).toHaveLength(1);
    expect(inbox.body[0]).toMatchObject({ trackingNumber: tn, instruction: 'Nama istri di KK salah eja; mohon perbaikan data.', status: 'sent' });
    expect(JSON.stringify(inbox.body)).not.toContain(citizen.nik);
    const pupr = await h().staff('opd_officer', 'PUPR');
    expect((await h().call('GET', '/api/v1/kemiskinan/referrals', { token: pupr.token })).body).toEqual([]);
    expect((await h().call('POST', `/api/v1/kemiskinan/referrals/${inbox.body[0].id}/respond`, { token: pupr.token, body: { message: 'x' } })).status).toBe(404);
    const answered = await h().call('POST', `/api/v1/kemiskinan/referrals/${inbox.body[0].id}/respond`, { token: capil.token, body: { message: 'KK sudah diperbaiki, silakan ambil di kantor Disdukcapil.' } });
    expect(answered.body).toMatchObject({ status: 'done' });

    // The citizen sees every public step, never the internal notes, officers' names or visit photos.
    const seen = await h().call('GET', `/api/v1/kemiskinan/complaints/${tn}`, { token: citizen.token });
    expect(seen.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'route', 'assign_visit', 'record_visit', 'assist', 'refer', 'referral_done']);
    expect(seen.body.timeline.at(-1).message).toBe('KK sudah diperbaiki, silakan ambil di kantor Disdukcapil.');
    expect(seen.text).not.toContain('Dari stok buffer');
    expect(seen.text).not.toContain('Data lengkap, desil 2');
    expect(seen.text).not.toContain('Petugas');
    expect(seen.body.visits).toEqual([]);
    expect(seen.body.photos).toHaveLength(1);
    expect(seen.body.household.members[0].nik).toBeNull();
    const img = await fetch(`${h().baseUrl}${seen.body.photos[0].url}`, { headers: { authorization: `Bearer ${citizen.token}` } });
    expect(img.status).toBe(200);

    await deliverDue(h().ctx, undefined);
    const notes = await h().call('GET', '/api/v1/notifications', { token: citizen.token });
    expect(notes.body.items.some((n: { title: { id: string } }) => n.title.id === `Pengaduan ${tn}: Bantuan diberikan`)).toBe(true);

    const trail = await h().ctx.db.select().from(auditLog).where(eq(auditLog.entityId, tn));
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['kemiskinan.submit', 'kemiskinan.view', 'kemiskinan.route', 'kemiskinan.record_visit', 'kemiskinan.assist', 'kemiskinan.refer', 'kemiskinan.referral_done', 'kemiskinan.photo_view']));
    expect(trail.filter((a) => a.action === 'kemiskinan.view').map((a) => a.actorRole)).toEqual(expect.arrayContaining(['citizen', 'dinsos_desk', 'dinsos_section', 'volunteer']));
  });

  it('guides an unregistered household through the musyawarah kelurahan until a newer register lists it', async () => {
    h().setNow('2026-03-04T02:00:00Z');
    const desk = await dinsos(h, 'dinsos_desk');
    const op = await operator(h, BAGAN_KELADI);
    const member = await h().citizen({ fullName: 'Rusli' });
    const proposedHh = household(member.nik, 'Rusli');
    const refusedHh = household(undefined, 'Jamal');

    const filed = await h().call('POST', '/api/v1/kemiskinan/complaints', { token: op.token, body: complaintBody(proposedHh, { needCategory: 'pendidikan', needType: 'kip_pip', description: 'Dua anak usia SD terancam putus sekolah, tidak ada biaya seragam.' }) });
    expect(filed.status).toBe(201);
    const tn = filed.body.trackingNumber as string;
    expect(filed.body).toMatchObject({ status: 'musyawarah', registered: false, channel: 'kelurahan_operator', register: null });
    expect(filed.body.timeline[0].message).toContain('musyawarah kelurahan');
    // The household's own member follows it from their account.
    expect((await h().call('GET', `/api/v1/kemiskinan/complaints/${tn}`, { token: member.token })).status).toBe(200);
    const other = await h().call('POST', '/api/v1/kemiskinan/complaints', { token: op.token, body: complaintBody(refusedHh) });
    expect(other.body.status).toBe('musyawarah');
    // Filing twice for the same need is refused while the first is open.
    expect((await h().call('POST', '/api/v1/kemiskinan/complaints', { token: op.token, body: complaintBody(refusedHh) })).body.code).toBe('open_complaint_exists');
    expect((await h().call('POST', '/api/v1/kemiskinan/complaints', { token: op.token, body: complaintBody(household(), { household: { ...complaintBody(household()).household, kelurahanCode: '14.72.02.1002' } }) })).body.code).toBe('other_kelurahan');

    const board = await h().call('GET', '/api/v1/kemiskinan/musyawarah', { token: op.token });
    expect(board.body.kelurahanCode).toBe(BAGAN_KELADI);
    expect(board.body.awaiting.map((c: { trackingNumber: string }) => c.trackingNumber)).toEqual(expect.arrayContaining([tn, other.body.trackingNumber]));

    const bad = await h().call('POST', '/api/v1/kemiskinan/musyawarah', { token: op.token, body: { heldOn: '2026-03-04', decisions: [{ trackingNumber: other.body.trackingNumber, decision: 'not_proposed' }] } });
    expect(bad.body).toMatchObject({ code: 'field_required', field: 'decisions.0.reason' });
    const meeting = await h().call('POST', '/api/v1/kemiskinan/musyawarah', {
      token: op.token,
      body: {
        heldOn: '2026-03-04',
        notes: 'Dihadiri lurah, LPM, ketua RT 001–005.',
        decisions: [
          { trackingNumber: tn, decision: 'proposed' },
          { trackingNumber: other.body.trackingNumber, decision: 'not_proposed', reason: 'Memiliki usaha bengkel dan dua kendaraan.' },
        ],
      },
    });
    expect(meeting.status).toBe(201);
    expect((await h().call('GET', `/api/v1/kemiskinan/complaints/${tn}`, { token: op.token })).body.status).toBe('proposed');
    expect((await h().call('GET', `/api/v1/kemiskinan/complaints/${other.body.trackingNumber}`, { token: op.token })).body.status).toBe('not_proposed');

    const csv = await h().call('GET', `/api/v1/kemiskinan/musyawarah/${meeting.body.id}/export?format=csv`, { token: op.token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(`usulan-dtsen-${BAGAN_KELADI}-2026-03-04.csv`);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('nik_kepala_keluarga');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes(tn))).toContain(proposedHh.kk);
    expect(lines.find((l) => l.includes(tn))).toContain(member.nik);
    expect(lines[1]).toContain('Petugas kelurahan_operator'); // names who exported it
    const pdf = await fetch(`${h().baseUrl}/api/v1/kemiskinan/musyawarah/${meeting.body.id}/export?format=pdf`, { headers: { authorization: `Bearer ${op.token}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const exports = await h().ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'kemiskinan.musyawarah_export'), eq(auditLog.entityId, String(meeting.body.id))));
    expect(exports.map((e) => e.detail?.format)).toEqual(['csv', 'pdf']);

    // The next period's register lists the proposed household: it moves to the desk by itself.
    const first = await importRegister(h, desk.token, '2026-02', [REGISTER_HEADER, ...registerLines([household()], '2026-02')].join('\n'));
    expect(first.body.status).toBe('applied');
    const next = await importRegister(h, desk.token, '2026-03', [REGISTER_HEADER, ...registerLines([proposedHh, household()], '2026-03')].join('\r\n'));
    expect(next.body).toMatchObject({ status: 'applied', rowsAccepted: 4, rematched: 1 });
    const now = await h().call('GET', `/api/v1/kemiskinan/complaints/${tn}`, { token: member.token });
    expect(now.body).toMatchObject({ status: 'submitted', registered: true, register: { period: '2026-03' } });
    expect(now.body.timeline.at(-1)).toMatchObject({ action: 'register_match', message: expect.stringContaining('2026-03') });
    const overview = await h().call('GET', '/api/v1/kemiskinan/register', { token: desk.token });
    expect(overview.body).toMatchObject({ period: '2026-03', persons: 4 });
    expect(overview.body.imports.find((i: { period: string }) => i.period === '2026-02').status).toBe('replaced');
    // An older period never replaces a newer one.
    expect((await importRegister(h, desk.token, '2026-01', REGISTER_HEADER)).body.code).toBe('older_period');
    const audits = await h().ctx.db.select().from(auditLog).where(like(auditLog.action, 'kemiskinan.register_%'));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['kemiskinan.register_upload', 'kemiskinan.register_applied']));
  });
});
