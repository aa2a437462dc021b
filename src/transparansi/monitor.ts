/**
 * The status snapshot: every check run periodically by the server, the result kept in memory and on
 * disk (DATA_DIR/status/snapshot.json) with the disruption notices last read from the portal. A
 * visitor's request only reads the snapshot, so the status page answers while the database is down
 * (showing it down, the last-known notices and when they were read), and after a restart it shows
 * what was known before the first new check ends.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../core/context.js';
import type { HealthStatus, KhidmatModule } from '../core/module.js';
import type { Message } from '../core/errors.js';
import { within } from '../core/within.js';
import { activeDisruptions } from '../portal/read-model.js';
import { DATABASE } from './health.js';

const CHECK_TIMEOUT_MS = 5000;
const timedOut = new Error('status check timed out');

export interface ComponentStatus {
  key: string;
  label: Message;
  status: HealthStatus;
  detail: Message | null;
}

export interface ModuleStatus {
  name: string;
  summary: string;
  status: HealthStatus;
}

export interface Disruption {
  title: string;
  summary: string;
  path: string;
  services: string[];
  since: string;
  expectedEnd: string | null;
}

export interface StatusSnapshot {
  /** When the checks of this snapshot ended. */
  builtAt: string;
  overall: Exclude<HealthStatus, 'unknown'>;
  components: ComponentStatus[];
  modules: ModuleStatus[];
  disruptions: Disruption[];
  /** When the notices were last read; older than builtAt while the database is down. */
  disruptionsReadAt: string | null;
}

const RANK: Record<HealthStatus, number> = { up: 0, unknown: 1, degraded: 2, down: 3 };
const worst = (xs: HealthStatus[]): HealthStatus => xs.reduce<HealthStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), 'up');
// The page is public: the reason (addresses, queries) goes to the log, the page says only what failed.
const TIMED_OUT: Message = { id: `Tidak menjawab dalam ${CHECK_TIMEOUT_MS / 1000} detik`, en: `No answer within ${CHECK_TIMEOUT_MS / 1000} seconds` };
const FAILED: Message = { id: 'Tidak menjawab (galat)', en: 'Not answering (error)' };

/** Runs every module's checks once and builds the snapshot; `previous` lends its notices when they cannot be read. */
export async function buildSnapshot(ctx: AppContext, modules: readonly KhidmatModule[], previous: StatusSnapshot | null, log?: FastifyBaseLogger): Promise<StatusSnapshot> {
  const byModule = modules.map((m) => ({ m, checks: (m.health ?? []).filter((c) => c.enabled?.(ctx) ?? true) }));
  const results = await Promise.all(
    byModule.map(({ checks }) =>
      Promise.all(
        checks.map(async (c): Promise<ComponentStatus> => {
          try {
            const r = await within(c.check(ctx), CHECK_TIMEOUT_MS, () => timedOut);
            return { key: c.key, label: c.label, status: r.status, detail: r.detail ?? null };
          } catch (err) {
            log?.warn({ err, component: c.key }, 'status check failed');
            return { key: c.key, label: c.label, status: 'down', detail: err === timedOut ? TIMED_OUT : FAILED };
          }
        }),
      ),
    ),
  );
  const components = results.flat();
  const database = components.find((c) => c.key === DATABASE)?.status ?? 'up';
  // Checks that read the database say nothing of their own part while it is down.
  const usesDatabase = new Set(byModule.flatMap(({ checks }) => checks.filter((c) => c.usesDatabase).map((c) => c.key)));
  for (const c of components) {
    if (database === 'down' && usesDatabase.has(c.key)) Object.assign(c, { status: 'unknown', detail: { id: 'Tidak dapat diperiksa tanpa basis data', en: 'Cannot be checked without the database' } });
  }
  // Every module's API stands on the database, and on its own checks.
  const moduleStatus = byModule.map(({ m }, i) => ({ name: m.name, summary: m.summary, status: worst([database, ...results[i]!.map((c) => c.status)]) }));

  let disruptions = previous?.disruptions ?? [];
  let disruptionsReadAt = previous?.disruptionsReadAt ?? null;
  if (database !== 'down') {
    try {
      const now = ctx.clock();
      disruptions = (await within(activeDisruptions(ctx.db, now), CHECK_TIMEOUT_MS)).map((d) => ({
        title: d.title,
        summary: d.summary,
        path: d.path,
        services: d.services,
        since: d.since.toISOString(),
        expectedEnd: d.expectedEnd?.toISOString() ?? null,
      }));
      disruptionsReadAt = now.toISOString();
    } catch {
      // The last-known notices stay, with the time they were read.
    }
  }
  const all = worst(components.map((c) => c.status).filter((st) => st !== 'unknown'));
  return {
    builtAt: ctx.clock().toISOString(),
    overall: database === 'down' ? 'down' : all === 'up' ? 'up' : 'degraded',
    components,
    modules: moduleStatus,
    disruptions,
    disruptionsReadAt,
  };
}

export interface StatusMonitor {
  /** The last snapshot (null only before the first check ends on a first start). */
  current(): StatusSnapshot | null;
  refresh(): Promise<StatusSnapshot>;
  stop(): void;
}

export const snapshotFile = (dataDir: string) => path.join(dataDir, 'status', 'snapshot.json');

async function readSaved(file: string): Promise<StatusSnapshot | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as StatusSnapshot;
  } catch {
    return null;
  }
}

/** Written whole and renamed over the old one, so a crash leaves either snapshot, never half of one. */
async function save(file: string, s: StatusSnapshot): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Several app instances may share a process and a data folder (the scale-out tests): each its own temp file.
  const tmp = `${file}.${randomUUID()}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(s));
  await fs.rename(tmp, file);
}

/** Loads the saved snapshot, then checks now and every STATUS_CHECK_SECONDS; the timer never keeps the process alive. */
export async function startStatusMonitor(ctx: AppContext, modules: readonly KhidmatModule[], log: FastifyBaseLogger, everyMs = ctx.config.status.checkMs): Promise<StatusMonitor> {
  const file = snapshotFile(ctx.config.dataDir);
  let snapshot = await readSaved(file);
  let running: Promise<StatusSnapshot> | null = null;
  const refresh = () =>
    (running ??= buildSnapshot(ctx, modules, snapshot, log)
      .then(async (s) => {
        snapshot = s;
        await save(file, s).catch((err: unknown) => log.warn({ err }, 'status snapshot not saved'));
        return s;
      })
      .finally(() => (running = null)));
  const tick = () => void refresh().catch((err: unknown) => log.error({ err }, 'status check failed'));
  tick();
  const timer = setInterval(tick, everyMs).unref();
  return { current: () => snapshot, refresh, stop: () => clearInterval(timer) };
}
