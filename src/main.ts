import { loadConfig } from './config.js';
import { createContext } from './bootstrap.js';
import { buildApp } from './app.js';
import { startJobs, type Job } from './core/jobs/jobs.js';
import { connectRedis } from './core/jobs/connections.js';
import { createMetrics } from './core/metrics/metrics.js';
import { smtpMailer } from './core/notifications/delivery.js';
import { ensureDemoData } from './demo/demo.js';
import { MODULES } from './modules.js';

const config = loadConfig();
const { ctx, database } = await createContext(config);
// Scale-out mode: queues and rate limits in Redis. Without REDIS_URL everything stays in-process.
const redis = config.redisUrl ? connectRedis(config.redisUrl) : undefined;
const lifecycle = { shuttingDown: false, inFlight: 0 };
/** Longest wait for handlers still running after their clients left, before the database closes. */
const DRAIN_MS = 15_000;
const metrics = createMetrics(ctx, MODULES);
const app = await buildApp(ctx, { logger: { level: config.logLevel }, ops: { metrics, redis: redis?.http, lifecycle } });
// ioredis reconnects by itself; the log says why Redis went away (unheard, ioredis would print to stderr).
for (const client of redis ? [redis.queues, redis.http] : []) {
  client.on('error', (err: Error) => app.log.warn({ err, connection: client.options.connectionName }, 'redis connection error'));
}

if (database.kind === 'pglite' && config.demoData) {
  // Demo mode: a living city on first start, and the staff accounts to explore it with.
  const accounts = await ensureDemoData(ctx);
  const lines = accounts.map((a) => `  ${a.role.padEnd(13)} ${a.email.padEnd(34)} ${a.password}   ${a.description}`);
  process.stdout.write(`\nKhidmat demo mode (embedded PGlite in ${config.dataDir}). Demo staff accounts:\n${lines.join('\n')}\n\n`);
}

const mailer = config.smtp ? smtpMailer(config.smtp.url, config.smtp.from) : undefined;
/** Every module's periodic background work (each job must tolerate running on several instances). */
const backgroundJobs: Job[] = MODULES.flatMap((m) => m.jobs?.(ctx, { mailer }) ?? []);
const jobs = await startJobs(backgroundJobs, { log: app.log, redis: redis?.queues, prefix: config.queuePrefix, observe: metrics.observeJob });
metrics.watchQueues(jobs);

await app.listen({ port: config.port, host: config.host });
app.log.info({ port: config.port, jobs: jobs.kind, storage: config.s3 ? 's3' : 'local', database: database.kind }, 'khidmat started');
process.stdout.write(`Khidmat is running: http://localhost:${config.port}/  (API docs: http://localhost:${config.port}/api/docs)\n`);

async function shutdown(signal: string): Promise<void> {
  if (lifecycle.shuttingDown) return;
  // Readiness fails from here on, so a load balancer stops routing new requests to this instance.
  lifecycle.shuttingDown = true;
  app.log.info({ signal }, 'shutting down');
  // Stop taking jobs (BullMQ workers finish their current one), let in-flight requests finish,
  // then let go of Redis and the database.
  await jobs.stop();
  await app.close();
  for (const end = Date.now() + DRAIN_MS; lifecycle.inFlight > 0 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
  await redis?.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
