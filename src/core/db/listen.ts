/**
 * LISTEN for a database channel (NOTIFY is sent when a transaction commits). A subscriber must
 * know when it may have missed a message: `lost` is called when the listening connection ends or
 * stops hearing, `ready` once it hears (again). PGlite runs in this process and never loses one.
 */
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { within } from '../within.js';

export interface ChannelHandlers {
  message(payload: string): void;
  ready(): void;
  /** `reason` says why, for the log (absent when listening was stopped on purpose). */
  lost(reason?: string): void;
}
/** Stops listening. */
export type Unlisten = () => Promise<void>;
export type Listen = (channel: string, handlers: ChannelHandlers) => Promise<Unlisten>;

const RECONNECT_MS = 1000;
export interface ListenTiming {
  /** How long after each proof the connection proves again that it still hears: a dead peer or a dropped NAT entry counts as lost after at most this plus twice `timeoutMs`. */
  heartbeatMs: number;
  /** For connecting, for a query, and for a probe to come back. */
  timeoutMs: number;
}
const TIMING: ListenTiming = { heartbeatMs: 15_000, timeoutMs: 5_000 };
/** Payloads of this channel's own probes; every listener on the channel receives them and passes none on. */
const PROBE = 'khidmat-listen-probe:';

export const listenPglite =
  (client: PGlite): Listen =>
  async (channel, handlers) => {
    const stop = await client.listen(channel, (payload) => handlers.message(payload));
    handlers.ready();
    return async () => {
      handlers.lost();
      await stop().catch(() => undefined);
    };
  };

/**
 * A connection of its own (a pooled one is shared and released): reconnects until stopped. It counts
 * as listening only once a NOTIFY sent through `notify` — the app's pool, the way every change is
 * announced — has come back, and proves that again at every heartbeat. A connection that answers
 * queries but hears nothing from others (PgBouncer in transaction mode accepts LISTEN and delivers
 * only to whoever holds the server connection then) is never taken for a listening one.
 */
export const listenPostgres =
  (url: string, notify: (channel: string, payload: string) => Promise<unknown>, timing: ListenTiming = TIMING): Listen =>
  async (channel, handlers) => {
    let stopped = false;
    let current: pg.Client | null = null;
    let retry: NodeJS.Timeout | undefined;
    const connect = async () => {
      const client = new pg.Client({
        connectionString: url,
        application_name: `khidmat listen ${channel}`,
        keepAlive: true,
        keepAliveInitialDelayMillis: timing.heartbeatMs,
        connectionTimeoutMillis: timing.timeoutMs,
        query_timeout: timing.timeoutMs,
      });
      let ended = false;
      let heartbeat: NodeJS.Timeout | undefined;
      let echo: { payload: string; heard(): void } | undefined;
      const end = (why: unknown) => {
        if (ended) return;
        ended = true;
        clearTimeout(heartbeat);
        if (current === client) current = null;
        const deaf = why instanceof NotHeard;
        handlers.lost(stopped ? undefined : why instanceof Error ? why.message : String(why));
        void client.end().catch(() => undefined);
        // Deaf is how the connection is set up, not a passing fault: ask again at the heartbeat's pace.
        if (!stopped) retry = setTimeout(() => void connect(), deaf ? timing.heartbeatMs : RECONNECT_MS);
      };
      /**
       * Sends a NOTIFY to this channel from another connection and waits for it to arrive on this
       * one; each half may take `timeoutMs`, so a stalled pool cannot leave the probe hanging.
       */
      const probe = async () => {
        const payload = PROBE + randomUUID();
        const heard = new Promise<void>((resolve) => (echo = { payload, heard: resolve }));
        try {
          await within(notify(channel, payload), timing.timeoutMs, () => new Error(`sending a NOTIFY on ${channel} took over ${timing.timeoutMs} ms`));
          await within(heard, timing.timeoutMs, () => new NotHeard(channel, timing.timeoutMs));
        } finally {
          echo = undefined;
        }
      };
      // One probe at a time: the next is due a heartbeat after the last one came back.
      const beat = () => {
        heartbeat = setTimeout(() => void probe().then(() => !ended && beat(), end), timing.heartbeatMs).unref();
      };
      client.on('error', end);
      client.on('end', () => end('connection ended'));
      client.on('notification', (n) => {
        if (n.channel !== channel) return;
        const payload = n.payload ?? '';
        if (!payload.startsWith(PROBE)) handlers.message(payload);
        else if (payload === echo?.payload) echo.heard();
      });
      try {
        await client.connect();
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
        await probe();
        // The connection may have ended, or listening been stopped, while the probe was out.
        if (ended) return;
        if (stopped) return end(undefined);
        current = client;
        beat();
        handlers.ready();
      } catch (error) {
        end(error);
      }
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      const client = current;
      current = null;
      handlers.lost();
      await client?.end().catch(() => undefined);
    };
  };

class NotHeard extends Error {
  constructor(channel: string, ms: number) {
    super(`a NOTIFY on ${channel} did not come back within ${ms} ms (a pooler in transaction mode, for one, never delivers it)`);
  }
}
