import { isExactTerm } from '../text/index-terms.ts';
import type { AnalyzedQuery } from '../text/query-analyzer.ts';
import type { Bm25Index } from './bm25-index.ts';

/**
 * Below this confidence the bot should say it does not know rather than quote the top passage.
 * Chosen on the evaluation questions against off-topic text: consumer-law questions in every
 * style score above it, small talk, other topics and keyboard noise below (see confidence.test.ts
 * and eval:retrieval).
 */
export const recommendedConfidenceThreshold = 0.35;

export interface ConfidenceSignals {
  /** Share of the question's own informative terms (idf-weighted) found in the best passage. */
  readonly ownCoverage: number;
  /** The same including the law words the lexicon added for colloquial phrases. */
  readonly expandedCoverage: number;
  /** Cosine similarity of the best passage to the question in the embedder's space (0 when unknown). */
  readonly similarity: number;
}

/**
 * Idf-weighted share of the query's accent-free terms present in `doc`. A term the corpus never
 * uses counts at the corpus's highest idf: unknown words are the strongest sign of an off-topic
 * question.
 */
export function coverage(
  query: AnalyzedQuery,
  index: Bm25Index,
  doc: number,
  include: 'own' | 'all',
): number {
  const maxIdf = Math.log(1 + (index.docCount + 0.5) / 0.5);
  const ownTerms = ownTermSet(query);
  let total = 0;
  let found = 0;
  for (const [term, weight] of query.terms) {
    if (isExactTerm(term) || weight <= 0) continue;
    if (include === 'own' && !ownTerms.has(term)) continue;
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
 * Combines the signals into 0..1. Coverage of the question's own words is the main evidence; the
 * lexicon's law words can stand in for colloquial ones, and the embedder's similarity lifts
 * paraphrases that share few words.
 */
export function combineConfidence(s: ConfidenceSignals): number {
  const lexical = Math.max(s.ownCoverage, 0.85 * s.expandedCoverage);
  const z = -4.2 + 6.5 * lexical + 3.5 * Math.max(0, s.similarity);
  return 1 / (1 + Math.exp(-z));
}
