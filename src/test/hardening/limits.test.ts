/**
 * Rate limits (log-in, registration, password reset, filing a report) answer 429 problem+json with
 * Retry-After; the security headers are on every answer, HSTS only behind TLS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumaiNik, describeEachDatabase, startHarness, type ApiResponse, type Harness } from '../harness.js';
import { roadReport } from '../fixtures.js';
import { registerCitizen } from '../../core/auth/service.js';
import { createSession } from '../../core/auth/sessions.js';

const AUTH_LIMIT = 3;
const SUBMIT_LIMIT = 2;

function expectTooMany(res: ApiResponse): void {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(res.body).toMatchObject({
    status: 429,
    code: 'too_many_requests',
    message: { id: 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.', en: 'Too many requests. Wait a moment, then try again.' },
  });
}

async function citizenSession(h: Harness): Promise<string> {
  const user = await registerCitizen(h.ctx, { nik: dumaiNik(), fullName: 'Warga Uji', email: `w${dumaiNik()}@mail.test`, password: 'kata-sandi-1' });
  return (await createSession(h.ctx.db, user, h.now())).token;
}

/** Sends the same request until the limit is used up; the one after it must be refused. */
async function exhaust(limit: number, send: () => Promise<ApiResponse>): Promise<ApiResponse> {
  for (let i = 0; i < limit; i++) expect((await send()).status).not.toBe(429);
  return send();
}

describeEachDatabase(
  'rate limits',
  (h) => {
    it('limits log-in attempts per address', async () => {
      const res = await exhaust(AUTH_LIMIT, () => h().call('POST', '/api/v1/auth/login', { body: { identifier: 'tidak.ada@example.id', password: 'salah-sekali' } }));
      expectTooMany(res);
    });

    it('limits registrations per address', async () => {
      const res = await exhaust(AUTH_LIMIT, () =>
        h().call('POST', '/api/v1/auth/register', { body: { nik: dumaiNik(), fullName: 'Warga Uji', email: `w${dumaiNik()}@mail.test`, password: 'kata-sandi-1' } }),
      );
      expectTooMany(res);
    });

    it('limits password-reset requests per address', async () => {
      const res = await exhaust(AUTH_LIMIT, () => h().call('POST', '/api/v1/auth/password-reset', { body: { email: 'siapa@example.id' } }));
      expectTooMany(res);
    });

    it('limits filing per account, so a neighbour behind the same address can still file', async () => {
      // Registration has its own limit: the two citizens come in directly through the service.
      const a = await citizenSession(h());
      const b = await citizenSession(h());
      const res = await exhaust(SUBMIT_LIMIT, () => h().call('POST', '/api/v1/reports', { token: a, body: roadReport() }));
      expectTooMany(res);
      expect((await h().call('POST', '/api/v1/reports', { token: b, body: roadReport() })).status).toBe(201);
    });
  },
  { authRateLimitPerMinute: AUTH_LIMIT, submitRateLimitPerMinute: SUBMIT_LIMIT },
);

const page = (h: Harness, path: string) => h.call('GET', path, { headers: { accept: 'text/html' } });

describe('security headers', () => {
  let plain: Harness & { close(): Promise<void> };
  let tls: Harness & { close(): Promise<void> };
  beforeAll(async () => {
    plain = await startHarness('pglite');
    tls = await startHarness('pglite', { cookieSecure: true });
  });
  afterAll(async () => {
    await plain?.close();
    await tls?.close();
  });

  it('sends CSP, nosniff, referrer policy and no framing on pages, API answers and errors', async () => {
    const answers = [
      await page(plain, '/laporan/DMI-2026-000001'),
      await plain.call('GET', '/api/v1/health'),
      await plain.call('GET', '/api/v1/reports/DMI-2026-999999'),
      await plain.call('POST', '/api/v1/reports', { body: roadReport() }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 404, 401]);
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('adds HSTS and Secure cookies only when COOKIE_SECURE says TLS is in front', async () => {
    expect((await tls.call('GET', '/api/v1/health')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await page(tls, '/')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const login = async (h: Harness) => {
      const { email } = await h.staff('auditor');
      return (await h.call('POST', '/api/v1/auth/login', { body: { identifier: email, password: 'rahasia-123' } })).headers.get('set-cookie') ?? '';
    };
    const secure = await login(tls);
    expect(secure).toMatch(/HttpOnly/i);
    expect(secure).toMatch(/SameSite=Lax/i);
    expect(secure).toMatch(/;\s*Secure/i);
    const insecure = await login(plain);
    expect(insecure).toMatch(/HttpOnly/i);
    expect(insecure).not.toMatch(/;\s*Secure/i);
  });
});
