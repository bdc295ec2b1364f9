import { platformNameAt, platforms } from './extract-platform.ts';
import { foldPhrase, type FoldedText } from './folded-text.ts';
import { captureWords, cleanAnswer, hasDiacritics, readsAsClause } from './phrase-capture.ts';

/** Words that name a kind of business; the name follows ("cửa hàng Điện Máy Xanh", "shop Mây Store"). */
const businessKinds: ReadonlyArray<readonly [folded: string, label: string | null]> = [
  ['cong ty tnhh', 'Công ty TNHH'],
  ['cong ty co phan', 'Công ty cổ phần'],
  ['cong ty', 'Công ty'],
  // Banks and insurers sell services too: "Ngân hàng TMCP Phương Đông chi nhánh Hải Phòng".
  ['ngan hang', 'Ngân hàng'],
  ['cty', 'Công ty'],
  ['cua hang', 'Cửa hàng'],
  ['nha mang', null],
  // "Nhà cung cấp là SkyNet TV", "the provider is VNNet".
  ['nha cung cap', null],
  ['provider', null],
  // Gyms and beauty salons, like shops, are kinds of place; clinics, pharmacies and centres carry the word in their name.
  ['tham my vien', null],
  ['spa', null],
  ['salon', null],
  ['studio', 'Studio'],
  ['garage', 'Garage'],
  ['phong tap', null],
  ['phong gym', null],
  ['tap hoa', null],
  ['nha xe', 'Nhà xe'],
  // Venues and stalls sell too: "rạp CGV Vincom", "sạp rau cô Tư", "quầy thuốc Minh An", "cây xăng …".
  ['rap', null],
  ['sap', null],
  ['quay', null],
  ['ki ot', null],
  ['kiot', null],
  ['cay xang', 'Cây xăng'],
  ['trai', null],
  ['xuong', null],
  ['vua', null],
  ['nha nghi', 'Nhà nghỉ'],
  ['hotel', null],
  ['cinema', null],
  ['nha sach', 'Nhà sách'],
  ['phong kham', 'Phòng khám'],
  ['khach san', 'Khách sạn'],
  ['hang', null],
  ['thuong hieu', null],
  ['store', null],
  // Marketplaces' and English words for the seller: "from seller 'Digital World VN'".
  ['seller', null],
  // An account on a social network sells too: "tên acc là Tuấn Hưng Game".
  ['acc', null],
  ['nick', null],
  ['vendor', null],
  ['merchant', null],
  ['sieu thi', 'Siêu thị'],
  ['nha thuoc', 'Nhà thuốc'],
  ['dai ly', 'Đại lý'],
  ['nha hang', 'Nhà hàng'],
  ['quan an', 'Quán ăn'],
  ['showroom', 'Showroom'],
  ['trung tam', 'Trung tâm'],
  ['tiem', 'Tiệm'],
  ['gian hang', null],
  // Tiki's and Lazada's word for the seller, and the seller's own site: "nhà bán Điện Lạnh Đông Á", "website KeyStore.vn".
  ['nha ban', null],
  ['nguoi ban', null],
  ['ben ban', null],
  ['website', null],
  ['trang web', null],
  ['dien luc', 'Điện lực'],
  ['fanpage', null],
  // "trang facebook "Vé Máy Bay Giá Rẻ"": a page, read only before a quoted name (see quotedOnly).
  ['trang', null],
  ['shop', null],
  ['page', null],
  // "mua bàn ghế của Nội Thất Hòa Phát", "ở Điện Máy Chợ Lớn", "at Xe Đạp Thống Nhất Store": after a
  // preposition only a capitalised name counts (not "của tôi"), and not a place ("ở Đà Nẵng").
  ['cua', null],
  ['o', null],
  ['tai', null],
  ['tu', null],
  ['quan', null],
  ['at', null],
  ['from', null],
  // "a complaint against CoreLab Pilates", "mua trên web của local brand NEVERMIND Studio".
  ['against', null],
  ['local brand', null],
  ['brand', null],
  // Not "of": "a pair of Nike Air Force 1" counts the thing bought; the seller comes after "from".
  ['with', null],
  ['through', null],
  ['into', null],
];
/** Kinds after which only a capitalised name that is not a place counts. */
const prepositions = new Set(['cua', 'o', 'tai', 'tu', 'quan', 'at', 'from', 'with', 'through', 'into', 'hang', 'store', 'against']);
/** Kinds that name a seller only before a quoted name. */
const quotedOnly = new Set(['trang']);
const english = new Set(['at', 'from', 'with', 'through', 'into']);

