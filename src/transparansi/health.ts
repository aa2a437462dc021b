/**
 * The platform's parts the status page checks: the database, the job queue, the file storage and the
 * phone providers that are configured. Registered through the module's `health` like any module's
 * own checks; the monitor (monitor.ts) runs them.
 */
import type { HealthCheck, HealthStatus } from '../core/module.js';
import type { Message } from '../core/errors.js';
import { phoneDelivery } from '../core/notifications/read-model.js';
import type { PhoneChannel } from '../core/notifications/schema.js';
import * as q from './queries.js';

export const DATABASE = 'database';
export const HEARTBEAT = 'job-queue';
/** A database slower than this to answer `select 1` is degraded. */
const SLOW_DATABASE_MS = 1000;
const PROVIDER_WINDOW_MS = 3600_000;

const say = (id: string, en: string): Message => ({ id, en });

const database: HealthCheck = {
  key: DATABASE,
  label: say('Basis data', 'Database'),
  async check(ctx) {
    const started = performance.now();
    await q.ping(ctx.db);
    const ms = Math.round(performance.now() - started);
    return ms > SLOW_DATABASE_MS ? { status: 'degraded', detail: say(`Lambat: ${ms} ms`, `Slow: ${ms} ms`) } : { status: 'up' };
  },
};

const jobQueue: HealthCheck = {
  key: HEARTBEAT,
  label: say('Antrean pekerjaan latar (notifikasi, tenggat)', 'Background job queue (notices, deadlines)'),
  usesDatabase: true,
  async check(ctx) {
    const at = await q.lastBeat(ctx.db, HEARTBEAT);
    if (!at) return { status: 'unknown', detail: say('Belum ada denyut sejak dipasang', 'No heartbeat yet since installation') };
    const late = ctx.clock().getTime() - at.getTime();
    const seconds = Math.round(late / 1000);
    // A beat older than three intervals is a stalled queue.
    const every = ctx.config.status.heartbeatMs;
    if (late <= 3 * every) return { status: 'up' };
    const detail = say(`Denyut terakhir ${seconds} detik lalu`, `Last heartbeat ${seconds} s ago`);
    return { status: late <= 10 * every ? 'degraded' : 'down', detail };
  },
};

const storage: HealthCheck = {
  key: 'file-storage',
  label: say('Penyimpanan berkas (foto, dokumen)', 'File storage (photos, documents)'),
  async check(ctx) {
    // A write, a read and a delete: a full disk or a refused bucket shows, not only a missing one.
    const key = `status/probe-${process.pid}`;
    const data = Buffer.from(ctx.clock().toISOString());
    await ctx.storage.put(key, data, 'text/plain');
    const back = await ctx.storage.get(key);
    await ctx.storage.delete(key);
    return back.equals(data) ? { status: 'up' } : { status: 'degraded', detail: say('Berkas terbaca berbeda', 'A file read back differs') };
  },
};

/** A provider is judged by the last hour's deliveries: refusals alone are down, some are degraded. */
function provider(channel: PhoneChannel, label: Message): HealthCheck {
  return {
    key: channel,
    label,
    enabled: (ctx) => Boolean(ctx.config[channel]),
    usesDatabase: true,
    async check(ctx) {
      const { delivered, failing } = await phoneDelivery(ctx.db, channel, new Date(ctx.clock().getTime() - PROVIDER_WINDOW_MS));
      const status: HealthStatus = failing === 0 ? 'up' : delivered === 0 ? 'down' : 'degraded';
      return failing === 0 ? { status } : { status, detail: say(`${failing} pesan gagal terkirim dalam 1 jam terakhir`, `${failing} messages failed in the last hour`) };
    },
  };
}

export const PLATFORM_CHECKS: readonly HealthCheck[] = [
  database,
  jobQueue,
  storage,
  provider('whatsapp', say('WhatsApp', 'WhatsApp')),
  provider('sms', say('SMS', 'SMS')),
];
