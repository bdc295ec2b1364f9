import type { FoldedText } from './folded-text.ts';
import { hasDiacritics } from './phrase-capture.ts';
import { platformNameAt } from './extract-platform.ts';
import type { ProductLexicon } from './product-lexicon.ts';
import { findValue, type SpanField } from './span-alignment.ts';
import type { SpanToken } from './span-tokens.ts';

/** What the features may consult beyond the words: known products and places, and the rules' reading. */
export interface FeatureContext {
  readonly lexicon: ProductLexicon;
  /** Where the text names a known place ("Đà Nẵng", "Biên Hòa"): [start, end) offsets. */
  readonly places: (text: FoldedText) => Iterable<readonly [number, number]>;
}

/**
 * Words that tell what follows: a buying verb before a product, a kind of business or "của" before a
 * seller, "ở", "đường", "quận" before an address. Folded; several words are one cue.
 */
const cues = [
  'mua', 'dat', 'dat mua', 'dat hang', 'order', 'chot', 'dang ky', 'ky hop dong', 'su dung', 'thue', 'goi', 'ban cho', 'san pham', 'dich vu',
  'cua', 'o', 'tai', 'tren', 'ben', 'qua', 'tu', 'shop', 'cua hang', 'hang', 'cong ty', 'cty', 'page', 'trang', 'nick', 'nha hang', 'quan', 'sieu thi', 'dai ly',
  'showroom', 'trung tam', 'tiem', 'phong kham', 'nha thuoc', 'co so', 'spa', 'salon', 'ngan hang', 'chi nhanh', 'ten', 'la', 'gian hang',
  'duong', 'so', 'phuong', 'huyen', 'thanh pho', 'tp', 'tinh', 'cho', 'khu', 'gan',
  'bought', 'ordered', 'booked', 'from', 'at', 'store', 'shop called', 'called', 'named', 'on', 'in',
];
const cueSet = new Set(cues);
const longestCue = Math.max(...cues.map((c) => c.split(' ').length));

function shape(word: string): string {
  if (/^\p{N}+$/u.test(word)) return 'd';
  if (/\p{N}/u.test(word)) return /\p{L}/u.test(word) ? 'ld' : 'dp';
  if (!/\p{L}/u.test(word)) return `p${word}`;
  if (word === word.toUpperCase() && word.length > 1) return 'X';
  if (/^\p{Lu}/u.test(word)) return 'Xx';
  return 'x';
}

/** Marks tokens covered by [start, end) character ranges as B (first) or I (rest) of a gazetteer. */
function markRanges(tokens: readonly SpanToken[], ranges: Iterable<readonly [number, number]>, name: string, into: string[][]): void {
  for (const [start, end] of ranges) {
    let first = true;
    tokens.forEach((t, i) => {
      if (t.start >= start && t.end <= end) {
        into[i]!.push(`${name}=${first ? 'B' : 'I'}`);
        first = false;
      }
    });
  }
}

/**
 * The feature names of each token of a message: its word (folded, as typed), shape, the words
 * around it, the nearest cue before it, whether it is in quotes, a known product, a place or a
 * platform, and where the rules put the seller, address and product.
 */
export function tokenFeatures(text: FoldedText, tokens: readonly SpanToken[], context: FeatureContext, rules: Readonly<Partial<Record<SpanField, string | null>>>): string[][] {
  const n = tokens.length;
  const extra: string[][] = tokens.map(() => []);
  // A known product or platform name starting at each word (one may start inside a longer one).
  const accented = hasDiacritics(text.original);
  const products: Array<[number, number]> = [];
  for (const t of tokens) {
    const end = context.lexicon.endAt(text, t.start, accented);
    if (end !== null) products.push([t.start, end]);
  }
  markRanges(tokens, products, 'lex', extra);
  markRanges(tokens, context.places(text), 'place', extra);
  const platforms: Array<[number, number]> = [];
  for (const t of tokens) {
    const length = platformNameAt(text.folded.slice(t.start));
    if (length > 0) platforms.push([t.start, t.start + length]);
  }
  markRanges(tokens, platforms, 'platform', extra);
  for (const [field, value] of Object.entries(rules)) {
    if (!value) continue;
    for (const hit of findValue(tokens, value)) markRanges(tokens, [[tokens[hit.start]!.start, tokens[hit.end - 1]!.end]], `rule-${field}`, extra);
  }
  // The nearest cue ending before each token, and how far back.
  const lastCue: Array<{ cue: string; at: number } | null> = [];
  let current: { cue: string; at: number } | null = null;
  let quoted = false;
  const inQuote: boolean[] = [];
  for (let i = 0; i < n; i++) {
    lastCue.push(current);
    inQuote.push(quoted);
    if (/^["“”«»]$/u.test(tokens[i]!.original)) quoted = !quoted;
    for (let k = Math.min(longestCue, i + 1); k >= 1; k--) {
      const phrase = tokens.slice(i - k + 1, i + 1).map((t) => t.folded).join(' ');
      if (cueSet.has(phrase)) {
        current = { cue: phrase, at: i };
        break;
      }
    }
  }
  const word = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : tokens[i]!.folded);
  const shapes = tokens.map((t) => shape(t.original));
  const sh = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : shapes[i]!);
  return tokens.map((t, i) => {
    const f = ['bias', `w=${t.folded}`, `l=${t.lower}`, `s=${sh(i)}`, `p3=${t.folded.slice(0, 3)}`, `w-1=${word(i - 1)}`, `w-2=${word(i - 2)}`, `w+1=${word(i + 1)}`, `w+2=${word(i + 2)}`];
    f.push(`w-1w=${word(i - 1)}|${t.folded}`, `ww+1=${t.folded}|${word(i + 1)}`, `w-2w-1=${word(i - 2)}|${word(i - 1)}`);
    f.push(`s-1s=${sh(i - 1)}|${sh(i)}`, `ss+1=${sh(i)}|${sh(i + 1)}`);
    const cue = lastCue[i];
    if (cue) {
      const distance = i - cue.at;
      f.push(`cue=${cue.cue}|${distance <= 1 ? distance : distance <= 3 ? 'near' : distance <= 8 ? 'mid' : 'far'}`);
    }
    if (inQuote[i]) f.push('quoted');
    if (i === 0 || /^[.!?\n]$/u.test(tokens[i - 1]!.original)) f.push('first');
    for (const e of extra[i]!) f.push(e, `${e}|s=${sh(i)}`);
    if (i > 0) for (const e of extra[i - 1]!) f.push(`prev-${e}`);
    if (i + 1 < n) for (const e of extra[i + 1]!) f.push(`next-${e}`);
    return f;
  });
}
