import type { Token } from './tokenizer.ts';

/**
 * The terms a token sequence contributes to the lexical index and the vector features. Every
 * syllable is indexed twice, accent-free (so "bao hanh" finds "bảo hành") and with its accents
 * (so an accented question prefers the accented word over its look-alikes: "bán" over "ban"), and
 * every pair of neighbouring syllables is indexed too, because Vietnamese words are several
 * syllables long and "người tiêu dùng" means more than its three syllables apart.
 */
export const foldedTerm = (t: Token): string => t.folded;
export const exactTerm = (t: Token): string => `=${t.exact}`;
export const foldedBigram = (a: Token, b: Token): string => `${a.folded}_${b.folded}`;
export const exactBigram = (a: Token, b: Token): string => `=${a.exact}_${b.exact}`;

export function isExactTerm(term: string): boolean {
  return term.startsWith('=');
}

export function isBigramTerm(term: string): boolean {
  return term.includes('_');
}

/** Term frequencies of a document field. */
export function documentTermCounts(tokens: readonly Token[], into: Map<string, number> = new Map()): Map<string, number> {
  const add = (term: string) => into.set(term, (into.get(term) ?? 0) + 1);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    add(foldedTerm(t));
    add(exactTerm(t));
    const next = tokens[i + 1];
    if (next) {
      add(foldedBigram(t, next));
      add(exactBigram(t, next));
    }
  }
  return into;
}
