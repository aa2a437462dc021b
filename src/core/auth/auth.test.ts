import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase, dumaiNik } from '../../test/harness.js';
import { users } from './schema.js';

const register = (h: ReturnType<Parameters<Parameters<typeof describeEachDatabase>[1]>[0]>, body: Record<string, unknown>) =>
  h.call('POST', '/api/v1/auth/register', { body: { fullName: 'Warga Uji', password: 'kata-sandi-1', ...body } });

describeEachDatabase('accounts: registration, NIK and sessions', (h) => {
  it('registers a Dumai resident, stores the NIK encrypted, and logs in by NIK, email or phone', async () => {
    const nik = dumaiNik();
    const res = await register(h(), { nik, email: 'Warga.Uji@Mail.test', phone: '0812-7777-1234' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'citizen', nik, email: 'warga.uji@mail.test', phone: '+6281277771234' });
    expect(res.headers.get('set-cookie')).toMatch(/khidmat_session=.*HttpOnly.*SameSite=Lax/i);

    const [row] = await h().ctx.db.select().from(users).where(eq(users.id, res.body.user.id));
    expect(row!.nikEncrypted).not.toContain(nik);
    expect(row!.nikMasked).toBe(`${nik.slice(0, 4)}**********${nik.slice(-2)}`);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);

    for (const identifier of [nik, 'warga.uji@mail.test', '081277771234']) {
      const login = await h().call('POST', '/api/v1/auth/login', { body: { identifier, password: 'kata-sandi-1' } });
      expect(login.status).toBe(200);
    }
    // The cookie alone authenticates, as in the browser.
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = await h().call('GET', '/api/v1/auth/me', { headers: { cookie } });
    expect(me.body.nik).toBe(nik);
    await h().call('POST', '/api/v1/auth/logout', { headers: { cookie } });
    expect((await h().call('GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('refuses NIKs that are malformed, from elsewhere, impossible or already registered', async () => {
    const taken = dumaiNik();
    expect((await register(h(), { nik: taken, email: 'satu@mail.test' })).status).toBe(201);
    const cases: [string, number, string][] = [
      ['12345', 422, 'nik_format'],
      ['1471011208900001', 422, 'nik_not_resident'], // Pekanbaru
      ['1472011213900001', 422, 'nik_birth_date'], // 13th month
      ['1472013102910001', 422, 'nik_birth_date'], // 31 February 1991
      ['1472011208900000', 422, 'nik_serial'],
      ['1472991208900001', 422, 'nik_kecamatan'],
      ['9972011208900001', 422, 'nik_region'],
      [taken, 409, 'nik_taken'],
    ];
    for (const [nik, status, code] of cases) {
      const res = await register(h(), { nik, email: `${nik}@mail.test` });
      expect({ nik, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ nik, status, code, field: 'nik' });
      expect(res.body.message.id.length).toBeGreaterThan(5);
    }
    // A woman's NIK carries day + 40.
    expect((await register(h(), { nik: `147201520890${String(Date.now() % 9000 + 1000)}`, email: 'ibu@mail.test' })).status).toBe(201);
    expect((await register(h(), { nik: dumaiNik() })).body.code).toBe('contact_required');
    expect((await register(h(), { nik: dumaiNik(), email: 'satu@mail.test' })).body.code).toBe('email_taken');
    expect((await register(h(), { nik: dumaiNik(), phone: '12' })).body.code).toBe('phone_format');
  });

  it('locks an account after repeated wrong passwords and never says which part was wrong', async () => {
    const nik = dumaiNik();
    await register(h(), { nik, email: 'kunci@mail.test' });
    const unknown = await h().call('POST', '/api/v1/auth/login', { body: { identifier: 'nobody@mail.test', password: 'x' } });
    const wrong = await h().call('POST', '/api/v1/auth/login', { body: { identifier: 'kunci@mail.test', password: 'salah' } });
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toEqual(unknown.body.message);
    for (let i = 0; i < 4; i++) await h().call('POST', '/api/v1/auth/login', { body: { identifier: 'kunci@mail.test', password: 'salah' } });
    const locked = await h().call('POST', '/api/v1/auth/login', { body: { identifier: 'kunci@mail.test', password: 'kata-sandi-1' } });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('account_locked');
  });

  it('lets a super admin create staff and an OPD admin only officers of their own OPD', async () => {
    const admin = await h().staff('super_admin');
    const puprAdmin = await h().staff('opd_admin', 'PUPR');
    const opds = (await h().call('GET', '/api/v1/opds')).body as { id: number; code: string }[];
    const pupr = opds.find((o) => o.code === 'PUPR')!;
    const perkim = opds.find((o) => o.code === 'PERKIM')!;
    const body = (role: string, opdId: number | null, email: string) => ({ fullName: 'Petugas Baru', email, role, opdId, password: 'sandi-petugas' });

    expect((await h().call('POST', '/api/v1/admin/staff', { token: admin.token, body: body('triage_admin', null, 'tri@x.go.id') })).status).toBe(201);
    expect((await h().call('POST', '/api/v1/admin/staff', { token: admin.token, body: body('opd_officer', null, 'no-opd@x.go.id') })).body.code).toBe('opd_required');
    expect((await h().call('POST', '/api/v1/admin/staff', { token: puprAdmin.token, body: body('opd_officer', pupr.id, 'pupr1@x.go.id') })).status).toBe(201);
    expect((await h().call('POST', '/api/v1/admin/staff', { token: puprAdmin.token, body: body('opd_officer', perkim.id, 'perkim1@x.go.id') })).status).toBe(403);
    expect((await h().call('POST', '/api/v1/admin/staff', { token: puprAdmin.token, body: body('super_admin', pupr.id, 'boss@x.go.id') })).status).toBe(403);
    const citizen = await h().citizen();
    expect((await h().call('POST', '/api/v1/admin/staff', { token: citizen.token, body: body('opd_officer', pupr.id, 'c@x.go.id') })).status).toBe(403);
  });
});
