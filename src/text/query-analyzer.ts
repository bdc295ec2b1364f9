import { stemEnglish } from './english-stem.ts';
import { exactBigram, exactTerm, foldedBigram, foldedTerm } from './index-terms.ts';
import { tokenMatches, type Lexicon, type PhraseRule } from './lexicon.ts';
import { teencodeSpellings } from './teencode-spelling.ts';
import { makeToken, tokenize, type Token } from './tokenizer.ts';

/** How much each kind of query term counts; tuned on the evaluation styles, not on single questions. */
export interface QueryWeights {
  /** Bonus for matching a word with its accents as well as without. */
  readonly exact: number;
  /** Two neighbouring syllables matched together (compound words). */
  readonly bigram: number;
  readonly exactBigram: number;
  /** Law words added for a colloquial phrase, relative to the question's own words. */
  readonly colloquial: number;
  /** Vietnamese words standing in for an English phrase. */
  readonly english: number;
  /**
   * How many full-weight words a lexicon rule may add per word it matched. A rule with long
   * expansions has its words scaled down (square root) so it cannot outweigh the question.
   */
  readonly expansionMass: number;
  /** The typed shorthand itself ("UBND"), searched beside its spelled-out form. */
  readonly shorthandItself: number;
}

export const defaultQueryWeights: QueryWeights = {
  exact: 0.35,
  bigram: 0.9,
  exactBigram: 0.35,
  colloquial: 0.45,
  english: 1,
  expansionMass: 3,
  shorthandItself: 0.5,
};

export type TokenSource = 'question' | 'abbreviation' | 'lexicon';

export interface QueryToken {
  readonly token: Token;
  readonly weight: number;
  readonly source: TokenSource;
  /** A stop word: kept for two-word terms, never searched alone. */
  readonly stop: boolean;
  /** Whether its accents can be trusted (written with accents, or supplied by the lexicon). */
  readonly accentsKnown: boolean;
}

export interface AnalyzedQuery {
  readonly text: string;
  /** Read as English: glossary translations replace the English words. */
  readonly english: boolean;
  /** Written with Vietnamese accents. */
  readonly accented: boolean;
  /** The question's own words after shorthand was expanded (one reading), in order. */
  readonly tokens: readonly QueryToken[];
  /** Search terms with their weights (see index-terms.ts for the term forms). */
  readonly terms: ReadonlyMap<string, number>;
  /** Lexicon phrases that fired, for debugging and tests. */
  readonly expansions: readonly string[];
}

/** One way to read the question's shorthand; `fromLexicon` marks words the lexicon spelled out. */
interface Reading {
  readonly tokens: readonly Token[];
  readonly fromLexicon: readonly boolean[];
  /** The shorthand words as typed. */
  readonly shorthand: readonly Token[];
}

/** At most this many readings of ambiguous shorthand ("hđ": hợp đồng or hóa đơn) are searched. */
const MAX_READINGS = 8;

/**
 * Tells whether two neighbouring syllables form a word of the corpus ("điều kiện"), so a one-syllable
 * colloquial rule ("kiện": to sue) does not fire inside it. `exact` asks about the accented forms.
 */
export type CompoundTest = (a: Token, b: Token, exact: boolean) => boolean;

/** Whether the corpus uses this accent-free syllable at all. */
export type WordTest = (folded: string) => boolean;

export interface QueryAnalyzerOptions {
  readonly weights?: QueryWeights;
  readonly isCompound?: CompoundTest;
  readonly isKnownWord?: WordTest;
}

export class QueryAnalyzer {
  readonly weights: QueryWeights;
  private readonly isCompound: CompoundTest | undefined;
  private readonly isKnownWord: WordTest | undefined;

  constructor(
    readonly lexicon: Lexicon,
    options: QueryAnalyzerOptions = {},
  ) {
    this.weights = options.weights ?? defaultQueryWeights;
    this.isCompound = options.isCompound;
    this.isKnownWord = options.isKnownWord;
  }

  /** The same analyser told which words the corpus uses (the index knows them). */
  withCorpusVocabulary(isCompound: CompoundTest, isKnownWord?: WordTest): QueryAnalyzer {
    return new QueryAnalyzer(this.lexicon, { weights: this.weights, isCompound, ...(isKnownWord ? { isKnownWord } : {}) });
  }

