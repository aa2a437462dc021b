import { Queue, Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Job, JobRunner, RunObserver } from './jobs.js';
import type { Redis } from 'ioredis';

/** Enough history to inspect recent runs in Redis without letting it grow. */
const KEEP = { count: 500 };

/**
 * Scale-out: each job is a BullMQ job scheduler on its own queue. Every instance upserts the same
 * scheduler (idempotent) and runs a worker; BullMQ makes one job per scheduled slot, so each run
 * happens once across all instances. A job whose instance dies mid-run is picked up again when its
 * lock expires (stalled), which the jobs tolerate: they claim rows, so a rerun finds no done work.
 */
export async function startQueuedJobs(
  jobs: Job[],
  opts: { redis: Redis; prefix: string; log: FastifyBaseLogger; observe: RunObserver },
): Promise<JobRunner> {
  // The queues share this connection (BullMQ leaves it open); each worker opens its own duplicates.
  const connection = opts.redis;
  const queues = jobs.map((job) => new Queue(job.name, { connection, prefix: opts.prefix }));
  for (const q of queues) q.on('error', (err) => opts.log.error({ err, queue: q.name }, 'queue error'));
  await Promise.all(
    jobs.map((job, i) =>
      queues[i]!.upsertJobScheduler(job.name, { every: job.everyMs }, { name: job.name, opts: { removeOnComplete: KEEP, removeOnFail: KEEP } }),
    ),
  );
  const workers = jobs.map((job) => {
    const worker = new Worker(
      job.name,
      async () => {
        const started = performance.now();
        try {
          const result = await job.run();
          opts.observe(job.name, (performance.now() - started) / 1000, true);
          return result ?? null;
        } catch (err) {
          opts.observe(job.name, (performance.now() - started) / 1000, false);
          throw err;
        }
      },
      // A killed instance's job waits for its lock to run out before another instance takes it up;
      // if the instance died between taking a job and scheduling the next slot, the whole schedule
      // waits with it. Short locks (renewed every 7.5 s while a long import runs) and frequent
      // stalled checks keep that gap to seconds instead of the default minute.
      { connection, prefix: opts.prefix, concurrency: 1, lockDuration: 15_000, stalledInterval: 5_000 },
    );
    worker.on('failed', (j, err) => opts.log.error({ err, job: job.name, jobId: j?.id }, 'background job failed'));
    worker.on('error', (err) => opts.log.error({ err, job: job.name }, 'queue worker error'));
    return worker;
  });
  return {
    kind: 'bullmq',
    async stop() {
      // Workers finish their current job and take no new one; then the queues let go of Redis.
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(queues.map((q) => q.close()));
    },
    depths: () =>
      Promise.all(
        queues.map(async (q) => ({ queue: q.name, counts: await q.getJobCounts('waiting', 'delayed', 'active', 'failed') })),
      ),
  };
}
