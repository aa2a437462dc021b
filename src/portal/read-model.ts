/**
 * What other modules may read of the portal (never its tables): the disruption notices in force,
 * for the status page.
 */
import type { Db } from '../core/db/client.js';
import { disruptionsInForce } from './queries.js';

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
  const rows = await disruptionsInForce(db, now);
  return rows.map(({ slug, since, publishedAt, ...r }) => ({ ...r, path: `/gangguan/${slug}`, since: since!, publishedAt: publishedAt! }));
}
