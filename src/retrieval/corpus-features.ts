import { isBigramTerm, isExactTerm } from '../text/index-terms.ts';
import type { AnalyzedQuery } from '../text/query-analyzer.ts';
import { tokenize, type Token } from '../text/tokenizer.ts';

/**
 * Sparse features of the corpus embedder. Three groups, each weighted and normalised on its own:
 * accent-free words, accent-free syllable pairs (compound words), and character trigrams of the
 * accent-free words (robust to typos and to the odd missing letter).
 */
export type FeatureGroup = 'word' | 'bigram' | 'char';
export const featureGroups: readonly FeatureGroup[] = ['word', 'bigram', 'char'];

export const groupOf = (feature: string): FeatureGroup =>
  feature.startsWith('w:') ? 'word' : feature.startsWith('b:') ? 'bigram' : 'char';

function charGrams(word: string, n: number, add: (f: string, w: number) => void, weight: number): void {
  const padded = `#${word}#`;
  if (padded.length <= n) {
    add(`c:${padded}`, weight);
    return;
  }
  for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`, weight);
}

/** Raw counts of a document's features. */
export function documentFeatures(text: string, charN: number): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (f: string, w: number) => counts.set(f, (counts.get(f) ?? 0) + w);
  const tokens: Token[] = tokenize(text);
  tokens.forEach((t, i) => {
    add(`w:${t.folded}`, 1);
    const next = tokens[i + 1];
    if (next) add(`b:${t.folded}_${next.folded}`, 1);
    charGrams(t.folded, charN, add, 1);
  });
  return counts;
}

/**
 * A query's features from its analysis: lexicon expansions and spelled-out shorthand come with
 * their weights, so "bh" and "bảo hành" land in the same place.
 */
export function queryFeatures(query: AnalyzedQuery, charN: number): Map<string, number> {
  const features = new Map<string, number>();
  const put = (f: string, w: number) => features.set(f, Math.max(features.get(f) ?? 0, w));
  for (const [term, weight] of query.terms) {
    if (isExactTerm(term)) continue;
    put(isBigramTerm(term) ? `b:${term}` : `w:${term}`, weight);
  }
  for (const q of query.tokens) {
    if (!q.stop && q.weight > 0) charGrams(q.token.folded, charN, put, q.weight);
  }
  return features;
}