const kindPattern = new RegExp(`(?<![\\p{L}])(${businessKinds.map(([k]) => k).join('|')})(?![\\p{L}])(?: (?:ten|co ten|mang ten|called|named)(?: la)?| la(?![\\p{L}])| is(?![\\p{L}]))?(?: the(?= ))?\\s*[:]?\\s*`, 'gu');

/**
 * A seller named as such, whatever it is: "trang Facebook tên Xả Kho iPhone Giá Rẻ", "một người tên
 * Thảo Shop", "insta tên SneakerZone.vn", "tự xưng là Dược Phẩm Hoàng Gia", "a page called TicketHub
 * VN". Not a person introducing themselves or a relative ("tôi tên", "mẹ tôi tên").
 */
const naming = /(?<![\p{L}])(?:co ten|mang ten|ten la|ten|tu xung la|xung la|called|named)\s+(?:la\s+)?/gu;
// Also friends and neighbours met in the story: "đi cùng đứa bạn tên Thảo", "chị hàng xóm tên Lan".
const personBefore = /(?<![\p{L}])(toi|em|e|minh|tui|chau|con|me|bo|ba|ong|vo|chong|cua toi|ho|va|ban|hang xom|dong nghiep|nguoi quen|friend|neighbour|neighbor)\s*$/u;
/** "tôi ở Vinh", "nhà ở Hà Đông", "I live in Hanoi": where the consumer lives, not a seller. */
const consumerPlace = /(?<![\p{L}])(toi|em|e|minh|tui|nha|nha toi|song|i|we|live|living)\s*$/u;
/** "iCenter", "eBay": brands that start in lower case. */
const nameStart = /^(?:\p{Lu}|\p{Ll}+\p{Lu})/u;

/**
 * Address words typed in lower case inside a capitalised name start the seller's address: "Điện Máy
 * Thanh Tam duong Nguyen Trai, Vinh", "Sửa Chữa Mobile 79 đường Lê Thánh Tôn", "Phở Bát Đàn 99 bên
 * Ninh Kiều". A capitalised one is part of the name ("Chợ Lớn", "Phố Hiến"). Typed with diacritics
 * the word must be spelled as the address word ("phố", not "phở").
 */
const addressWordsAccented = ['đường', 'phố', 'phường', 'quận', 'huyện', 'xã', 'thị xã', 'thị trấn', 'ngõ', 'ngách', 'hẻm', 'kiệt', 'quốc lộ', 'tỉnh lộ', 'số', 'tp', 'thành phố', 'tỉnh', 'bên', 'gần', 'cạnh', 'đối diện', 'chi nhánh', 'cơ sở', 'cs', 'cn', 'khu', 'chợ', 'thôn', 'ấp'];
const addressWordsFolded = [...new Set(addressWordsAccented.map(foldPhrase))];
/** A lower-case address word, then a capitalised word or a number (matched case-sensitively). */
const addressWordIn = (words: readonly string[]) => new RegExp(`\\s(?:${words.join('|')})(?:\\.\\s*|\\s+|$)(?=\\p{Lu}|\\d|$)`, 'u');
const addressInNameAccented = addressWordIn(addressWordsAccented);
const addressInNameFolded = addressWordIn(addressWordsFolded);

function beforeAddress(value: string): string {
  const m = (hasDiacritics(value) ? addressInNameAccented : addressInNameFolded).exec(value);
  return m ? value.slice(0, m.index).trim() : value;
}

