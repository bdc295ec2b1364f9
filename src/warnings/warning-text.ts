import type { Translator } from '../i18n/translator.ts';
import { formatIsoDay } from '../staff/vietnamese-format.ts';
import { localized, type Warning, type WarningContent } from './warning.ts';

/** "Nguồn: Cục QLCT, số 123/TB-QLCT, https://…" — the part that makes a warning more than a rumour. */
export function sourceLine(content: WarningContent, t: Translator): string {
  const { name, reference, url } = content.source;
  return t.t('warnings.text.source', { source: [name, reference ? t.t('warnings.text.number', { number: reference }) : '', url].filter((p) => p !== '').join(', ') });
}

/** "Hiệu lực từ 01/12/2026 đến 31/12/2026" or open-ended. */
export function validityLine(content: WarningContent, t: Translator): string {
  return content.validTo
    ? t.t('warnings.text.validUntil', { from: formatIsoDay(content.validFrom), to: formatIsoDay(content.validTo) })
    : t.t('warnings.text.validFrom', { from: formatIsoDay(content.validFrom) });
}

/** Products, brands and shops it concerns, and where: the facts a reader checks against what they bought. */
export function concernsLines(content: WarningContent, t: Translator): string[] {
  const lines: string[] = [];
  const things = [...content.products, ...content.brands];
  if (things.length > 0) lines.push(t.t('warnings.text.products', { list: things.join(', ') }));
  if (content.shops.length > 0) lines.push(t.t('warnings.text.shops', { list: content.shops.join(', ') }));
  lines.push(content.provinces.length > 0 ? t.t('warnings.text.provinces', { list: content.provinces.join(', ') }) : t.t('warnings.text.nationwide'));
  return lines;
}

/**
 * The message a subscriber receives, in `t`'s language when the warning has a translation in it
 * (the caller picks `t` accordingly: a Vietnamese frame around a Vietnamese text otherwise).
 */
export function broadcastText(warning: Pick<Warning, 'content'>, t: Translator): string {
  const { content } = warning;
  const { title, text } = localized(content, t.locale);
  return [
    `⚠️ ${t.t(`warnings.kind.${content.kind}`)}: ${title}`,
    '',
    text,
    '',
    ...concernsLines(content, t),
    sourceLine(content, t),
    validityLine(content, t),
    '',
    t.t('warnings.text.manage'),
  ].join('\n');
}

/** The language a subscriber's copy is written in: theirs when translated, Vietnamese otherwise. */
export function deliveryLocale(content: WarningContent, subscriberLocale: string): 'vi' | 'en' {
  return subscriberLocale === 'en' && content.translations.en ? 'en' : 'vi';
}
