import type { Locale, Translator } from '../i18n/translator.ts';
import { citationRefOf, documentName, formatCitation, lawName, type CitationRef } from '../knowledge/citation.ts';
import type { DocumentMetadata } from '../knowledge/document-metadata.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { calendarDay } from '../knowledge/legal-timeline.ts';
import type { Passage } from '../knowledge/passage.ts';
import type { PassageSearch, SearchHit } from '../retrieval/search-types.ts';
import { documentTermCounts, foldedBigram, foldedTerm } from '../text/index-terms.ts';
import { tokenize, type Token } from '../text/tokenizer.ts';
import type { AnswerRequest, QaAnswer, QuestionAnswerer } from './answer-types.ts';
import { isFollowUp } from './follow-up.ts';
import { applicabilitySignals, formatVietnameseDate } from './law-applicability.ts';

export interface OfflineAnswererDeps {
  readonly knowledgeBase: KnowledgeBase;
  readonly search: PassageSearch;
  /**
   * The question's own words as the retrieval analyser reads them (shorthand spelled out, lexicon
   * expansions left out): the clause and sentence that answer are the ones that share most of them.
   */
  readonly questionTokens: (text: string) => ReadonlyArray<{ readonly token: Token; readonly stop: boolean }>;
  /** Below this retrieval confidence the bot says it does not know. */
  readonly confidenceThreshold: number;
  readonly translators: (locale: Locale) => Translator;
  readonly contacts: { readonly hotline: string; readonly province: string };
}

/** The passages an answer rests on, with what the composer needs to write it. */
export interface DecidingPassages {
  readonly hits: readonly SearchHit[];
  readonly query: string;
  readonly followUpOf: string | null;
}

const maxQuoteLength = 600;
/** Delegation clauses that say nothing a consumer can use. */
const boilerplate = /quy định chi tiết (Điều|khoản|điểm|các điều|các khoản)? ?này|quy định chi tiết thi hành/i;
const maxDirectLength = 520;

/**
 * Writes answers from retrieved clauses alone, with no model: a short direct answer made of the
 * sentences of the deciding clauses that best match the question, the clauses quoted with their
 * citations, and which law applies. It is the default, and the fallback when a chat model's answer
 * cites something the corpus does not hold.
 */
interface SentenceUnit {
  readonly text: string;
  /** Place among the passage's sentences, boilerplate included. */
  readonly position: number;
  readonly terms: ReadonlySet<string>;
  readonly length: number;
}

export class OfflineAnswerer implements QuestionAnswerer {
  private readonly units = new Map<string, readonly SentenceUnit[]>();

  constructor(private readonly deps: OfflineAnswererDeps) {}

  get knowledgeBase(): KnowledgeBase {
    return this.deps.knowledgeBase;
  }

  async answer(request: AnswerRequest): Promise<QaAnswer> {
    const found = await this.retrieve(request);
    if (!found) return this.notSure(request);
    return this.compose(request, found);
  }

  /** Retrieval with follow-up handling; null when retrieval is not confident. */
  async retrieve(request: AnswerRequest): Promise<DecidingPassages | null> {
    const previous = request.context?.lastQuestion ?? null;
    const followUpOf = previous && isFollowUp(request.question) ? previous : null;
    const query = followUpOf ? `${request.question} ${followUpOf}` : request.question;
    // Only what is in force on the day asked (and the provincial plans): a repealed text is never presented as the law.
    const docIds = this.deps.knowledgeBase.timeline.searchableOn(request.now);
    const result = await this.deps.search.search(query, { k: 5, docIds });
    if (!followUpOf) {
      if (result.hits.length === 0 || result.confidence < this.deps.confidenceThreshold) return null;
      return { hits: this.refine(deciding(result.hits), query), query, followUpOf };
    }
    // A follow-up keeps the earlier topic but adds a new condition ("còn nếu mua online?"): the
    // combined query finds the topic, the new words alone find the condition; both lists are fused.
    const alone = await this.deps.search.search(request.question, { k: 5, docIds });
    const confidence = Math.max(result.confidence, alone.confidence);
    if (confidence < this.deps.confidenceThreshold) return null;
    const aloneWeight = Math.min(1, alone.confidence / this.deps.confidenceThreshold);
    const fused = fuseRankings([{ hits: result.hits, weight: 1 }, { hits: alone.hits, weight: aloneWeight }]);
    return { hits: this.refine(deciding(fused), query), query, followUpOf };
  }

