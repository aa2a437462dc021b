import type { FastifyBaseLogger } from 'fastify';
import { startInProcessJobs } from './in-process.js';
import { startQueuedJobs } from './queued.js';
import type { Redis } from 'ioredis';

/** A periodic piece of background work; `run` must be safe when another instance runs it too. */
export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export type RunObserver = (job: string, seconds: number, ok: boolean) => void;

export interface JobRunner {
  kind: 'in-process' | 'bullmq';
  /** Stop taking jobs and wait for the running ones. */
  stop(): Promise<void>;
  /** Jobs waiting, delayed, active and failed per queue (empty in-process: nothing queues). */
  depths(): Promise<{ queue: string; counts: Record<string, number> }[]>;
}

/** BullMQ queues when Redis is configured, else timers in this process. */
export function startJobs(
  jobs: Job[],
  opts: { log: FastifyBaseLogger; redis?: Redis | undefined; prefix?: string; observe?: RunObserver },
): Promise<JobRunner> {
  const observe = opts.observe ?? (() => undefined);
  if (opts.redis) return startQueuedJobs(jobs, { redis: opts.redis, prefix: opts.prefix ?? 'khidmat', log: opts.log, observe });
  return Promise.resolve(startInProcessJobs(jobs, opts.log, observe));
}