  analyze(text: string): AnalyzedQuery {
    const raw = tokenize(text);
    const english = this.looksEnglish(raw);
    const markedShare = raw.length === 0 ? 0 : raw.filter((t) => t.marked).length / raw.length;
    const accented = !english && markedShare >= 0.3;

    const readings: Reading[] = english
      ? [{ tokens: raw.map((t) => makeToken(stemEnglish(t.folded))), fromLexicon: raw.map(() => false), shorthand: [] }]
      : this.expandShorthand(raw);
    const terms = new Map<string, number>();
    const expansions = new Set<string>();
    let firstReading: QueryToken[] = [];
    readings.forEach((reading, i) => {
      const share = 1 / readings.length;
      const { tokens, segments, fired } = this.readingSegments(reading, english, accented);
      if (i === 0) firstReading = tokens;
      for (const f of fired) expansions.add(f);
      const readingTerms = new Map<string, number>();
      for (const seg of segments) addSegmentTerms(seg, this.weights, readingTerms);
      for (const [term, w] of readingTerms) terms.set(term, Math.min(w, (terms.get(term) ?? 0) + w * share));
    });
    return { text, english, accented, tokens: firstReading, terms, expansions: [...expansions] };
  }

  private looksEnglish(raw: readonly Token[]): boolean {
    if (raw.length === 0 || raw.some((t) => t.marked || t.text.includes('đ'))) return false;
    const known = raw.filter((t) => this.lexicon.englishVocabulary.has(stemEnglish(t.folded))).length;
    return known / raw.length >= 0.5;
  }

  /** Every reading of the question's shorthand, each a token list with the shorthand spelled out. */
  private expandShorthand(raw: readonly Token[]): Reading[] {
    let readings: Reading[] = [{ tokens: [], fromLexicon: [], shorthand: [] }];
    for (const t of raw) {
      const rules = this.lexicon.abbreviations.get(t.folded) ?? [];
      // "đc" is written without tone marks, so an unaccented form also matches its đ spelling.
      const rule = rules.find((r) => r.form.exact === t.exact) ?? rules.find((r) => !r.form.marked && !t.marked);
      const applies = rule !== undefined;
      const meanings = rule ? rule.means : [this.respell(t)];
      const usable = readings.length * meanings.length <= MAX_READINGS ? meanings : meanings.slice(0, 1);
      readings = readings.flatMap((r) =>
        usable.map((m) => ({
          tokens: [...r.tokens, ...m],
          fromLexicon: [...r.fromLexicon, ...m.map(() => applies)],
          shorthand: applies ? [...r.shorthand, t] : r.shorthand,
        })),
      );
    }
    return readings;
  }

  /**
   * A plain word neither the corpus nor the lexicon knows may be teencode respelling ("hàg",
   * "fải") or two syllables typed together ("hoadon"): try the standard spellings, then a split
   * into a pair the corpus uses. Anything else is kept as typed.
   */
  private respell(t: Token): Token[] {
    const known = this.isKnownWord;
    if (!known || t.marked || known(t.folded) || this.lexicon.words.has(t.folded) || /\d/.test(t.folded)) return [t];
    const spelled = teencodeSpellings(t.folded).find(known);
    if (spelled) return [makeToken(spelled)];
    if (t.folded.length >= 4 && this.isCompound) {
      for (let i = 2; i <= t.folded.length - 2; i++) {
        const a = makeToken(t.folded.slice(0, i));
        const b = makeToken(t.folded.slice(i));
        if (known(a.folded) && known(b.folded) && this.isCompound(a, b, false)) return [a, b];
      }
    }
    return [t];
  }

