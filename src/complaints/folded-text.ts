import { foldDiacritics } from '../text/vietnamese-unicode.ts';

/**
 * People type Vietnamese with or without diacritics ("hôm qua", "hom qua"), so extraction matches
 * on a folded copy. Folding here keeps one character per character of the (NFC) original, so an
 * index found in the folded text also cuts the original: a product or a name keeps its diacritics.
 */
export interface FoldedText {
  readonly original: string;
  readonly folded: string;
}

export function foldAligned(text: string): FoldedText {
  const original = text.normalize('NFC');
  let folded = '';
  for (const ch of original) {
    // Astral characters (emoji) take two UTF-16 units; keep the length aligned with the original.
    if (ch.length > 1) {
      folded += ' '.repeat(ch.length);
      continue;
    }
    const base = foldDiacritics(ch).toLowerCase();
    folded += base.length === 1 ? base : ' ';
  }
  return { original, folded };
}

/** Folded phrase without alignment (keys, keyword lists, comparisons). */
export function foldPhrase(text: string): string {
  return foldAligned(text).folded.replace(/\s+/g, ' ').trim();
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regexp that finds any of the folded phrases as whole words. */
export function phrasePattern(phrases: readonly string[], flags = 'g'): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, `u${flags}`);
}

/** True when the folded text contains the folded phrase as whole words. */
export function hasPhrase(folded: string, phrase: string): boolean {
  return phrasePattern([phrase], '').test(folded);
}