/**
 * The business's name, from "shop X", "cửa hàng X", "công ty X". A capture made only of ordinary
 * words ("shop lừa tôi", "shop bán hàng giả") is no name; a name has a capital, a digit, or is a
 * word the consumer typed in Latin letters that is not Vietnamese ("shop abc123", "shop Mây").
 */
export function extractBusinessName(text: FoldedText, isPlace: (name: string) => boolean = () => false, isConsumer: (name: string) => boolean = () => false): string | null {
  // "…, tên Mai Anh Tuấn": the consumer introducing themselves is no seller; the next candidate is tried.
  // "fanpage Facebook của X": the platform is where, X who.
  const notSeller = (name: string) => isConsumer(name) || platformNames.has(foldPhrase(name));
  return namedSeller(text, (name) => !isPlace(name) && !notSeller(name)) ?? sellerAfterKind(text, isPlace, notSeller);
}

const platformNames = new Set(platforms.map(foldPhrase));

function namedSeller(text: FoldedText, accept: (name: string) => boolean): string | null {
  for (const m of text.folded.matchAll(naming)) {
    if (personBefore.test(text.folded.slice(Math.max(0, m.index - 12), m.index))) continue;
    const start = m.index + m[0].length;
    // "tên là Công ty CP Sức Khỏe Nhật Minh": the kind is read on its own match.
    if (kindAtStart.test(text.folded.slice(start))) continue;
    const capture = quotedName(text.original, start) ?? captureWords(text, start, { maxWords: 7, allowNumbers: true, capitalisedContinues: true });
    if (!capture || !nameStart.test(capture.value)) continue;
    const value = beforeAddress(capture.value);
    if (!accept(value)) continue;
    return value;
  }
  return null;
}

