import { isExactTerm } from './index-terms.ts';
import { defaultLexicon } from './lexicon.ts';
import { QueryAnalyzer } from './query-analyzer.ts';

let shared: QueryAnalyzer | undefined;

/** The analyser over the shipped lexicon, built once per process. */
export function defaultQueryAnalyzer(): QueryAnalyzer {
  shared ??= new QueryAnalyzer(defaultLexicon());
  return shared;
}

/**
 * Accent-free content terms of a text (words and two-word terms, shorthand spelled out, stop words
 * dropped), for comparing a question with candidate sentences: "bh ko dc" and "bảo hành không
 * được" give the same terms.
 */
export function analyzeTerms(text: string): readonly string[] {
  const terms = defaultQueryAnalyzer().analyze(text).terms;
  return [...terms.keys()].filter((t) => !isExactTerm(t));
}
