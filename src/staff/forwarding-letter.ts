import type { ComplaintRecord } from '../complaints/complaint-record.ts';
import type { PdfBlock, PdfSpec } from '../documents/pdf-document.ts';
import type { Translator } from '../i18n/translator.ts';
import { letterhead, signatureBlock } from './official-document.ts';
import { formatIsoDay } from './vietnamese-format.ts';
import type { ReportIssuer } from './yearly-report.ts';

export interface ForwardingInput {
  readonly record: ComplaintRecord;
  readonly agency: string;
  readonly issuer: ReportIssuer;
  /** Local date (YYYY-MM-DD) the letter is dated. */
  readonly date: string;
  readonly preparedBy: string;
  /** How a legal reference reads ("khoản 2 Điều 30 Luật … (19/2023/QH15)"). */
  readonly citation: (ref: ComplaintRecord['legalBasis'][number]) => string;
  readonly categoryLabel: string;
}

/** The facts of the case as labelled lines, the same in the letter and the e-mail. */
function facts(input: ForwardingInput, t: Translator): Array<readonly [string, string]> {
  const { record: r } = input;
  const k = (key: string, params?: Record<string, string | number>) => t.t(`staff.forwarding.${key}`, params);
  // The consumer's contacts go to the agency only with their consent (given when filing).
  const consumer = r.consent.shareWithAgency
    ? [r.consumer.name, r.consumer.phone, r.consumer.email, r.consumer.province].filter(Boolean).join(', ') || '—'
    : k('noConsent');
  return [
    [k('reference'), r.reference],
    [k('filedAt'), formatIsoDay(r.createdAt.slice(0, 10))],
    [k('consumer'), consumer],
    [k('business'), [r.business.name, r.business.address, r.business.platform].filter(Boolean).join(', ') || '—'],
    [k('product'), r.product ?? '—'],
    [k('purchase'), [r.purchaseDate ? formatIsoDay(r.purchaseDate) : null, r.amountVnd !== null ? `${r.amountVnd.toLocaleString('vi-VN')} đ` : null].filter(Boolean).join(' · ') || '—'],
    [k('category'), input.categoryLabel],
    [k('wants'), r.desiredResolution.map((d) => t.t(`staff.resolution.${d}`)).join(', ') || '—'],
    [k('law'), r.legalBasis.map(input.citation).join('; ')],
    [k('evidence'), r.evidence.length === 0 ? k('noEvidence') : k('evidenceCount', { count: r.evidence.length })],
  ];
}

/**
 * The letter that goes with a case forwarded to an agency: the unit's letterhead, "Kính gửi" the
 * agency, what is asked of it, the case's facts and the consumer's account in their words, and the
 * signature block; the consumer's contacts only with their consent.
 */
export function forwardingLetterPdf(input: ForwardingInput, t: Translator): PdfSpec {
  const { record: r, issuer } = input;
  const k = (key: string, params?: Record<string, string | number>) => t.t(`staff.forwarding.${key}`, params);
  const blocks: PdfBlock[] = [
    letterhead(issuer, null, input.date, t, k('subject', { reference: r.reference })),
    { kind: 'paragraph', text: t.t('staff.report.to', { recipient: input.agency }), align: 'center' },
    { kind: 'paragraph', text: k('intro', { agency: issuer.name, reference: r.reference }) },
    { kind: 'fields', rows: facts(input, t) },
    { kind: 'heading', text: k('account') },
    { kind: 'paragraph', text: r.narrative },
    { kind: 'paragraph', text: k('request') },
    { kind: 'spacer' },
    signatureBlock(issuer, [`${input.agency};`], input.preparedBy, t),
  ];
  return { title: k('subject', { reference: r.reference }), blocks, footer: r.reference, createdAt: new Date(`${input.date}T00:00:00Z`) };
}

/** The same content as an e-mail to paste into the unit's mail: a subject line and a plain-text body. */
export function forwardingEmail(input: ForwardingInput, t: Translator): { subject: string; body: string } {
  const { record: r, issuer } = input;
  const k = (key: string, params?: Record<string, string | number>) => t.t(`staff.forwarding.${key}`, params);
  const body = [
    t.t('staff.report.to', { recipient: input.agency }),
    '',
    k('intro', { agency: issuer.name, reference: r.reference }),
    '',
    ...facts(input, t).map(([label, value]) => `- ${label}: ${value}`),
    '',
    `${k('account')}:`,
    r.narrative,
    '',
    k('request'),
    '',
    issuer.name,
    input.preparedBy,
  ].join('\n');
  return { subject: k('subject', { reference: r.reference }), body };
}
