import { useEffect, useId, useState } from 'react';
import { formatDate, formatNumber } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { m } from './messages';
import { Table } from '../ui/table';

/**
 * Hand-written SVG charts for a projector: large type, numbers printed on every bar, strong
 * contrast, and for screen readers a summary plus the same numbers as a table.
 */
const FONT = 17;
const INK = '#1b1f23';
const MUTED = '#4a5560';
const GRID = '#c9d1d9';
export const RECEIVED = '#1a56a8';
export const RESOLVED = '#0b5d3b';

/**
 * The width the chart is drawn at, in CSS pixels, so one unit of the SVG is one pixel and its type
 * keeps its size: a chart drawn 640 wide and shrunk onto a phone printed 9 px labels.
 */
function useDrawnWidth(initial: number) {
  // A callback ref: the drawing's wrapper may appear later (an empty period draws none).
  const [el, ref] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.max(280, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  // Smaller type on a phone-sized chart, still well above the 12 px floor of readable text.
  return { ref, width, font: width < 480 ? 14 : FONT };
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface BarRow {
  key: string;
  label: string;
  value: number;
}

function Figure({ title, summary, table, children }: { title: string; summary: string; table: React.ReactNode; children: React.ReactNode }) {
  const t = useT(m);
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <div role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
        {children}
      </div>
      <p id={`${id}-d`} className="visually-hidden">
        {summary}
      </p>
      <details className="chart-table">
        <summary>
          {t('dataTable')}: {title}
        </summary>
        {table}
      </details>
    </figure>
  );
}

/** Horizontal bars, label left and the count at the end of each bar. */
export function BarChart({ title, rows, header, color = RECEIVED }: { title: string; rows: BarRow[]; header: string; color?: string }) {
  const t = useT(m);
  const { lang } = useLang();
  const { ref, width, font } = useDrawnWidth(640);
  if (!rows.length) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p>{t('empty')}</p>
      </figure>
    );
  }
  const labelW = Math.round(width * 0.38);
  const numberW = font * 4;
  const rowH = Math.round(font * 2.1);
  const barH = Math.round(font * 1.4);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * rowH + 8;
  const top = [...rows].sort((a, b) => b.value - a.value)[0]!;
  const chars = Math.floor(labelW / (font * 0.55));
  return (
    <Figure
      title={title}
      summary={t('chartSummary', { title, n: rows.length, top: top.label, value: formatNumber(top.value, lang) })}
      table={
        <Table columns={[header, { label: t('count'), num: true }]}>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{formatNumber(r.value, lang)}</td>
            </tr>
          ))}
        </Table>
      }
    >
      <div ref={ref}>
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false" className="chart-svg">
          {rows.map((r, i) => {
            const y = 4 + i * rowH;
            const w = ((width - labelW - numberW) * r.value) / max;
            return (
              <g key={r.key}>
                <text x={labelW - 8} y={y + barH / 2} dominantBaseline="central" textAnchor="end" fontSize={font} fill={INK}>
                  <title>{r.label}</title>
                  {truncate(r.label, chars)}
                </text>
                <rect x={labelW} y={y} width={Math.max(w, r.value ? 2 : 0)} height={barH} fill={color} rx={3} />
                <text x={labelW + w + 8} y={y + barH / 2} dominantBaseline="central" fontSize={font} fontWeight={700} fill={INK}>
                  {formatNumber(r.value, lang)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </Figure>
  );
}

export interface WeekPoint {
  week: string;
  received: number;
  resolved: number;
}

/** Received vs resolved per week: two lines (solid circles, dashed squares), values printed when they fit. */
export function TrendChart({ title, description, weeks }: { title: string; description: string; weeks: WeekPoint[] }) {
  const t = useT(m);
  const { lang } = useLang();
  const { ref, width: W, font } = useDrawnWidth(1000);
  const H = W < 600 ? 300 : 340;
  const pad = { l: font * 3.3, r: 24, t: 64, b: 64 };
  const max = Math.max(1, ...weeks.flatMap((w) => [w.received, w.resolved]));
  const x = (i: number) => pad.l + (weeks.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (weeks.length - 1));
  const y = (v: number) => H - pad.b - (v * (H - pad.t - pad.b)) / max;
  // Numbers on the points and dates under them only as many as fit the drawn width.
  const showValues = weeks.length <= Math.min(16, W / 55);
  const every = Math.ceil(weeks.length / Math.max(2, Math.floor(W / 100)));
  const shortDate = (d: string) => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const ticks = [0, Math.round(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  const line = (key: 'received' | 'resolved') => weeks.map((w, i) => `${x(i)},${y(w[key])}`).join(' ');
  const total = (key: 'received' | 'resolved') => weeks.reduce((s, w) => s + w[key], 0);
  return (
    <Figure
      title={title}
      summary={`${description} ${t('receivedSeries')}: ${formatNumber(total('received'), lang)}; ${t('resolvedSeries')}: ${formatNumber(total('resolved'), lang)}.`}
      table={
        <Table columns={[t('weekOf'), { label: t('receivedSeries'), num: true }, { label: t('resolvedSeries'), num: true }]}>
          {weeks.map((w) => (
            <tr key={w.week}>
              <th scope="row">{formatDate(w.week, lang)}</th>
              <td className="num">{formatNumber(w.received, lang)}</td>
              <td className="num">{formatNumber(w.resolved, lang)}</td>
            </tr>
          ))}
        </Table>
      }
    >
      <div ref={ref}>
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" aria-hidden="true" focusable="false" className="chart-svg">
          <g fontSize={font}>
            <rect x={pad.l} y={8} width={18} height={18} fill={RECEIVED} />
            <text x={pad.l + 26} y={17} dominantBaseline="central" fill={INK}>
              {t('receivedSeries')}
            </text>
            <rect x={pad.l + font * 9.5} y={8} width={18} height={18} fill="#fff" stroke={RESOLVED} strokeWidth={4} />
            <text x={pad.l + font * 9.5 + 26} y={17} dominantBaseline="central" fill={INK}>
              {t('resolvedSeries')}
            </text>
          </g>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} stroke={GRID} />
              <text x={pad.l - 8} y={y(v)} dominantBaseline="central" textAnchor="end" fontSize={font - 2} fill={MUTED}>
                {formatNumber(v, lang)}
              </text>
            </g>
          ))}
          {weeks.map((w, i) =>
            i % every === 0 ? (
              <text key={w.week} x={x(i)} y={H - 12} textAnchor="middle" fontSize={font - 2} fill={MUTED}>
                {shortDate(w.week)}
              </text>
            ) : null,
          )}
          <polyline points={line('received')} fill="none" stroke={RECEIVED} strokeWidth={4} />
          <polyline points={line('resolved')} fill="none" stroke={RESOLVED} strokeWidth={4} strokeDasharray="10 6" />
          {weeks.map((w, i) => (
            <g key={w.week}>
              <circle cx={x(i)} cy={y(w.received)} r={6} fill={RECEIVED} />
              <rect x={x(i) - 6} y={y(w.resolved) - 6} width={12} height={12} fill="#fff" stroke={RESOLVED} strokeWidth={3} />
              {showValues ? (
                // The higher value's number goes above its point, the lower one's below, so they never collide.
                <>
                  <text x={x(i)} y={w.received >= w.resolved ? y(w.received) - 14 : y(w.received) + 30} textAnchor="middle" fontSize={font} fontWeight={700} fill={RECEIVED}>
                    {formatNumber(w.received, lang)}
                  </text>
                  <text x={x(i)} y={w.received >= w.resolved ? y(w.resolved) + 30 : y(w.resolved) - 14} textAnchor="middle" fontSize={font} fontWeight={700} fill={RESOLVED}>
                    {formatNumber(w.resolved, lang)}
                  </text>
                </>
              ) : null}
            </g>
          ))}
        </svg>
      </div>
    </Figure>
  );
}
