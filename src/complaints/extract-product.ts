import { foldAligned, foldPhrase, type FoldedText } from './folded-text.ts';
import { captureWords, cleanAnswer, hasDiacritics, readsAsClause, type Capture } from './phrase-capture.ts';
import { defaultProductLexicon, type ProductLexicon } from './product-lexicon.ts';

/** Words that say nothing about what was bought. */
// "đặt nhầm", "mua lại": how it was bought, not what; a container or a count alone ("một lốc 4 hộp") neither.
const generic = new Set(['cu', 'nham', 'lai', 'hop', 'loc', 'thung', 'chai', 'lon', 'tui', 'bich', 'bo', 'set', 'combo', 'phan', 'suat', 'ly', 'coc', 'hang', 'do', 'san pham', 'mon hang', 'cai', 'mon', 'no', 'hang hoa', 'dich vu', 'online', 'hang online', 'gi', 'thu gi', 'anything', 'something']);

// Also the seller's side ("đăng bán X", "bán cho mẹ tôi X"), a contract for a service ("ký hợp đồng
// chụp ảnh cưới"), English bookings and orders; not "đặt cọc" (a deposit is no product).
// "mua trả góp tủ lạnh", "mua qua mạng": how it was bought comes before what.
// Also the order named ("đơn là bộ chăn ga", "đơn hàng của tôi là …", "the order was a …"), teencode
// "đk" (đăng ký), "làm thẻ" (a card made), English "paid for a …", "to book a …".
const buying = /(?<![\p{L}])(?:da |vua |co )?(?:don(?: hang)?(?: cua (?:toi|em|minh|tui|e|mk))? la|(?:the|my)(?: last| latest| recent)? order (?:was|is)|dk|lam(?= the )|paid for(?= (?:a|an|the|my|our) )|book(?= (?:a|an|the) )|dat mua|dat hang|mua|dat(?! coc)|order of|order|oder|san duoc|chot|san pham(?: la)?|dang ky|su dung dich vu|dung dich vu|lam dich vu|thue(?! bao)|dang ban|chao ban|gioi thieu|goi(?= (?:mot|1|2|3|hai|ba|may|mon|dia|phan|suat|noi|ly|chai|to|cai|set|combo|lau) )|ban cho(?: (?:me|bo|ba|ong|vo|chong|con|em|chi|anh|toi|minh|tui|e)(?: (?:noi|ngoai))?(?: (?:toi|em|minh|tui|e))?)?|giao cho (?:toi|em|minh|tui|e)|ky hop dong|do(?= (?:xang|dau|gas) )|bought|purchased|ordered|ordering|buying|buy|booked|booking|rented|hired|leased|subscribed to|signed up for|signed|(?:was |were )?sold(?: me| us| her| him| them| my (?:mother|mom|mum|father|dad|parents|grandmother|grandfather|grandma|grandpa|wife|husband|son|daughter))?(?= (?:a|an|the|some|\d)\s))\s+(?:duoc |phai |giup |cho (?:con|me|bo|vo|chong|em|be) |ve |online |lai |tra gop |qua mang |truc tuyen )?/gu;

/**
 * "page Facebook X bán tai nghe AirPods Pro 2 chính hãng", "shop bán …": what the seller sold, when
 * nothing names what was bought. Not "bán hàng giả" (the goods in general).
 */
const sellerSells = /(?<![\p{L}])(?:page|shop|tiem|kenh|cua hang|nha hang|nguoi ban|admin|sieu thi|cong ty|dai ly|trang)(?![\p{L}])[^.!?\n|]{0,60}?\s(?:ban|rao ban|quang cao)\s+(?!(?:hang|cho|duoc|ra)(?![\p{L}]))/gu;

/**
 * A service named by what is done: "đi khám sức khỏe tổng quát", "để thay má phanh và đĩa phanh",
 * "làm trồng răng implant". The verb is part of the name; a lead word ("đi", "để", "làm") says it is
 * the service, not a wish ("muốn sửa").
 */
