/** The portal's pages as link previews and feed readers see them: title, description, photo, feeds. */
import type { AppContext } from '../core/context.js';
import type { PageMeta, PageMetaRoute } from '../core/http/page-meta.js';
import { KINDS, type Kind } from './lifecycle.js';
import { KIND_PATHS, listingOf, SITE } from './messages.js';
import { feedPaths } from './feeds.js';
import { imageUrl, itemPath } from './reads.js';
import * as q from './queries.js';

const feedsOf = (kind?: Kind): PageMeta['feeds'] => {
  const paths = feedPaths(kind);
  const { title } = listingOf(kind);
  return [
    { type: 'application/rss+xml', title: `${title} (RSS)`, path: paths.rss },
    { type: 'application/atom+xml', title: `${title} (Atom)`, path: paths.atom },
  ];
};

async function itemMeta(ctx: AppContext, kind: Kind, slug: string): Promise<PageMeta | null> {
  const row = await q.publishedBySlug(ctx.db, kind, slug, ctx.clock());
  if (!row) return null;
  return { title: `${row.title} — ${SITE.id}`, description: row.summary, type: 'article', path: itemPath(kind, row.slug), image: imageUrl(row.imageUploadId), feeds: feedsOf(kind) };
}

export const PORTAL_PAGES: PageMetaRoute[] = [
  { path: '/portal', meta: async () => ({ ...listingOf(), type: 'website', path: '/portal', feeds: feedsOf() }) },
  ...KINDS.flatMap((kind): PageMetaRoute[] => [
    { path: KIND_PATHS[kind], meta: async () => ({ ...listingOf(kind), type: 'website', path: KIND_PATHS[kind], feeds: feedsOf(kind) }) },
    { path: `${KIND_PATHS[kind]}/:slug`, meta: (ctx, { slug }) => itemMeta(ctx, kind, slug!) },
  ]),
];
