import type { ComplaintRecord } from '../complaints/complaint-record.ts';
import { maskContactsInText, maskEmail, maskPhone } from './contact-masking.ts';
import { toCsv } from './csv.ts';

/**
 * The record's export format as CSV columns: one line per complaint, nested parts flattened with
 * dotted names. Exports leave the console (to agencies, spreadsheets), so the consumer's phone and
 * e-mail, also inside the narrative, are masked unless the consumer agreed to share with agencies.
 */
export const exportColumns = [
  'reference', 'status', 'channel', 'createdAt',
  'consumer.name', 'consumer.phone', 'consumer.email', 'consumer.province',
  'business.name', 'business.address', 'business.platform',
  'product', 'category', 'issue', 'purchaseDate', 'amountVnd', 'purchaseChannel',
  'narrative', 'desiredResolution', 'evidence', 'legalBasis', 'applicableLaw', 'suggestedAgency',
  'consent.shareWithBusiness', 'consent.shareWithAgency', 'deadlines.acknowledgeBy', 'deadlines.negotiateBy',
] as const;

export function exportRow(r: ComplaintRecord): (string | number | null)[] {
  const open = r.consent.shareWithAgency;
  return [
    r.reference, r.status, r.channel, r.createdAt,
    r.consumer.name, open ? r.consumer.phone : maskPhone(r.consumer.phone), open ? r.consumer.email : maskEmail(r.consumer.email), r.consumer.province,
    r.business.name, r.business.address, r.business.platform,
    r.product, r.category, r.issue, r.purchaseDate, r.amountVnd, r.purchaseChannel,
    open ? r.narrative : maskContactsInText(r.narrative),
    r.desiredResolution.join('; '),
    r.evidence.map((e) => `${e.kind}:${e.fileId ?? e.fileName ?? ''}`).join('; '),
    r.legalBasis.map((b) => `${b.doc} Điều ${b.article}${b.clause ? ` khoản ${b.clause}` : ''}`).join('; '),
    r.applicableLaw, r.suggestedAgency,
    String(r.consent.shareWithBusiness), String(r.consent.shareWithAgency), r.deadlines.acknowledgeBy, r.deadlines.negotiateBy,
  ];
}

export function complaintsCsv(records: readonly ComplaintRecord[]): string {
  return toCsv(exportColumns, records.map(exportRow));
}
