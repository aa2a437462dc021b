import { Redis } from 'ioredis';

/**
 * Scale-out's Redis clients for REDIS_URL (redis://, or rediss:// for TLS; user:password@ and /db
 * honoured). Two connections, because they must behave differently while Redis is away:
 * - `queues`: BullMQ waits an outage out and carries on (its workers require maxRetriesPerRequest: null;
 *   they open their own duplicates of this connection);
 * - `http`: the rate-limit store and readiness give up within about a second, so limits fail open and
 *   readiness answers 'down' instead of requests hanging on Redis.
 */
export interface RedisConnections {
  queues: Redis;
  http: Redis;
  /** Replies still due are awaited (QUIT); a connection that is down is just let go. */
  close(): Promise<void>;
}

const HTTP_OPTIONS = { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 1000 };

export function connectRedis(url: string): RedisConnections {
  const queues = new Redis(url, { connectionName: 'khidmat', maxRetriesPerRequest: null });
  const http = new Redis(url, { connectionName: 'khidmat:http', ...HTTP_OPTIONS });
  return {
    queues,
    http,
    close: async () => void (await Promise.all([quit(queues), quit(http)])),
  };
}

// QUIT on a connection that is not up would wait in the offline queue for a reconnect that may never come.
const quit = (redis: Redis): Promise<unknown> =>
  redis.status === 'ready' ? redis.quit().catch(() => redis.disconnect()) : Promise.resolve(redis.disconnect());
