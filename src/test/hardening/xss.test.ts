/**
 * Stored XSS: script payloads go into every text field a person types (report title, description,
 * address, the reporter's name, replies, internal notes, instructions, comments) through the API, and
 * the pages that show them must render them as text: no dialog, no injected element or handler, and
 * the payload readable on screen. CSP would block inline script anyway; the DOM checks make sure the
 * markup itself was never injected.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext } from '../browser.js';
import { fileReport, step } from '../fixtures.js';
import { startHarness, type Harness } from '../harness.js';

/** A payload per field, each with its own marker so the test can find it on the page. */
const payload = (marker: string) =>
  `${marker} <img src=x onerror="alert('${marker}')"><script>alert('${marker}')</script><svg onload=alert(1)></svg>"'><iframe src="javascript:alert(1)"></iframe>`;

let h: Harness & { close(): Promise<void> };
let browser: Browser;
let tn: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness('pglite');
  browser = await launchBrowser();
  const citizen = await h.citizen({ fullName: payload('XSSNAMA').slice(0, 120) });
  tokens.citizen = citizen.token;
  tokens.triage = (await h.staff('triage_admin')).token;
  tokens.opd = (await h.staff('opd_officer', 'PUPR')).token;
  tn = await fileReport(h, citizen.token, {
    title: payload('XSSJUDUL').slice(0, 150),
    description: payload('XSSURAIAN'),
    address: payload('XSSALAMAT').slice(0, 300),
  });
  const steps: [string, string, Record<string, unknown>][] = [
    [tokens.triage!, 'disposition', { opdCodes: ['PUPR'], instruction: payload('XSSINSTRUKSI'), message: payload('XSSBALASAN1'), note: payload('XSSCATATAN1') }],
    [tokens.opd!, 'follow-up', { message: payload('XSSBALASAN2'), note: payload('XSSCATATAN2') }],
    [tokens.triage!, 'comments', { message: payload('XSSBALASAN3'), note: payload('XSSCATATAN3') }],
  ];
  for (const [token, action, body] of steps) expect((await step(h, token, tn, action, body)).status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** Opens the page (signed in when a token is given) and checks it rendered the markers as text only. */
async function inert(path: string, markers: string[], token?: string): Promise<void> {
  const context = await newContext(browser, h.baseUrl, { viewport: { width: 1280, height: 900 } });
  if (token) await context.addCookies([{ name: 'khidmat_session', value: token, url: h.baseUrl }]);
  const page: Page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(path);
  for (const marker of markers) {
    await page.getByText(marker).first().waitFor({ timeout: 20_000 });
  }
  // A string, not a function: the server's tsconfig has no DOM types.
  const found = (await page.evaluate(`({
    text: document.body.innerText,
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => el.tagName + '[' + a.name + ']')),
    injected: document.querySelectorAll('img[src="x"], iframe, body svg[onload], script:not([src])').length,
  })`)) as { text: string; handlers: string[]; injected: number };
  expect(dialogs, path).toEqual([]);
  expect(found.handlers, path).toEqual([]);
  expect(found.injected, path).toBe(0);
  // The payload is there for the reader to see, as text.
  expect(found.text).toContain('<img src=x onerror=');
  await context.close();
}

it('shows the public report page with every public text field inert', async () => {
  await inert(`/laporan/${tn}`, ['XSSJUDUL', 'XSSURAIAN', 'XSSBALASAN1', 'XSSBALASAN2', 'XSSBALASAN3']);
});

it('shows the public list inert', async () => {
  await inert('/laporan', ['XSSJUDUL']);
});

it("shows the citizen's own reports inert", async () => {
  await inert('/laporan-saya', ['XSSJUDUL'], tokens.citizen);
});

it("shows the staff report page (reporter's name, notes, instruction) inert", async () => {
  await inert(`/staf/laporan/${tn}`, ['XSSJUDUL', 'XSSURAIAN', 'XSSNAMA', 'XSSCATATAN1', 'XSSCATATAN2', 'XSSCATATAN3'], tokens.triage);
});

it('shows the staff work list inert', async () => {
  await inert('/staf', ['XSSJUDUL'], tokens.opd);
});
