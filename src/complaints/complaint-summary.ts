import { formatVietnameseDate } from '../answer/law-applicability.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Draft } from './complaint-draft.ts';
import type { FactValues } from './complaint-extractor.ts';
import { formatVnd } from './money-format.ts';

/** How a fact reads back to the consumer ("ngày mua: khoảng 03/3/2025", "số tiền: 1.500.000 đ"). */
export function describeFacts(t: Translator, values: FactValues): string | null {
  const parts: string[] = [];
  const add = (key: string, value: string | null | undefined) => {
    if (value) parts.push(t.t(`complaint.fact.${key}`, { value }));
  };
  add('product', values.product);
  add('businessName', values.businessName);
  add('platform', values.platform);
  add('businessAddress', values.businessAddress);
  if (values.purchaseDate) add('purchaseDate', dateText(t, values.purchaseDate, values.purchaseDateApproximate ?? false));
  if (values.amountVnd) add('amountVnd', formatVnd(values.amountVnd));
  if (values.purchaseChannel) add('purchaseChannel', t.t(`complaint.channel.${values.purchaseChannel}`));
  if (values.desiredResolution?.length) add('desiredResolution', values.desiredResolution.map((r) => t.t(`complaint.resolution.${r}`)).join(', '));
  add('consumerName', values.consumerName);
  add('phone', values.phone);
  add('email', values.email);
  if (values.province) add('province', provinceText(t, values.province, values.provinceFormer ?? null));
  return parts.length > 0 ? parts.join('; ') : null;
}

export function dateText(t: Translator, date: string, approximate: boolean): string {
  return `${approximate ? `${t.t('complaint.approximate')} ` : ''}${formatVietnameseDate(date)}`;
}

export function provinceText(t: Translator, province: string, former: string | null): string {
  return former ? `${province} (${t.t('complaint.formerly', { name: former })})` : province;
}

/** The summary shown before filing; what the consumer skipped reads "chưa rõ", never a blank. */
export function summaryText(t: Translator, d: Draft): string {
  const unknown = t.t('complaint.summary.unknown');
  const or = (value: string | null | undefined) => (value ? value : unknown);
  const contact = [d.phone, d.email].filter(Boolean).join(', ');
  const business = [or(d.businessName), d.platform ? `(${d.platform})` : null, d.businessAddress ? `— ${d.businessAddress}` : null].filter(Boolean).join(' ');
  const narrative = d.narrative.length > 400 ? `${d.narrative.slice(0, 400)}…` : d.narrative;
  return [
    t.t('complaint.summary.title'),
    t.t('complaint.summary.consumer', { name: or(d.consumerName), contact: or(contact), province: d.province ? provinceText(t, d.province, d.provinceFormer) : unknown }),
    t.t('complaint.summary.business', { business }),
    t.t('complaint.summary.product', { product: or(d.product) }),
    t.t('complaint.summary.purchase', {
      date: d.purchaseDate ? dateText(t, d.purchaseDate, d.purchaseDateApproximate) : unknown,
      amount: d.amountVnd ? formatVnd(d.amountVnd) : unknown,
      channel: d.purchaseChannel ? t.t(`complaint.channel.${d.purchaseChannel}`) : unknown,
    }),
    t.t('complaint.summary.narrative', { narrative }),
    t.t('complaint.summary.resolution', { resolution: d.desiredResolution.length > 0 ? d.desiredResolution.map((r) => t.t(`complaint.resolution.${r}`)).join(', ') : unknown }),
    d.evidence.length > 0 ? t.t('complaint.summary.evidence', { count: d.evidence.length }) : t.t('complaint.summary.noEvidence'),
    '',
    t.t('complaint.summary.confirm'),
  ].join('\n');
}