  /**
   * Retrieval finds the article; the clause that decides the question is the one whose sentences
   * match it best (an article's short "Chính phủ quy định chi tiết Điều này" clause can outrank its
   * substance in the index, but never answers anything).
   */
  private refine(hits: readonly SearchHit[], query: string): SearchHit[] {
    const queryTerms = this.questionTerms(query);
    const seen = new Set<string>();
    const refined: SearchHit[] = [];
    for (const hit of hits) {
      const { passage } = hit;
      let best = passage;
      if (passage.article !== null) {
        // Retrieval also weighs the lexicon's readings of the question ("lừa đảo" → "lừa dối"), so
        // its clause stands unless it is boilerplate or another clause matches clearly better.
        const own = this.bestUnit(passage, queryTerms)?.score ?? -1;
        let bestScore = own < 0 ? -1 : own * 1.5;
        for (const candidate of this.deps.knowledgeBase.articlePassages(passage.docId, passage.article)) {
          if (candidate === passage) continue;
          const score = this.bestUnit(candidate, queryTerms)?.score ?? -1;
          if (score > bestScore) [best, bestScore] = [candidate, score];
        }
      }
      if (seen.has(best.id)) continue;
      seen.add(best.id);
      refined.push(best === passage ? hit : { ...hit, passage: best });
    }
    return refined;
  }

  compose(request: AnswerRequest, found: DecidingPassages, directAnswer?: string): QaAnswer {
    const t = this.deps.translators(request.locale);
    const lines: string[] = [];
    if (found.followUpOf) lines.push(t.t('answer.followUpNote', { previous: truncate(found.followUpOf, 120) }));
    lines.push(directAnswer ?? this.directAnswer(found, request.locale));
    lines.push('', t.t('answer.basis'));
    const queryTerms = this.questionTerms(found.query);
    for (const hit of found.hits) {
      lines.push(`• ${this.citation(hit.passage, request.locale)}: «${this.quote(hit.passage, queryTerms)}»`);
    }
    lines.push('', ...this.applicability(request, found.hits, t));
    lines.push(t.t('answer.disclaimer', { hotline: this.deps.contacts.hotline }));
    const citations = found.hits.map((h) => citationRefOf(h.passage));
    return {
      text: lines.join('\n'),
      confident: true,
      citations,
      context: { lastQuestion: found.followUpOf ? `${request.question} ${found.followUpOf}` : request.question, citations },
      source: 'offline',
      locale: request.locale,
      offer: ['complaint', 'handoff'],
    };
  }

  notSure(request: AnswerRequest): QaAnswer {
    const t = this.deps.translators(request.locale);
    return {
      text: t.t('answer.notSure', { hotline: this.deps.contacts.hotline, province: this.deps.contacts.province }),
      confident: false,
      citations: [],
      // Keep the earlier topic: the next message may clarify this one.
      context: request.context,
      source: 'offline',
      locale: request.locale,
      offer: ['handoff'],
    };
  }

  citation(passage: Passage, locale: Locale, point?: string): string {
    const doc = this.metadata(passage.docId);
    const ref: CitationRef = citationRefOf(passage);
    if (locale === 'en') return formatEnglishCitation(ref, doc, point);
    return formatCitation(ref, doc, point);
  }