function sellerAfterKind(text: FoldedText, isPlace: (name: string) => boolean, isConsumer: (name: string) => boolean): string | null {
  for (const m of text.folded.matchAll(kindPattern)) {
    const start = m.index + m[0].length;
    const kind = m[1]!;
    // "quán" is a restaurant; "quận" (folded the same) a district, "quần" trousers.
    if (!kindSpelled(text, m.index, kind)) continue;
    if (prepositions.has(kind) && consumerPlace.test(text.folded.slice(Math.max(0, m.index - 8), m.index))) continue;
    // "Quán nhậu 'Ốc Đêm 2Hand Quán'": lower-case trade words may stand before a quoted name.
    const trade = /^\s*(?:\p{Ll}+\s+){1,3}(?=["“'‘])/u.exec(text.original.slice(start));
    // "The seller, Gia Dụng Tiện Ích Store, confirmed …": a name set off by commas after the kind.
    const apposition = /^,\s*(\p{Lu}[^,\n]{1,60}?),/u.exec(text.original.slice(start));
    if (apposition && !trade && looksLikeName(apposition[1]!) && !readsAsClause(apposition[1]!)) return withoutLeadingPlatform(apposition[1]!.trim());
    // 'Shop Facebook "Kho Sỉ Giày"', 'acc Zalo "Mẹ Su"', 'trang fb "Vé Rẻ 24h"': the platform stands between the kind and the name.
    const platformLength = platformNameAt(text.folded.slice(start));
    const quoted = quotedName(text.original, start) ?? (trade ? quotedName(text.original, start + trade[0].length) : null) ?? (platformLength > 0 ? quotedName(text.original, start + platformLength) : null);
    // "trang" is a page only before a quoted name; otherwise it is any page ("trang sản phẩm ghi").
    if (quotedOnly.has(kind) && !quoted) continue;
    const capture = quoted ?? captureWords(text, start, { maxWords: 7, allowNumbers: true, capitalisedContinues: true });
    if (!capture || !looksLikeName(capture.value)) continue;
    const startsName = nameStart.test(capture.value) || (english.has(kind) && /^\d/.test(capture.value));
    if (prepositions.has(kind) && (!startsName || isPlace(capture.value) || ordinaryCapitalised(capture.value))) continue;
    // "ở Siêu thị Thành Đô", "tên là Công ty CP X": the kind word that follows is read on its own match.
    // But a kind typed in Title Case inside the name is part of it: "cửa hàng Tạp Hóa Thành Công 86".
    const nested = kindAtStart.exec(text.folded.slice(start));
    if (nested && kindSpelled(text, start, nested[1]!) && !titleCased(text.original.slice(start, start + nested[1]!.length))) continue;
    // "through the FreshMart app": the app is how, FreshMart who.
    const value = withoutLeadingPlatform(quoted ? withoutSymbols(capture.value) : withoutTrailingPlace(withoutLeadingKind(beforeAddress(capture.value)), isPlace).replace(/ (app|website|site|page|store app)$/u, ''));
    if (!looksLikeName(value) || isConsumer(value)) continue;
    const label = businessKinds.find(([k]) => k === kind)?.[1] ?? null;
    return label && !quoted ? `${label} ${value}` : value;
  }
  return null;
}

const kindAtStart = new RegExp(`^(${businessKinds.filter(([k]) => !['cua', 'o', 'tai', 'tu', 'at', 'from', 'of', 'with', 'through', 'into'].includes(k)).map(([k]) => k).join('|')})(?![\\p{L}])`, 'u');

/**
 * Typed with diacritics, a one-syllable kind must be the word meant: "quán" (not "quận", "quần"),
 * "tiệm" (not "tiêm"), "hãng" (not "hàng", goods), "của", "ở", "tại", "từ".
 */
const spelledKinds: Record<string, string> = { quan: 'quán', tiem: 'tiệm', hang: 'hãng', cua: 'của', o: 'ở', tai: 'tại', tu: 'từ', rap: 'rạp', sap: 'sạp', quay: 'quầy', trai: 'trại', xuong: 'xưởng', vua: 'vựa' };

function kindSpelled(text: FoldedText, index: number, kind: string): boolean {
  const meant = spelledKinds[kind];
  if (!meant || !hasDiacritics(text.original)) return true;
  return text.original.slice(index, index + kind.length).toLocaleLowerCase('vi') === meant;
}

/** "tiệm giặt ủi Sạch Thơm", "cửa hàng tiện lợi Mini Stop 68": lower-case words before the name say what kind of shop it is. */
function withoutLeadingKind(value: string): string {
  const words = value.split(/\s+/);
  const first = words.findIndex((w) => nameStart.test(w) || /^\d/.test(w));
  return first > 0 ? words.slice(first).join(' ') : value;
}

/** Syllables of the words that say what trade a shop is in ("Điện Máy", "Đa khoa", "Thời Trang"). */
const tradeSyllables = new Set('dien may da khoa nha thoi trang my pham gia dung noi that lanh thoai tu xe o to hai san thuc duoc sach giay dep tui xach banh com lau tra sua ca phe spa tham vien'.split(' '));

/**
 * "Điện Máy Xanh Biên Hòa", "Ding Tea Cau Giay": the branch's place is not part of the name. But
 * "Phòng khám Đa khoa Hòa Bình" is named after a place: without it only the trade is left.
 */
function withoutTrailingPlace(value: string, isPlace: (name: string) => boolean): string {
  const words = value.split(/\s+/);
  for (let cut = 1; cut < words.length; cut++) {
    if (!isPlace(words.slice(cut).join(' '))) continue;
    const left = words.slice(0, cut);
    if (left.length <= 2 && left.every((w) => tradeSyllables.has(foldPhrase(w)))) return value;
    return left.join(' ');
  }
  return value;
}

/** What a platform calls its own shop: "Tiki Trading", "Lazada Retail", "Shopee Official". */
const platformShopWords = new Set(['trading', 'retail', 'official', 'store', 'supermarket', 'mart']);

/** "shop Facebook Hàng Xách Tay Mỹ", "page Zalo X": the platform is where the seller is, not its name. */
function withoutLeadingPlatform(value: string): string {
  const words = value.split(/\s+/);
  for (const k of [2, 1]) {
    if (words.length <= k || !platformNames.has(foldPhrase(words.slice(0, k).join(' ')))) continue;
    // "Tiki Trading", "Lazada Retail": the platform's own shop is named after it, with only a word of trade left.
    if (words.length === k + 1 && platformShopWords.has(foldPhrase(words[k]!))) return value;
    return words.slice(k).join(' ');
  }
  return value;
}

function titleCased(words: string): boolean {
  return words.split(/\s+/).every((w) => /^\p{Lu}/u.test(w));
}

/** "Nhà Của Mèo 🐱": emoji and pictographs decorate a name, they are not part of it. */
function withoutSymbols(value: string): string {
  return value.replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '').replace(/\s+/g, ' ').trim();
}

/** 'shop "Phụ Kiện 3K Official"': a quoted name is taken whole. */
function quotedName(original: string, start: number): { value: string; end: number } | null {
  const m = /^\s*["“'‘]([^"”'’\n]{2,80})["”'’]/u.exec(original.slice(start));
  return m ? { value: m[1]!.trim(), end: start + m[0].length } : null;
}

/** A sentence's first word or a capitalised pronoun is not a business ("ở Nhà tôi", "at My place"). */
function ordinaryCapitalised(value: string): boolean {
  return /^(Nhà|Tôi|Em|Mình|My|Our|Home|The)$/u.test(value.split(/\s+/)[0] ?? '') && value.split(/\s+/).length === 1;
}

export function looksLikeName(value: string): boolean {
  return value.split(/\s+/).some((w) => nameStart.test(w) || /\d/.test(w) || /[._&]/.test(w));
}

/** "địa chỉ shop: 12 Nguyễn Trãi, phường 3, quận 5." -> the address, up to the end of the sentence. */
export function extractBusinessAddress(text: FoldedText): string | null {
  // Also "Shop ghi địa chỉ 25 Nguyễn Văn Linh …", "trang để địa chỉ …": the seller's words, then the address.
  const m = /(?:dia chi (?:cua )?(?:shop|cua hang|cong ty|cty|kinh doanh|tiem|quan|nha hang|sieu thi|ben ban|nguoi ban)|(?<![\p{L}])(?:shop|cua hang|cong ty|cty|ben ban|nguoi ban|page|trang)(?: [\p{L}]+){0,2} dia chi)\s*(?:la|o|tai)?\s*:?\s*/u.exec(text.folded);
  if (!m) return null;
  const start = m.index + m[0].length;
  const rest = text.original.slice(start);
  const end = rest.search(/\.(\s|$)|\n|;/);
  const value = (end === -1 ? rest : rest.slice(0, end)).trim().slice(0, 160).replace(/[,\s]+$/, '');
  return value.length >= 4 ? value : null;
}

/**
 * What a consumer types when asked for the business: "shop Mây Store", "dạ, tên shop là Mây". A
 * sentence of the story ("Máy chảy nước và không lạnh", "The price tag said 21") is no name: only
 * its first word is capitalised and it reads as a clause.
 */
export function businessNameAnswer(text: string): string | null {
  const value = cleanAnswer(text, /^(tên\s+)?(shop|cửa hàng|cua hang|gian hàng|gian hang|công ty|cong ty|cty|bên bán|ben ban|người bán|nguoi ban|nhà bán|nha ban)?\s*(tên\s+)?(là|la)?\s*[:"“]?\s*/i).replace(/["”]$/, '');
  // A reply that goes on with the story or a wish ("em chỉ muốn đổi sang size 39 thôi ạ") names no seller,
  // however its end reads once the words before a kind are cut.
  const words = value.split(/\s+/);
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  if (readsAsClause(value) && capitalised <= 1) return null;
  // "trại chó Happy Dog ở Thủ Đức": the kind of place before the name and where it is after it.
  const named = withoutLeadingKind(value.replace(/\s+(?:ở|tại|trên|o|tai|tren|in|at|on)\s+\S.*$/u, ''));
  if (named !== value && looksLikeName(named)) return businessNameAnswer(named);
  if (words.length > 8) return null;
  return value.length >= 2 && value.length <= 120 ? value : null;
}
