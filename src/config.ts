import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the server reads from the environment, in one place, validated at start-up. */
export interface Config {
  port: number;
  host: string;
  /** Unset: embedded PGlite under dataDir (demo mode). */
  databaseUrl: string | undefined;
  dataDir: string;
  /** On the embedded database, fill the demo city on first start (DEMO_DATA=off: an empty city). */
  demoData: boolean;
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
  /** Notices and filing by WhatsApp (the Business Cloud API); unset: no WhatsApp. */
  whatsapp: WhatsAppConfig | undefined;
  /** Notices and filing by SMS through an HTTP gateway; unset: no SMS. */
  sms: SmsConfig | undefined;
  /** Hours (Asia/Jakarta) in which WhatsApp and SMS notices wait for the morning; replies in a conversation do not. */
  quietHours: { from: number; until: number } | undefined;
  /** The city's signing key and certificate (PKCS#12); unset: a self-signed demo certificate (src/core/signing). */
  signing: { p12Path: string | undefined; p12Password: string };
  /** Public services' webhooks: whether they may point at internal addresses (tests' local receivers), and days the delivery log is kept. */
  layanan: { webhookAllowPrivate: boolean; deliveryLogRetentionDays: number };
  /** The status page: how often each instance checks the platform, and how often the job queue beats. */
  status: { checkMs: number; heartbeatMs: number };
}

export interface WhatsAppConfig {
  /** The Graph API with its version, e.g. https://graph.facebook.com/v21.0 (a test points it at its own server). */
  apiUrl: string;
  phoneNumberId: string;
  accessToken: string;
  /** The app secret: incoming webhooks carry X-Hub-Signature-256, its HMAC of the body. */
  appSecret: string;
  /** The token Meta's webhook set-up sends back (hub.verify_token). */
  verifyToken: string;
  /** Approved template names: a status change ({{1}} number, {{2}} status, {{3}} message) and any other notice ({{1}} title, {{2}} text). */
  templates: { status: string; notice: string };
  templateLanguage: string;
  /** Messages per minute the number may send (its Cloud API tier). */
  perMinute: number;
}

export interface SmsConfig {
  /** The gateway's send URL with {to}, {text} and {ref} (our message id) in it, filled URL-encoded. */
  urlTemplate: string;
  method: 'GET' | 'POST';
  /** Basic auth, or a bearer token, as the gateway wants. */
  username: string | undefined;
  password: string | undefined;
  token: string | undefined;
  /** The shared secret the gateway sends with delivery reports and incoming SMS (header X-Webhook-Token). */
  webhookToken: string;
  perMinute: number;
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

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    demoData: env.DEMO_DATA !== 'off',
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
    whatsapp: whatsapp(env),
    sms: sms(env),
    quietHours: quietHours(env.NOTICE_QUIET_HOURS ?? '21-7'),
    signing: { p12Path: env.SIGNING_P12_PATH ? path.resolve(env.SIGNING_P12_PATH) : undefined, p12Password: env.SIGNING_P12_PASSWORD ?? '' },
    layanan: { webhookAllowPrivate: env.LAYANAN_WEBHOOK_ALLOW_PRIVATE === '1' || env.LAYANAN_WEBHOOK_ALLOW_PRIVATE === 'true', deliveryLogRetentionDays: int(env, 'LAYANAN_DELIVERY_LOG_RETENTION_DAYS', 90) },
    // An interval of 0 would check (and have every open status page poll) without pause.
    status: { checkMs: int(env, 'STATUS_CHECK_SECONDS', 20, 1) * 1000, heartbeatMs: int(env, 'STATUS_HEARTBEAT_SECONDS', 30, 1) * 1000 },
  };
}

function required(env: NodeJS.ProcessEnv, name: string, because: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required ${because}`);
  return value;
}

function whatsapp(env: NodeJS.ProcessEnv): WhatsAppConfig | undefined {
  if (!env.WHATSAPP_PHONE_NUMBER_ID) return undefined;
  const because = 'with WHATSAPP_PHONE_NUMBER_ID';
  return {
    apiUrl: (env.WHATSAPP_API_URL || 'https://graph.facebook.com/v21.0').replace(/\/$/, ''),
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
    accessToken: required(env, 'WHATSAPP_ACCESS_TOKEN', because),
    appSecret: required(env, 'WHATSAPP_APP_SECRET', because),
    verifyToken: required(env, 'WHATSAPP_VERIFY_TOKEN', because),
    templates: { status: env.WHATSAPP_TEMPLATE_STATUS || 'status_laporan', notice: env.WHATSAPP_TEMPLATE_NOTICE || 'pemberitahuan' },
    templateLanguage: env.WHATSAPP_TEMPLATE_LANGUAGE || 'id',
    perMinute: int(env, 'WHATSAPP_PER_MINUTE', 600),
  };
}

function sms(env: NodeJS.ProcessEnv): SmsConfig | undefined {
  if (!env.SMS_URL) return undefined;
  const method = (env.SMS_METHOD || 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw new Error(`SMS_METHOD must be GET or POST, got "${env.SMS_METHOD}"`);
  return {
    urlTemplate: env.SMS_URL,
    method,
    username: env.SMS_USERNAME || undefined,
    password: env.SMS_PASSWORD || undefined,
    token: env.SMS_TOKEN || undefined,
    webhookToken: required(env, 'SMS_WEBHOOK_TOKEN', 'with SMS_URL'),
    perMinute: int(env, 'SMS_PER_MINUTE', 60),
  };
}

/** "21-7": from 21:00 until 07:00 WIB; empty: none. */
function quietHours(raw: string): Config['quietHours'] {
  if (!raw) return undefined;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(raw);
  const from = Number(m?.[1]);
  const until = Number(m?.[2]);
  if (!m || from > 23 || until > 23 || from === until) throw new Error(`NOTICE_QUIET_HOURS must read like 21-7, got "${raw}"`);
  return { from, until };
}

function publicUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const url = new URL(raw); // throws at start-up on a malformed value
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL must be http(s), got "${raw}"`);
  return url.toString().replace(/\/$/, '');
}
