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
  'xong dc r thấy về ra lên xuống hồi trăm triệu nghìn ngàn sáng trưa chiều tối hôm nay qua mai chủ nhật thứ ' +
  // English, for stories told in English.
  'for from on at in with and but the was is to it yesterday today last this that which who after before when ' +
  'i we they she he you my our their them us his her its were are has have had said told refused did does not because through via by ' +
  // Teencode time words and "do" (because: "bộ nồi do nhân viên đến nhà chào"), "thôi" (never mind).
  'hum hqua hnay do thôi ' +
  // What a product is described by, after its name: "đầm maxi màu be size M".
  'màu size cỡ ghi nhà of';
const stopWords = new Set(stopList.split(' '));
const foldedStopWords = new Set(stopList.split(' ').map((w) => foldDiacritics(w)));

/**
 * People type a whole message with diacritics or without them. In a message with diacritics a word
 * is compared as written ("da" is leather, "đã" is the stop word; "nam" is male, "năm" a year); in
 * one without, folded.
 */
function isStopWord(original: string, folded: string, typedWithDiacritics: boolean, only?: ReadonlySet<string>): boolean {
  if (only) return only.has(folded);
  const lower = original.toLowerCase();
  return typedWithDiacritics ? stopWords.has(lower) : foldedStopWords.has(folded);
}

export function hasDiacritics(text: string): boolean {
  return /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(text);
}

// Containers ("gói data", "bộ nồi", "hộp sữa") stay: they are part of what was bought. Counting
// words go: "2 tuýp kem chống nắng", "cục sạc dự phòng", "ly trà sữa", "1,2 kg thịt".
const quantifiers = new Set('a an the mot 1 2 3 4 5 hai ba bon nam cai chiec doi con qua tuyp cuc ly thung tui cay cuon quyen bich kg'.split(' '));

/** Stop words that also begin common product names when folded: tai nghe, nồi chiên, bàn là, đồ chơi. */
const productHeads = new Set(['tai', 'noi', 'ban', 'do', 'bo', 'ca', 'con', 've', 'goi', 'the', 'may', 'hop', 'set']);

/**
 * "không" ends a phrase ("áo không đúng mô tả") except in product names: nồi chiên không dầu, tai
 * nghe không dây. Typed without diacritics, "cu" after a thing is "cũ" (second-hand: "dien thoai cu"),
 * not "cứ"; "tổng quát" is general, not a total.
 */
function continuesName(words: ReadonlyArray<{ folded: string }>, current: string, next: string | undefined, accented: boolean): boolean {
  if (words.length === 0) return false;
  if (current === 'cu' && !accented) return true;
  // "khám sức khỏe tổng quát": "tổng" (a total) is part of "tổng quát" (general).
  if (current === 'tong' && next === 'quat') return true;
  return current === 'khong' && (next === 'dau' || next === 'day');
}

/** "Trung tâm Anh ngữ Smart Kids", "Phòng khám Đa khoa Hòa Bình": a lower-case syllable inside a name. */
function nextCapitalised(text: FoldedText, end: number): boolean {
  return /^ \p{Lu}/u.test(text.original.slice(end, end + 2));
}

/**
 * Words that make a phrase a clause: subjects, auxiliaries and reporting verbs ("họ giao màu đỏ",
 * "Bố tôi rất buồn", "She refused", "The price tag said 21"). A product or a shop's name, typed as
 * an answer, has none of them after its first word.
 */
const clauseList =
  'tôi tui mình họ nó chúng đã bị thì mà rất không chưa đang sẽ vẫn cứ có nói bảo rồi là khi nếu vì nên ' +
  'muốn mún cần i we they she he it was were is are has have had said told refused did does do not because when if want wanted need';
const clauseWords = new Set(clauseList.split(' '));
const foldedClauseWords = new Set(clauseList.split(' ').map((w) => foldDiacritics(w)));

