/**
 * What a link preview (WhatsApp, Facebook, X) or a feed reader sees of a page: the app is rendered
 * in the browser, so the served index.html carries the page's own title, Open Graph tags and feed
 * links, from the resolver of the module whose web path matches. Every value is escaped.
 */
import escapeHtml from 'escape-html';
import type { AppContext } from '../context.js';

export interface PageMeta {
  title: string;
  description: string;
  /** og:type: an item is an 'article', a list a 'website'. */
  type: 'website' | 'article';
  /** Paths on this site; made absolute with the public address. */
  path: string;
  image?: string | null;
  feeds?: readonly { type: 'application/rss+xml' | 'application/atom+xml'; title: string; path: string }[];
}

/** A web path (`/berita/:slug`) and what its page is; null when there is no such page (the app shows its "not found"). */
export interface PageMetaRoute {
  path: string;
  meta(ctx: AppContext, params: Record<string, string>): Promise<PageMeta | null>;
}

/** The route's parameters when `path` matches `pattern` segment by segment, else null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, seg] of want.entries()) {
    const value = got[i]!;
    if (seg.startsWith(':')) {
      if (!value) return null;
      try {
        params[seg.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (seg !== value) return null;
  }
  return params;
}

/** index.html with the page's title, description, Open Graph tags and feed links. */
export function withPageMeta(html: string, meta: PageMeta, site: string): string {
  const abs = (p: string) => (/^https?:\/\//.test(p) ? p : `${site}${p}`);
  const tags = [
    ['og:title', meta.title],
    ['og:description', meta.description],
    ['og:url', abs(meta.path)],
    ['og:type', meta.type],
    ['og:site_name', 'Khidmat'],
    ['og:locale', 'id_ID'],
    ...(meta.image ? [['og:image', abs(meta.image)]] : []),
  ].map(([k, v]) => `<meta property="${k}" content="${escapeHtml(v!)}" />`);
  tags.push(`<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}" />`);
  tags.push(`<link rel="canonical" href="${escapeHtml(abs(meta.path))}" />`);
  for (const f of meta.feeds ?? []) tags.push(`<link rel="alternate" type="${f.type}" title="${escapeHtml(f.title)}" href="${escapeHtml(abs(f.path))}" />`);
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(meta.title)}</title>`)
    .replace(/<meta name="description" content="[^"]*" \/>/, `<meta name="description" content="${escapeHtml(meta.description)}" />`)
    .replace('</head>', `${tags.join('\n    ')}\n  </head>`);
}
