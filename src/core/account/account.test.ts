import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase, startHarness, type Harness } from '../../test/harness.js';
import { fileReport, photo, upload } from '../../test/fixtures.js';
import { deliverDue } from '../notifications/delivery.js';
import { outbox } from '../notifications/schema.js';
import { auditLog } from '../audit/schema.js';
import { users } from '../auth/schema.js';
import { reports, reportEvents } from '../../aduan/schema.js';

/** The reset code as the email carries it (the test reads the outbox instead of a mailbox). */
async function mailedToken(h: Harness, userId: string): Promise<string | undefined> {
  const rows = await h.ctx.db.select().from(outbox).where(and(eq(outbox.userId, userId), eq(outbox.channel, 'email')));
  const last = rows.filter((r) => r.link?.startsWith('/sandi-baru?token=')).at(-1);
  return last?.link?.split('token=')[1];
}

describeEachDatabase('account: password reset', (h) => {
  it('mails a single-use code, sets the new password, ends old sessions and never reveals who has an account', async () => {
    const email = `lupa${Date.now()}@mail.test`;
    const citizen = await h().citizen({ email });
    const before = await h().ctx.db.select().from(outbox);

    const unknown = await h().call('POST', '/api/v1/auth/password-reset', { body: { email: 'tidak.ada@mail.test' } });
    const known = await h().call('POST', '/api/v1/auth/password-reset', { body: { email: email.toUpperCase() } });
    // Same answer either way: the form cannot be used to find registered addresses.
    expect([unknown.status, unknown.body, known.status, known.body]).toEqual([202, { sent: true }, 202, { sent: true }]);
    expect((await h().ctx.db.select().from(outbox)).length - before.length).toBe(2); // in-app + email for the known one only
    const token = await mailedToken(h(), citizen.userId);
    expect(token).toMatch(/^[\w-]{40,}$/);

    const wrong = await h().call('POST', '/api/v1/auth/password-reset/complete', { body: { token: 'x'.repeat(43), newPassword: 'sandi-baru-99' } });
    expect([wrong.status, wrong.body.code, wrong.body.field]).toEqual([422, 'reset_token_invalid', 'token']);

    const done = await h().call('POST', '/api/v1/auth/password-reset/complete', { body: { token, newPassword: 'sandi-baru-99' } });
    expect(done.status).toBe(204);
    expect((await h().call('GET', '/api/v1/auth/me', { token: citizen.token })).status).toBe(401);
    expect((await h().call('POST', '/api/v1/auth/login', { body: { identifier: email, password: 'kata-sandi-1' } })).status).toBe(401);
    expect((await h().call('POST', '/api/v1/auth/login', { body: { identifier: email, password: 'sandi-baru-99' } })).status).toBe(200);

    const again = await h().call('POST', '/api/v1/auth/password-reset/complete', { body: { token, newPassword: 'sandi-lain-77' } });
    expect(again.body.code).toBe('reset_token_invalid');
    const logged = await h().ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, citizen.userId), eq(auditLog.action, 'password_reset.complete')));
    expect(logged).toHaveLength(1);
  });

  it('refuses an expired code and stops mailing after three requests an hour', async () => {
    const email = `kedaluwarsa${Date.now()}@mail.test`;
    const citizen = await h().citizen({ email });
    await h().call('POST', '/api/v1/auth/password-reset', { body: { email } });
    const token = await mailedToken(h(), citizen.userId);
    const start = h().now();
    h().setNow(new Date(start.getTime() + 61 * 60_000));
    try {
      const late = await h().call('POST', '/api/v1/auth/password-reset/complete', { body: { token, newPassword: 'sandi-baru-99' } });
      expect(late.body.code).toBe('reset_token_invalid');
      for (let i = 0; i < 5; i++) expect((await h().call('POST', '/api/v1/auth/password-reset', { body: { email } })).status).toBe(202);
      const mails = await h().ctx.db.select().from(outbox).where(and(eq(outbox.userId, citizen.userId), eq(outbox.channel, 'email')));
      expect(mails).toHaveLength(1 + 3);
    } finally {
      h().setNow(start);
    }
  });
});