/** True when some word of `text` after the first reads as part of a clause (see clauseList). */
export function readsAsClause(text: string): boolean {
  const accented = hasDiacritics(text);
  const words = text.split(/[^\p{L}\p{N}']+/u).filter(Boolean).slice(1);
  return words.some((w) => (accented ? clauseWords.has(w.toLowerCase()) : foldedClauseWords.has(foldDiacritics(w).toLowerCase())));
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
export function captureWords(text: FoldedText, start: number, options: { maxWords: number; skipQuantifiers?: boolean; /** The first word may be a product head ("tai nghe"). */ keepFirst?: boolean; /** Names may contain numbers ("Giày Xinh 99"). */ allowNumbers?: boolean; /** A capitalised word continues a name even when it is also a common word ("Giày Da Thành Công", "Mẹ Và Bé", "3K"). */ capitalisedContinues?: boolean; /** Folded words that end the phrase instead of the general list. */ stopWords?: ReadonlySet<string>; /** The end of a known phrase (a product name) starting at an offset, read as one word. */ known?: (text: FoldedText, start: number, accented: boolean) => number | null }): Capture | null {
  // "24/7" is a word of a name ("Fit Zone 24/7"); other slashes end the phrase.
  const re = /24\/7(?![\p{N}])|[\p{L}\p{N}][\p{L}\p{N}'&._+-]*/gu;
  re.lastIndex = start;
  const words: Array<{ start: number; end: number; folded: string }> = [];
  const accented = hasDiacritics(text.original);
  let m: RegExpExecArray | null;
  let expected = start;
  while ((m = re.exec(text.folded))) {
    const between = text.folded.slice(expected, m.index);
    // A comma, full stop or bracket ends the phrase; spaces do not.
    if (/[^\s]/.test(between) && words.length > 0) break;
    if (/[^\s"“”']/.test(between)) break;
    const w = { start: m.index, end: m.index + m[0].length, folded: m[0].replace(/[._-]+$/, '') };
    expected = w.end;
    const knownEnd = options.known?.(text, w.start, accented) ?? null;
    // "má phanh và đĩa phanh": "và" joins two known products into one phrase.
    if (options.known && words.length > 0 && (w.folded === 'va' || w.folded === '&')) {
      const nextStart = w.end + (/^\s+/.exec(text.folded.slice(w.end))?.[0].length ?? 0);
      if (options.known(text, nextStart, accented) !== null) {
        words.push(w);
        continue;
      }
    }
    if (knownEnd !== null && (words.length > 0 || !quantifiers.has(w.folded) || knownEnd > w.end)) {
      // "tra sua", "xe o to": a known product is one word, whatever its syllables fold like.
      words.push({ start: w.start, end: knownEnd, folded: text.folded.slice(w.start, knownEnd) });
      expected = knownEnd;
      re.lastIndex = knownEnd;
      if (words.length >= options.maxWords) break;
      continue;
    }
    // "the" is an English article; folded, "thẻ" (a card: "thẻ tập") looks the same.
    const article = w.folded === 'the' && !/^the$/i.test(text.original.slice(w.start, w.end));
    if (options.skipQuantifiers && words.length === 0 && quantifiers.has(w.folded) && !article) continue;
    const next = /^\s*([\p{L}\p{N}]+)/u.exec(text.folded.slice(w.end))?.[1];
    const number = options.allowNumbers ? /^\d[\d.,]*(k|tr|d|dong|vnd|trieu)$/ : /^\d[\d.,]*(k|tr|d|dong|vnd|trieu)?$/;
    const original = text.original.slice(w.start, w.end).replace(/[._-]+$/, '');
    const capitalised = options.capitalisedContinues === true && /\p{Lu}/u.test(original);
    // In a Title Case name a lower-case word after a capitalised one ends it ("Điện Máy Xanh còn …",
    // "Sao Mai Mobile tự đăng ký"), and so does a number that starts a price ("Lily 2 trăm rưỡi").
    const titleEnds =
      options.capitalisedContinues === true &&
      words.some((x) => /\p{Lu}/u.test(text.original.slice(x.start, x.end))) &&
      ((!capitalised && !/\d/.test(original) && !nextCapitalised(text, w.end)) || (/^\d+$/.test(original) && /^\s*(tram|trieu|nghin|ngan|k|tr|d|dong|vnd)\b/.test(text.folded.slice(w.end))));
    if (titleEnds) break;
    // "máy lọc nước 15 triệu": a number that starts a price ends the phrase even where numbers may be part of it.
    // "iPhone 13 cũ" goes on: "cũ" (second-hand) folds like "củ" (a million) only without diacritics.
    const priceAfter = /^\s*(trieu|tr|nghin|ngan|k|d|dong|vnd|cu|ty)(?![\p{L}])/u.exec(text.folded.slice(w.end));
    if (options.allowNumbers && /^\d/.test(w.folded) && priceAfter && !(priceAfter[1] === 'cu' && accented && !/^\s*củ/iu.test(text.original.slice(w.end)))) break;
    const isStop = !capitalised && ((isStopWord(original, w.folded, accented, options.stopWords) && !continuesName(words, w.folded, next, accented)) || number.test(w.folded));
    if (isStop && !(options.keepFirst && words.length === 0 && productHeads.has(w.folded))) break;
    words.push(w);
    if (words.length >= options.maxWords) break;
    // A full stop after a word ends the sentence ("cửa hàng giày. Ngày 12 …"); inside a word it
    // does not ("KeyStore.vn").
    if (/^\.\s/.test(text.folded.slice(m.index + m[0].length - 1, m.index + m[0].length + 1))) break;
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
