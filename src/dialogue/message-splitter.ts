/**
 * Splits a long reply into messages a platform accepts (Telegram 4,096, Zalo 2,000 characters),
 * preferring paragraph, then line, then sentence, then word boundaries, and never cutting inside a
 * legal citation: "khoản 2 Điều 30 Luật ... (19/2023/QH15)" must stay readable in one message.
 */
export function splitMessage(text: string, maxLength: number): string[] {
  if (maxLength < 1) throw new RangeError(`maxLength must be positive, got ${maxLength}`);
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const spans = protectedSpans(trimmed);
  const chunks: string[] = [];
  let from = 0;
  while (trimmed.length - from > maxLength) {
    const { end, next } = findCut(trimmed, from, maxLength, spans);
    chunks.push(trimmed.slice(from, end).trimEnd());
    from = next;
  }
  chunks.push(trimmed.slice(from));
  return chunks.filter((c) => c.length > 0);
}

interface Span {
  readonly start: number;
  readonly end: number;
}

const docId = String.raw`\([^()\n]{1,40}\)`;
const citationName = String.raw`[^\n()]{1,200}?`;
const citationPatterns: readonly RegExp[] = [
  new RegExp(String.raw`(?:điểm\s+\S+\s+)?(?:khoản\s+\d+\s+)?Điều\s+\d+\s+${citationName}${docId}`, 'gu'),
  // Without a "(doc id)" after it: "khoản 1 Điều 80 Luật 19/2023/QH15".
  /(?:điểm\s+\S+\s+)?(?:khoản\s+\d+\s+)?Điều\s+\d+(?:\s+(?:Luật|Nghị định|Quyết định)\s+[\w/.-]*\d[\w/.-]*)?/gu,
  new RegExp(String.raw`mục\s+[IVXLC0-9][\w.]*\s+${citationName}${docId}`, 'gu'),
  new RegExp(String.raw`(?:Article\s+\d+(?:\(\d+\))?|section\s+[\w.]+)\s+of\s+the\s+${citationName}${docId}`, 'gu'),
];

function protectedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of citationPatterns) {
    for (const m of text.matchAll(pattern)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

// Separators, best first: the whitespace a message may be cut at.
const boundaryLevels: readonly RegExp[] = [/\n[ \t]*\n\s*/g, /\n\s*/g, /(?<=[.!?…;])\s+/g, /\s+/g];

function findCut(text: string, from: number, maxLength: number, spans: readonly Span[]): { end: number; next: number } {
  const limit = from + maxLength;
  const insideCitation = (at: number) => spans.some((s) => s.start < at && at < s.end);
  // A boundary in the first half would leave a stub; look for a later weaker one first.
  for (const minEnd of [from + Math.floor(maxLength / 2), from + 1]) {
    for (const level of boundaryLevels) {
      let best: { end: number; next: number } | null = null;
      level.lastIndex = from;
      for (let m = level.exec(text); m && m.index <= limit; m = level.exec(text)) {
        if (m.index >= minEnd && !insideCitation(m.index)) best = { end: m.index, next: m.index + m[0].length };
      }
      if (best) return best;
    }
  }
  // One unbroken run longer than a message (a URL, a very long citation): cut it hard, but before a
  // citation that would be cut if it starts in this message.
  let end = limit;
  const cut = spans.find((s) => s.start < end && end < s.end && s.start > from);
  if (cut) end = cut.start;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return { end, next: end };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
