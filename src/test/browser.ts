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
import type { DatabaseKind } from '../core/db/client.js';

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

/** A phone-sized context by default (the citizen's device); staff tests pass a desktop viewport. */
export async function newContext(browser: Browser, baseURL: string, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    ...opts,
  });
  // No outside network here: map tiles (and anything else foreign) fail fast instead of hanging.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
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
