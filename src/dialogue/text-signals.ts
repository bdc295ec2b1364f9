import { fold } from '../text/vietnamese-unicode.ts';

// Cheap checks on raw user text that decide routing before retrieval: is there anything to read,
// is it a greeting, thanks, a language switch. Phrases are compared folded (src/text: fold).

/** True when the text has at least one letter or digit in any script. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

const greetings = /^(xin chao|chao( ban| em| anh| chi| ad| admin| shop| bot)?|hello|hi|hey|alo|start|bat dau)[\s!.,]*$/;
const thanks = /^(cam on|cam on ban|cam on nhieu|thanks?|thank you|tks|thanks a lot|ok cam on)[\s!.,]*( nhe| nha| ạ| a)?[\s!.,]*$/;
const toEnglish = /^(english|in english|speak english|tieng anh|english please|answer in english)[\s!.,]*$/;
const toVietnamese = /^(tieng viet|vietnamese|noi tieng viet)[\s!.,]*$/;
const cancel = /^(huy|thoi|dung lai|cancel|stop|thoat)[\s!.,]*$/;

export type SmallTalk = 'greeting' | 'thanks' | 'english' | 'vietnamese' | 'cancel';

export function smallTalk(text: string): SmallTalk | null {
  const f = fold(text);
  if (greetings.test(f)) return 'greeting';
  if (thanks.test(f)) return 'thanks';
  if (toEnglish.test(f)) return 'english';
  if (toVietnamese.test(f)) return 'vietnamese';
  if (cancel.test(f)) return 'cancel';
  return null;
}

const englishWords = new Set(['the', 'is', 'are', 'what', 'how', 'can', 'i', 'my', 'do', 'does', 'shop', 'seller', 'refund', 'warranty', 'if', 'a', 'to', 'of', 'in', 'for', 'when', 'who', 'which', 'should', 'must', 'law', 'consumer', 'product', 'bought', 'return']);

/** A question typed in English (no Vietnamese letters, mostly English function words). */
export function looksEnglish(text: string): boolean {
  if (/[ăâđêôơưạảãáàấầẩẫậắằẳẵặẹẻẽéèếềểễệịỉĩíìọỏõóòốồổỗộớờởỡợụủũúùứừửữựỵỷỹýỳ]/i.test(text)) return false;
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length < 3) return false;
  const hits = words.filter((w) => englishWords.has(w)).length;
  return hits / words.length >= 0.3;
}

/** Parses "/cmd@BotName args" into its parts. */
export function parseCommand(text: string): { command: string; args: string } | null {
  const m = /^\/([a-zA-Z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return null;
  return { command: m[1]!.toLowerCase(), args: (m[2] ?? '').trim() };
}
