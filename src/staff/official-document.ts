import type { PdfBlock } from '../documents/pdf-document.ts';
import type { Translator } from '../i18n/translator.ts';
import type { ReportIssuer } from './yearly-report.ts';

/**
 * The opening of a Vietnamese administrative document: the issuing unit (under the body above it)
 * and its number on the left — with the "V/v …" subject line when there is one — and the national
 * motto with place and date on the right.
 */
export function letterhead(issuer: ReportIssuer, number: string | null, date: string, t: Translator, subject?: string): PdfBlock {
  const [y, m, d] = date.split('-');
  return {
    kind: 'columns',
    left: [
      ...(issuer.parent ? [issuer.parent.toUpperCase()] : []),
      `**${issuer.name.toUpperCase()}`,
      t.t('staff.report.number', { number: number ?? t.t('staff.report.numberBlank') }),
      ...(subject ? [`_${subject}`] : []),
    ],
    right: [`**${t.t('staff.report.nation')}`, `**${t.t('staff.report.motto')}`, `_${t.t('staff.report.placeDate', { place: issuer.province, day: d!, month: m!, year: y! })}`],
  };
}

/** The close: where the document goes and who prepared it on the left, the signature on the right. */
export function signatureBlock(issuer: ReportIssuer, recipients: readonly string[], preparedBy: string, t: Translator): PdfBlock {
  return {
    kind: 'columns',
    align: 'left',
    left: [`**${t.t('staff.report.recipientsTitle')}`, ...recipients.map((r) => `- ${r}`), `- ${t.t('staff.report.recipientArchive')}`, '', `_${t.t('staff.report.preparedBy', { by: preparedBy })}`],
    right: [`**${t.t('staff.report.onBehalf', { agency: issuer.name.toUpperCase() })}`, `**${issuer.signerTitle.toUpperCase()}`, `_${t.t('staff.report.signHint')}`, '', '', '', issuer.signerName ? `**${issuer.signerName}` : ''],
  };
}