describeEachDatabase('account: my data (UU 27/2022)', (h) => {
  it('exports everything held about the citizen as a JSON download, and audits it', async () => {
    const citizen = await h().citizen({ fullName: 'Rahmat Hidayat' });
    const up = await upload(h(), citizen.token, await photo());
    const tn = await fileReport(h(), citizen.token, { photoIds: [up.body.id] });
    await deliverDue(h().ctx, undefined);

    const res = await h().call('GET', '/api/v1/account/data', { token: citizen.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="khidmat-data-saya-2026-03-02\.json"/);
    expect(res.body.account).toMatchObject({ id: citizen.userId, fullName: 'Rahmat Hidayat', nik: citizen.nik });
    expect(res.body.reports.map((r: { trackingNumber: string }) => r.trackingNumber)).toEqual([tn]);
    expect(res.body.reports[0].timeline[0].action).toBe('submit');
    expect(res.body.uploads.map((u: { id: string }) => u.id)).toEqual([up.body.id]);
    expect(res.body.sessions.length).toBeGreaterThan(0);
    expect(res.body.activity.map((a: { action: string }) => a.action)).toContain('register');
    expect(res.body.notifications.length).toBeGreaterThan(0);

    expect((await h().call('GET', '/api/v1/account/data')).status).toBe(401);
    const audited = await h().ctx.db.select().from(auditLog).where(and(eq(auditLog.actorId, citizen.userId), eq(auditLog.action, 'account.export')));
    expect(audited).toHaveLength(1);
  });

  it('deletes the account: reports stay unlinked, NIK and contacts erased, sessions ended, audited', async () => {
    const citizen = await h().citizen({ phone: '081299887766' });
    const tn = await fileReport(h(), citizen.token);
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');

    const wrong = await h().call('DELETE', '/api/v1/account', { token: citizen.token, body: { password: 'salah-sandi' } });
    expect([wrong.status, wrong.body.code, wrong.body.field]).toEqual([422, 'wrong_password', 'password']);
    const staff = await h().call('DELETE', '/api/v1/account', { token: triage.token, body: { password: 'rahasia-123' } });
    expect([staff.status, staff.body.code]).toEqual([403, 'staff_account']);

    const del = await h().call('DELETE', '/api/v1/account', { token: citizen.token, body: { password: 'kata-sandi-1' } });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ deleted: true, reportsKeptAnonymously: 1 });

    const [row] = await h().ctx.db.select().from(users).where(eq(users.id, citizen.userId));
    expect(row).toMatchObject({ fullName: 'Akun dihapus', email: null, phone: null, nikEncrypted: null, nikHash: null, nikMasked: null, passwordHash: null });
    expect(row!.deletedAt).not.toBeNull();
    const [report] = await h().ctx.db.select().from(reports).where(eq(reports.trackingNumber, tn));
    expect(report!.reporterId).toBeNull();
    expect(await h().ctx.db.select().from(reportEvents).where(eq(reportEvents.actorId, citizen.userId))).toHaveLength(0);

    expect((await h().call('GET', '/api/v1/auth/me', { token: citizen.token })).status).toBe(401);
    expect((await h().call('POST', '/api/v1/auth/login', { body: { identifier: citizen.nik, password: 'kata-sandi-1' } })).status).toBe(401);
    // The triage desk still has the report, with nobody behind it.
    const seen = await h().call('GET', `/api/v1/reports/${tn}`, { token: triage.token });
    expect([seen.status, seen.body.reporter]).toEqual([200, null]);
    // The NIK is free again: the person may come back with a new account.
    expect((await h().citizen({ nik: citizen.nik })).userId).not.toBe(citizen.userId);
    const audited = await h().ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, citizen.userId), eq(auditLog.action, 'account.delete')));
    expect(audited.map((a) => a.detail)).toEqual([{ reportsUnlinked: 1 }]);
  });
});

describeEachDatabase('site configuration', (h) => {
  it('tells the web app the city, its map centre and the tile server', async () => {
    const res = await h().call('GET', '/api/v1/site');
    expect(res.status).toBe(200);
    expect(res.body.city).toMatchObject({ code: '14.72', name: expect.stringContaining('Dumai') });
    expect(res.body.city.lat).toBeCloseTo(1.6, 0);
    expect(res.body.map.tileUrl).toContain('{z}');
  });
});

// Rate limiting is per client address; one small harness keeps the other tests free of it.
let limited: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  limited = await startHarness('pglite', { authRateLimitPerMinute: 3 });
});
afterAll(async () => limited?.close());

it('rate-limits reset requests per client address like log-in', async () => {
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await limited.call('POST', '/api/v1/auth/password-reset', { body: { email: `a${i}@mail.test` } })).status);
  expect(statuses).toEqual([202, 202, 202, 429]);
});
