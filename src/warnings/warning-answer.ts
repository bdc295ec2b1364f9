import { vietnamDate } from '../complaints/local-date.ts';
import { looksEnglish } from '../dialogue/text-signals.ts';
import type { Reply } from '../dialogue/messages.ts';
import type { Locale, Translator } from '../i18n/translator.ts';
import { formatIsoDay } from '../staff/vietnamese-format.ts';
import { localized, type Warning } from './warning.ts';
import { asWarningQuestion, matchingWarnings, type WarningQuestion } from './warning-question.ts';
import type { WarningRepository } from './warning-repository.ts';
import { sourceLine, validityLine } from './warning-text.ts';

export interface WarningAnswersDeps {
  readonly warnings: WarningRepository;
  readonly translators: (locale: Locale) => Translator;
  readonly hotline: string;
  /** The public list's address, quoted so the reader can see every warning. */
  readonly publicListUrl: string;
}

/** Answers are drawn from this many published warnings, newest first. */
const searchedWarnings = 500;
const quoted = 3;

/**
 * "Is X recalled / warned about?": the published warnings that name X, each with its source and
 * date; or that none is on file, which is not proof of safety, and how to report one.
 */
export class WarningAnswers {
  constructor(private readonly deps: WarningAnswersDeps) {}

  /** True for the questions this answers (the flow's detect). */
  recognises(text: string): boolean {
    return asWarningQuestion(text) !== null;
  }

  async answer(text: string, conversationLocale: Locale, now: Date): Promise<Reply> {
    const locale: Locale = conversationLocale === 'vi' && looksEnglish(text) ? 'en' : conversationLocale;
    const t = this.deps.translators(locale);
    const question: WarningQuestion = asWarningQuestion(text) ?? { folded: text.toLowerCase(), subject: text.trim() };
    const today = vietnamDate(now);
    // Withdrawn warnings are never quoted; expired ones are, marked as such (a recall stays a fact).
    const published = (await this.deps.warnings.published(searchedWarnings)).filter((w) => w.content.validFrom <= today);
    const { named, sameProduct } = matchingWarnings(question, published);
    const report = t.t('warnings.answer.report', { hotline: this.deps.hotline });
    const more = t.t('warnings.answer.more', { url: this.deps.publicListUrl });
    if (named.length === 0) {
      const lines = [t.t('warnings.answer.none', { subject: question.subject }), t.t('warnings.answer.notProof')];
      if (sameProduct.length > 0) lines.push('', t.t('warnings.answer.sameProduct'), ...sameProduct.slice(0, quoted).map((w) => this.line(w, t, today)));
      return { text: [...lines, '', report, more].join('\n') };
    }
    const lines = [t.t('warnings.answer.found', { count: named.length, subject: question.subject }), ...named.slice(0, quoted).map((w) => this.line(w, t, today))];
    if (named.length > quoted) lines.push(t.t('warnings.answer.andMore', { count: named.length - quoted }));
    return { text: [...lines, '', t.t('warnings.answer.whatToDo'), report, more].join('\n') };
  }

  private line(w: Warning, t: Translator, today: string): string {
    const { title } = localized(w.content, t.locale);
    const expired = w.content.validTo !== null && w.content.validTo < today;
    const published = w.publishedAt ? t.t('warnings.answer.publishedOn', { date: formatIsoDay(vietnamDate(w.publishedAt)) }) : '';
    return [
      `• ${t.t(`warnings.kind.${w.content.kind}`)}: ${title}${expired ? ` ${t.t('warnings.answer.expired', { date: formatIsoDay(w.content.validTo!) })}` : ''}`,
      `  ${sourceLine(w.content, t)}${published ? `; ${published}` : ''}`,
      `  ${validityLine(w.content, t)}`,
    ].join('\n');
  }
}
