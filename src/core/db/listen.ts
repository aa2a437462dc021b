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

/** A connection of its own (a pooled one is shared and released): reconnects until stopped. */
export const listenPostgres =
  (url: string): Listen =>
  async (channel, handlers) => {
    let stopped = false;
    let current: pg.Client | null = null;
    let retry: NodeJS.Timeout | undefined;
    const connect = async () => {
      const client = new pg.Client({ connectionString: url, keepAlive: true });
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
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
