import { exactSyllableKey, foldDiacritics, hasToneOrVowelMarks, normalizeVietnamese } from './vietnamese-unicode.ts';

/** One written syllable (Vietnamese words are sequences of these) or one foreign word or number. */
export interface Token {
  /** Lower-case NFC as written. */
  readonly text: string;
  /** Diacritics removed, đ→d: what a query typed without accents looks like. */
  readonly folded: string;
  /** Accents kept, tone position ignored (see exactSyllableKey). */
  readonly exact: string;
  /** Whether the writer put tone or vowel marks on it. */
  readonly marked: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

const LEADING_ZEROS = /^0+(?=\d)/;

/**
 * Tokens are immutable and a corpus uses a few thousand distinct syllables, so each is normalised
 * once; the cache is dropped wholesale if unusual input (random strings) makes it grow.
 */
const cache = new Map<string, Token>();
const CACHE_LIMIT = 100_000;

export function makeToken(word: string): Token {
  const cached = cache.get(word);
  if (cached) return cached;
  // Laws write "03 ngày", people write "3 ngày".
  const text = normalizeVietnamese(word).replace(LEADING_ZEROS, '');
  const token: Token = Object.freeze({ text, folded: foldDiacritics(text), exact: exactSyllableKey(text), marked: hasToneOrVowelMarks(text) });
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, token);
  return token;
}

/** Splits on anything that is not a letter or digit: punctuation separates, it never joins. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.normalize('NFC').matchAll(WORD)) out.push(makeToken(m[0]));
  return out;
}

/** Splits text into its words' folded forms, for lexicon keys and stop lists. */
export function foldedWords(text: string): string[] {
  return tokenize(text).map((t) => t.folded);
}
