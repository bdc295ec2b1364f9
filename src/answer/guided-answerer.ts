import type { GuidanceMatcher, EntryMatch } from '../guidance/guidance-matcher.ts';
import type { AnswerEntry, Bilingual, ClarifyEntry, GuidanceCitation, GuidanceEntry, OutOfScopeEntry } from '../guidance/guidance-schema.ts';
import type { GuidanceSet } from '../guidance/guidance-loader.ts';
import { asksSomething, legalIssueOf, type LegalIssue } from '../guidance/legal-issue.ts';
import type { Locale, Translator } from '../i18n/translator.ts';
import { type CitationRef, documentName, lawName } from '../knowledge/citation.ts';
import { normaliseDocId, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { PassageSearch, SearchHit } from '../retrieval/search-types.ts';
import { detectLanguage, hasVietnameseLetters } from '../text/language.ts';
import type { Lexicon } from '../text/lexicon.ts';
import { foldedWords } from '../text/tokenizer.ts';
import { foldDiacritics } from '../text/vietnamese-unicode.ts';
import type { AnswerOption, AnswerRequest, QaAnswer, QaContext, QuestionAnswerer } from './answer-types.ts';
import { citationText, type CitedProvision } from './citation-text.ts';
import { fullArticleText, quoteProvision, sentencesWithin } from './clause-quote.ts';
import { isFollowUp } from './follow-up.ts';
import { answeringLines, planReference, sectionNamedBy, type PlanReference } from './plan-answer.ts';
import { applicabilitySignals, formatVietnameseDate } from './law-applicability.ts';
import type { LegalFacts } from './legal-facts.ts';
import type { AnswerWriter } from './llm-answer-writer.ts';

export interface GuidedAnswererDeps {
  readonly knowledgeBase: KnowledgeBase;
  readonly guidance: GuidanceSet;
  readonly matcher: GuidanceMatcher;
  readonly search: PassageSearch;
  readonly facts: LegalFacts;
  readonly lexicon: Lexicon;
  readonly translators: (locale: Locale) => Translator;
  readonly contacts: { readonly hotline: string };
  /** Today's province a message names ("ở Nha Trang" → "tỉnh Khánh Hòa"), or null. */
  readonly findProvince: (text: string) => string | null;
  readonly tuning?: Partial<AnswerTuning>;
  /** Optional: a chat model that rewords the verdict and steps (the basis stays the composer's). */
  readonly writer?: AnswerWriter;
}

/** Thresholds and weights, tuned on the development questions (never on the sealed split). */
export interface AnswerTuning {
  /** An entry below this match score is not trusted to be the situation asked about. */
  readonly entryThreshold: number;
  /** Retrieval confidence needed for the "most relevant provision" fallback. */
  readonly clauseThreshold: number;
  /** How much an entry gains when retrieval's top clauses are the ones it cites. */
  readonly lawBoost: number;
  /** The share of that gain when only the article, not the cited clause, is among them. */
  readonly articleBoostShare: number;
  /** The share of that gain when the clause retrieval found is not the entry's deciding (first) citation. */
  readonly laterCitationShare: number;
  /** A second entry this close to the first (and about other law) is named as a second issue. */
  readonly secondIssueRatio: number;
  /** The sentences that ask something count this much more than the story around them. */
  readonly questionWeight: number;
  /** In a follow-up, the new words against the earlier question. */
  readonly followUpNewWeight: number;
  /** The reply before its options stays under this many characters. */
  readonly maxLength: number;
  /** A case of a clarifying entry scoring this share of it is taken as the fact being stated. */
  readonly clarifyResolve: number;
  /** Clarifying entries are for short questions; longer ones have stated their facts. */
  readonly clarifyMaxWords: number;
  /** An answer entry scoring this share of the best out-of-scope entry is preferred to it. */
  readonly outOfScopeMargin: number;
  /** With no word of a consumer dealing, an out-of-scope entry this close to the best one wins. */
  readonly outsideDealingRatio: number;
  /** With no word of a consumer dealing, a best match below this is not a consumer question at all. */
  readonly outsideWeakScore: number;
  /** A follow-up's new words must match another entry at least this well to change the topic. */
  readonly followUpSwitch: number;
  /** A later citation of an entry leads when it is among this many of retrieval's first clauses. */
  readonly citationLead: number;
  /** Asked which law applies, the situation entry behind the transition one must score this share of it. */
  readonly transitionSituationRatio: number;
  /** A business speaking of itself: a consumer-only entry keeps this share of its score. */
  readonly businessSpeakerConsumerShare: number;
}

export const defaultAnswerTuning: AnswerTuning = {
  entryThreshold: 0.08,
  clauseThreshold: 0.6,
  lawBoost: 0.06,
  articleBoostShare: 0.5,
  laterCitationShare: 0.75,
  secondIssueRatio: 0.85,
  questionWeight: 1,
  followUpNewWeight: 1.5,
  maxLength: 900,
  clarifyResolve: 0.75,
  clarifyMaxWords: 14,
  outOfScopeMargin: 0.9,
  outsideDealingRatio: 0.6,
  outsideWeakScore: 0.15,
  followUpSwitch: 0.2,
  citationLead: 2,
  transitionSituationRatio: 0.5,
  businessSpeakerConsumerShare: 0.85,
};

/** The topic tag of the entries that explain which law applies across a cut-over (knowledge/guidance). */
const transitionTopic = 'which-law';

const choicePrefix = { entry: 'answer.entry:', article: 'answer.article:' } as const;

type TermVector = Map<string, number>;

/**
 * Answers from the guidance entries, with the law quoted as it is written: the verdict first, the
 * conditions that change it, numbered next steps, then the deciding clause. When no entry fits
 * but a clause does, it says which provision is the most relevant rather than passing a fragment
 * off as the answer; when neither does, it says so and names who can help.
 */
export class GuidedAnswerer implements QuestionAnswerer {
  readonly commands = ['dieu', 'article'] as const;
  private readonly tuning: AnswerTuning;
  private readonly defaultDoc: string;
  private readonly consumerWords: readonly string[];
  /** Articles left out of the guidance on purpose that no entry cites: only the law itself answers them. */
  private readonly lawOnly: ReadonlySet<string>;

  constructor(private readonly deps: GuidedAnswererDeps) {
    this.tuning = { ...defaultAnswerTuning, ...deps.tuning };
    this.consumerWords = deps.guidance.consumerWords;
    const cited = new Set(deps.guidance.entries.flatMap((e) => (e.kind === 'answer' ? e.citations.map((c) => articleKey(c.doc, c.article)) : [])));
    this.lawOnly = new Set(deps.guidance.files.flatMap((f) => f.leftOut.map((l) => articleKey(l.doc, l.article)!)).filter((k) => !cited.has(k)));
    this.defaultDoc = mostCitedDocument(deps.guidance.entries) ?? deps.knowledgeBase.documents[0]?.metadata.id ?? '';
  }

  get knowledgeBase(): KnowledgeBase {
    return this.deps.knowledgeBase;
  }

  async answer(asked: AnswerRequest): Promise<QaAnswer> {
    const locale = this.languageOf(asked);
    // The message before only set the scene ("Mình mua máy lọc không khí ở siêu thị, bảo hành 12
    // tháng."): this one asks about that scene, so the two are read as one story.
    const continues = asked.context !== null && !asked.context.pendingClarify && !asksSomething(asked.context.lastQuestion);
    const request = continues ? { ...asked, question: `${asked.context!.lastQuestion} ${asked.question}`, context: null } : asked;
    const context = request.context;
    // A clarifying question was just asked: a reply naming one of its cases answers that case.
    if (context?.pendingClarify) {
      const picked = this.pickClarifyOption(context.pendingClarify, request.question);
      if (picked) return this.fromEntry(picked, { ...request, question: `${context.lastQuestion} ${request.question}` }, locale, []);
    }
    const reading = await this.read(request);
    const { followUp, combined, searchText, clauses, raw, ranked } = reading;
    if (this.outsideDealing(reading)) return this.outsideConsumerLaw(request, locale);
    // A provincial plan asked about: its section says who in the province does what. A question
    // that names a plan and its province ("Kế hoạch … của Khánh Hòa có nói gì tới …") asks what
    // that plan says, whatever out-of-scope matter its words resemble (a percentage, pupils and
    // students); one naming only the province, or only "a plan" (a phone plan), may be about
    // something else.
    const found = followUp ? null : planReference(request.question, this.deps.knowledgeBase.documents.map((d) => d.metadata));
    const plan = found && ((found.namesPlan && found.namesProvince) || raw[0]?.entry.kind !== 'out_of_scope') ? found : null;
    if (plan) {
      const fromPlan = await this.fromPlan(request, searchText, plan, clauses.hits, locale);
      if (fromPlan) return fromPlan;
    }
    const best = this.resolveClarify(ranked[0], ranked);
    // Retrieval is sure the question is about an article no entry answers (redemption sales,
    // auctions): the provision itself is the answer, not the nearest entry.
    const top = clauses.hits[0];
    if (top && !followUp && clauses.confidence >= this.tuning.clauseThreshold && this.lawOnly.has(articleKey(top.passage.docId, top.passage.article) ?? '')) {
      return this.related(request, combined, top, locale);
    }
    if (best && best.score >= this.tuning.entryThreshold) {
      // "Mua tháng 3/2024, shop từ chối bảo hành, áp dụng luật nào?": which law is asked about a
      // situation; what the former law said of that situation is the answer's basis.
      const across = this.situationOfTransition(best, ranked, request);
      if (across) return this.guided(across.situation, { ...request, question: combined }, locale, [], clauses.hits, across.transition);
      const second = this.secondIssue(ranked, best, asksTwoThings(request.question));
      return this.fromEntry(best.entry, { ...request, question: combined }, locale, second ? [second] : [], clauses.hits);
    }
    if (clauses.hits.length > 0 && clauses.confidence >= this.tuning.clauseThreshold) return this.related(request, combined, clauses.hits[0]!, locale);
    return this.notSure(request, locale);
  }

  /**
   * The situations a single message is about, best first, as `answer` weighs them: the entry the
   * answer would be built from leads (a clarifying entry resolved to the case the message states, a
   * "which law applies?" question to its situation). Empty when the message is read as outside
   * consumer law. For the situation evaluation (scripts/eval-situations.ts).
   */
  async situations(request: AnswerRequest): Promise<EntryMatch[]> {
    const reading = await this.read({ ...request, context: null });
    if (this.outsideDealing(reading)) return [];
    const { ranked } = reading;
    const best = this.resolveClarify(ranked[0], ranked);
    if (!best) return [];
    const across = this.situationOfTransition(best, ranked, request);
    const lead = across ? (ranked.find((m) => m.entry.id === across.situation.id) ?? best) : best;
    return [lead, ...ranked.filter((m) => m !== lead)];
  }

  /**
   * The question read once: its legal issue, its own terms (a follow-up's new words alone), whether
   * it speaks of a consumer dealing, the clauses retrieval finds, and the entries ranked on both.
   */
  private async read(request: AnswerRequest) {
    const context = request.context;
    const followUp = context && isFollowUp(request.question) ? context : null;
    const issue = legalIssueOf(request.question);
    const own = this.deps.matcher.terms(issue.text || request.question);
    const questionDealing = this.inConsumerDealing(request.question);
    const query = this.queryVector(issue, own, followUp);
    const combined = followUp ? `${request.question} ${followUp.lastQuestion}` : request.question;
    const searchText = followUp ? legalIssueOf(combined).text || combined : issue.text || combined;
    const clauses = await this.deps.search.search(searchText, { k: 8, docIds: this.deps.facts.searchableOn(request.now) });
    // Whether the question is outside consumer law is decided on the phrasings alone: the clauses
    // retrieval finds for "bị cho nghỉ việc … bồi thường" agree with a compensation entry only
    // because they share a word. Among consumer entries, agreement with the law then counts.
    const raw = this.preferAnswers(this.forSpeaker(this.deps.matcher.rank(query, 12), request.question), issue, questionDealing);
    const dealing = questionDealing || (followUp !== null && this.inConsumerDealing(followUp.lastQuestion));
    let ranked = raw[0]?.entry.kind === 'out_of_scope' ? raw : this.boost(raw, clauses.hits);
    if (followUp?.entryId) ranked = this.followUpRanking(ranked, request, own, followUp.entryId);
    return { issue, followUp, combined, searchText, clauses, raw, ranked, dealing };
  }

  /** What an entry's reply opens with (for the situation evaluation); null for a clarifying entry. */
  openingOf(entryId: string): { verdict: Bilingual; before2024?: Bilingual | undefined } | null {
    const entry = this.deps.guidance.byId(entryId);
    if (!entry || entry.kind === 'clarify') return null;
    return { verdict: entry.verdict, before2024: entry.kind === 'answer' ? entry.before2024 : undefined };
  }

  /** Nothing of a consumer dealing, and no entry fits well: not a consumer question at all. */
  private outsideDealing({ dealing, raw }: { dealing: boolean; raw: readonly EntryMatch[] }): boolean {
    return !dealing && (raw[0] === undefined || (raw[0].entry.kind !== 'out_of_scope' && raw[0].score < this.tuning.outsideWeakScore));
  }

  /** A button from an earlier answer: another entry, or the full text of an article. */
  async choose(choice: string, request: AnswerRequest): Promise<QaAnswer | null> {
    const locale = this.languageOf(request);
    if (choice.startsWith(choicePrefix.entry)) {
      const entry = this.deps.guidance.byId(choice.slice(choicePrefix.entry.length));
      const question = request.context?.lastQuestion ?? '';
      return entry ? this.fromEntry(entry, { ...request, question }, locale, []) : null;
    }
    if (choice.startsWith(choicePrefix.article)) {
      const [doc, article] = splitArticleChoice(choice.slice(choicePrefix.article.length));
      return this.article(doc, article, request, locale);
    }
    return null;
  }

  /** `/dieu 30`, `/dieu 7 55/2024/NĐ-CP`, `/article 30`: the full text of one article. */
  async command(args: string, request: AnswerRequest): Promise<QaAnswer> {
    const locale = request.locale;
    const m = /^(\d{1,3})(?:\s+(.+))?$/u.exec(args.trim());
    if (!m) return this.plain(this.deps.translators(locale).t('answer.article.usage'), request, locale);
    const doc = m[2] ? this.findDocument(m[2]) : this.defaultDoc;
    return this.article(doc ?? m[2]!, Number(m[1]), request, locale);
  }

  /** A question with nothing of a consumer dealing that no entry fits: said plainly, with who can help. */
  private outsideConsumerLaw(request: AnswerRequest, locale: Locale): QaAnswer {
    const text = this.deps.translators(locale).t('answer.guided.outsideConsumerLaw', { hotline: this.deps.contacts.hotline });
    return { ...this.unanswered(text, request, locale), outOfScope: true };
  }

  notSure(request: AnswerRequest, locale: Locale = request.locale): QaAnswer {
    const t = this.deps.translators(locale);
    return this.unanswered(t.t('answer.notSure', { hotline: this.deps.contacts.hotline, province: t.t('answer.guided.association.unknown') }), request, locale);
  }

  /**
   * No answer from the law: the earlier topic is kept (the next message may clarify), a person
   * offered. A message that asked nothing is kept as the scene the next one asks about.
   */
  private unanswered(text: string, request: AnswerRequest, locale: Locale): QaAnswer {
    const context = asksSomething(request.question) ? request.context : { ...request.context, citations: request.context?.citations ?? [], lastQuestion: request.question };
    return { text, confident: false, citations: [], context, source: 'offline', locale, offer: ['handoff'], options: [] };
  }

  private languageOf(request: AnswerRequest): Locale {
    if (!/[\p{L}]/u.test(request.question)) return request.locale;
    return detectLanguage(request.question, this.deps.lexicon);
  }

  /**
   * The question's terms, the sentences that ask counted twice; a follow-up weighs its new words
   * above the earlier question, so "còn nếu mua online thì sao?" is about buying online.
   */
  private queryVector(issue: LegalIssue, own: ReadonlyMap<string, number>, followUp: QaContext | null): TermVector {
    const vector = new Map(own);
    for (const q of issue.questions) addInto(vector, this.deps.matcher.terms(q), this.tuning.questionWeight);
    if (followUp) {
      scale(vector, this.tuning.followUpNewWeight);
      addInto(vector, this.deps.matcher.terms(legalIssueOf(followUp.lastQuestion).text), 1);
    }
    return vector;
  }

  /**
   * Two kinds of entry must win clearly to be used. An out-of-scope entry turns the user away, so a
   * consumer-law entry close behind it is the better reading (a debt collector harassing a
   * borrower's contacts is harassment, not a private debt). A clarifying entry asks for a missing
   * fact, which a story or a detailed question has usually given.
   */
  private preferAnswers(ranked: EntryMatch[], issue: LegalIssue, dealing: boolean): EntryMatch[] {
    const detailed = issue.text.split(/\s+/).length > this.tuning.clarifyMaxWords;
    const candidates = detailed ? ranked.filter((m) => m.entry.kind !== 'clarify') : ranked;
    const best = candidates[0];
    // No word of a consumer dealing at all, and an out-of-scope matter close behind: that matter it is.
    if (best && best.entry.kind !== 'out_of_scope' && !dealing) {
      const outside = candidates.slice(1, 3).find((m) => m.entry.kind === 'out_of_scope' && m.score >= best.score * this.tuning.outsideDealingRatio);
      if (outside) return [outside, ...candidates.filter((m) => m !== outside)];
    }
    if (!best || best.entry.kind !== 'out_of_scope') return candidates;
    const answer = candidates.find((m) => m.entry.kind === 'answer');
    if (!answer || answer.score < best.score * this.tuning.outOfScopeMargin) return candidates;
    return [answer, ...candidates.filter((m) => m !== answer)];
  }

  /**
   * A business asking about its own duties ("Cửa hàng chúng tôi muốn bán hàng ở hội chợ…", "We run
   * a gym…") is answered by the entries written for businesses: the consumer's side of the same
   * situation (the right to return goods bought at a fair) shares its words but not its answer.
   */
  private forSpeaker(ranked: EntryMatch[], question: string): EntryMatch[] {
    if (!speaksAsBusiness.test(foldDiacritics(question).toLowerCase())) return ranked;
    return ranked
      .map((m) => (m.entry.audience === 'consumer' ? { ...m, score: m.score * this.tuning.businessSpeakerConsumerShare } : m))
      .sort((a, b) => b.score - a.score);
  }

  private inConsumerDealing(question: string): boolean {
    const words = ` ${foldedWords(question).join(' ')} `;
    return this.consumerWords.some((w) => words.includes(` ${w} `));
  }

  /**
   * A follow-up either changes the situation ("còn nếu mua online thì sao?": another entry answers
   * it) or a fact within it ("nếu tổng đơn chỉ 3 triệu?", "what if I signed in 2023?": the same
   * entry, read with the new fact). The new words alone decide which: another entry takes over only
   * when they match it clearly better than the entry already given. A consumer question's follow-up
   * is never turned away as out of scope.
   */
  private followUpRanking(ranked: EntryMatch[], request: AnswerRequest, newWords: ReadonlyMap<string, number>, previousId: string): EntryMatch[] {
    const consumer = ranked.filter((m) => m.entry.kind !== 'out_of_scope');
    const previous = consumer.find((m) => m.entry.id === previousId) ?? this.asMatch(previousId);
    const keep = () => (previous ? [previous, ...consumer.filter((m) => m.entry.id !== previousId)] : consumer);
    // A date before a cut-over changes which law applies, not the situation.
    if (this.beforeCutOver(request)) return keep();
    const alone = this.deps.matcher.rank(newWords, 12).filter((m) => m.entry.kind === 'answer');
    const previousAlone = alone.find((m) => m.entry.id === previousId)?.score ?? 0;
    const other = alone.find((m) => m.entry.id !== previousId);
    if (!other || other.score < this.tuning.followUpSwitch || other.score < previousAlone * 1.5) return keep();
    // The topic changed; which entry answers it is read with the earlier question, which says what
    // the new condition applies to ("trả lại" + "mua online" is a return bought online).
    return consumer.filter((m) => m.entry.id !== previousId);
  }

  private asMatch(id: string): EntryMatch | undefined {
    const entry = this.deps.guidance.byId(id);
    return entry ? { entry, score: this.tuning.entryThreshold, phrasing: '' } : undefined;
  }

  /**
   * A clarifying entry asks for the one fact the answer turns on; when the message already states
   * it, one of the cases scores nearly as well as the question itself, and that case is answered.
   */
  private resolveClarify(best: EntryMatch | undefined, ranked: readonly EntryMatch[]): EntryMatch | undefined {
    if (!best || best.entry.kind !== 'clarify') return best;
    const cases = new Set(best.entry.options.map((o) => o.entry));
    const option = ranked.find((m) => cases.has(m.entry.id));
    return option && option.score >= best.score * this.tuning.clarifyResolve ? option : best;
  }

  /** Entries gain a little when retrieval's best clauses are the ones they cite: law and phrasing agree. */
  private boost(matches: EntryMatch[], hits: readonly SearchHit[]): EntryMatch[] {
    if (hits.length === 0) return matches;
    const rankOf = new Map<string, number>();
    const clauseRank = new Map<string, number>();
    hits.forEach((h, i) => {
      const key = articleKey(h.passage.docId, h.passage.article);
      if (key && !rankOf.has(key)) rankOf.set(key, i);
      if (key && h.passage.clause !== null && !clauseRank.has(`${key}.${h.passage.clause}`)) clauseRank.set(`${key}.${h.passage.clause}`, i);
    });
    return matches
      .map((m) => {
        if (m.entry.kind !== 'answer') return m;
        let gain = 0;
        m.entry.citations.forEach((c, i) => {
          const rank = rankOf.get(articleKey(c.doc, c.article)!);
          if (rank === undefined) return;
          // A long article (a list of prohibitions, a platform's duties) meets many questions: the
          // clause the entry cites agreeing counts in full, the article alone by half. Two entries
          // may cite the same clause, one to decide and one in passing (a door-to-door seller's
          // conduct also names the cooling-off clause): the one it decides counts more.
          const sameClause = c.clause === undefined || clauseRank.get(`${articleKey(c.doc, c.article)}.${c.clause}`) !== undefined;
          const deciding = i === 0 ? 1 : this.tuning.laterCitationShare;
          gain = Math.max(gain, (deciding * (sameClause ? 1 : this.tuning.articleBoostShare)) / (rank + 1));
        });
        return gain === 0 ? m : { ...m, score: m.score + this.tuning.lawBoost * gain };
      })
      .sort((a, b) => b.score - a.score);
  }

  /**
   * The situation a "which law applies?" question is about, for a transaction before a cut-over:
   * the best entry after the one that explains the transition, when it says what the former texts
   * held. Entries tagged `which-law` explain the transition itself.
   */
  private situationOfTransition(best: EntryMatch, ranked: readonly EntryMatch[], request: AnswerRequest): { situation: AnswerEntry; transition: AnswerEntry } | null {
    if (best.entry.kind !== 'answer') return null;
    const explainsTransition = (e: GuidanceEntry) => e.kind === 'answer' && e.topics.includes(transitionTopic);
    // The cheap tests first: reading the question's dates is the costly one.
    if (!explainsTransition(best.entry)) {
      // The situation ranked first and the message asks outright which law applies to it.
      if (!best.entry.before2024?.citations.length || !asksWhichLaw.test(foldDiacritics(request.question).toLowerCase()) || !this.beforeCutOver(request)) return null;
      const transition = this.deps.guidance.entries.find(explainsTransition);
      return transition?.kind === 'answer' ? { situation: best.entry, transition } : null;
    }
    if (!this.beforeCutOver(request)) return null;
    const next = ranked.slice(1).find((m) => m.entry.kind === 'answer' && !explainsTransition(m.entry));
    if (!next || next.entry.kind !== 'answer' || !next.entry.before2024?.citations.length) return null;
    return next.score >= this.tuning.entryThreshold && next.score >= best.score * this.tuning.transitionSituationRatio ? { situation: next.entry, transition: best.entry } : null;
  }

  private secondIssue(ranked: readonly EntryMatch[], best: EntryMatch, twoQuestions: boolean): AnswerEntry | null {
    if (best.entry.kind !== 'answer') return null;
    // A message that asks two things may well be about two situations; otherwise only a near tie is.
    const ratio = twoQuestions ? this.tuning.secondIssueRatio * 0.7 : this.tuning.secondIssueRatio;
    const cited = new Set(best.entry.citations.map((c) => articleKey(c.doc, c.article)));
    for (const m of ranked.slice(1, 4)) {
      if (m.score < best.score * ratio) return null;
      if (m.entry.kind !== 'answer') continue;
      if (m.entry.citations.some((c) => cited.has(articleKey(c.doc, c.article)))) continue;
      return m.entry;
    }
    return null;
  }

  private async fromEntry(entry: GuidanceEntry, request: AnswerRequest, locale: Locale, also: readonly AnswerEntry[], hits: readonly SearchHit[] = []): Promise<QaAnswer> {
    if (entry.kind === 'out_of_scope') return this.outOfScope(entry, request, locale);
    if (entry.kind === 'clarify') return this.clarify(entry, request, locale);
    return this.guided(entry, request, locale, also, hits);
  }

  private async guided(entry: AnswerEntry, request: AnswerRequest, locale: Locale, also: readonly AnswerEntry[], hits: readonly SearchHit[], transition?: AnswerEntry): Promise<QaAnswer> {
    const t = this.deps.translators(locale);
    const fill = this.placeholders(request.question, t);
    const before = this.beforeCutOver(request);
    const old = before ? await this.formerRule(entry, request, locale) : null;

    // For a transaction before the cut-over, what applied then comes first; today's rule follows.
    // Asked which law applies, the answer says that first, then what that law said of the situation.
    const then = fitVerdictToQuestion(old && entry.before2024 ? entry.before2024[locale] : (statedCase(entry, request.question)?.[locale] ?? entry.verdict[locale]), request.question, entry.offer.includes('complaint'), t);
    // Asked both ("có được không, áp dụng luật nào?"), the yes or no comes first.
    const alsoYesNo = yesNoQuestion.test(foldDiacritics(request.question).toLowerCase());
    const verdict = transition?.before2024 && old ? (alsoYesNo ? `${then} ${transition.before2024[locale]}` : `${transition.before2024[locale]} ${then}`) : then;
    const steps = entry.steps.map((s) => fill(s[locale]));
    if (!steps.some((s) => s.includes(this.deps.contacts.hotline))) steps.push(t.t('answer.guided.helpStep', { hotline: this.deps.contacts.hotline }));
    const [main, ...rest] = this.citationsFor(entry, hits);
    // The head (verdict, conditions, steps) may be reworded by a chat model; the legal basis and
    // what follows it are always the composer's own.
    const variants = (detail: number): { head: string[]; tail: string[] } => {
      const head = [verdict];
      if (!old) head.push(...entry.conditions.slice(0, detail >= 3 ? 3 : detail >= 1 ? 2 : 1).map((c) => `• ${fill(c[locale])}`));
      head.push(t.t('answer.guided.steps'), ...steps.slice(0, detail >= 2 ? 4 : detail >= 0 ? 3 : detail >= -1 ? 2 : 1).map((s, i) => `${i + 1}. ${s}`));
      const tail: string[] = [];
      if (old) {
        tail.push(old.text);
        // Today's rule is named by its law, not its article: an article of today's law cited under
        // a transaction it does not govern reads as the basis of the answer.
        if (main) tail.push(t.t('answer.guided.sinceCutOver', { date: this.dateText(this.deps.facts.cutOverOf(old.citations[0]!.doc) ?? '', locale), verdict: `${firstSentence(entry.verdict[locale])} (${lawName(this.deps.knowledgeBase.document(main.doc)!.metadata, locale)})` }));
      } else {
        if (main) tail.push(this.basisLine(main, locale, t, detail >= 1 ? 'quote' : 'short'));
        if (rest.length > 0 && detail >= 2) tail.push(t.t('answer.guided.alsoBasis', { citations: rest.map((c) => this.cite(c, locale)).join('; ') }));
      }
      // At the least detail the second issue is named by its button alone.
      if (also[0] && detail >= -1) tail.push(t.t('answer.guided.secondIssue', { topic: topicOf(also[0], locale) }));
      return { head, tail };
    };
    const fitted = fitWithin(variants, this.tuning.maxLength);
    let text = [...fitted.head, ...fitted.tail].join('\n');
    let source: QaAnswer['source'] = 'offline';
    if (this.deps.writer) {
      const sources = [entry.verdict[locale], ...entry.conditions.map((c) => c[locale]), ...steps, ...entry.citations.map((c) => `${this.cite(c, 'vi')}: ${quoteProvision(this.deps.knowledgeBase, c) ?? ''}`)].join('\n');
      const written = await this.deps.writer.write({ question: request.question, locale, draft: fitted.head.join('\n'), sources, allowed: [...(old?.citations ?? []), ...entry.citations].map(toRef) });
      if (written) [text, source] = [[written, ...fitted.tail].join('\n'), 'llm'];
    }
    const citations: CitationRef[] = [...(old?.citations ?? []), ...(main ? [main, ...rest] : [])].map(toRef);
    const options: AnswerOption[] = [];
    const shown = old?.citations[0] ?? main;
    if (shown) options.push({ id: `${choicePrefix.article}${shown.doc}#${shown.article}`, label: t.t('answer.guided.option.article', { article: shown.article }) });
    // Today's article stays one tap away when the answer rests on the former text.
    if (old && main) options.push({ id: `${choicePrefix.article}${main.doc}#${main.article}`, label: t.t('answer.guided.option.currentArticle', { article: main.article }) });
    for (const e of also) options.push({ id: `${choicePrefix.entry}${e.id}`, label: t.t('answer.guided.option.entry', { topic: shortLabel(topicOf(e, locale)) }) });
    return {
      text,
      confident: true,
      citations,
      context: { lastQuestion: request.question, citations, entryId: entry.id },
      source,
      locale,
      offer: entry.offer,
      options,
    };
  }

  /**
   * The entry's citations with the one the question is about first. An entry covers a situation
   * whose provisions settle different questions within it (a contract in tiny print is the
   * decree's font rule, an English version that differs from the Vietnamese one is the law's
   * language clause). When retrieval's very first clauses are a later citation's own clause and
   * find nothing of the first citation's article, that one leads; otherwise the entry's order stands.
   */
  private citationsFor(entry: AnswerEntry, hits: readonly SearchHit[]): GuidanceCitation[] {
    const cited = entry.citations;
    if (cited.length < 2 || hits.length === 0) return [...cited];
    const rankOf = (c: GuidanceCitation, within: number): number => {
      const i = hits.slice(0, within).findIndex((h) => articleKey(h.passage.docId, h.passage.article) === articleKey(c.doc, c.article) && (c.clause === undefined || h.passage.clause === c.clause));
      return i < 0 ? Infinity : i;
    };
    // The entry's first article among any of the clauses found: the entry's order stands.
    const firstArticle = articleKey(cited[0]!.doc, cited[0]!.article);
    if (hits.some((h) => articleKey(h.passage.docId, h.passage.article) === firstArticle)) return [...cited];
    let lead = 0;
    let best = Infinity;
    cited.forEach((c, i) => {
      const rank = rankOf(c, this.tuning.citationLead);
      if (i > 0 && c.clause !== undefined && rank < best) [lead, best] = [i, rank];
    });
    return lead === 0 ? [...cited] : [cited[lead]!, ...cited.filter((_, i) => i !== lead)];
  }

  /** The question is about a transaction before a cut-over, or names a former text. */
  private beforeCutOver(request: AnswerRequest): boolean {
    const cutOver = this.deps.facts.latestCutOver(request.now);
    if (cutOver === null) return false;
    const former = this.deps.facts.formerTextsOn(request.now).flatMap((id) => {
      const doc = this.deps.knowledgeBase.document(id);
      return doc ? [doc.metadata] : [];
    });
    const signals = applicabilitySignals(request.question, request.now, former);
    return signals.mentionsOldLaw || (signals.earliestDate !== null && signals.earliestDate < cutOver);
  }

  /**
   * For a transaction before the cut-over: what the former text said, marked as no longer in force
   * with the transitional rule. The entry's own reading when it has one; otherwise the former
   * texts' clause that retrieval finds for the question, when it is confident.
   */
  private async formerRule(entry: AnswerEntry, request: AnswerRequest, locale: Locale): Promise<{ text: string; citations: GuidanceCitation[] } | null> {
    const question = request.question;
    const t = this.deps.translators(locale);
    const first = entry.before2024?.citations[0];
    if (first) {
      const until = this.until(first.doc, locale);
      const transitional = this.transitional(first.doc, locale);
      return { text: t.t('answer.guided.before2024Basis', { citation: this.cite(first, locale), until, transitional }), citations: entry.before2024!.citations };
    }
    const former = this.deps.facts.formerTextsOn(request.now);
    if (former.length === 0) return null;
    const found = await this.deps.search.search(legalIssueOf(question).text || question, { k: 3, docIds: former });
    const hit = found.hits[0];
    if (!hit || hit.passage.article === null || found.confidence < this.tuning.clauseThreshold) return null;
    const c: GuidanceCitation = { doc: hit.passage.docId, article: hit.passage.article, ...(hit.passage.clause === null ? {} : { clause: hit.passage.clause }) };
    const head = t.t('answer.guided.oldCorresponding', { citation: this.cite(c, locale), until: this.until(c.doc, locale), transitional: this.transitional(c.doc, locale) });
    const quote = locale === 'vi' ? quoteProvision(this.deps.knowledgeBase, c) : null;
    return { text: quote ? `${head} «${quote}»` : head, citations: [c] };
  }

  private outOfScope(entry: OutOfScopeEntry, request: AnswerRequest, locale: Locale): QaAnswer {
    const t = this.deps.translators(locale);
    const fill = this.placeholders(request.question, t);
    const lines = [entry.verdict[locale], t.t('answer.guided.handler', { handler: fill(entry.handler[locale]) })];
    lines.push(...entry.conditions.slice(0, 1).map((c) => `• ${fill(c[locale])}`));
    lines.push(...entry.steps.slice(0, 3).map((s, i) => `${i + 1}. ${fill(s[locale])}`));
    lines.push(t.t('answer.guided.outOfScopeHelp', { hotline: this.deps.contacts.hotline }));
    return {
      text: lines.join('\n'),
      confident: false,
      citations: [],
      context: { lastQuestion: request.question, citations: [], entryId: entry.id },
      source: 'offline',
      locale,
      offer: ['handoff'],
      options: [],
      outOfScope: true,
    };
  }

  private clarify(entry: ClarifyEntry, request: AnswerRequest, locale: Locale): QaAnswer {
    const t = this.deps.translators(locale);
    return {
      text: [entry.question[locale], t.t('answer.guided.clarifyHint')].join('\n'),
      confident: true,
      citations: [],
      context: { lastQuestion: request.question, citations: [], pendingClarify: entry.id },
      source: 'offline',
      locale,
      offer: [],
      options: entry.options.map((o) => ({ id: `${choicePrefix.entry}${o.entry}`, label: o.label[locale] })),
    };
  }

  /** The reply to a clarifying question typed in words: the option whose label it echoes best. */
  private pickClarifyOption(entryId: string, reply: string): GuidanceEntry | null {
    const entry = this.deps.guidance.byId(entryId);
    if (!entry || entry.kind !== 'clarify') return null;
    const words = new Set(foldedWords(reply));
    let best: { id: string; score: number } | null = null;
    for (const option of entry.options) {
      const label = new Set([...foldedWords(option.label.vi), ...foldedWords(option.label.en)]);
      let score = 0;
      for (const w of label) if (w.length > 1 && words.has(w)) score += 1;
      if (score > 0 && (!best || score > best.score)) best = { id: option.entry, score };
    }
    return best ? (this.deps.guidance.byId(best.id) ?? null) : null;
  }

  /** No entry fits but a clause does: say it is the most relevant provision, quoted whole. */
  private related(request: AnswerRequest, question: string, hit: SearchHit, locale: Locale): QaAnswer {
    const t = this.deps.translators(locale);
    const p = hit.passage;
    const lines: string[] = [];
    let citations: CitationRef[] = [];
    const options: AnswerOption[] = [];
    if (p.article !== null) {
      const target: CitedProvision = { doc: p.docId, article: p.article, clause: p.clause ?? undefined, point: this.bestPoint(p.docId, p.article, p.clause, question) };
      lines.push(t.t('answer.guided.related', { citation: this.cite(target, locale) }));
      if (locale === 'vi') lines.push(`«${quoteProvision(this.deps.knowledgeBase, target) ?? p.text}»`);
      citations = [toRef(target)];
      options.push({ id: `${choicePrefix.article}${p.docId}#${p.article}`, label: t.t('answer.guided.option.article', { article: p.article }) });
    } else {
      const doc = this.deps.knowledgeBase.document(p.docId)!.metadata;
      lines.push(t.t('answer.guided.related', { citation: `${locale === 'en' ? 'section' : 'mục'} ${p.section} ${lawName(doc, locale)}` }));
      if (locale === 'vi') lines.push(`«${sentencesWithin(p.text.replace(/\n/g, ' '), 250)}»`);
      citations = [{ doc: p.docId, article: null, clause: null, section: p.section }];
    }
    lines.push(t.t('answer.guided.relatedStep', { hotline: this.deps.contacts.hotline }));
    return {
      text: lines.join('\n'),
      confident: true,
      citations,
      context: { lastQuestion: question, citations },
      source: 'offline',
      locale,
      offer: ['handoff'],
      options,
    };
  }

  /**
   * A plan's section answers: the question named the plan (searched within it), or named only the
   * plan's province and retrieval's best passage is in that plan. The line of the section that
   * answers comes first, quoted as printed; a yes-or-no question that line covers is answered "Có".
   */
  private async fromPlan(request: AnswerRequest, searchText: string, plan: PlanReference, hits: readonly SearchHit[], locale: Locale): Promise<QaAnswer | null> {
    const within = plan.namesPlan ? (await this.deps.search.search(searchText, { k: 3, docIds: plan.plans })).hits : hits.slice(0, 1);
    const hit = within.find((h) => h.passage.section !== null && plan.plans.includes(h.passage.docId) && h.passage.text.trim() !== '');
    if (!hit) return null;
    const sections = this.deps.knowledgeBase.passages.filter((x) => x.docId === hit.passage.docId && x.section !== null && x.text.trim() !== '');
    const p = sectionNamedBy(request.question, sections) ?? hit.passage;
    const t = this.deps.translators(locale);
    const doc = this.deps.knowledgeBase.document(p.docId)!.metadata;
    const { lines, coverage } = answeringLines(p.text, request.question, [doc.province ?? '']);
    const asksYesNo = yesNoQuestion.test(foldDiacritics(request.question).toLowerCase());
    const verdict = asksYesNo && coverage >= 0.5 ? `${t.t('answer.guided.plan.yes')} ` : '';
    const quote = sentencesWithin(lines.join(' '), 250);
    const text = [
      `${verdict}${t.t('answer.guided.plan.basis', { section: p.section!, plan: documentName(doc, locale), id: doc.id, quote })}`,
      ...(doc.status === 'in_force' ? [] : [t.t('answer.applicable.planExpired', { doc: documentName(doc, locale) })]),
      t.t('answer.guided.relatedStep', { hotline: this.deps.contacts.hotline }),
    ].join('\n');
    const citations: CitationRef[] = [{ doc: p.docId, article: null, clause: null, section: p.section }];
    return { text, confident: true, citations, context: { lastQuestion: request.question, citations }, source: 'offline', locale, offer: ['handoff'], options: [] };
  }

  private article(docId: string, number: number, request: AnswerRequest, locale: Locale): QaAnswer {
    const t = this.deps.translators(locale);
    const doc = this.deps.knowledgeBase.document(docId);
    const article = doc?.articles.find((a) => a.number === number);
    if (!doc || !article) return this.plain(t.t('answer.article.notFound', { article: number, doc: doc?.metadata.id ?? docId }), request, locale);
    const lines = [t.t('answer.article.heading', { citation: this.cite({ doc: doc.metadata.id, article: number }, locale) }), fullArticleText(article)];
    if (doc.metadata.status !== 'in_force') lines.push(t.t('answer.article.repealed', { until: this.until(doc.metadata.id, locale) }));
    const citations: CitationRef[] = [{ doc: doc.metadata.id, article: number, clause: null, section: null }];
    return { text: lines.join('\n'), confident: true, citations, context: request.context, source: 'offline', locale, offer: [], options: [] };
  }

  private plain(text: string, request: AnswerRequest, locale: Locale): QaAnswer {
    return { text, confident: true, citations: [], context: request.context, source: 'offline', locale, offer: [], options: [] };
  }

  private basisLine(c: GuidanceCitation, locale: Locale, t: Translator, detail: 'quote' | 'short'): string {
    const head = `${t.t('answer.guided.basis')} ${this.cite(c, locale)}`;
    // English readers get the reference; the Vietnamese wording is one tap away (full article).
    if (locale === 'en' || detail === 'short') return `${head}.`;
    const quote = quoteProvision(this.deps.knowledgeBase, c);
    return quote ? `${head}: «${quote}»` : `${head}.`;
  }

  private cite(c: CitedProvision, locale: Locale): string {
    const doc = this.deps.knowledgeBase.document(c.doc)!.metadata;
    return citationText(c, doc, locale);
  }

  private until(docId: string, locale: Locale): string {
    const from = this.deps.facts.cutOverOf(docId);
    return from ? this.dateText(from, locale) : '';
  }

  private transitional(docId: string, locale: Locale): string {
    const provision = this.deps.facts.transitionalOf(docId);
    return provision ? this.cite(provision, locale) : '';
  }

  private dateText(iso: string, locale: Locale): string {
    if (locale === 'vi') return formatVietnameseDate(iso);
    return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  /** {hotline}, {association}, {agency}: for the province the user named, never one assumed. */
  private placeholders(question: string, t: Translator): (text: string) => string {
    const province = this.deps.findProvince(question);
    const values: Record<string, string> = {
      hotline: this.deps.contacts.hotline,
      association: province ? t.t('answer.guided.association.known', { province }) : t.t('answer.guided.association.unknown'),
      agency: province ? t.t('answer.guided.agency.known', { province }) : t.t('answer.guided.agency.unknown'),
    };
    return (text) => text.replace(/\{(hotline|association|agency)\}/g, (_, name: string) => values[name]!);
  }

  /** The point of a clause that shares most words with the question, for a precise citation. */
  private bestPoint(docId: string, article: number, clause: number | null, question: string): string | undefined {
    if (clause === null) return undefined;
    const points = this.deps.knowledgeBase.article(docId, article)?.clauses.find((c) => c.number === clause)?.points ?? [];
    if (points.length === 0) return undefined;
    const words = new Set(foldedWords(question).filter((w) => w.length > 2));
    let best: { letter: string; score: number } | null = null;
    for (const p of points) {
      const score = foldedWords(p.text).filter((w) => words.has(w)).length;
      if (score > 0 && (!best || score > best.score)) best = { letter: p.letter, score };
    }
    return best?.letter;
  }

  private findDocument(text: string): string | undefined {
    const key = normaliseDocId(text);
    return this.deps.knowledgeBase.documents.find((d) => normaliseDocId(d.metadata.id).startsWith(key))?.metadata.id;
  }
}

/** Builds the reply at decreasing detail until it fits: the verdict and the first step always stay. */
function fitWithin(variants: (detail: number) => { head: string[]; tail: string[] }, max: number): { head: string[]; tail: string[] } {
  for (let detail = 3; detail > -2; detail--) {
    const v = variants(detail);
    if ([...v.head, ...v.tail].join('\n').length <= max) return v;
  }
  return variants(-2);
}

/** Questions that ask who, where, how, how long or how much: "Có." and "Không." answer none of them. */
// "cơ quan nào", "trường hợp nào" ask which, "những thông tin gì" what; "ngày nào cũng" (every
// day) and "gì cả" (anything at all) do not.
const openQuestion = /\b(ai|o dau|cho nao|lam sao|lam gi|the nao|nhu the nao|ntn|bao lau|bao nhieu|khi nao|luc nao|gom nhung gi|nhung gi|la gi|who|where|how|what|when|which)\b|\b(nao|gi)\b(?! cung| ca\b| het\b)|\b(xu ly|giai quyet|tinh|doi|lay lai|bao|kien) sao\b/;
// "what do I do?", "what can I do?" ask how, not whether; so do "xử lý sao", "đòi sao" (how).
// A message ending in "không?" asks yes or no, whatever a story before it says ("chờ khi nào rảnh").
// An English sentence that opens with an auxiliary ("Can an online seller charge me … when I
// ordered?") asks yes or no, whatever question word a clause inside it uses ("do" is left to "do i",
// "do they": folded, a Vietnamese sentence may open with "Do" (because) or "Đó").
const yesNoQuestion = /(^|[.?!]\s+)(can|may|must|should|is|are|does|did|will|would|could|has|have)\s|\b(co duoc|duoc khong|duoc ko|dc ko|dc k|co phai|phai khong|co bi|co can|co the|(?<!(?:what|how|where|who) )(?:can i|can they|do i|should i|must i|may i)|is (?:it|that|this|there)|are (?:they|these|those)|do they|does)\b|\b(khong|ko|k)\s*\??\s*$/;

/**
 * "shop làm vậy có đúng không?" / "như vậy có sai luật không?": the user asks whether what the
 * business did is right, so a bare "Có." or "Không." answering the entry's own question would
 * read backwards ("shop không xuất hóa đơn, đúng không?" → "Có. Người bán phải đưa hóa đơn").
 */
// "họ có được làm vậy không?" and "vậy mà cũng được hả?" ask the same of what the business did.
const askedIfRight =
  /\b(co )?(dung|dung luat|hop phap|hop ly|duoc phep)( vay| the| nhu vay)?( khong| ko| k| hok| hem| ha| a| chu)\b|\b(duoc|dc) (lam )?(vay|the|nhu vay|nhu the)( khong| ko| k| hok| hem| ha| a| chu)\b|\b(vay ma|the ma) (cung )?(duoc|dc)( ha| a| sao| u| luon)?\b|\bis (that|this|it) (legal|allowed|right|ok|okay|fair|lawful)\b/;
/**
 * "e có phải trả ko?", "có bắt buộc phải trả không?", "vậy mình chịu luôn hả?", "do I have to pay?":
 * the user asks whether the cost falls on them. An entry that backs the consumer answers no.
 */
const askedIfOwed =
  /\b(co )?(phai|bat buoc( phai)?|buoc phai) (tra|thanh toan|chiu|den|boi thuong|dong)( them| tien| phi| luon| khoan nay| khoan do)?( khong| ko| k| hok| hem| ha| a| chu| sao)\b|\bchiu (luon|thiet)( ha| a| sao| u| luon)\b|\b(do|must|should) (i|we) (have to |need to )?(pay|bear)\b|\bam i (required|obliged) to pay\b/;
/**
 * The one who may owe or must act, named before "có phải": "tiệm đó có phải bồi thường không?",
 * "nhà mạng … có phải báo trước không?", "luật có bắt doanh nghiệp phải …", "does the seller have to …".
 * Then the question is about the business's duty, not the user's.
 */
const businessSubject = /\b(shop|cua hang|tiem|ho|nguoi ban|ben ban|cong ty|cty|doanh nghiep|nha mang|nha cung cap|nha hang|quan|sieu thi|ngan hang|trung tam|hang|san|nen tang|dien luc|cap nuoc|ben cho vay|nha xe|khach san|phong kham|ban quan ly|nha truong|the seller|the shop|the store|the business|the company|the provider|the bank|the platform|they|sellers|businesses)\b/;
const dutyAsked = /\b(?:(?:co )?(?:phai|bat buoc(?: phai)?|buoc phai|co nghia vu|co trach nhiem)|(?:have|has|need|needs|required|obliged) to)\s+(?!(?:tra|thanh toan|chiu|dong)\b)\p{L}/u;
const lawObliges = /\b(luat|phap luat|quy dinh) (co )?(bat|buoc|yeu cau)\b|\b(does|is) the law (require|oblige)/;

function asksBusinessDuty(q: string): boolean {
  const last = q.split(/[.!?](?=\s)/).filter((x) => x.trim() !== '').at(-1) ?? q;
  const duty = dutyAsked.exec(last);
  if (!duty || !yesNoQuestion.test(last)) return false;
  // "How many working days does the seller have to …": a question word first asks how, not whether.
  if (/^\s*(how|what|when|where|which|who|why)\b/.test(last)) return false;
  // "… và phải làm thủ tục gì?": the duty is asked with a question word, not yes or no.
  // "… trong một thời hạn nào không?" still asks yes or no.
  if (/\b(gi|nao|sao|the nao|bao lau|bao nhieu|o dau|ai|what|which|how|when|where)\b(?![^?]*\b(khong|ko|k)\s*\??\s*$)/.test(last.slice(duty.index))) return false;
  return lawObliges.test(last) || businessSubject.test(last.slice(0, duty.index));
}
const consumerClaims = /(có quyền (đòi|yêu cầu)|đòi lại được|được đòi|phải bồi thường)|(you may (ask for|claim)|you can get it back|must compensate)/iu;
const againstMakingPay = /(nghiêm cấm|bị cấm|không được)[^.]*(thanh toán|trả tiền|thu tiền|thu thêm)|(prohibited|banned|forbidden|may not)[^.]*(pay|charg)/iu;
/**
 * "Cửa hàng có được từ chối đổi không?", "shop có quyền không hoàn tiền không?", "Can the seller
 * refuse to refund me?": the user asks whether the business may deny what the entry says is owed,
 * so the entry's "Có." (you are owed it) answers that question with "Không".
 */
// Also passing the consumer on: "cửa hàng có được chuyển yêu cầu cho hãng tự giải quyết không?".
const askedIfMayRefuse =
  /\b(co )?(duoc|dc|duoc phep|duoc quyen|co quyen) (tu choi|khong (chiu |cho )?(doi|tra|hoan|nhan|bao hanh|giai quyet|boi thuong|den bu)|(chuyen|day|dua) (yeu cau|khieu nai|trach nhiem|viec nay|toi|khach)? ?(cho|sang|qua) (hang|ben|nha san xuat|nguoi khac|doi tac))\b|\b(can|may|is|are) (the |a |an |my |this |that )?(shop|seller|store|business|company|bank|platform|they|it|he|she)( allowed to| legally)? (refuse|deny|decline|reject|keep my money|not (refund|exchange|repair|accept))\b/;
const askedIfWrong = /\b(co )?(sai|sai luat|vi pham|trai luat|trai phep|pham luat)( luat| gi| vay| the| nhu vay)?( khong| ko| k| hok| hem| ha| a| chu)\b|\bis (that|this|it) (illegal|unlawful|against the law|a violation)\b/;

/**
 * An entry's verdict opens with "Có." or "Không." for the yes-or-no way of asking. Asked "báo ai?"
 * or "how long?", the bare word would answer nothing, so the sentence after it leads instead.
 * Asked whether the business was right, an entry that backs the consumer's grievance (it offers a
 * complaint) answers "Không đúng." / "Có, như vậy là sai." instead.
 */
function fitVerdictToQuestion(verdict: string, question: string, backsConsumer: boolean, t: Translator): string {
  const q = foldDiacritics(question).toLowerCase();
  // A verdict that judges the practice wrong ("Không đúng luật.") answers "is it a violation?" with yes.
  const judged = /^(Không đúng luật|Không đúng|Sai luật|That is not lawful|That is unlawful)\.\s+(?=\p{Lu})/u.exec(verdict);
  if (judged && askedIfWrong.test(q)) return `${t.t('answer.guided.framing.wrong')} ${verdict.slice(judged[0].length)}`;
  // Only a rule against making consumers pay, or one that lets them claim, says "no" to "must I
  // pay?" or "do I just bear it?": "Có." may equally say that a trial could be declined in time,
  // and then the cost is the user's after all.
  // "tiệm đó có phải bồi thường không?": whether the business owes; "Có." already answers it.
  const businessDuty = asksBusinessDuty(q);
  if (backsConsumer && askedIfOwed.test(q) && !businessDuty && (againstMakingPay.test(verdict) || consumerClaims.test(verdict))) {
    const yes = /^(Có|Yes)[,.]\s+/u.exec(verdict);
    if (yes) return `${t.t('answer.guided.framing.notOwed')} ${upperFirst(verdict.slice(yes[0].length))}`;
  }
  if (backsConsumer && askedIfMayRefuse.test(q)) {
    const owed = /^(Có|Được|Yes)[,.]\s+/u.exec(verdict);
    if (owed) return `${t.t('answer.guided.framing.mayNotRefuse')} ${upperFirst(verdict.slice(owed[0].length))}`;
  }
  if (backsConsumer) {
    // "Có, đó là quấy rối…" asked "is that right?" answers no; "Không được tự ý sửa…" asked "is that
    // a violation?" answers yes: the same rule, said the way the question was put.
    const agreeing = /^(Có|Yes),\s+/u.exec(verdict);
    if (agreeing && askedIfRight.test(q)) return `${t.t('answer.guided.framing.notRightAnd')} ${verdict.slice(agreeing[0].length)}`;
    if (/^(Không được|Not allowed)\s/u.test(verdict) && !/^(Không được|Not allowed)\.\s/u.test(verdict) && askedIfWrong.test(q)) return `${t.t('answer.guided.framing.wrongBecause')} ${lowerFirst(verdict)}`;
  }
  // Asked whether the business must do something the entry says it must: a prohibition that says
  // what is owed instead ("Không được ngừng dịch vụ …; … phải báo …") or a duty stated plainly
  // ("Trong 03 ngày làm việc … người bán phải báo …") answers yes.
  // Not when the verdict speaks to a business asker ("Bạn phải báo khách …"): the duty is theirs.
  if (businessDuty && !/^(Bạn|You)\s/u.test(verdict)) {
    const forbids = /^(Không được|Not allowed)\.\s+(?=\p{Lu})/u.exec(verdict);
    const opening = firstSentence(verdict);
    const states = !/^(Có|Không|Được|Tùy|Yes|No|It depends)(?![\p{L}])/u.test(verdict) && /(?<![\p{L}])(?<!không )(phải|must|has to|have to)(?![\p{L}])/u.test(opening) && !/(?<![\p{L}])(không phải|không bắt buộc|need not|does not have to|not required)(?![\p{L}])/u.test(opening);
    if (forbids && /(?<![\p{L}])(phải|must)(?![\p{L}])/u.test(verdict)) return `${t.t('answer.guided.framing.businessMust')} ${verdict.slice(forbids[0].length)}`;
    if (states) return `${t.t('answer.guided.framing.businessMust')} ${verdict}`;
  }
  const bare = /^(Có|Không được|Không|Được|Yes|No)\.\s+(?=\p{Lu})/u.exec(verdict);
  if (!bare) return verdict;
  const rest = verdict.slice(bare[0].length);
  if (backsConsumer && askedIfWrong.test(q)) return `${t.t('answer.guided.framing.wrong')} ${rest}`;
  if (backsConsumer && askedIfRight.test(q)) return `${t.t('answer.guided.framing.notRight')} ${rest}`;
  if (!openQuestion.test(q) || yesNoQuestion.test(q)) return verdict;
  return rest;
}

/** The entry's verdict for the case the question states, if it states one of them. */
function statedCase(entry: AnswerEntry, question: string): { readonly vi: string; readonly en: string } | undefined {
  const q = ` ${foldDiacritics(question).toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  const says = (cue: string) => q.includes(` ${cue} `);
  return entry.whenStated.find((c) => c.cues.some(says) && !c.unless.some(says));
}

/**
 * The speaker is a business talking of itself: "công ty tôi", "cửa hàng chúng tôi", "chúng tôi
 * bán…", "we run a gym", "our shop". "Chúng tôi" alone may be a family of consumers.
 */
const speaksAsBusiness = /\b(cong ty|doanh nghiep|cua hang|shop|tiem|nha hang|trung tam|co so) (cua )?(toi|chung toi|minh|em|bon toi)\b|\b(chung toi|ben (toi|minh)) (dang |muon |se |co )?(ban|kinh doanh|san xuat|nhap khau|cung cap|phan phoi|mo|thue|tra tien cho|phat hien)\b|\bwe (run|sell|are an? |make|import|produce|provide|found|discovered|pay|paid|hired|want to sell)\b|\bour (shop|store|company|business|firm|customers|members|platform)\b/;

/** "áp dụng luật nào?", "theo luật cũ hay mới?", "which law applies?": the question is which law governs. */
const asksWhichLaw = /\b(luat nao|bo luat nao|van ban nao|luat cu hay (luat )?moi|luat moi hay (luat )?cu|which law|what law|which rules)\b/;

/** "… có được đổi không, và shop có phải đưa hóa đơn không?": two questions in one message. */
function asksTwoThings(question: string): boolean {
  const q = foldDiacritics(question).toLowerCase();
  const asks = q.match(/\?|\b(khong|ko)\b(?=\s*(,|\.|\?|$|va\b))/g) ?? [];
  return asks.length >= 2;
}

function upperFirst(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

function firstSentence(text: string): string {
  const [first = text, second] = text.split(/(?<=[.!?])\s+/u);
  // "Có." alone says little out of context: keep the sentence that says what.
  return first.length <= 12 && second ? `${first} ${second}` : first;
}

function topicOf(entry: AnswerEntry, locale: Locale): string {
  // Phrasings are written in both languages; the first one in the reader's language names the topic.
  const english = entry.phrasings.find((p) => !hasVietnameseLetters(p) && /\b(the|my|i|is|can|what|how|a)\b/i.test(p));
  return (locale === 'en' ? english : undefined) ?? entry.phrasings[0]!;
}

function shortLabel(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 38).replace(/\s+\S*$/, '')}…`;
}

function toRef(c: CitedProvision): CitationRef {
  return { doc: c.doc, article: c.article, clause: c.clause ?? null, section: null };
}

function articleKey(doc: string, article: number | null): string | null {
  return article === null ? null : `${normaliseDocId(doc)}#${article}`;
}

function splitArticleChoice(value: string): [string, number] {
  const at = value.lastIndexOf('#');
  return [value.slice(0, at), Number(value.slice(at + 1))];
}

function addInto(into: TermVector, from: ReadonlyMap<string, number>, weight: number): void {
  for (const [t, w] of from) into.set(t, (into.get(t) ?? 0) + w * weight);
}

function scale(vector: TermVector, factor: number): void {
  for (const [t, w] of vector) vector.set(t, w * factor);
}


function mostCitedDocument(entries: readonly GuidanceEntry[]): string | undefined {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.kind === 'answer') for (const c of e.citations) counts.set(c.doc, (counts.get(c.doc) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
