import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHarness } from '../test/harness.js';
import { axe, E2E_DATABASE, launchBrowser, newContext } from '../test/browser.js';

// The web app's shell: served at every page path, accessible, and the API stays problem+json.
let h: Awaited<ReturnType<typeof startHarness>>;
let browser: Browser;
beforeAll(async () => {
  h = await startHarness(E2E_DATABASE);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

it('serves the app shell at any page path with a strict content security policy', async () => {
  const res = await fetch(`${h.baseUrl}/laporan/DMI-2026-000001`, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('<div id="root">');
  expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  const api = await fetch(`${h.baseUrl}/api/v1/no-such-thing`, { headers: { accept: 'text/html' } });
  expect(api.status).toBe(404);
  expect(api.headers.get('content-type')).toContain('application/problem+json');
});

it("answers a first `curl localhost:3000` (Accept: */*) with the page, an API client's unknown path with problem+json", async () => {
  for (const accept of ['*/*', undefined]) {
    const res = await fetch(`${h.baseUrl}/`, { headers: accept ? { accept } : {} });
    expect([res.status, res.headers.get('content-type')], String(accept)).toEqual([200, 'text/html; charset=utf-8']);
    expect(await res.text()).toContain('<div id="root">');
  }
  const json = await fetch(`${h.baseUrl}/tidak-ada`, { headers: { accept: 'application/json' } });
  expect([json.status, json.headers.get('content-type')]).toEqual([404, 'application/problem+json; charset=utf-8']);
  const file = await fetch(`${h.baseUrl}/tidak-ada.png`, { headers: { accept: '*/*' } });
  expect([file.status, ((await file.json()) as { code: string }).code]).toEqual([404, 'route_not_found']);
});

it('renders the unknown-page view in Indonesian and English without accessibility violations', async () => {
  const context = await newContext(browser, h.baseUrl);
  const page = await context.newPage();
  await page.goto('/tidak-ada');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Halaman tidak ditemukan');
  expect(await axe(page)).toEqual([]);
  await page.getByLabel('Bahasa').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
  await context.close();
});
