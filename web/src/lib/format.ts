import type { Lang } from './i18n';

/** Dates and numbers in the user's language, times always in WIB (Asia/Jakarta). */
const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const text = new Intl.DateTimeFormat(locale(lang), { timeZone: 'Asia/Jakarta', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return `${text} WIB`;
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  // Plain dates (YYYY-MM-DD) are calendar days in WIB already.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00+07:00`) : new Date(iso);
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'Asia/Jakarta', dateStyle: 'medium' }).format(d);
}

export function formatNumber(n: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
