import type { FastifyBaseLogger } from 'fastify';
import type { Job, JobRunner, RunObserver } from './jobs.js';

/**
 * The embedded default for background work: each job runs on an interval in this process, never
 * overlapping itself. Jobs are written to be safe with several runners (row claims, SKIP LOCKED),
 * so scale-out only changes who triggers them.
 */
export function startInProcessJobs(jobs: Job[], log: FastifyBaseLogger, observe: RunObserver): JobRunner {
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let busy = false;
    return setInterval(() => {
      if (busy || stopped) return;
      busy = true;
      const started = performance.now();
      const p = job
        .run()
        .then(
          () => observe(job.name, (performance.now() - started) / 1000, true),
          (err: unknown) => {
            observe(job.name, (performance.now() - started) / 1000, false);
            log.error({ err, job: job.name }, 'background job failed');
          },
        )
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    }, job.everyMs);
  });
  return {
    kind: 'in-process',
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.all(running);
    },
    depths: async () => [],
  };
}
