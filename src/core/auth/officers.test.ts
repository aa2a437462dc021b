import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/harness.js';
import { auditLog } from '../audit/schema.js';

describeEachDatabase('OPD admin manages the officers of their OPD', (h) => {
  it('adds an officer with a temporary password that logs in, lists them, and refuses other OPDs', async () => {
    const admin = await h().staff('opd_admin', 'PUPR');
    const added = await h().call('POST', '/api/v1/officers', { token: admin.token, body: { fullName: 'Rudi Hartono', email: 'Rudi.Hartono@pupr.test' } });
    expect(added.status).toBe(201);
    expect(added.body.officer).toMatchObject({ fullName: 'Rudi Hartono', email: 'rudi.hartono@pupr.test', role: 'opd_officer', active: true });
    expect(added.body.temporaryPassword).toMatch(/^[\w-]{12}$/);
    const token = await h().login('rudi.hartono@pupr.test', added.body.temporaryPassword);
    const me = await h().call('GET', '/api/v1/auth/me', { token });
    const [pupr] = (await h().call('GET', '/api/v1/opds')).body.filter((o: { code: string }) => o.code === 'PUPR');
    expect(me.body).toMatchObject({ role: 'opd_officer', opdId: pupr.id });

    const list = await h().call('GET', '/api/v1/officers', { token: admin.token });
    expect(list.status).toBe(200);
    expect(list.body.map((o: { email: string }) => o.email)).toEqual(expect.arrayContaining(['rudi.hartono@pupr.test', admin.email]));

    // Another OPD's admin sees only their own officers and cannot touch PUPR's.
    const other = await h().staff('opd_admin', 'PERKIM');
    const theirs = await h().call('GET', '/api/v1/officers?opd=PUPR', { token: other.token });
    expect(theirs.body.map((o: { email: string }) => o.email)).not.toContain('rudi.hartono@pupr.test');
    const refused = await h().call('POST', `/api/v1/officers/${added.body.officer.id}/deactivate`, { token: other.token });
    expect(refused.status).toBe(404);
    expect((await h().call('GET', '/api/v1/auth/me', { token })).status).toBe(200);

    // The same email cannot be taken twice; officers and citizens have no officer desk.
    const twice = await h().call('POST', '/api/v1/officers', { token: admin.token, body: { fullName: 'Rudi Lagi', email: 'rudi.hartono@pupr.test' } });
    expect(twice.status).toBe(409);
    expect(twice.body.field).toBe('email');
    expect((await h().call('GET', '/api/v1/officers', { token })).status).toBe(403);
    expect((await h().call('GET', '/api/v1/officers', { token: (await h().citizen()).token })).status).toBe(403);
  });

  it('makes a new officer replace the temporary password before doing anything else', async () => {
    const admin = await h().staff('opd_admin', 'PUPR');
    const added = await h().call('POST', '/api/v1/officers', { token: admin.token, body: { fullName: 'Sari Dewi', email: 'sari.dewi@pupr.test' } });
    const temporary = added.body.temporaryPassword as string;
    const token = await h().login('sari.dewi@pupr.test', temporary);

    const me = await h().call('GET', '/api/v1/auth/me', { token });
    expect(me.body).toMatchObject({ role: 'opd_officer', passwordChangeRequired: true });
    // The admin knows the temporary password, so it opens no work list and no staff view.
    const list = await h().call('GET', '/api/v1/reports', { token });
    expect(list.status).toBe(403);
    expect(list.body).toMatchObject({ code: 'password_change_required', field: 'newPassword' });
    expect(list.body.message.en).toMatch(/temporary password/);
    // Public pages still answer, as to anyone.
    expect((await h().call('GET', '/api/v1/reports/public', { token })).status).toBe(200);

    const same = await h().call('PUT', '/api/v1/auth/password', { token, body: { currentPassword: temporary, newPassword: temporary } });
    expect(same.status).toBe(422);
    expect(same.body).toMatchObject({ code: 'password_unchanged', field: 'newPassword' });
    const changed = await h().call('PUT', '/api/v1/auth/password', { token, body: { currentPassword: temporary, newPassword: 'sandi-baru-sari-1' } });
    expect(changed.status).toBe(204);
    expect((await h().call('GET', '/api/v1/auth/me', { token })).status).toBe(401);

    const fresh = await h().login('sari.dewi@pupr.test', 'sandi-baru-sari-1');
    expect((await h().call('GET', '/api/v1/auth/me', { token: fresh })).body.passwordChangeRequired).toBe(false);
    expect((await h().call('GET', '/api/v1/reports', { token: fresh })).status).toBe(200);
  });

  it('deactivates an officer: sessions end, log-in refused; reactivation lets them back in; all audited', async () => {
    const admin = await h().staff('opd_admin', 'DLH');
    const officer = await h().staff('opd_officer', 'DLH');
    const off = await h().call('POST', `/api/v1/officers/${officer.userId}/deactivate`, { token: admin.token });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await h().call('GET', '/api/v1/auth/me', { token: officer.token })).status).toBe(401);
    const login = await h().call('POST', '/api/v1/auth/login', { body: { identifier: officer.email, password: 'rahasia-123' } });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('invalid_credentials');
    const listed = (await h().call('GET', '/api/v1/officers', { token: admin.token })).body.find((o: { id: string }) => o.id === officer.userId);
    expect(listed.active).toBe(false);

    const on = await h().call('POST', `/api/v1/officers/${officer.userId}/reactivate`, { token: admin.token });
    expect(on.body.active).toBe(true);
    expect(await h().login(officer.email)).toBeTruthy();

    const lines = await h().ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, officer.userId), eq(auditLog.actorId, admin.userId)));
    expect(lines.map((l) => l.action).sort()).toEqual(['user.deactivate', 'user.reactivate']);
    // An admin cannot switch themself (or a fellow admin) off.
    expect((await h().call('POST', `/api/v1/officers/${admin.userId}/deactivate`, { token: admin.token })).status).toBe(404);
  });

  it('lets the super admin manage any OPD by code', async () => {
    const superAdmin = await h().staff('super_admin');
    const added = await h().call('POST', '/api/v1/officers?opd=DINKES', { token: superAdmin.token, body: { fullName: 'Dewi Lestari', email: 'dewi@dinkes.test' } });
    expect(added.status).toBe(201);
    const list = await h().call('GET', '/api/v1/officers?opd=DINKES', { token: superAdmin.token });
    expect(list.body.map((o: { email: string }) => o.email)).toContain('dewi@dinkes.test');
    const noOpd = await h().call('GET', '/api/v1/officers', { token: superAdmin.token });
    expect(noOpd.status).toBe(422);
    expect(noOpd.body.field).toBe('opd');
    expect((await h().call('POST', `/api/v1/officers/${added.body.officer.id}/deactivate`, { token: superAdmin.token })).body.active).toBe(false);
  });
});
