import { z } from 'zod';
import { loadJsonl } from '../shared/jsonl-file.ts';
import { normaliseDocId } from '../knowledge/knowledge-base.ts';
import { hasVietnameseLetters } from '../text/language.ts';
import { foldDiacritics } from '../text/vietnamese-unicode.ts';

/**
 * One evaluation question for the answers a user reads (format documented in
 * test/fixtures/eval/README.md): the messages sent, the articles that decide the answer, what the
 * first sentences must say, and whether the bot should admit the question is outside its scope.
 */
/**
 * What decides an answer: an article of a legal text, or a section of a provincial plan
 * ("IV.13"; a cited "IV.13.a" lies under it), as the retrieval sets write it.
 */
const provisionSchema = z.union([z.object({ doc: z.string(), article: z.number().int() }).strict(), z.object({ doc: z.string(), section: z.string().regex(/^[IVX]+(\.[0-9a-zđ]+)*$/u) }).strict()]);
export type Provision = z.infer<typeof provisionSchema>;

export const answerQuestionSchema = z.object({
  id: z.string().min(1),
  style: z.string().min(1),
  language: z.enum(['vi', 'en']),
  audience: z.enum(['consumer', 'business']).default('consumer'),
  messages: z.array(z.string().min(1)).min(1),
  gold: z.array(provisionSchema),
  forbidden: z.array(provisionSchema).default([]),
  verdict: z.enum(['yes', 'no', 'depends', 'how', 'info', 'out_of_scope']),
  key_phrases: z.array(z.string().min(1)).default([]),
  out_of_scope: z.boolean(),
  transaction_before_2024: z.boolean().default(false),
  note: z.string().optional(),
});
export type AnswerQuestion = z.infer<typeof answerQuestionSchema>;

export function loadAnswerQuestions(file: string): Promise<AnswerQuestion[]> {
  return loadJsonl(file, answerQuestionSchema);
}

/** What the user saw for the last message: the text and the buttons under it. */
export interface ReplySeen {
  readonly text: string;
  readonly optionIds: readonly string[];
}

export interface AnswerScore {
  readonly id: string;
  readonly style: string;
  readonly inScope: boolean;
  /** The first legal reference in the text is one of the gold articles. */
  readonly decidingFirst: boolean;
  readonly decidingAnywhere: boolean;
  readonly forbiddenCited: boolean;
  /** The first sentence carries the expected verdict (or, for how/info, the key words). */
  readonly verdict: boolean;
  /** Every key phrase appears in the first 300 characters. */
  readonly keyPhrases: boolean;
  /** The first sentence answers: verdict right and at least one key phrase early. */
  readonly firstSentenceAnswers: boolean;
  readonly outOfScopeAdmitted: boolean | null;
  readonly englishInEnglish: boolean | null;
  readonly opensWithListHeader: boolean;
  readonly length: number;
  readonly firstCitation: string | null;
}