  private readingSegments(
    reading: Reading,
    english: boolean,
    accented: boolean,
  ): { tokens: QueryToken[]; segments: QueryToken[][]; fired: string[] } {
    const { tokens, fromLexicon } = reading;
    const stop = this.stopMask(tokens, english);
    const own: QueryToken[] = tokens.map((token, i) => ({
      token,
      weight: 1,
      source: fromLexicon[i] ? 'abbreviation' : 'question',
      stop: stop[i]!,
      accentsKnown: fromLexicon[i]! || token.marked || accented,
    }));

    const segments: QueryToken[][] = [];
    const fired: string[] = [];
    const consumed = new Array<boolean>(tokens.length).fill(false);
    for (let i = 0; i < tokens.length; ) {
      const match = this.matchRule(tokens, i, english);
      if (!match) {
        i++;
        continue;
      }
      fired.push(match.pattern.map((t) => t.text).join(' '));
      const fromEnglish = english && this.isEnglishRule(match);
      const added = new Set(match.expansions.flat().map((t) => t.exact)).size;
      const scale = Math.min(1, Math.sqrt((this.weights.expansionMass * match.pattern.length) / Math.max(1, added)));
      const weight = (fromEnglish ? this.weights.english : this.weights.colloquial) * scale;
      for (const exp of match.expansions) {
        segments.push(exp.map((token) => ({ token, weight, source: 'lexicon', stop: false, accentsKnown: true })));
      }
      // English words say nothing to a Vietnamese index once translated.
      if (fromEnglish) for (let j = i; j < i + match.pattern.length; j++) consumed[j] = true;
      i += match.pattern.length;
    }
    segments.unshift(own.map((q, i) => (consumed[i] ? { ...q, weight: 0, stop: true } : q)));
    // Longer shorthand also stands for itself: plans write "UBND" and "BVQLNTD" too ("ko" and "e"
    // stand for nothing else, and a lone "e" would match point letters).
    for (const original of reading.shorthand.filter((t) => t.folded.length >= 3)) {
      segments.push([{ token: original, weight: this.weights.shorthandItself, source: 'question', stop: false, accentsKnown: original.marked }]);
    }
    return { tokens: own, segments, fired };
  }

  private isEnglishRule(rule: PhraseRule): boolean {
    const first = rule.pattern[0];
    return first !== undefined && (this.lexicon.english.get(first.folded) ?? []).includes(rule);
  }

  private matchRule(tokens: readonly Token[], at: number, english: boolean): PhraseRule | undefined {
    const first = tokens[at]!;
    // English rules first: in an English question "online" is the glossary's, not the slang list's.
    const candidates = [
      ...(english ? (this.lexicon.english.get(first.folded) ?? []) : []),
      ...(this.lexicon.colloquial.get(first.folded) ?? []),
    ];
    candidates.sort((a, b) => b.pattern.length - a.pattern.length);
    return candidates.find((r) => {
      if (at + r.pattern.length > tokens.length) return false;
      if (r.pattern.length > 1) return r.pattern.every((p, j) => tokenMatches(tokens[at + j]!, p));
      return this.singleWordRuleFires(tokens, at, r.pattern[0]!);
    });
  }

  /**
   * One-syllable rules are the risky ones: "cho" (for) is not "chợ" (market) and "kiện" inside
   * "điều kiện" is not a lawsuit. They need the accents when they have any, and must not sit inside
   * a word of the corpus.
   */
  private singleWordRuleFires(tokens: readonly Token[], at: number, pattern: Token): boolean {
    const t = tokens[at]!;
    if (pattern.marked ? t.exact !== pattern.exact : t.folded !== pattern.folded) return false;
    if (!this.isCompound) return true;
    const exact = t.marked;
    const prev = tokens[at - 1];
    const next = tokens[at + 1];
    return !((prev && this.isCompound(prev, t, exact && prev.marked)) || (next && this.isCompound(t, next, exact && next.marked)));
  }

  private stopMask(tokens: readonly Token[], english: boolean): boolean[] {
    const mask = tokens.map(() => false);
    if (english) {
      tokens.forEach((t, i) => {
        mask[i] = this.lexicon.englishStopwords.has(t.folded);
      });
      return mask;
    }
    const stops = this.lexicon.vietnameseStopwordPhrases;
    for (let i = 0; i < tokens.length; i++) {
      for (const phrase of stops.get(tokens[i]!.folded) ?? []) {
        if (i + phrase.length <= tokens.length && phrase.every((p, j) => tokenMatches(tokens[i + j]!, p))) {
          for (let j = 0; j < phrase.length; j++) mask[i + j] = true;
        }
      }
    }
    return mask;
  }
}

function addSegmentTerms(seg: readonly QueryToken[], w: QueryWeights, into: Map<string, number>): void {
  const put = (term: string, weight: number) => {
    if (weight > 0) into.set(term, Math.max(into.get(term) ?? 0, weight));
  };
  for (let i = 0; i < seg.length; i++) {
    const q = seg[i]!;
    if (!q.stop) {
      put(foldedTerm(q.token), q.weight);
      if (q.accentsKnown) put(exactTerm(q.token), q.weight * w.exact);
    }
    const next = seg[i + 1];
    if (!next || (q.stop && next.stop) || q.weight === 0 || next.weight === 0) continue;
    const weight = Math.min(q.weight, next.weight);
    put(foldedBigram(q.token, next.token), weight * w.bigram);
    if (q.accentsKnown && next.accentsKnown) put(exactBigram(q.token, next.token), weight * w.exactBigram);
  }
}
