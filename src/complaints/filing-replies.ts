import { formatVietnameseDate } from '../answer/law-applicability.ts';
import type { Reply } from '../dialogue/messages.ts';
import type { Locale, Translator } from '../i18n/translator.ts';
import type { Consent, FilingDeps } from './complaint-filing.ts';
import type { StoredComplaint } from './complaint-repository.ts';
import { consentKey } from './consumer-intents.ts';
import { consumerLaw, type ConsumerLaw } from './consumer-law.ts';
import { composeLetter, letterPdf, letterText } from './negotiation-letter.ts';

export interface FilingReplyDeps extends Pick<FilingDeps, 'knowledgeBase' | 'taxonomy' | 'defaultProvince'> {
  readonly translators: (locale: Locale) => Translator;
}

export const realBusinessOption = 'complaint.realBusiness';

/**
 * What the consumer reads once a complaint is filed. A dispute with a business gets the
 * reference, the law, the business's deadlines and the negotiation letter. A scam gets what helps
 * against a scam (evidence, police, bank, platform) and no letter to the scammer, with a way to
 * say the seller is a real business after all.
 */
export async function filedReplies(deps: FilingReplyDeps, t: Translator, stored: StoredComplaint, consent: Consent, now: Date): Promise<Reply[]> {
  const r = stored.record;
  const consentText = t.t(`complaint.consentSummary.${consentKey(consent)}`);
  if (r.handling === 'fraud_report') {
    const text = t.t('complaint.fraudFiled', {
      reference: r.reference,
      platform: r.business.platform ? t.t('complaint.fraudPlatform', { platform: r.business.platform }) : '',
      consent: consentText,
      agency: r.suggestedAgency,
    });
    return [{ text, options: [{ id: realBusinessOption, label: t.t('complaint.option.realBusiness') }] }];
  }
  const issue = deps.taxonomy.issue(r.issue);
  const filed = t.t('complaint.filed', {
    reference: r.reference,
    category: issue?.categoryLabel ?? r.category,
    issue: issue?.label ?? r.issue,
    law: lawText(t, consumerLaw(deps.knowledgeBase, deps.taxonomy), r.applicableLaw),
    acknowledgeBy: formatVietnameseDate(r.deadlines.acknowledgeBy),
    negotiateBy: formatVietnameseDate(r.deadlines.negotiateBy),
    agency: r.suggestedAgency,
    consent: consentText,
  });
  return [{ text: filed }, await letterReply(deps, t, stored, now)];
}

/** The letter as text to copy into a shop's chat, with the same letter as a PDF. */
export async function letterReply(deps: FilingReplyDeps, t: Translator, stored: StoredComplaint, now: Date): Promise<Reply> {
  // The letter goes to a Vietnamese business, so it is in Vietnamese whatever the chat language.
  const vi = deps.translators('vi');
  const place = stored.record.consumer.province ?? deps.defaultProvince;
  const letter = composeLetter(stored.record, { knowledgeBase: deps.knowledgeBase, taxonomy: deps.taxonomy, t: vi, place });
  const file = await letterPdf(letter, now);
  const business = stored.record.business.name ?? t.t('complaint.letter.unnamedBusiness');
  return { text: `${t.t('complaint.letterIntro', { business })}\n\n${letterText(letter)}`, file };
}

/** The law the record applies, as the confirmation names it; dates and ids from the documents' headers. */
function lawText(t: Translator, law: ConsumerLaw, applied: string): string {
  if (applied === law.current || law.cutOver === null) return t.t('complaint.filedLawNew', { current: law.current });
  return t.t('complaint.filedLawOld', { previous: applied, cutOver: formatVietnameseDate(law.cutOver), article: law.transitionalArticle, current: law.current });
}
