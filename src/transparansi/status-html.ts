/**
 * The status page as plain HTML from the server's snapshot: no script, no database, a few kilobytes,
 * for a cheap phone whose app does not load (or a browser without JavaScript). /status in the app
 * shows the same snapshot.
 */
import esc from 'escape-html';
import type { Message } from '../core/errors.js';
import type { StatusSnapshot } from './monitor.js';
import { OVERALL, PAGE, STATUS_LABELS } from './messages.js';

const both = (m: Message) => `${esc(m.id)} <span lang="en">(${esc(m.en)})</span>`;
const wib = (iso: string) =>
  `${new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso))} WIB`;

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem;color:#1a1a1a}' +
  'li{margin:.25rem 0}.up{color:#1b6e2a}.degraded{color:#8a5a00}.down{color:#b00020}.unknown{color:#555}' +
  'section{border-top:1px solid #ccc;margin-top:1rem}span[lang=en]{color:#555;font-size:.9em}';

export function statusHtml(s: StatusSnapshot | null, ageSeconds: number | null): string {
  const body = !s
    ? `<p>${both(PAGE.notYet)}</p>`
    : [
        `<p class="${s.overall}"><strong>${both(OVERALL[s.overall])}</strong></p>`,
        `<p>${both(PAGE.checkedAt)}: ${wib(s.builtAt)} (${ageSeconds ?? 0} s)</p>`,
        `<section><h2>${both(PAGE.disruptions)}</h2>`,
        s.disruptions.length
          ? `<ul>${s.disruptions
              .map((d) => `<li><strong>${esc(d.title)}</strong><br>${esc(d.summary)}<br>${esc(PAGE.since.id)}: ${wib(d.since)}${d.expectedEnd ? `; ${esc(PAGE.expectedEnd.id)}: ${wib(d.expectedEnd)}` : ''}</li>`)
              .join('')}</ul>`
          : `<p>${both(PAGE.noDisruptions)}</p>`,
        s.disruptionsReadAt ? `<p>${both(PAGE.noticesReadAt)}: ${wib(s.disruptionsReadAt)}</p>` : '',
        `</section><section><h2>${both(PAGE.components)}</h2><ul>`,
        ...s.components.map((c) => `<li>${both(c.label)}: <strong class="${c.status}">${both(STATUS_LABELS[c.status])}</strong>${c.detail ? ` — ${esc(c.detail.id)}` : ''}</li>`),
        `</ul></section><section><h2>${both(PAGE.modules)}</h2><ul>`,
        ...s.modules.map((m) => `<li>${esc(m.name)}: <strong class="${m.status}">${both(STATUS_LABELS[m.status])}</strong></li>`),
        '</ul></section>',
      ].join('');
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(PAGE.title.id)}</title><style>${STYLE}</style></head><body><main><h1>${both(PAGE.title)}</h1>${body}<p><a href="/status">${both(PAGE.app)}</a></p></main></body></html>`;
}
