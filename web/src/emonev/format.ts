import { formatNumber } from '../lib/format';
import type { Lang } from '../lib/i18n';
import { MONTHS } from './messages';

export const rp = (n: number, lang: Lang) => formatNumber(n, lang);
/** A percentage with up to two decimals, as written in the reports (97,5%). */
export const pct = (n: number, lang: Lang) => `${n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 })}%`;
export const monthName = (month: number, lang: Lang) => MONTHS[lang][month - 1] ?? String(month);
/** This year in Dumai (WIB). */
export const thisYear = () => Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
