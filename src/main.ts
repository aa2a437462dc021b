import { loadConfig } from './config.js';
import { createContext } from './bootstrap.js';
import { buildApp } from './app.js';
import { startJobs } from './core/jobs.js';
import { deliverDue, smtpMailer } from './core/notifications/delivery.js';
import { slaSweep } from './aduan/sla.js';
import { sweepStaleUploads } from './core/files/sweep.js';
import { ensureDemoData } from './demo/demo.js';

const config = loadConfig();
const { ctx, database } = await createContext(config);
const app = await buildApp(ctx, { logger: { level: config.logLevel } });

if (database.kind === 'pglite') {
  // Demo mode: a living city on first start, and the staff accounts to explore it with.
  const accounts = await ensureDemoData(ctx);
  const lines = accounts.map((a) => `  ${a.role.padEnd(13)} ${a.email.padEnd(34)} ${a.password}   ${a.description}`);
  process.stdout.write(`\nKhidmat demo mode (embedded PGlite in ${config.dataDir}). Demo staff accounts:\n${lines.join('\n')}\n\n`);
}

const mailer = config.smtp ? smtpMailer(config.smtp.url, config.smtp.from) : undefined;
const jobs = startJobs(
  [
    { name: 'outbox', everyMs: config.workerIntervalMs, run: () => deliverDue(ctx, mailer) },
    { name: 'sla-sweep', everyMs: 60_000, run: () => slaSweep(ctx) },
    { name: 'upload-sweep', everyMs: 3600_000, run: () => sweepStaleUploads(ctx) },
  ],
  app.log,
);

await app.listen({ port: config.port, host: config.host });
process.stdout.write(`Khidmat is running: http://localhost:${config.port}/  (API docs: http://localhost:${config.port}/api/docs)\n`);

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  // Stop taking requests and jobs, let the in-flight ones finish, then close the database.
  await app.close();
  await jobs.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