const serviceVerb = /(?<![\p{L}])(?:di|de|den|lam|toi|minh|em|e)\s+(kham|giat|thay|chup|trong|nieng|nho|cat|nhuom|uon|goi dau|tiem|xet nghiem|bao duong|ve sinh|lap dat|sua)\s+/gu;
/** English: "a banh mi I bought", "the shoes that we ordered". */
const boughtAfter = /(?<![\p{L}])(?:a|an|the|my|some)\s+((?:[\p{L}\p{N}'-]+\s+){0,3}?[\p{L}\p{N}'-]+)\s+(?:that\s+|which\s+)?(?:i|we)\s+(?:bought|ordered|booked|purchased|got)(?![\p{L}])/gu;
/** English: "Got a Philips steam iron from …", "I've had home internet from VNNet": what came from a seller. */
const gotFrom = /(?<![\p{L}])(?:got|get|picked up|have had|ve had|had)\s+(?:(?:a|an|the|my|some|our)\s+)?/gu;
/**
 * "nhận 1tr250 tiền đôi giày", "chuyển 2tr tiền hộp sâm": a sum paid for a thing names it. Not a
 * deposit, the goods in general or a fee ("tiền cọc", "tiền hàng", "tiền ship", "tiền gia hạn").
 */
const paidForThing = /(?<![\p{L}\d])\d[\d.,]*\s?(?:k|tr|trieu|nghin|ngan|d|dong|vnd)?\d*\s+tien\s+(?!(?:coc|hang|ship|van chuyen|mat|phi|thua|thieu|lai|do|no|gia han)(?![\p{L}]))/gu;
/** "đóng 8.400.000đ cho gói tập gym", "chuyển 5tr cho khóa học": a sum paid for a package or a course names it. */
const paidForPackage = /(?<![\p{L}])(?:dong|tra|chuyen khoan|chuyen|thanh toan|nop)\s+\d[\d.,]*\s?(?:k|tr|trieu|nghin|ngan|d|dong|vnd)?\d*\s+cho\s+(?=(?:goi|khoa|the|ve|tour|hop dong|combo|lop|dich vu)(?![\p{L}]))/gu;
/** English: "paid 20,000,000 VND for a starter kit". */
const paidFor = /(?<![\p{L}])(?:pay|paid|spent|spend)\s+[\d.,]+\s*(?:vnd|dong|d)?\s+for\s+(?:a|an|the|my)?\s*/gu;

/**
 * The product or service, from "mua X", "đặt X", "đăng ký gói X", cut before "trên Shopee", a
 * price or a date. "mua hàng" names nothing, so the next candidate is tried.
 */
export function extractProduct(text: FoldedText, lexicon: ProductLexicon = defaultProductLexicon(), options: { /** Also a known product named without a buying verb. */ alone?: boolean; /** Also the thing to be exchanged or repaired (not in a correction, which would replace a better reading). */ actedOn?: boolean } = {}): string | null {
  const capture = productCapture(lexicon);
  const found = afterBuyingVerb(text, capture, lexicon) ?? sellerSold(text, capture) ?? service(text, capture) ?? afterPattern(text, paidFor, capture) ?? afterPattern(text, paidForPackage, capture) ?? boughtInEnglish(text) ?? fromSeller(text, capture) ?? beforeBuyingVerb(text, capture) ?? afterPattern(text, paidForThing, capture);
  if (found !== null) return tidy(fullerName(found, text, lexicon) ?? found, text);
  const named = options.alone === false ? null : (eaten(text, lexicon) ?? namedThing(text, lexicon) ?? (options.actedOn === false ? null : actedOn(text, capture)));
  return named;
}

/**
 * Teencode models spelled out ("ip15 pro" is an iPhone 15 Pro), and a bill keeps its month
 * ("tiền điện tháng 10": the bill, not the electricity).
 */
function tidy(product: string, text: FoldedText): string {
  // Teencode: "dt oppo" is a điện thoại (phone), "ip15" an iPhone 15.
  let value = product.replace(/(?<![\p{L}])ip ?(\d{1,2})(?![\p{L}\d])/giu, 'iPhone $1').replace(/^(dt|đt|dth|đth)(?= )/iu, 'điện thoại');
  const at = text.folded.indexOf(foldPhrase(product));
  const month = at === -1 ? null : /^\s+(th[aá]ng \d{1,2})(?![\d/])/iu.exec(text.original.slice(at + product.length));
  if (month && /^(tien|cuoc|hoa don|phi)(?![\p{L}])/u.test(foldPhrase(product))) value = `${value} ${month[1]}`;
  // "gói tập 6 tháng", "khóa học 1 năm": a subscription keeps its length.
  const rest = at === -1 ? '' : text.original.slice(at + product.length);
  const unit = /\d$/.test(product) ? /^\s+(tháng|thang|năm|nam|buổi|buoi|ngày|ngay)(?![\p{L}])/iu.exec(rest) : /^(goi|the|khoa|ve|combo|hop dong)(?![\p{L}])/u.test(foldPhrase(product)) ? /^\s+(\d{1,2} (?:tháng|thang|năm|nam|buổi|buoi))(?![\p{L}])/iu.exec(rest) : null;
  if (unit) value = `${value} ${unit[1]}`;
  // "tour to Sapa", "vé đi Đà Nẵng", "flight to Hanoi": a journey is named by where it goes.
  // "vé máy bay Hà Nội - Phú Quốc": a route after the ticket says where it goes, it is not a brand.
  const route = at === -1 ? null : /^((?:\S+ ){1,3}?)((?:\p{Lu}[\p{L}]* ?){1,3})$/u.exec(`${value}`);
  if (route && /^(ve|tour|chuyen)(?![\p{L}])/u.test(foldPhrase(value)) && /^\s*[-–]\s*\p{Lu}/u.test(rest)) value = route[1]!.trim();
  const journey = /^(tour|trip|ticket|tickets|flight|ve|chuyen|chuyen bay)$/u.test(foldPhrase(product).split(' ').at(-1) ?? '') ? /^\s+((?:to|đi|đến|tới|di|den|toi) \p{Lu}[\p{L}]*(?: \p{Lu}[\p{L}]*){0,2})/u.exec(rest) : null;
  if (journey) value = `${value} ${journey[1]}`;
  return value;
}

/** The service with its verb, which may fold like a stop word ("thay" like "thấy"). */
/** Typed with diacritics, the service verb must be spelled as one: "nhổ răng", not "tôi nhớ nhầm"; "cắt tóc", not "cất". */
const serviceSpellings: Record<string, string> = { kham: 'khám', giat: 'giặt', thay: 'thay', chup: 'chụp', trong: 'trồng', nieng: 'niềng', nho: 'nhổ', cat: 'cắt', nhuom: 'nhuộm', uon: 'uốn', 'goi dau': 'gội đầu', tiem: 'tiêm', 'xet nghiem': 'xét nghiệm', 'bao duong': 'bảo dưỡng', 've sinh': 'vệ sinh', 'lap dat': 'lắp đặt', sua: 'sửa' };

function service(text: FoldedText, read: Reader): string | null {
  const accented = hasDiacritics(text.original);
  for (const m of text.folded.matchAll(serviceVerb)) {
    const verbStart = m.index + m[0].lastIndexOf(m[1]!);
    if (accented && text.original.slice(verbStart, verbStart + m[1]!.length).toLocaleLowerCase('vi') !== serviceSpellings[m[1]!]) continue;
    const capture = read(text, m.index + m[0].length, 6);
    // "đóng cửa để sửa chữa": repairs in general name no service.
    if (capture && !generic.has(foldPhrase(capture.value)) && !(m[1] === 'sua' && /^chua(?![\p{L}])/u.test(foldPhrase(capture.value)))) return text.original.slice(verbStart, capture.end).trim().replace(/[.,;:!?]+$/u, '');
  }
  return null;
}

/** Typed with diacritics the verb must be "bán" ("nhà hàng còn nhiều bàn trống" has a table, not a sale). */
function sellerSold(text: FoldedText, read: Reader): string | null {
  const accented = hasDiacritics(text.original);
  return afterPattern(text, sellerSells, read, (m) => {
    if (!accented) return true;
    const verb = /(?:rao ban|ban|quang cao)\s+$/.exec(m[0])!;
    const at = m.index + verb.index;
    return /^(rao bán|bán|quảng cáo)\s/iu.test(text.original.slice(at, at + verb[0].length + 1));
  });
}

/** The product after the first match of `pattern` that `accept` lets through (every match by default). */
function afterPattern(text: FoldedText, pattern: RegExp, read: Reader, accept: (m: RegExpMatchArray & { index: number }) => boolean = () => true): string | null {
  for (const m of text.folded.matchAll(pattern)) {
    if (!accept(m)) continue;
    const capture = read(text, m.index + m[0].length, 7);
    if (capture && !generic.has(foldPhrase(capture.value))) return capture.value;
  }
  return null;
}

/** "ăn phở ở quán …", "uống trà sữa": food or drink that made someone ill is what was bought. */
function eaten(text: FoldedText, lexicon: ProductLexicon): string | null {
  const accented = hasDiacritics(text.original);
  // "uống một ly trà sữa", "ăn 2 hộp sữa chua": the count before the thing eaten is skipped.
  for (const m of text.folded.matchAll(/(?<![\p{L}])(an|uong|ate|drank)\s+(?:(?:mot|1|2|3|hai|ba|a|an|some)\s+)?(?:(?:ly|coc|hop|bat|to|dia|phan|suat|cai|chai|lon|goi|mieng|cup|glass|bowl|plate|box|of)\s+)?/gu)) {
    if (accented && !/^(ăn|uống)$/iu.test(text.original.slice(m.index, m.index + m[1]!.length)) && !/^(ate|drank)$/.test(m[1]!)) continue;
    const start = m.index + m[0].length;
    if (lexicon.endAt(text, start, accented) === null) continue;
    return productCapture(lexicon)(text, start, 6)?.value ?? null;
  }
  return null;
}

function fromSeller(text: FoldedText, read: Reader): string | null {
  for (const m of text.folded.matchAll(gotFrom)) {
    const capture = read(text, m.index + m[0].length, 6);
    if (!capture || generic.has(foldPhrase(capture.value))) continue;
    if (/^\s+(from|at)\s/.test(text.folded.slice(capture.end))) return capture.value;
  }
  return null;
}

/**
 * "Cửa hàng không cho tôi đổi váy bị lỗi", "gửi trả máy sấy": when nothing names what was bought,
 * the thing the consumer wants exchanged, returned or repaired is it. Typed with diacritics, the verb
 * must be spelled as one ("đổi", not "đợi"; "sửa", not "sữa").
 */
const actingVerb = /(?<![\p{L}])(doi|tra lai|gui tra|bao hanh|sua)\s+/gu;
const actingSpellings: Record<string, string> = { doi: 'đổi', sua: 'sửa', 'tra lai': 'trả lại', 'gui tra': 'gửi trả', 'bao hanh': 'bảo hành' };
// "đổi đúng size", "sửa chữa" (repairs in general) name no thing.
const notActedOn = /^(tien|lai|size|mau|cai|hang|tra|moi|khac|sang|cho|duoc|hoan|di|het|ngay|voucher|the|money|lan|nhieu|mai|xong|cach|bao hanh|dung|chua|\d)(?![\p{L}])/u;

function actedOn(text: FoldedText, read: Reader): string | null {
  const accented = hasDiacritics(text.original);
  for (const m of text.folded.matchAll(actingVerb)) {
    if (accented && text.original.slice(m.index, m.index + m[1]!.length).toLocaleLowerCase('vi') !== actingSpellings[m[1]!]) continue;
    // "tiệm Sửa xe Tư Mới": a capitalised verb inside a sentence is part of a name.
    if (/^\p{Lu}/u.test(text.original.charAt(m.index)) && !/(^|[.!?\n]\s*)$/u.test(text.original.slice(0, m.index))) continue;
    const start = m.index + m[0].length;
    // "thay đổi cách đối xử" is to change, "sửa 3 lần" how often.
    if (notActedOn.test(text.folded.slice(start)) || /(?<![\p{L}])thay\s+$/u.test(text.folded.slice(Math.max(0, m.index - 6), m.index))) continue;
    const capture = read(text, start, 4);
    if (capture && !generic.has(foldPhrase(capture.value))) return capture.value;
  }
  return null;
}

function boughtInEnglish(text: FoldedText): string | null {
  for (const m of text.folded.matchAll(boughtAfter)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const value = text.original.slice(start, start + m[1]!.length);
    if (!generic.has(foldPhrase(value)) && !/^(one|thing|item|product)$/i.test(value)) return value;
  }
  return null;
}

/** "… phải có bình chữa cháy … mua 2 bình": the short word is the known product named in full. */
function fullerName(found: string, text: FoldedText, lexicon: ProductLexicon): string | null {
  const head = foldPhrase(found);
  if (head.includes(' ')) return null;
  for (const [start, end] of lexicon.mentions(text, hasDiacritics(text.original))) {
    if (foldPhrase(text.original.slice(start, end)).startsWith(`${head} `)) return text.original.slice(start, end);
  }
  return null;
}

type Reader = (text: FoldedText, start: number, maxWords: number) => Capture | null;

/** A product phrase from `start`, known product names read whole. */
function productCapture(lexicon: ProductLexicon): Reader {
  const known = (text: FoldedText, start: number, accented: boolean) => lexicon.endAt(text, start, accented);
  return (text, start, maxWords) => captureWords(text, start, { maxWords, skipQuantifiers: true, keepFirst: true, allowNumbers: true, brandsContinue: true, known });
}

/**
 * "Máy giặt nhà tôi hỏng motor", "gửi trả máy sấy tóc cho shop": a known product named without a
 * buying verb. Not one inside a capitalised name ("Nhà Hàng Hải Sản Biển Xanh").
 */
/**
 * "số điện thoại", "gọi điện thoại", "qua điện thoại", "bằng xe máy": the thing is how, not what;
 * "tiệm điện thoại", "cửa hàng xe máy" the shop's trade; "tiền thuốc" a cost.
 */
const notTheThing = /(?<![\p{L}])(so|sdt|goi|qua|bang|tren|nghe|di|o|tiem|cua hang|shop|sieu thi|dai ly|hang|quay|tien|chi phi|phi)\s+$/u;

export function namedThing(text: FoldedText, lexicon: ProductLexicon = defaultProductLexicon(), options: { anywhere?: boolean } = {}): string | null {
  // What a story is about comes in its first sentence ("Máy giặt nhà tôi hỏng motor"); later ones
  // name other things ("bắt tôi mở túi xách").
  // An opening that introduces the consumer ("Tôi là Hồ Văn Mười Hai ở Sa Đéc.") tells nothing of it.
  const introduction = /^\s*(?:(?:xin )?chao[^.!?\n]*[.!?\n]\s*)?(?:toi|em|minh|tui|chau)\s+(?:la|ten)\s[^.!?\n]*[.!?\n]\s*/u.exec(text.folded)?.[0].length ?? 0;
  const end = text.folded.slice(introduction).search(/[.!?\n](\s|$)/);
  const firstSentence = options.anywhere ? text.folded.length : end === -1 ? -1 : introduction + end;
  for (const [at, end] of lexicon.mentions(text, hasDiacritics(text.original))) {
    let start = at;
    if (firstSentence !== -1 && start > firstSentence) break;
    // "gói truyền hình cáp", "gói internet": a package of a service is what was bought; "gọi điện
    // thoại" (to call) is not ("gọi" as typed, or a phone after it when typed without diacritics).
    const packaged = /(?<![\p{L}])goi\s+$/u.exec(text.folded.slice(Math.max(0, start - 4), start));
    const calling = packaged !== null && (/gọi\s+$/iu.test(text.original.slice(0, start)) || (!hasDiacritics(text.original) && /^dien thoai|^dt/.test(text.folded.slice(start))));
    if (packaged && !calling) start = start - packaged[0].length;
    else if (notTheThing.test(text.folded.slice(Math.max(0, start - 6), start))) continue;
    // "điện thoại 0356 778 241" is a phone number's label.
    if (/^\s*:?\s*(\+84|0)\d/.test(text.folded.slice(end))) continue;
    const phrase = text.original.slice(start, end);
    const sentenceStart = /(^|[.!?\n]\s*)$/.test(text.original.slice(0, start));
    if (!sentenceStart && /\p{Lu}/u.test(phrase)) continue;
    if (generic.has(foldPhrase(phrase))) continue;
    // What follows says which one: "máy massage chân", "bàn ghế gỗ", "trồng răng implant".
    const whole = productCapture(lexicon)(text, start, 6)?.value ?? phrase;
    return tidy(whole.charAt(0).toLocaleLowerCase('vi') + whole.slice(1), text);
  }
  return null;
}

/**
 * "Tủ lạnh Panasonic mua ở Nguyễn Kim …", "dien thoai Samsung A55 mua o …": a sentence that opens
 * with the thing and then says it was bought.
 */
const openingThing = /(?:^|[.!?\n|]\s*)((?:[\p{L}\p{N}]+ ){0,5}[\p{L}\p{N}]+) (?:(?:toi|minh|em|tui|nha toi|me toi|bo toi) )?(?:mua|dat|order|bought|ordered)(?![\p{L}])/gu;
// Also people: "Con gái tôi đặt cọc…", "Bà tôi mua…" tell who bought, not what.
// Also a child or a relative alone ("Bé uống hộp sữa tươi mua ở …", "Cháu nhà tôi …", "Mẹ mua …").
const pronounStart = /^(toi|minh|em|e|tui|chung toi|nha toi|me toi|bo toi|vo toi|chong toi|con gai|con trai|con toi|ba toi|ong toi|chau toi|be|chau|me|vo|chong|hom|hom qua|sang|chieu|ngay|thang|i|we|my|the|shop|cua hang|ban|co)(?![\p{L}])/u;

function beforeBuyingVerb(text: FoldedText, read: Reader): string | null {
  for (const m of text.folded.matchAll(openingThing)) {
    const phrase = m[1]!;
    if (pronounStart.test(phrase)) continue;
    const start = m.index + m[0].indexOf(phrase);
    const capture = read(text, start, 6);
    if (!capture || generic.has(foldPhrase(capture.value))) continue;
    return capture.value.charAt(0).toLocaleLowerCase('vi') + capture.value.slice(1);
  }
  return null;
}

/** Verbs whose folded form is shared: "bàn cho 6 người" is no "bán cho", "thuế" no "thuê", "đạt" no "đặt", "mưa" (rain) no "mua". */
const verbSpellings: Record<string, string> = { mua: 'mua', ban: 'bán', dat: 'đặt', thue: 'thuê', chot: 'chốt', goi: 'gọi', chao: 'chào' };

function spelledAsVerb(text: FoldedText, index: number, folded: string): boolean {
  const verb = /^(?:(?:da|vua|co) )?([a-z]+)/.exec(folded)?.[1] ?? '';
  const meant = verbSpellings[verb];
  if (!meant || !hasDiacritics(text.original)) return true;
  const at = index + folded.indexOf(verb);
  return text.original.slice(at, at + verb.length).toLocaleLowerCase('vi') === meant;
}

function afterBuyingVerb(text: FoldedText, read: Reader, lexicon: ProductLexicon): string | null {
  for (const m of text.folded.matchAll(buying)) {
    if (!spelledAsVerb(text, m.index, m[0])) continue;
    // "công ty Dat Xanh", "Mua Sắm Tại Nhà": a capitalised word inside a sentence is part of a name.
    if (/^\p{Lu}/u.test(text.original.slice(m.index, m.index + 1)) && !/(^|[.!?\n]\s*|["“'‘(]\s*)$/u.test(text.original.slice(0, m.index))) continue;
    // "mua về" (bought and took home) is not "mua vé" (bought a ticket).
    const skipped = /(?:ve|lai) $/.exec(m[0]);
    const end = m.index + m[0].length;
    // Typed without diacritics, "dat ve may bay" is a ticket: "ve" starts a known ticket ("vé máy bay").
    const ticket = skipped?.[0] === 've ' && !hasDiacritics(text.original) && (lexicon.endAt(text, end - 3, false) ?? 0) > end;
    const start = skipped && (ticket || /^vé$/iu.test(text.original.slice(end - 3, end - 1))) ? end - 3 : end;
    // Models carry numbers ("tivi Sony 55 inch", "Samsung A55"); a price does not continue it.
    const capture = read(text, start, 7);
    if (!capture) continue;
    // "đặt bàn cho 6 người", "đặt lịch", "đặt chỗ": a reservation, not a thing bought.
    if (/^dat\s/.test(m[0].replace(/^(da|vua|co) /, '')) && /^(ban|cho|lich|cho ngoi)$/.test(foldPhrase(capture.value))) continue;
    if (generic.has(foldPhrase(capture.value))) continue;
    return capture.value;
  }
  return null;
}

/**
 * What a consumer types when asked for the product: "cái nồi chiên", "dạ, tôi mua tai nghe". A
 * sentence that goes on with the story ("Mới hơn 2 tháng trụ implant đã lung lay", "She refused")
 * is no product: the question is asked again.
 */
export function productAnswer(text: string, lexicon: ProductLexicon = defaultProductLexicon()): string | null {
  // "Bé uống hộp sữa tươi mua ở tạp hóa": what was eaten or drunk, however the answer begins.
  const ate = eaten(foldAligned(text), lexicon);
  if (ate !== null && !generic.has(foldPhrase(ate))) return ate;
  const value = cleanAnswer(text, /^((tôi|em|mình|tui|toi|minh)\s+)?(đã\s+|da\s+)?(mua|đặt|dat|order|dùng|dung)?\s*(một|mot|1|cái|cai|chiếc|chiec|đôi|doi|bộ|bo|hộp|hop|chai)?\s*/i);
  if (value.split(/\s+/).length > 12 || readsAsClause(value)) return null;
  // The thing, without what the answer goes on with: "gói cáp quang 220.000đ một tháng", "đầm maxi màu be".
  const answer = foldAligned(value);
  const captured = productCapture(lexicon)(answer, 0, 7)?.value;
  const phrase = captured === undefined ? undefined : tidy(captured, answer);
  return phrase !== undefined && phrase.length >= 2 && phrase.length <= 120 && !generic.has(foldPhrase(phrase)) ? phrase : null;
}
