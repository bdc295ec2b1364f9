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
  'xong dc r thấy về ra lên xuống hồi trăm triệu nghìn ngàn sáng trưa chiều tối hôm nay qua mai chủ thứ ' +
  // English, for stories told in English.
  'for from on at in with and but the was is to it yesterday today last this that which who after before when ' +
  'i we they she he you my our their them us his her its were are has have had said told refused did does not because through via by ' +
  // Teencode time words and "do" (because: "bộ nồi do nhân viên đến nhà chào"), "thôi" (never mind).
  'hum hqua hnay do thôi ' +
  // English verbs that go on after a product: "my order of a robot vacuum failed".
  'failed broke stopped arrived came cost costs leaked turned ' +
  // What a product is described by, after its name: "đầm maxi màu be size M".
  'màu size cỡ ghi nhà of';
// Verbs that go on with the story after a product, only as typed with diacritics: folded, "kem" is
// a cream and "phat" part of "máy phát điện" ("nồi áp suất phát nổ", "máy đo kèm que thử").
// Also "có" ("tô bún có con gián", "xe có tên tôi"); folded, "co" is also "cổ" ("áo cổ tròn").
const accentedOnly = 'kèm phát bốc nổ cháy có';
const stopWords = new Set(`${stopList} ${accentedOnly}`.split(' '));
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

/** English counting nouns: "a pair of", "3 cans of", "two bottles of", "two tins of formula". */
const englishCountNouns = 'pair pairs can cans bottle bottles box boxes pack packs bag bags piece pieces cup cups set tin tins jar jars tube tubes carton cartons';

// Containers ("gói data", "bộ nồi", "hộp sữa") stay: they are part of what was bought. Counting
// words go: "2 tuýp kem chống nắng", "cục sạc dự phòng", "ly trà sữa", "1,2 kg thịt".
const quantifiers = new Set(
  ('a an the mot 1 2 3 4 5 hai ba bon nam cai chiec doi con qua tuyp cuc ly thung tui cay cuon quyen bich kg bao lit tan loc ket met ' +
    `one two three four ${englishCountNouns} of ` +
    // "đặt đơn mỹ phẩm", "mua ít đồ", "thêm bảo hiểm": an order, a few, more.
    'don it them')
    .split(' '),
);
/** Typed with diacritics, these counting words must be spelled as such: "bảo" (say) is no "bao" (sack). */
const quantifierSpellings: Record<string, string> = { bao: 'bao', tan: 'tấn', lit: 'lít', loc: 'lốc', ket: 'két', met: 'mét', don: 'đơn', it: 'ít', them: 'thêm', ba: 'ba', nam: 'năm', bon: 'bốn', hai: 'hai', doi: 'đôi', con: 'con', ly: 'ly', cay: 'cây', qua: 'quả', tui: 'túi' };

function countSpelled(original: string, folded: string, accented: boolean): boolean {
  const meant = quantifierSpellings[folded];
  return !accented || meant === undefined || original.toLocaleLowerCase('vi') === meant;
}

/** "3 cans of X", "a pair of X": "of" is counted only after a counting word. */
const countNouns = new Set(englishCountNouns.split(' '));
/**
 * After a count ("2 kg táo", "50 bao xi măng") the next word is the thing, even one that folds like a
 * stop word ("tao"); a preposition there still ends the phrase ("1 cái ở Shopee").
 */
const notAHead = new Set('tren o tai qua cua voi cho tu vao luc ngay hom gia het va ma thi on at in from for with and to of'.split(' '));

/** Stop words that also begin common product names when folded: tai nghe, nồi chiên, bàn là, đồ chơi. */
const productHeads = new Set(['tai', 'noi', 'ban', 'do', 'bo', 'ca', 'con', 've', 'goi', 'the', 'may', 'hop', 'set']);
/** Typed with diacritics, a head must be the product word: "tai nghe", "nồi", "bàn", not "tại", "nói", "bán". */
const headSpellings: Record<string, readonly string[]> = { tai: ['tai'], noi: ['nồi'], ban: ['bàn'], do: ['đồ'], bo: ['bộ'], ca: ['cá', 'cà'], ve: ['vé'], goi: ['gói'], the: ['thẻ', 'the'], may: ['máy'], hop: ['hộp'] };

function headSpelled(original: string, folded: string, accented: boolean): boolean {
  const spellings = headSpellings[folded];
  return !accented || spellings === undefined || spellings.includes(original.toLocaleLowerCase('vi'));
}

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
  // "khóa giao tiếp", "bếp điện từ", "chăn trị liệu": a stop word that is the first or second syllable of a compound
  // (to communicate, electromagnetic/electronic) is part of the name, not the verb "giao" or "từ" (from).
  if (current === 'giao' && next === 'tiep') return true;
  if (current === 'tri' && next === 'lieu') return true;
  if (current === 'tu' && words.at(-1)?.folded === 'dien') return true;
  // "cát vệ sinh cho mèo", "sữa cho bé", "food for cats": who it is for is part of what it is.
  if ((current === 'cho' || current === 'for') && next !== undefined && beneficiaries.has(next)) return true;
  return current === 'khong' && (next === 'dau' || next === 'day');
}

