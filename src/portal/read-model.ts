/**
 * What other modules may read of the portal (never its tables): the disruption notices in force,
 * for the status page.
 */
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { portalItems as i } from './schema.js';

export interface ActiveDisruption {
  id: number;
  /** The public page: /gangguan/<slug>. */
  path: string;
  /** What is disrupted, in a line, and the notice's summary. */
  title: string;
  summary: string;
  /** Service keys ('aduan', 'layanan', 'ppid', 'satudata', 'skm', 'whatsapp', 'portal') or free text. */
  services: string[];
  since: Date;
  expectedEnd: Date | null;
  publishedAt: Date;
}

/** Published disruption notices in force at `now` (begun, not ended, published by then), oldest first. */
export async function activeDisruptions(db: Db, now: Date): Promise<ActiveDisruption[]> {
  const rows = await db
    .select({ id: i.id, slug: i.slug, title: i.title, summary: i.summary, services: i.services, since: i.since, expectedEnd: i.expectedEnd, publishedAt: i.publishedAt })
    .from(i)
    .where(and(eq(i.kind, 'gangguan'), eq(i.status, 'published'), lte(i.publishedAt, now), lte(i.since, now), or(isNull(i.endedAt), gt(i.endedAt, now))))
    .orderBy(asc(i.since), asc(i.id));
  return rows.map(({ slug, since, publishedAt, ...r }) => ({ ...r, path: `/gangguan/${slug}`, since: since!, publishedAt: publishedAt! }));
}
