/**
 * LISTEN for a database channel (NOTIFY is sent when a transaction commits). A subscriber must
 * know when it may have missed a message: `lost` is called when the listening connection ends,
 * `ready` once it listens (again). PGlite runs in this process and never loses one.
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface ChannelHandlers {
  message(payload: string): void;
  ready(): void;
  lost(): void;
}
/** Stops listening. */
export type Unlisten = () => Promise<void>;
export type Listen = (channel: string, handlers: ChannelHandlers) => Promise<Unlisten>;

const RECONNECT_MS = 1000;
/** A listening connection that stops answering (a dead peer, a dropped NAT entry) counts as lost after at most this long. */
const HEARTBEAT_MS = 15_000;
const TIMEOUT_MS = 5_000;

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
 * A connection of its own (a pooled one is shared and released): reconnects until stopped, and
 * checks every HEARTBEAT_MS that it still answers. It must reach PostgreSQL directly or through a
 * session-mode pooler: in transaction mode PgBouncer accepts LISTEN but never delivers.
 */
export const listenPostgres =
  (url: string): Listen =>
  async (channel, handlers) => {
    let stopped = false;
    let current: pg.Client | null = null;
    let retry: NodeJS.Timeout | undefined;
    const connect = async () => {
      const client = new pg.Client({
        connectionString: url,
        keepAlive: true,
        keepAliveInitialDelayMillis: HEARTBEAT_MS,
        connectionTimeoutMillis: TIMEOUT_MS,
        query_timeout: TIMEOUT_MS,
      });
      let ended = false;
      let heartbeat: NodeJS.Timeout | undefined;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        if (current === client) current = null;
        handlers.lost();
        void client.end().catch(() => undefined);
        if (!stopped) retry = setTimeout(() => void connect(), RECONNECT_MS);
      };
      client.on('error', end);
      client.on('end', end);
      client.on('notification', (n) => n.channel === channel && handlers.message(n.payload ?? ''));
      try {
        await client.connect();
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
        if (stopped) return end();
        current = client;
        heartbeat = setInterval(() => void client.query('select 1').catch(end), HEARTBEAT_MS).unref();
        handlers.ready();
      } catch {
        end();
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
