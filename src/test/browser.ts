/**
 * Browser tests: Debian's chromium driven by playwright-core against the real server (the
 * harness, on the database E2E_DATABASE names) serving the built web app. Screenshots land in
 * test-artifacts/screenshots; `axe` runs axe-core in the page and returns serious and critical
 * violations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, expect } from 'vitest';
import type { DatabaseKind } from '../core/db/client.js';
import type { Config } from '../config.js';
import { startHarness } from './harness.js';

/** The database behind the server under test: one vitest project per database (vitest.config.ts). */
export const E2E_DATABASE: DatabaseKind = process.env.E2E_DATABASE === 'postgresql' ? 'postgresql' : 'pglite';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// PGlite's run keeps the plain names (the README shows them); PostgreSQL's get a folder of their own.
export const SCREENSHOT_DIR = path.resolve('test-artifacts/screenshots', E2E_DATABASE === 'pglite' ? '' : E2E_DATABASE);

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync('dist/web/index.html')) throw new Error('The web app is not built: run `npm run build:web` (npm test does).');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** The map's tile server (the configured default), and one plain tile it answers with here. */
const TILE_SERVER = /^https:\/\/tile\.openstreetmap\.org\//;
let tile: Promise<Buffer> | undefined;
const plainTile = () => (tile ??= sharp({ create: { width: 256, height: 256, channels: 3, background: '#e8e4d8' } }).png().toBuffer());

/**
 * A phone-sized context by default (the citizen's device); staff tests pass a desktop viewport.
 * There is no outside network here: anything foreign fails fast, except map tiles, answered with a
 * plain tile as on a working connection — unless `baseMap: 'fails'` (a weak connection).
 * `pwa: true` lets the app install its service worker, for the offline tests. That worker fetches
 * map tiles itself, and this Chromium's worker requests are beyond the context's routes, so the
 * base map fails there; without `pwa` service workers are blocked and the routes answer the page.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  { baseMap = 'loads', pwa = false, ...opts }: BrowserContextOptions & { baseMap?: 'loads' | 'fails'; pwa?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    serviceWorkers: pwa ? 'allow' : 'block',
    ...opts,
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  // Routes added later are asked first.
  if (baseMap === 'loads' && !pwa) await context.route(TILE_SERVER, async (route) => route.fulfill({ contentType: 'image/png', body: await plainTile() }));
  return context;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.1 A/AA rules on the current page; only serious and critical violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not block it.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const w = globalThis as unknown as { document: unknown; axe: { run(ctx: unknown, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } };
    const result = await w.axe.run(w.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A context signed in with a session token (none: a visitor), and a page in it. */
export async function signedIn(
  browser: Browser,
  baseURL: string,
  token: string | null,
  opts: Parameters<typeof newContext>[2] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseURL, opts);
  if (token) await context.addCookies([{ name: 'khidmat_session', value: token, url: baseURL }]);
  return { context, page: await context.newPage() };
}

/** Keeps the page's screenshot and checks it with axe: no serious or critical WCAG 2.1 AA violation. */
export async function accessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await axe(page), name).toEqual([]);
}

/**
 * The server and the browser a browser-test file shares, started as the file loads and closed after
 * its tests: `const { h, browser, as } = await browserSuite();`. The server's clock is the wall
 * clock, as the browser judges cookie expiry and the pages compare dates by its own.
 */
export async function browserSuite(configOverrides: Partial<Config> = {}) {
  const h = await startHarness(E2E_DATABASE, configOverrides);
  h.setNow(new Date());
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await h.close();
    throw e;
  }
  afterAll(async () => {
    await browser.close();
    await h.close();
  });
  /** A new page (phone-sized unless told) for the holder of `token`, or for nobody. */
  const as = (token: string | null, opts: Parameters<typeof newContext>[2] = {}) => signedIn(browser, h.baseUrl, token, opts);
  return { h, browser, as };
}