const verdictWords: Record<'yes' | 'no' | 'depends', RegExp> = {
  yes: /^(co|duoc|dung|yes|you can|you may|you are|they must|it must|the seller must|the business must|the shop must)\b/,
  no: /^(khong|chua|no|not|you cannot|you can't|they cannot|it is not|there is no)\b/,
  depends: /^(tuy|it depends|depends|not always|co the|possibly|maybe|only if|yes, if|yes if|co, neu|co neu)\b/,
};
const admission = /(ngoai pham vi|nam ngoai|khong thuoc|khong nam trong|chua co trong|outside|not covered|beyond what|not within|not something|is not a consumer)/;

/** How a document may be named in a reply: its id, its citation names, "55/2024", "Luật 2010". */
export interface CitableDocument {
  readonly id: string;
  readonly citationName: string;
  readonly citationNameEn: string;
}

/**
 * "Điều 30 … (19/2023/QH15)", "Article 30(1), Law 19/2023/QH15", "Điều 6 Nghị định 55/2024",
 * "Luật 2010 Điều 21", "mục IV.13 Kế hoạch … (KH-BD-CT30)": each reference's document and article
 * (or plan section), in reading order. A reference to an article that names no document is taken
 * to be to `defaultDoc`, as a reader would; a section that names no plan is no reference.
 */
export function citationsIn(text: string, defaultDoc: string, documents: readonly CitableDocument[] = []): Provision[] {
  const found: { ref: Provision; at: number }[] = [];
  const re = /(?:Điều|Article)\s+(\d{1,3})|(?:mục|section)\s+([IVX]+(?:\.[0-9a-zđ]+)*)(?![\p{L}\p{N}])/giu;
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 160);
    const nextRef = after.search(/(?:Điều|Article|mục|section)\s+[\dIVX]/iu);
    const scope = nextRef < 0 ? after : after.slice(0, nextRef);
    const named = documentNamed(scope, documents) ?? documentNamed(before.split(/[.;:\n]/u).at(-1) ?? '', documents);
    if (m[1] !== undefined) found.push({ ref: { doc: named ?? defaultDoc, article: Number(m[1]) }, at: m.index });
    else if (named) found.push({ ref: { doc: named, section: m[2]! }, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map(({ ref }) => ref);
}

/** A cited provision is the gold one: the same article, or a section equal to or under the gold section. */
export function sameProvision(gold: Provision, cited: Provision): boolean {
  if (normaliseDocId(gold.doc) !== normaliseDocId(cited.doc)) return false;
  if ('article' in gold) return 'article' in cited && gold.article === cited.article;
  return 'section' in cited && (cited.section === gold.section || cited.section.startsWith(`${gold.section}.`));
}

export function provisionKey(p: Provision): string {
  return 'article' in p ? `${p.doc}#${p.article}` : `${p.doc}§${p.section}`;
}

function documentNamed(scope: string, documents: readonly CitableDocument[]): string | null {
  const full = /(\d{1,3}\/\d{4}\/(?:QH\d{2}|NĐ-CP|ND-CP|QĐ-TTg|QD-TTg))/u.exec(scope)?.[1];
  if (full) return full.replace(/ND-CP/, 'NĐ-CP').replace(/QD-TTg/, 'QĐ-TTg');
  const folded = fold(scope);
  for (const d of documents) {
    if (folded.includes(fold(d.citationName)) || folded.includes(fold(d.citationNameEn))) return d.id;
  }
  // "Nghị định 55/2024" names a document; "01/7/2024" is a date and names none.
  for (const m of scope.matchAll(/(?<![\d/])(\d{1,3}\/\d{4})(?!\/)/gu)) {
    const named = documents.find((d) => d.id.startsWith(`${m[1]}/`));
    if (named) return named.id;
  }
  const year = /\b(?:luat|law|nghi dinh|decree)\s*(?:nam\s*)?(\d{4})\b|\b(\d{4})\s+(?:law|decree)\b/.exec(folded);
  const y = year?.[1] ?? year?.[2];
  if (y) return documents.find((d) => d.id.includes(`/${y}/`))?.id ?? null;
  return null;
}

export function scoreAnswer(q: AnswerQuestion, reply: ReplySeen, defaultDoc: string, documents: readonly CitableDocument[] = []): AnswerScore {
  const text = reply.text;
  const first = firstSentence(text);
  const firstFolded = fold(first);
  const early = fold(text.slice(0, 300));
  const cites = citationsIn(text, defaultDoc, documents);
  const decidingFirst = cites[0] !== undefined && q.gold.some((g) => sameProvision(g, cites[0]!));
  const decidingAnywhere = cites.some((c) => q.gold.some((g) => sameProvision(g, c)));
  const forbiddenCited = cites.some((c) => q.forbidden.some((f) => sameProvision(f, c)));
  const phrases = q.key_phrases.map((p) => p.split('|').map((alt) => fold(alt).trim()).filter(Boolean));
  const has = (hay: string, alts: string[]) => alts.some((alt) => hay.includes(alt));
  const keyPhrases = phrases.every((alts) => has(early, alts));
  const anyEarly = phrases.length === 0 || phrases.some((alts) => has(fold(firstSentences(text, 2)), alts));
  let verdict: boolean;
  if (q.verdict === 'yes' || q.verdict === 'no' || q.verdict === 'depends') verdict = verdictWords[q.verdict].test(firstFolded);
  else if (q.verdict === 'out_of_scope') verdict = admission.test(firstFolded);
  else verdict = anyEarly && !/:\s*$/.test(first.trim());
  const outOfScopeAdmitted = q.out_of_scope ? admission.test(fold(firstSentences(text, 2))) && cites.length === 0 && !reply.optionIds.includes('menu.complaint') : null;
  const englishInEnglish = q.language === 'en' ? isEnglish(text.replace(/«[^»]*»/g, ' ')) : null;
  const firstLine = text.split('\n')[0]!.trim();
  return {
    id: q.id,
    style: q.style,
    inScope: !q.out_of_scope,
    decidingFirst,
    decidingAnywhere,
    forbiddenCited,
    verdict,
    keyPhrases,
    firstSentenceAnswers: verdict && anyEarly,
    outOfScopeAdmitted,
    englishInEnglish,
    opensWithListHeader: /:\s*$/.test(firstLine) || /^(\d+\.|[a-zđ]\)|[-•])\s/u.test(firstLine),
    length: text.length,
    firstCitation: cites[0] ? provisionKey(cites[0]) : null,
  };
}

export interface AnswerMetrics {
  readonly questions: number;
  readonly inScope: number;
  readonly decidingFirst: number;
  readonly decidingAnywhere: number;
  readonly forbiddenCited: number;
  readonly verdict: number;
  readonly keyPhrases: number;
  readonly firstSentenceAnswers: number;
  readonly outOfScope: number;
  readonly outOfScopeAdmitted: number;
  readonly english: number;
  readonly englishInEnglish: number;
  readonly opensWithListHeader: number;
  readonly medianLength: number;
}

/** Shares (0..1) over the questions each figure applies to; counts for the denominators. */
export function answerMetrics(scores: readonly AnswerScore[]): AnswerMetrics {
  const inScope = scores.filter((s) => s.inScope);
  const oos = scores.filter((s) => s.outOfScopeAdmitted !== null);
  const en = scores.filter((s) => s.englishInEnglish !== null);
  const share = (list: readonly AnswerScore[], pick: (s: AnswerScore) => boolean) => (list.length === 0 ? NaN : list.filter(pick).length / list.length);
  const lengths = scores.map((s) => s.length).sort((a, b) => a - b);
  return {
    questions: scores.length,
    inScope: inScope.length,
    decidingFirst: share(inScope, (s) => s.decidingFirst),
    decidingAnywhere: share(inScope, (s) => s.decidingAnywhere),
    forbiddenCited: share(scores, (s) => s.forbiddenCited),
    verdict: share(scores, (s) => s.verdict),
    keyPhrases: share(scores, (s) => s.keyPhrases),
    firstSentenceAnswers: share(scores, (s) => s.firstSentenceAnswers),
    outOfScope: oos.length,
    outOfScopeAdmitted: share(oos, (s) => s.outOfScopeAdmitted === true),
    english: en.length,
    englishInEnglish: share(en, (s) => s.englishInEnglish === true),
    opensWithListHeader: share(scores, (s) => s.opensWithListHeader),
    medianLength: lengths.length === 0 ? 0 : lengths[Math.floor((lengths.length - 1) / 2)]!,
  };
}

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ');
}

/** The first sentence as a reader sees it: up to the first full stop, question mark or line end. */
export function firstSentence(text: string): string {
  return firstSentences(text, 1);
}

function firstSentences(text: string, n: number): string {
  const parts = text.trim().split(/(?<=[.!?])\s+|\n/u);
  return parts.slice(0, n).join(' ');
}

/** English text has few Vietnamese-marked words. */
export function isEnglish(text: string): boolean {
  const words = text.match(/[\p{L}]+/gu) ?? [];
  if (words.length === 0) return false;
  const marked = words.filter(hasVietnameseLetters).length;
  return marked / words.length < 0.1;
}