// Pets only: "sữa bột cho bé" is the milk, and who it is for.
const beneficiaries = new Set('meo cho thu cats dogs pets'.split(' '));

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
export function captureWords(text: FoldedText, start: number, options: { maxWords: number; skipQuantifiers?: boolean; /** The first word may be a product head ("tai nghe"). */ keepFirst?: boolean; /** Names may contain numbers ("Giày Xinh 99"). */ allowNumbers?: boolean; /** A capitalised word continues a name even when it is also a common word ("Giày Da Thành Công", "Mẹ Và Bé", "3K"). */ capitalisedContinues?: boolean; /** Folded words that end the phrase instead of the general list. */ stopWords?: ReadonlySet<string>; /** A capitalised word after the first goes on (a brand, an origin: "táo Mỹ") without ending a Title Case run. */ brandsContinue?: boolean; /** The end of a known phrase (a product name) starting at an offset, read as one word. */ known?: (text: FoldedText, start: number, accented: boolean) => number | null }): Capture | null {
  // "24/7" is a word of a name ("Fit Zone 24/7"); other slashes end the phrase.
  const re = /24\/7(?![\p{N}])|[\p{L}\p{N}][\p{L}\p{N}'&._+-]*/gu;
  re.lastIndex = start;
  const words: Array<{ start: number; end: number; folded: string }> = [];
  const accented = hasDiacritics(text.original);
  let m: RegExpExecArray | null;
  let expected = start;
  let counted = false;
  let previousSkipped = '';
  while ((m = re.exec(text.folded))) {
    const between = text.folded.slice(expected, m.index);
    // "Milky Way Mom & Baby", "Mẹ & Bé": an ampersand between capitalised words is part of a name.
    const ampersand = options.capitalisedContinues === true && words.length > 0 && between.trim() === '&' && /^\p{Lu}/u.test(text.original.slice(m.index));
    // A comma, full stop or bracket ends the phrase; spaces do not.
    if (/[^\s]/.test(between) && words.length > 0 && !ampersand) break;
    if (/[^\s"“”']/.test(between) && !ampersand) break;
    const w = { start: m.index, end: m.index + m[0].length, folded: m[0].replace(/[._-]+$/, '') };
    expected = w.end;
    const knownEnd = options.known?.(text, w.start, accented) ?? null;
    // "má phanh và đĩa phanh": "và" joins two known products into one phrase.
    if (options.known && words.length > 0 && (w.folded === 'va' || w.folded === '&')) {
      // "2 kg rau cải và 1 kg cà chua": the second may come with its own count.
      const nextStart = w.end + (/^\s+(?:(?:\d+|mot|hai|ba)\s*(?:kg|g|lit|bao|hop|cai|chiec|bo|goi|chai|lon)?\s+)?/.exec(text.folded.slice(w.end))?.[0].length ?? 0);
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
    // A bare count starts a phrase ("50 bao xi măng") when words follow; a price does not ("50k").
    const count = /^\d{1,4}$/.test(w.folded) && /^\s+\p{L}/u.test(text.folded.slice(w.end)) && !/^\s*(trieu|tr|nghin|ngan|k|d|dong|vnd|cu|ty|million|thousand)(?![\p{L}])/u.test(text.folded.slice(w.end));
    // "a set of knives" counts; "set lẩu", "set quà" is a set meal or gift set, the thing itself.
    const setMeal = w.folded === 'set' && !/^\s+of(?![\p{L}])/u.test(text.folded.slice(w.end));
    // "năm ngoái", "năm nay": a year, not the count five.
    const year = w.folded === 'nam' && /^\s+(ngoai|nay|truoc|roi|kia)(?![\p{L}])/u.test(text.folded.slice(w.end));
    if (year && words.length === 0) break;
    if (options.skipQuantifiers && words.length === 0 && ((quantifiers.has(w.folded) && countSpelled(text.original.slice(w.start, w.end), w.folded, accented)) || count) && !article && !setMeal) {
      // "of" only after a counting noun: "a pair of", not "the price of".
      if (w.folded !== 'of' || countNouns.has(previousSkipped)) {
        counted ||= /^\d|^(hai|ba|bon|nam|two|three|four|pair|pairs|cans?|bottles?|box(es)?|packs?|bags?|pieces?|cups?|kg|bao|lit|tan|loc|ket|met|thung|tui|hop)$/.test(w.folded);
        previousSkipped = w.folded;
        continue;
      }
    }
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
    // "táo Mỹ", "tivi Sony": in a product a capitalised word after the first is a brand or an origin.
    // A capitalised pronoun is the story going on, except inside a title ("vé concert Mùa Thu Cho Em").
    const inTitle = words.length > 0 && /^\p{Lu}/u.test(text.original.slice(words.at(-1)!.start, words.at(-1)!.end));
    const brand = options.brandsContinue === true && words.length > 0 && /^\p{Lu}/u.test(original) && (inTitle || !/^(I|Tôi|Em|Mình|Shop)$/u.test(original));
    // "Mẹ và Bé Bống Bang": a lower-case "và" between capitalised words of a name joins them.
    const joins = options.capitalisedContinues === true && inTitle && (w.folded === 'va' || w.folded === 'and') && nextCapitalised(text, w.end);
    const isStop = !capitalised && !brand && !joins && ((isStopWord(original, w.folded, accented, options.stopWords) && !continuesName(words, w.folded, next, accented)) || number.test(w.folded));
    const head = options.keepFirst === true && words.length === 0 && ((productHeads.has(w.folded) && headSpelled(original, w.folded, accented)) || (counted && !notAHead.has(w.folded)));
    if (isStop && !head) break;
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