  /** One to three sentences from the deciding clauses, best match first, each with its citation. */
  private directAnswer(found: DecidingPassages, locale: Locale): string {
    const t = this.deps.translators(locale);
    const queryTerms = this.questionTerms(found.query);
    const parts: string[] = [];
    let length = 0;
    const seenArticles = new Set<string>();
    for (const hit of found.hits) {
      const key = `${hit.passage.docId}#${hit.passage.article ?? hit.passage.section}`;
      if (seenArticles.has(key)) continue;
      seenArticles.add(key);
      const best = this.bestUnit(hit.passage, queryTerms);
      if (!best) continue;
      // A sentence taken from a point is cited down to the point: "điểm đ khoản 2 Điều 30".
      const point = /^([a-zđ])\)\s/u.exec(best.text)?.[1];
      const sentence = truncate(stripNumbering(best.text), maxDirectLength);
      const part = `${t.t('answer.according', { citation: this.citation(hit.passage, locale, point) })} ${sentence}`;
      if (parts.length > 0 && length + part.length > maxDirectLength) break;
      parts.push(part);
      length += part.length;
      if (parts.length === 2) break;
    }
    return parts.join('\n');
  }

  /**
   * The clause as printed when it is short; otherwise its opening words and the point that answers,
   * so a long clause with many points still shows the part that decides the question.
   */
  private quote(passage: Passage, queryTerms: ReadonlySet<string>): string {
    const full = quoteText(passage);
    if (full.length <= maxQuoteLength) return full;
    const best = this.bestUnit(passage, queryTerms);
    const lead = passage.text.split('\n')[0]!;
    if (!best || lead.includes(best.text)) return truncate(full, maxQuoteLength);
    return `${truncate(lead, 220)} … ${truncate(best.text, maxQuoteLength - 220)}`;
  }

  /** Accent-free words and word pairs of the question; stop words count only inside pairs. */
  private questionTerms(question: string): ReadonlySet<string> {
    const tokens = this.deps.questionTokens(question);
    const terms = new Set<string>();
    tokens.forEach((t, i) => {
      if (!t.stop) terms.add(foldedTerm(t.token));
      const next = tokens[i + 1];
      if (next) terms.add(foldedBigram(t.token, next.token));
    });
    return terms;
  }

  /** The sentence (or point) of a passage that best matches the question, with its score. */
  private bestUnit(passage: Passage, queryTerms: ReadonlySet<string>): { text: string; score: number } | null {
    let best: { text: string; score: number } | null = null;
    for (const unit of this.unitsOf(passage)) {
      // The sentence's own words (no lexicon expansion) against the question's terms.
      let overlap = 0;
      for (const term of unit.terms) if (queryTerms.has(term)) overlap += 1;
      // A mild length penalty: long provisions are where the substance is, but not every long one.
      // Earlier sentences state the rule; later ones its details: a slight preference for the rule.
      const score = overlap / Math.pow(unit.length, 0.3) + (unit.position === 0 ? 0.05 : 0);
      if (!best || score > best.score) best = { text: unit.text, score };
    }
    return best;
  }

  /** A passage's candidate sentences with their terms; passages never change, so this is computed once each. */
  private unitsOf(passage: Passage): readonly SentenceUnit[] {
    let units = this.units.get(passage.id);
    if (!units) {
      units = sentenceUnits(passage).flatMap((text, position) => {
        if (boilerplate.test(text)) return [];
        const tokens = tokenize(text);
        return tokens.length === 0 ? [] : [{ text, position, terms: new Set(documentTermCounts(tokens).keys()), length: tokens.length }];
      });
      this.units.set(passage.id, units);
    }
    return units;
  }

  /**
   * Which law applies, all read from the timeline: the law of each legal passage (a decree's is the
   * law it details) with the text it replaced; a plan issued under texts replaced since; and, when
   * the question names a former text or a date before a cut-over, what applied then.
   */
  private applicability(request: AnswerRequest, hits: readonly SearchHit[], t: Translator): string[] {
    const kb = this.deps.knowledgeBase;
    const timeline = kb.timeline;
    const name = (doc: DocumentMetadata) => lawName(doc, request.locale);
    const nameOf = (id: string) => {
      const doc = timeline.document(id);
      return doc ? name(doc) : id;
    };
    const lines: string[] = [];
    const laws = unique(hits.filter((h) => h.passage.article != null).map((h) => timeline.lawOf(h.passage.docId) ?? this.metadata(h.passage.docId)));
    for (const law of laws) {
      const before = timeline.predecessorOf(law.id);
      const replaces = before ? t.t('answer.applicable.replaces', { old: nameOf(before.replaced) }) : '';
      lines.push(t.t('answer.applicable.inForce', { law: documentName(law, request.locale), id: law.id, from: formatVietnameseDate(law.effectiveFrom), replaces }));
    }
    for (const id of new Set(hits.map((h) => h.passage.docId))) {
      const doc = this.metadata(id);
      if (doc.kind !== 'plan') continue;
      if (!timeline.isInForce(doc.id, request.now)) {
        lines.push(t.t('answer.applicable.planExpired', { doc: name(doc) }));
        continue;
      }
      const replaced = timeline.replacedBetween(doc.issuedDate, request.now).filter((s) => timeline.document(s.replaced)?.kind === 'law');
      if (replaced.length === 0) continue;
      lines.push(t.t('answer.applicable.plan', { doc: name(doc), old: replaced.map((s) => nameOf(s.replaced)).join(', '), law: unique(replaced.map((s) => nameOf(s.by))).join(', ') }));
    }

    const former = timeline.successions().filter((s) => s.cutOver <= calendarDay(request.now)).flatMap((s) => timeline.document(s.replaced) ?? []);
    const signals = applicabilitySignals(request.question, request.now, former);
    // "Luật cũ" without a number means the text the answer's law replaced.
    const asked = signals.formerMentioned.length > 0 ? signals.formerMentioned : signals.mentionsOldLaw ? laws.flatMap((l) => timeline.predecessorOf(l.id)?.replaced ?? []) : [];
    for (const id of asked) {
      const next = timeline.successorOf(id);
      const successor = next && timeline.document(next.by);
      if (!next || !successor) continue;
      lines.push(t.t('answer.applicable.oldLawAsked', { old: nameOf(id), date: formatVietnameseDate(next.cutOver), law: documentName(successor, request.locale), id: successor.id }));
    }
    // The transitional rule of each law concerned that replaced another, when the question reaches back before its cut-over.
    const concerned = unique([
      ...laws,
      ...asked.flatMap((id) => {
        const by = timeline.successorOf(id)?.by;
        return (by && timeline.lawOf(by)) || [];
      }),
    ]);
    for (const law of concerned) {
      const before = timeline.predecessorOf(law.id);
      if (!before) continue;
      const reachesBack = signals.earliestDate !== null && signals.earliestDate < before.cutOver;
      if (!signals.mentionsOldLaw && !reachesBack) continue;
      const old = reachesBack ? timeline.appliedOn(law.id, signals.earliestDate!) : timeline.document(before.replaced);
      if (!old || old.id === law.id) continue;
      const transitional = kb.document(law.id)?.articles.find((a) => /chuyển tiếp/i.test(a.title));
      if (!transitional) {
        lines.push(t.t('answer.applicable.before', { law: name(law), date: formatVietnameseDate(before.cutOver), old: name(old) }));
        continue;
      }
      // The clause on transactions concluded before the cut-over is the one a consumer's purchase falls under.
      const clause = transitional.clauses.find((c) => /giao dịch/i.test(c.text))?.number ?? null;
      const ref: CitationRef = { doc: law.id, article: transitional.number, clause, section: null };
      const citation = request.locale === 'en' ? formatEnglishCitation(ref, law) : formatCitation(ref, law);
      lines.push(t.t('answer.applicable.transitional', { citation, date: formatVietnameseDate(before.cutOver), old: name(old), article: transitional.number }));
    }
    return lines;
  }

  private metadata(docId: string): DocumentMetadata {
    const doc = this.deps.knowledgeBase.document(docId);
    if (!doc) throw new Error(`retrieval returned a passage of unknown document ${docId}`);
    return doc.metadata;
  }
}

