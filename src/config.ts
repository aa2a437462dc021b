import path from 'node:path';

/** Everything the server reads from the environment, in one place, validated at start-up. */
export interface Config {
  port: number;
  host: string;
  /** Unset: embedded PGlite under dataDir (demo mode). */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Base64/hex 32-byte master key; required on PostgreSQL, generated under dataDir for PGlite. */
  secretKey: string | undefined;
  city: CityConfig;
  /** Working days after `resolved` before a silent reporter's report closes itself (SP4N-LAPOR!). */
  autoCloseWorkingDays: number;
  sla: { verifyWorkingDays: number; followUpWorkingDays: number };
  smtp: { url: string; from: string } | undefined;
  /** Secure cookies need TLS in front of the server. */
  cookieSecure: boolean;
  logLevel: string;
  workerIntervalMs: number;
  /** Per client address, on log-in, registration and password change. */
  authRateLimitPerMinute: number;
}

export interface CityConfig {
  /** Kemendagri code, e.g. 14.72 */
  code: string;
  name: string;
  /** NIK prefix of residents, e.g. 1472 */
  nikPrefix: string;
  /** Tracking numbers read DMI-2026-000123 */
  trackingPrefix: string;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    secretKey: env.KHIDMAT_SECRET_KEY || undefined,
    city: {
      code: env.CITY_CODE ?? '14.72',
      name: env.CITY_NAME ?? 'Kota Dumai',
      nikPrefix: (env.CITY_CODE ?? '14.72').replace('.', ''),
      trackingPrefix: env.TRACKING_PREFIX ?? 'DMI',
    },
    autoCloseWorkingDays: int(env, 'AUTO_CLOSE_WORKING_DAYS', 10),
    sla: {
      verifyWorkingDays: int(env, 'SLA_VERIFY_WORKING_DAYS', 3),
      followUpWorkingDays: int(env, 'SLA_FOLLOW_UP_WORKING_DAYS', 5),
    },
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? 'Khidmat <no-reply@localhost>' } : undefined,
    cookieSecure: env.COOKIE_SECURE === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    workerIntervalMs: int(env, 'WORKER_INTERVAL_MS', 2000),
    authRateLimitPerMinute: int(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 20),
  };
}
