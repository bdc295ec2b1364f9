import { formatVietnameseDate } from '../answer/law-applicability.ts';
import { renderPdf, type PdfBlock } from '../documents/pdf-document.ts';
import type { ReplyFile } from '../dialogue/messages.ts';
import type { Translator } from '../i18n/translator.ts';
import { formatCitation } from '../knowledge/citation.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { ComplaintRecord } from './complaint-record.ts';
import type { ComplaintTaxonomy } from './complaint-taxonomy.ts';
import { formatVnd } from './money-format.ts';
import { vietnamDate } from './local-date.ts';
import { previousLawId } from './legal-basis.ts';

export interface LetterContext {
  readonly knowledgeBase: KnowledgeBase;
  readonly taxonomy: ComplaintTaxonomy;
  /** The letter goes to a Vietnamese business, so it is written in Vietnamese whatever the chat language. */
  readonly t: Translator;
  /** Province printed before the date ("Đà Nẵng, ngày ..."). */
  readonly place: string;
}

/** The "đơn yêu cầu thương lượng" (Điều 56-57) as parts both the text and the PDF are made of. */
export interface NegotiationLetter {
  readonly title: string;
  readonly heading: readonly string[];
  readonly subject: string;
  readonly addressee: string;
  readonly parties: ReadonlyArray<readonly [string, string]>;
  readonly basisHeading: string;
  readonly basis: readonly string[];
  readonly factsHeading: string;
  readonly facts: readonly string[];
  readonly requestHeading: string;
  readonly requestLead: string;
  readonly requests: readonly string[];
  readonly closing: readonly string[];
  readonly signature: readonly string[];
  readonly footer: string;
  readonly fileName: string;
}

export function composeLetter(record: ComplaintRecord, ctx: LetterContext): NegotiationLetter {
  const { t } = ctx;
  const business = record.business.platform ? t.t('complaint.letter.toPlatform', { business: record.business.name, platform: record.business.platform }) : record.business.name;
  const addressee = record.business.address ? t.t('complaint.letter.toAddress', { business, address: record.business.address }) : business;
  const issue = ctx.taxonomy.issue(record.issue);
  const amount = formatVnd(record.amountVnd);
  const filed = vietnamDate(new Date(record.createdAt));
  const [year, month, day] = filed.split('-');
  const basis = record.legalBasis.map((ref) => {
    const doc = ctx.knowledgeBase.document(ref.doc);
    return doc ? formatCitation({ ...ref, section: null }, doc.metadata) : `Điều ${ref.article} (${ref.doc})`;
  });
  const facts = [
    t.t('complaint.letter.facts', { date: formatVietnameseDate(record.purchaseDate), product: record.product, business: record.business.name, channel: t.t(`complaint.letter.channel.${record.purchaseChannel}`), amount }),
    t.t('complaint.letter.story', { narrative: record.narrative }),
    record.evidence.length > 0 ? t.t('complaint.letter.evidence', { count: record.evidence.length, reference: record.reference }) : t.t('complaint.letter.noEvidence'),
    ...(record.applicableLaw === previousLawId ? [t.t('complaint.letter.transitional')] : []),
  ];
  const contact = [
    ...(record.consumer.phone ? [[t.t('complaint.letter.phoneLabel'), record.consumer.phone] as const] : []),
    ...(record.consumer.email ? [[t.t('complaint.letter.emailLabel'), record.consumer.email] as const] : []),
  ];
  return {
    title: t.t('complaint.letter.title'),
    heading: [t.t('complaint.letter.nation'), t.t('complaint.letter.motto'), t.t('complaint.letter.placeDate', { place: ctx.place, day: day!, month: Number(month), year: year! })],
    subject: t.t('complaint.letter.subject', { issue: issue?.label ?? record.issue, product: record.product }),
    addressee: t.t('complaint.letter.to', { business: addressee }),
    parties: [
      [t.t('complaint.letter.consumerLabel'), record.consumer.name],
      ...contact,
      ...(record.consumer.province ? [[t.t('complaint.letter.provinceLabel'), record.consumer.province] as const] : []),
      [t.t('complaint.letter.referenceLabel'), record.reference],
    ],
    basisHeading: t.t('complaint.letter.basisHeading'),
    basis,
    factsHeading: t.t('complaint.letter.factsHeading'),
    facts,
    requestHeading: t.t('complaint.letter.requestHeading'),
    requestLead: t.t('complaint.letter.request', { business: record.business.name }),
    requests: record.desiredResolution.map((r) => t.t(`complaint.letter.want.${r}`, { amount })),
    closing: [t.t('complaint.letter.deadlines', { business: record.business.name }), t.t('complaint.letter.nextSteps')],
    signature: [t.t('complaint.letter.signature'), t.t('complaint.letter.signHint'), record.consumer.name],
    footer: t.t('complaint.letter.footer', { reference: record.reference }),
    fileName: t.t('complaint.letter.fileName', { reference: record.reference }),
  };
}

/** The letter as plain text, for channels and for copying into a shop's chat. */
export function letterText(letter: NegotiationLetter): string {
  return [
    ...letter.heading,
    '',
    letter.title,
    letter.subject,
    '',
    letter.addressee,
    '',
    ...letter.parties.map(([label, value]) => `${label}: ${value}`),
    '',
    `${letter.basisHeading}:`,
    ...letter.basis.map((b) => `- ${b}`),
    '',
    `${letter.factsHeading}:`,
    ...letter.facts,
    '',
    `${letter.requestHeading}:`,
    letter.requestLead,
    ...letter.requests.map((r) => `- ${r}`),
    '',
    ...letter.closing,
    '',
    ...letter.signature,
  ].join('\n');
}

export async function letterPdf(letter: NegotiationLetter, createdAt: Date): Promise<ReplyFile> {
  const blocks: PdfBlock[] = [
    { kind: 'paragraph', text: `${letter.heading[0]}\n${letter.heading[1]}`, align: 'center' },
    { kind: 'paragraph', text: letter.heading[2]!, align: 'right' },
    { kind: 'title', text: letter.title },
    { kind: 'paragraph', text: letter.subject, align: 'center' },
    { kind: 'paragraph', text: letter.addressee, align: 'left' },
    { kind: 'fields', rows: letter.parties },
    { kind: 'heading', text: letter.basisHeading },
    { kind: 'list', items: letter.basis },
    { kind: 'heading', text: letter.factsHeading },
    ...letter.facts.map((text): PdfBlock => ({ kind: 'paragraph', text })),
    { kind: 'heading', text: letter.requestHeading },
    { kind: 'paragraph', text: letter.requestLead, align: 'left' },
    { kind: 'list', items: letter.requests },
    ...letter.closing.map((text): PdfBlock => ({ kind: 'paragraph', text })),
    { kind: 'spacer' },
    { kind: 'paragraph', text: letter.signature.join('\n'), align: 'right' },
  ];
  const data = await renderPdf({ title: letter.title, blocks, footer: letter.footer, createdAt });
  return { fileName: letter.fileName, mimeType: 'application/pdf', data };
}
