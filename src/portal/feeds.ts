/** RSS 2.0 and Atom feeds of the published items (all kinds, or one), built with the `feed` library. */
import escapeHtml from 'escape-html';
import { Feed } from 'feed';
import type { AppContext } from '../core/context.js';
import type { Kind } from './lifecycle.js';
import { KIND_LABELS, KIND_PATHS, listingOf } from './messages.js';
import { itemPath, imageUrl } from './reads.js';
import * as q from './queries.js';

const FEED_SIZE = 50;

/** Where the feeds live, with the kind's filter. */
export const feedPaths = (kind?: Kind) => {
  const query = kind ? `?kind=${kind}` : '';
  return { rss: `/portal/rss.xml${query}`, atom: `/portal/atom.xml${query}` };
};

/** The body's paragraphs as HTML for readers; the text is escaped, so nothing in it is markup. */
const paragraphs = (body: string) =>
  body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br/>')}</p>`)
    .join('\n');

export async function buildFeed(ctx: AppContext, site: string, kind: Kind | undefined): Promise<Feed> {
  const now = ctx.clock();
  const { rows } = await q.publicList(ctx.db, { kind, limit: FEED_SIZE, offset: 0 }, now);
  const bodies = new Map((await q.bodiesOf(ctx.db, rows.map((r) => r.id))).map((b) => [b.id, b.body]));
  const links = feedPaths(kind);
  const feed = new Feed({
    ...listingOf(kind),
    id: `${site}${kind ? `/portal/${kind}` : '/portal'}`,
    link: `${site}${kind ? KIND_PATHS[kind] : '/portal'}`,
    language: 'id',
    updated: rows[0]?.publishedAt ?? now,
    generator: 'Khidmat',
    feedLinks: { rss: `${site}${links.rss}`, atom: `${site}${links.atom}` },
    copyright: 'Pemerintah Kota Dumai',
  });
  for (const r of rows) {
    const link = `${site}${itemPath(r.kind, r.slug)}`;
    const image = imageUrl(r.imageUploadId);
    feed.addItem({
      title: r.title,
      id: link,
      link,
      date: r.publishedAt!,
      description: r.summary,
      content: paragraphs(bodies.get(r.id) ?? ''),
      category: [{ name: KIND_LABELS[r.kind].id, term: r.kind }],
      ...(image ? { image: `${site}${image}` } : {}),
    });
  }
  return feed;
}
