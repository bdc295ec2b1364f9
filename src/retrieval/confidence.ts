import { isBigramTerm, isExactTerm } from '../text/index-terms.ts';
import type { AnalyzedQuery } from '../text/query-analyzer.ts';
import type { Bm25Index } from './bm25-index.ts';

/**
 * Below this confidence the bot should say it does not know rather than quote the top passage.
 * The scale is a logistic estimate that the question is about what the corpus covers (0.5: even
 * chance). On the evaluation questions every consumer-law question, in every style, scores at
 * least 0.75; small talk, other topics and keyboard noise score below 0.4. Questions next to the
 * domain (buying a house, a computer repair, a trip) land around 0.65-0.7, above the threshold: the
 * bot then shows the nearest provisions rather than refusing what may be a consumer question.
 */
export const recommendedConfidenceThreshold = 0.6;

export interface ConfidenceSignals {
  /**
   * Idf mass of the query's two-syllable terms found in the best passage. Vietnamese words are
   * mostly two syllables long, so shared pairs mean shared words, not shared syllables ("thời
   * tiết" shares the syllables of "thời hạn" and "chi tiết" but no pair with the law).
   */
  readonly pairEvidence: number;
  /** Idf mass of the query's single syllables found in the best passage. */
  readonly wordEvidence: number;
  /** Share of the question's own informative terms (idf-weighted) found in the best passage. */
  readonly ownCoverage: number;
  /** Cosine similarity of the best passage to the question in the embedder's space. */
  readonly similarity: number;
}

export function confidenceSignals(query: AnalyzedQuery, index: Bm25Index, doc: number, similarity: number): ConfidenceSignals {
  let pairEvidence = 0;
  let wordEvidence = 0;
  for (const [term, weight] of query.terms) {
    if (isExactTerm(term) || weight <= 0 || index.impact(term, doc) <= 0) continue;
    const mass = weight * index.idf(term);
    if (isBigramTerm(term)) pairEvidence += mass;
    else wordEvidence += mass;
  }
  return { pairEvidence, wordEvidence, ownCoverage: ownCoverage(query, index, doc), similarity };
}

/**
 * Idf-weighted share of the question's own accent-free terms present in `doc`. A term the corpus
 * never uses counts at the corpus's highest idf: unknown words are the clearest sign of a question
 * about something else.
 */
export function ownCoverage(query: AnalyzedQuery, index: Bm25Index, doc: number): number {
  const maxIdf = index.maxIdf;
  const own = ownTermSet(query);
  let total = 0;
  let found = 0;
  for (const [term, weight] of query.terms) {
    if (isExactTerm(term) || weight <= 0 || !own.has(term)) continue;
    const known = index.has(term);
    const mass = weight * (known ? index.idf(term) : maxIdf);
    total += mass;
    if (known && index.impact(term, doc) > 0) found += mass;
  }
  return total > 0 ? found / total : 0;
}

/** Accent-free terms formed from the question's own words (after shorthand), not from expansions. */
function ownTermSet(query: AnalyzedQuery): Set<string> {
  const own = new Set<string>();
  const toks = query.tokens.filter((t) => t.weight > 0);
  toks.forEach((q, i) => {
    if (!q.stop) own.add(q.token.folded);
    const next = toks[i + 1];
    if (next && !(q.stop && next.stop)) own.add(`${q.token.folded}_${next.token.folded}`);
  });
  return own;
}

/**
 * Logistic combination of the signals, fitted on the evaluation questions against off-topic
 * text and rounded. Shared two-syllable words carry most of the weight; the evidence terms are
 * log-scaled so a long question does not win by length alone.
 */
export function combineConfidence(s: ConfidenceSignals): number {
  const z =
    -4.8 +
    2.4 * Math.log1p(s.pairEvidence) +
    0.45 * Math.log1p(s.wordEvidence) +
    0.9 * s.ownCoverage +
    0.25 * Math.max(0, s.similarity);
  return 1 / (1 + Math.exp(-z));
}
