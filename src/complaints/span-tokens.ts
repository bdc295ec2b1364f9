import type { FoldedText } from './folded-text.ts';

/** One word, number or mark of a message, with its place in the (NFC) original. */
export interface SpanToken {
  readonly start: number;
  readonly end: number;
  /** As typed, lower-cased: keeps the diacritics ("sữa" is not "sửa"). */
  readonly lower: string;
  /** Diacritics folded, lower-cased: "sua" for both. */
  readonly folded: string;
  /** As typed (case kept): capitals mark a name. */
  readonly original: string;
}

/** Words and numbers ("1.250.000đ", "0903", "k9") are one token each; every other mark is its own. */
const tokenPattern = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** The tokens of a folded message; offsets cut both the folded and the original text. */
export function spanTokens(text: FoldedText): SpanToken[] {
  const tokens: SpanToken[] = [];
  for (const m of text.original.matchAll(tokenPattern)) {
    const start = m.index;
    const end = start + m[0].length;
    tokens.push({ start, end, original: m[0], lower: m[0].toLowerCase(), folded: text.folded.slice(start, end) });
  }
  return tokens;
}
