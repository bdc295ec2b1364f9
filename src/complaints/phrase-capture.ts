import { foldDiacritics } from '../text/vietnamese-unicode.ts';
import type { FoldedText } from './folded-text.ts';

/**
 * Words that end a captured name or product: prepositions, verbs and connectives that follow them
 * in a sentence ("mua nồi chiên TRÊN Shopee", "shop ABC BÁN hàng giả"). Typed with diacritics they
 * are compared as written (so "tủ lạnh" is not cut at "từ"); typed without, folded.
 */
const stopList =
  'trên ở tại qua của giá hết với ngày hôm lúc từ bị nhưng mà thì được và cho rồi vào hỏi khoảng mất tổng là này đó kia ' +
  'bán giao lừa không chưa đã đang sẽ vẫn cứ chỉ mới vừa nên vì bởi sao nhé nha à ạ ừ ok tuần tháng năm sau trước ' +
  'hàng gửi nói bảo hứa đòi đổi trả hoàn nhận liền đến tôi em mình anh chị tui tao con họ nó shop cửa công ty cty siêu thị ' +
  'dùng xài sử mua đặt order ship tiền gồm trị ko k khi nếu để cả hay hoặc cũng luôn cần muốn yêu cầu làm ' +
  'xong dc r thấy về ra lên xuống ' +
  // English, for stories told in English.
  'for from on at in with and but the was is to it';
const stopWords = new Set(stopList.split(' '));
const foldedStopWords = new Set(stopList.split(' ').map((w) => foldDiacritics(w)));

function isStopWord(original: string, folded: string, only?: ReadonlySet<string>): boolean {
  if (only) return only.has(folded);
  const lower = original.toLowerCase();
  return lower === folded ? foldedStopWords.has(folded) : stopWords.has(lower);
}

const quantifiers = new Set(
  'a an the mot 1 2 3 4 5 hai ba bon nam cai chiec doi bo hop chai lo goi thung con cap binh tuyp set combo cuon quyen tam to ly coc suat phan ve mon chiec'.split(' '),
);

/** Stop words that also begin common product names when folded: tai nghe, nồi chiên, bàn là, đồ chơi. */
const productHeads = new Set(['tai', 'noi', 'ban', 'do', 'bo', 'ca', 'con', 've', 'goi', 'the', 'may', 'hop', 'set']);

/** "không" ends a phrase ("áo không đúng mô tả") except in product names: nồi chiên không dầu, tai nghe không dây. */
function continuesName(words: ReadonlyArray<{ folded: string }>, current: string, next: string | undefined): boolean {
  return words.length > 0 && current === 'khong' && (next === 'dau' || next === 'day');
}

export interface Capture {
  readonly value: string;
  readonly end: number;
}

/**
 * Words from `start` up to the first stop word, punctuation or number, at most `maxWords`, cut
 * from the original text so diacritics are kept. Leading quantifiers ("1 cái", "đôi") are skipped
 * when `skipQuantifiers` is set. Returns null when nothing name-like is left.
 */
export function captureWords(text: FoldedText, start: number, options: { maxWords: number; skipQuantifiers?: boolean; /** The first word may be a product head ("tai nghe"). */ keepFirst?: boolean; /** Names may contain numbers ("Giày Xinh 99"). */ allowNumbers?: boolean; /** Folded words that end the phrase instead of the general list. */ stopWords?: ReadonlySet<string> }): Capture | null {
  const re = /[\p{L}\p{N}][\p{L}\p{N}'&._+-]*/gu;
  re.lastIndex = start;
  const words: Array<{ start: number; end: number; folded: string }> = [];
  let m: RegExpExecArray | null;
  let expected = start;
  while ((m = re.exec(text.folded))) {
    const between = text.folded.slice(expected, m.index);
    // A comma, full stop or bracket ends the phrase; spaces do not.
    if (/[^\s]/.test(between) && words.length > 0) break;
    if (/[^\s"“”']/.test(between)) break;
    const w = { start: m.index, end: m.index + m[0].length, folded: m[0].replace(/[._-]+$/, '') };
    expected = w.end;
    if (options.skipQuantifiers && words.length === 0 && quantifiers.has(w.folded)) continue;
    const next = /^\s*([\p{L}\p{N}]+)/u.exec(text.folded.slice(w.end))?.[1];
    const number = options.allowNumbers ? /^\d[\d.,]*(k|tr|d|dong|vnd|trieu)$/ : /^\d[\d.,]*(k|tr|d|dong|vnd|trieu)?$/;
    const isStop = (isStopWord(text.original.slice(w.start, w.end).replace(/[._-]+$/, ''), w.folded, options.stopWords) && !continuesName(words, w.folded, next)) || number.test(w.folded);
    if (isStop && !(options.keepFirst && words.length === 0 && productHeads.has(w.folded))) break;
    words.push(w);
    if (words.length >= options.maxWords) break;
  }
  if (words.length === 0) return null;
  const value = text.original.slice(words[0]!.start, words.at(-1)!.end).replace(/[.,;:!?]+$/, '').trim();
  return value ? { value, end: words.at(-1)!.end } : null;
}

/** Text the consumer typed as a direct answer, without lead-ins ("tên shop là", "dạ") and end punctuation. */
export function cleanAnswer(text: string, leadIns: RegExp): string {
  return text
    .trim()
    .replace(/^(dạ|da|vâng|vang|ừ|uh|à|a)\s*[,.]?\s*/i, '')
    .replace(leadIns, '')
    .replace(/^[\s:,-]+|[\s.!?,;]+$/g, '')
    .trim();
}
