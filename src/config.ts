import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  /** How often the SLA sweep runs (auto-close, overdue notices). */
  slaSweepIntervalMs: number;
  /** Per client address, on log-in, registration and password change. */
  authRateLimitPerMinute: number;
  /** Reports one account may file per minute (POST /reports). */
  submitRateLimitPerMinute: number;
  /** Map tiles for the web app (Leaflet URL template); the form works without them. */
  map: { tileUrl: string; attribution: string };
  /** The built web app (Vite output); absent in API-only deployments. */
  webDir: string;
  /** Where the public reaches the platform (e.g. https://khidmat.dumaikota.go.id); makes email links absolute. */
  publicUrl: string | undefined;
  /** Scale-out: background jobs on BullMQ queues and rate limits shared through Redis. */
  redisUrl: string | undefined;
  /** Key prefix of the queues in Redis, so several deployments (or tests) can share one server. */
  queuePrefix: string;
  /** Uploaded files in an S3-compatible bucket instead of under dataDir. */
  s3: S3Config | undefined;
  /** Bearer token for /metrics; without it /metrics answers only the loopback address. */
  metricsToken: string | undefined;
  /** Client addresses exempt from rate limits (a load test or a trusted gateway). */
  rateLimitAllowList: string[];
}

export interface S3Config {
  bucket: string;
  region: string;
  /** Unset for AWS itself; MinIO, Garage, Ceph and the like need it (with path-style addressing). */
  endpoint: string | undefined;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
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
    slaSweepIntervalMs: int(env, 'SLA_SWEEP_INTERVAL_MS', 60_000),
    authRateLimitPerMinute: int(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 20),
    submitRateLimitPerMinute: int(env, 'SUBMIT_RATE_LIMIT_PER_MINUTE', 10),
    map: {
      tileUrl: env.MAP_TILE_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: env.MAP_TILE_ATTRIBUTION ?? '© OpenStreetMap contributors',
    },
    publicUrl: publicUrl(env.PUBLIC_URL),
    webDir: path.resolve(env.WEB_DIR ?? fileURLToPath(new URL('../dist/web', import.meta.url))),
    redisUrl: env.REDIS_URL || undefined,
    queuePrefix: env.QUEUE_PREFIX || 'khidmat',
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          region: env.S3_REGION || 'us-east-1',
          endpoint: env.S3_ENDPOINT || undefined,
          accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
          forcePathStyle: (env.S3_FORCE_PATH_STYLE ?? (env.S3_ENDPOINT ? 'true' : 'false')) === 'true',
        }
      : undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    rateLimitAllowList: (env.RATE_LIMIT_ALLOW_LIST ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}

function publicUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const url = new URL(raw); // throws at start-up on a malformed value
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL must be http(s), got "${raw}"`);
  return url.toString().replace(/\/$/, '');
}
