import { formatVietnameseDate } from '../answer/law-applicability.ts';
import { renderPdf, type PdfBlock } from '../documents/pdf-document.ts';
import type { ReplyFile } from '../dialogue/messages.ts';
import type { Translator } from '../i18n/translator.ts';
import { formatCitation } from '../knowledge/citation.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { ComplaintRecord } from './complaint-record.ts';
import type { ComplaintTaxonomy } from './complaint-taxonomy.ts';
import { consumerLaw } from './consumer-law.ts';
import { formatVnd } from './money-format.ts';
import { vietnamDate } from './local-date.ts';
import { accountSentences } from './story-sentences.ts';

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
  const name = record.business.name ?? t.t('complaint.letter.unnamedBusiness');
  const business = record.business.platform ? t.t('complaint.letter.toPlatform', { business: name, platform: record.business.platform }) : name;
  const addressee = record.business.address ? t.t('complaint.letter.toAddress', { business, address: record.business.address }) : business;
  const issue = ctx.taxonomy.issue(record.issue);
  const filed = vietnamDate(new Date(record.createdAt));
  const [year, month, day] = filed.split('-');
  const basis = record.legalBasis.map((ref) => {
    const doc = ctx.knowledgeBase.document(ref.doc);
    return doc ? formatCitation({ ...ref, section: null }, doc.metadata) : `Điều ${ref.article} (${ref.doc})`;
  });
  const account = accountSentences(record.narrative);
  const facts = [
    purchaseSentence(record, t, name),
    ...(issue ? [t.t('complaint.letter.problem', { issue: issue.label.toLocaleLowerCase('vi') })] : []),
    ...(account.length > 0 ? [t.t('complaint.letter.account', { account: account.join(' ') })] : []),
    record.evidence.length > 0 ? t.t('complaint.letter.evidence', { count: record.evidence.length, reference: record.reference }) : t.t('complaint.letter.noEvidence'),
    ...transitionalFacts(record, ctx),
  ];
  const contact = [
    ...(record.consumer.phone ? [[t.t('complaint.letter.phoneLabel'), record.consumer.phone] as const] : []),
    ...(record.consumer.email ? [[t.t('complaint.letter.emailLabel'), record.consumer.email] as const] : []),
  ];
  const consumer = record.consumer.name ?? '';
  const amount = record.amountVnd !== null ? formatVnd(record.amountVnd) : t.t('complaint.letter.amountPaid');
  return {
    title: t.t('complaint.letter.title'),
    heading: [t.t('complaint.letter.nation'), t.t('complaint.letter.motto'), t.t('complaint.letter.placeDate', { place: ctx.place, day: day!, month: Number(month), year: year! })],
    subject: t.t('complaint.letter.subject', { issue: issue?.label ?? record.issue, product: record.product ?? name }),
    addressee: t.t('complaint.letter.to', { business: addressee }),
    parties: [
      [t.t('complaint.letter.consumerLabel'), consumer || t.t('complaint.letter.nameBlank')],
      ...contact,
      ...(record.consumer.province ? [[t.t('complaint.letter.provinceLabel'), record.consumer.province] as const] : []),
      [t.t('complaint.letter.referenceLabel'), record.reference],
    ],
    basisHeading: t.t('complaint.letter.basisHeading'),
    basis,
    factsHeading: t.t('complaint.letter.factsHeading'),
    facts,
    requestHeading: t.t('complaint.letter.requestHeading'),
    // Several requests are the consumer's order of preference ("trả tiền, không thì đổi"), said so.
    requestLead: t.t(record.desiredResolution.length > 1 ? 'complaint.letter.requestInOrder' : 'complaint.letter.request', { business: name }),
    requests: record.desiredResolution.map((r) => t.t(`complaint.letter.want.${r}`, { amount })),
    closing: [t.t('complaint.letter.deadlines', { business: name }), t.t('complaint.letter.nextSteps')],
    signature: [t.t('complaint.letter.signature'), t.t('complaint.letter.signHint'), consumer],
    footer: t.t('complaint.letter.footer', { reference: record.reference }),
    fileName: t.t('complaint.letter.fileName', { reference: record.reference }),
  };
}

/** "Ngày 12/10/2026, tôi mua giày da nam của X theo hình thức …, số tiền …": only the parts on record. */
function purchaseSentence(record: ComplaintRecord, t: Translator, business: string): string {
  const bought = record.product ? t.t('complaint.letter.fact.bought', { product: record.product, business }) : t.t('complaint.letter.fact.dealt', { business });
  const how = record.purchaseChannel ? ` ${t.t('complaint.letter.fact.channel', { channel: t.t(`complaint.letter.channel.${record.purchaseChannel}`) })}` : '';
  const paid = record.amountVnd !== null ? `, ${t.t('complaint.letter.fact.amount', { amount: formatVnd(record.amountVnd) })}` : '';
  const sentence = `${bought}${how}${paid}`;
  return record.purchaseDate ? t.t('complaint.letter.fact.on', { date: formatVietnameseDate(record.purchaseDate), sentence }) : `${sentence.charAt(0).toLocaleUpperCase('vi')}${sentence.slice(1)}.`;
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

/** A purchase under the previous law says so, with the cut-over and the article read from the documents' headers. */
function transitionalFacts(record: ComplaintRecord, ctx: LetterContext): string[] {
  const law = consumerLaw(ctx.knowledgeBase, ctx.taxonomy);
  if (record.applicableLaw === law.current || law.cutOver === null) return [];
  const currentName = ctx.knowledgeBase.document(law.current)?.metadata.citationName ?? law.current;
  return [ctx.t.t('complaint.letter.transitional', { cutOver: formatVietnameseDate(law.cutOver), article: law.transitionalArticle, currentName, previous: record.applicableLaw })];
}
