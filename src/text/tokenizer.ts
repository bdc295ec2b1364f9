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

export function makeToken(word: string): Token {
  // Laws write "03 ngày", people write "3 ngày".
  const text = normalizeVietnamese(word).replace(LEADING_ZEROS, '');
  return { text, folded: foldDiacritics(text), exact: exactSyllableKey(text), marked: hasToneOrVowelMarks(text) };
}

/** Splits on anything that is not a letter or digit: punctuation separates, it never joins. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of normalizeVietnamese(text).matchAll(WORD)) out.push(makeToken(m[0]));
  return out;
}

/** Splits text into its words' folded forms, for lexicon keys and stop lists. */
export function foldedWords(text: string): string[] {
  return tokenize(text).map((t) => t.folded);
}
