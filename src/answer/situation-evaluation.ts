import type { Bilingual } from '../guidance/guidance-schema.ts';
import type { Locale } from '../i18n/translator.ts';
import { foldDiacritics } from '../text/vietnamese-unicode.ts';
import { isEnglish } from './answer-evaluation.ts';
import type { QaAnswer } from './answer-types.ts';

/** A message written for one guidance entry by someone who never saw its phrasings. */
export interface Paraphrase {
  readonly entry: string;
  readonly style: string;
  readonly language: Locale;
  readonly text: string;
}

export interface SituationScore {
  readonly entry: string;
  readonly style: string;
  readonly language: Locale;
  readonly text: string;
  /** The entries the answerer ranked, the one it answers from first (empty: outside consumer law). */
  readonly ranked: readonly string[];
  readonly top1: boolean;
  readonly top3: boolean;
  /** The reply the user reads rests on the intended entry. */
  readonly answeredFromEntry: boolean;
  /** The reply's opening carries the intended entry's verdict (or its pre-2024 reading). */
  readonly opensWithVerdict: boolean;
  /** The reply is in the message's language. */
  readonly inItsLanguage: boolean;
}

/** What an entry opens its reply with, in both languages; null for an entry that has none. */
export interface EntryOpening {
  readonly verdict: Bilingual;
  readonly before2024?: Bilingual | undefined;
}

export function scoreSituation(item: Paraphrase, ranked: readonly string[], reply: QaAnswer, openingOf: (entryId: string) => EntryOpening | null): SituationScore {
  const opening = openingOf(item.entry);
  const head = fold(reply.text.slice(0, 400));
  const locale = reply.locale ?? item.language;
  const opensWithVerdict = opening !== null && [opening.verdict, opening.before2024].some((b) => b !== undefined && head.includes(verdictCore(b[locale])));
  return {
    ...item,
    ranked: ranked.slice(0, 5),
    top1: ranked[0] === item.entry,
    top3: ranked.slice(0, 3).includes(item.entry),
    answeredFromEntry: reply.context?.entryId === item.entry || reply.context?.pendingClarify === item.entry,
    opensWithVerdict,
    inItsLanguage: item.language === 'en' ? isEnglish(reply.text.replace(/«[^»]*»/gu, '')) : !isEnglish(reply.text),
  };
}

/**
 * The words of a verdict that survive the composer fitting it to the question: it may drop a bare
 * "Có." or "Không." before them, or put its own framing there, so the first sentence with
 * substance is compared, and only its first words (it may be shortened at the end).
 */
export function verdictCore(verdict: string): string {
  const sentences = verdict.split(/(?<=[.!?:])\s+/u);
  const substantive = sentences.find((s) => s.length > 12) ?? verdict;
  return fold(substantive.replace(/^(Có|Không|Được|Tùy|Yes|No|It depends)[,.:]\s+/u, '')).slice(0, 40);
}

export interface SituationMetrics {
  readonly n: number;
  readonly top1: number;
  readonly top3: number;
  readonly answeredFromEntry: number;
  readonly opensWithVerdict: number;
  readonly inItsLanguage: number;
}

export function situationMetrics(scores: readonly SituationScore[]): SituationMetrics {
  const share = (f: (s: SituationScore) => boolean) => (scores.length === 0 ? Number.NaN : scores.filter(f).length / scores.length);
  return {
    n: scores.length,
    top1: share((s) => s.top1),
    top3: share((s) => s.top3),
    answeredFromEntry: share((s) => s.answeredFromEntry),
    opensWithVerdict: share((s) => s.opensWithVerdict),
    inItsLanguage: share((s) => s.inItsLanguage),
  };
}

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