/** Clauses scoring close to the best one decide too; far weaker ones would only add noise. */
function deciding(hits: readonly SearchHit[]): SearchHit[] {
  const top = hits[0]?.score ?? 0;
  return hits.filter((h, i) => i === 0 || h.score >= top * 0.8).slice(0, 3);
}

/** Weighted reciprocal-rank fusion of ranked lists; the fused score replaces each hit's score. */
function fuseRankings(lists: ReadonlyArray<{ hits: readonly SearchHit[]; weight: number }>): SearchHit[] {
  const fused = new Map<string, { hit: SearchHit; score: number }>();
  for (const { hits, weight } of lists) {
    hits.forEach((hit, rank) => {
      const entry = fused.get(hit.passage.id) ?? { hit, score: 0 };
      entry.score += weight / (rank + 2);
      fused.set(hit.passage.id, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score).map(({ hit, score }) => ({ ...hit, score }));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function formatEnglishCitation(ref: CitationRef, doc: DocumentMetadata, point?: string): string {
  const name = `${doc.citationNameEn} (${doc.id})`;
  if (ref.section) return `section ${ref.section} of the ${name}`;
  if (ref.article == null) return name;
  const clause = ref.clause == null ? '' : `(${ref.clause})${point ? `(${point})` : ''}`;
  return `Article ${ref.article}${clause} of the ${name}`;
}

/** A clause's lead sentence and each of its points, or a plan section's lines. */
function sentenceUnits(passage: Passage): string[] {
  return passage.text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 15);
}

function stripNumbering(text: string): string {
  const stripped = text.replace(/^(\d+\.|[a-zđ]\)|[-+•])\s+/u, '').replace(/[;:,]\s*$/, '.');
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

function quoteText(passage: Passage): string {
  const title = passage.articleTitle ? `${passage.articleTitle}: ` : passage.sectionTitle ? `${passage.sectionTitle}: ` : '';
  return `${passage.clause == null ? title : ''}${passage.text.replace(/\n/g, ' ')}`;
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > max * 0.6 ? lastSpace : max)}…`;
}
