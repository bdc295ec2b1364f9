import { foldAligned } from './folded-text.ts';
import { spanTokens, type SpanToken } from './span-tokens.ts';

/** The spans the tagger reads: who sold, where the seller is, what was bought. */
export const spanFields = ['seller', 'address', 'product'] as const;
export type SpanField = (typeof spanFields)[number];

/** A token range [start, end) of one message. */
export interface TokenSpan {
  readonly field: SpanField;
  readonly start: number;
  readonly end: number;
}

/** A labelled story: the expected values the record holds for the three fields (null: not said). */
export interface SpanStory {
  readonly id: string;
  readonly messages: readonly string[];
  readonly values: Readonly<Record<SpanField, string | null>>;
}

export interface AlignedMessage {
  readonly tokens: readonly SpanToken[];
  readonly spans: readonly TokenSpan[];
  /** Fields whose tokens are not known here (the story's value was not found in its words): left free in training. */
  readonly unknown: readonly SpanField[];
}

export interface Alignment {
  readonly messages: readonly AlignedMessage[];
  /** Per field, whether the value was found: true, false, or null when the story does not say it. */
  readonly aligned: Readonly<Record<SpanField, boolean | null>>;
}

/** Folded tokens of a value, without marks that only punctuate it ("Quán Ốc 'Bà Tư'."). */
function valueTokens(value: string): string[] {
  return spanTokens(foldAligned(value))
    .map((t) => t.folded)
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/** Every place the value's words stand in a row in the message, marks between them skipped. */
export function findValue(tokens: readonly SpanToken[], value: string): Array<{ start: number; end: number }> {
  const wanted = valueTokens(value);
  if (wanted.length === 0) return [];
  const found: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    let j = i;
    let k = 0;
    while (j < tokens.length && k < wanted.length) {
      if (tokens[j]!.folded === wanted[k]) k++;
      // Marks inside a value ("Nhà Xinh - Decor", quotes) are skipped, never its first word.
      else if (k === 0 || /[\p{L}\p{N}]/u.test(tokens[j]!.folded)) break;
      j++;
    }
    if (k === wanted.length) {
      found.push({ start: i, end: j });
      i = j - 1;
    }
  }
  return found;
}

/**
 * Finds each expected value in the story's messages (diacritics and case folded) and labels every
 * place it stands. A value the story says but whose words are not in it (an expert's paraphrase:
 * "bữa ăn hải sản" for three dishes) is left free rather than taught as "not a product".
 */
export function alignStory(story: SpanStory): Alignment {
  const tokenised = story.messages.map((m) => spanTokens(foldAligned(m)));
  const aligned = {} as Record<SpanField, boolean | null>;
  const spans: TokenSpan[][] = tokenised.map(() => []);
  for (const field of spanFields) {
    const value = story.values[field];
    if (value === null || value.trim() === '') {
      aligned[field] = null;
      continue;
    }
    let any = false;
    tokenised.forEach((tokens, m) => {
      for (const hit of findValue(tokens, value)) {
        // Two fields on the same words ("Hải Phòng" as a branch and the seller's city) keep the first.
        if (spans[m]!.some((s) => s.start < hit.end && hit.start < s.end)) continue;
        spans[m]!.push({ field, ...hit });
        any = true;
      }
    });
    aligned[field] = any;
  }
  const unknown = spanFields.filter((f) => aligned[f] === false);
  return { messages: tokenised.map((tokens, m) => ({ tokens, spans: spans[m]!, unknown })), aligned };
}
