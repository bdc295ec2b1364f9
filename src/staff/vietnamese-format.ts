import type { Translator } from '../i18n/translator.ts';

/** Vietnamese digits: "1.234", "81,5" (a dot groups thousands, a comma marks decimals). */
export function formatNumber(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** A rate (0..1) as a percentage with one decimal, "81,5%"; no rate is "—". */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${formatNumber(rate * 100, 1)}%`;
}

/** "2026-11-27" as "27/11/2026". */
export function formatIsoDay(day: string): string {
  return day.split('-').reverse().join('/');
}

/** "2026-01" as a person writes it: "tháng 1/2026". */
export function monthName(key: string, t: Translator): string {
  return t.t('staff.dashboard.month', { m: Number(key.slice(5)), y: key.slice(0, 4) });
}

/**
 * The months of a year's figures as far as they have begun on `asOf` (an ISO day), each with its
 * name; the month under way says it is not over, so its figures are not read against a full month.
 */
export function monthsSoFar<M extends { readonly key: string }>(months: readonly M[], asOf: string, t: Translator): (M & { readonly partial: boolean; readonly label: string })[] {
  const current = asOf.slice(0, 7);
  return months
    .filter((m) => m.key <= current)
    .map((m) => ({ ...m, partial: m.key === current, label: m.key === current ? t.t('staff.dashboard.monthPartial', { month: monthName(m.key, t), asOf: formatIsoDay(asOf) }) : monthName(m.key, t) }));
}
