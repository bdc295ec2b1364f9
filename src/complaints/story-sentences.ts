import { foldPhrase } from './folded-text.ts';

/**
 * The sentences of the consumer's story that describe what went wrong: the letter's account, and
 * the test of whether a reply tells the story at all.
 * The story as typed in chat also greets the bot, introduces the consumer, gives a phone number,
 * says what they want and corrects itself ("à nhầm, 16tr5 chứ"); the letter states those from the
 * record (parties, requests), so such sentences are left out here rather than pasted twice or raw.
 */
export function accountSentences(narrative: string, maxChars = 900): string[] {
  const sentences = narrative
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const kept: string[] = [];
  let length = 0;
  for (const sentence of sentences) {
    if (!describesWhatHappened(sentence)) continue;
    if (length + sentence.length > maxChars) break;
    kept.push(capitalise(withFullStop(sentence)));
    length += sentence.length;
  }
  return kept;
}

/** Contact details, in any form the extractor accepts. */
const contactDetail = /(\+?84|0)[\s.]?\d{2,3}[\s.]?\d{3}[\s.]?\d{3,4}|[\w.+-]+@[\w-]+\.[\w.]+/;
/** Folded openings of sentences that talk to the bot, not about the dispute. */
const chatOnly = [
  /^(chao|xin chao|hi|hello|alo|dear|good (morning|afternoon|evening))\b/,
  /^(toi|minh|em|tui|con)( muon| can| xin)? (khieu nai|gui khieu nai|lam don|nho)\b/,
  /^i (want|would like|d like) to (file|make|lodge|submit)\b/,
  /\b(toi|minh|em|tui) ten( la)?\b|\bten (toi|minh|em) la\b|\bmy name is\b|^i m [a-z]+ [a-z]+\b/,
  /^(a |a,|o )?(nham|sua lai|xin sua|dinh chinh)\b|\bnham roi\b|\bi meant\b|\bcorrection\b/,
  /^(cam on|thanks|thank you)\b/,
];
/** Sentences that only say what the consumer wants; the letter lists the requests itself. */
const wishOnly = /^(toi |minh |em |tui |con |gia dinh toi |nha toi )?(chi )?(muon|mun|yeu cau|de nghi|mong|can)\b|^i (want|would like|d like|am asking|ask)\b/;

function describesWhatHappened(sentence: string): boolean {
  const folded = foldPhrase(sentence).replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
  if (folded.split(' ').length < 3) return false;
  if (contactDetail.test(sentence)) return false;
  if (chatOnly.some((p) => p.test(folded))) return false;
  return !wishOnly.test(folded);
}

function withFullStop(sentence: string): string {
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toLocaleUpperCase('vi') + sentence.slice(1);
}

/** Does the message say what happened, rather than only who the consumer is or what they want? */
export function tellsWhatHappened(text: string): boolean {
  return accountSentences(text).length > 0;
}
