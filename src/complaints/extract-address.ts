import { foldAligned, type FoldedText } from './folded-text.ts';
import { hasDiacritics } from './phrase-capture.ts';

/** What the address reader needs to know about places (the province directory). */
export interface PlaceNames {
  /** A city, province or district ("Nha Trang", "Cần Thơ", "quận 5"). */
  isPlaceName(phrase: string): boolean;
  /** A part of a city ("Cầu Giấy", "Ninh Kiều", "quận 5"), finer than the city itself. */
  isDistrict(phrase: string): boolean;
  /** A listed place name or alias, not merely shaped like one. */
  isKnownPlace(phrase: string): boolean;
}

/**
 * Parts of an address finer than a city, as their segment starts: a house number and street ("45 Lê
 * Lợi", "số 8 chợ Phủ"), a street, ward, district, commune, market, lane, "gần …"; in English a
 * street number, "District 7", "ward 3".
 */
const fineStart = /^(so \d|\d+[a-z]?(\/\d+)* (?!(?:tram|trieu|nghin|ngan|ty|k|tr|cu|d|dong|vnd|ngay|thang|nam|tuan|gio|phut|lan|nguoi|cai|chiec|hop|goi|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?![\p{L}]))\p{L}|duong |pho |phuong |p\.? ?\d|quan |q\.? ?\d|huyen |xa |thi tran |thi xa |cho |ngo |ngach |hem |kiet |khu |toa |lo |ap |thon |to dan pho |quoc lo |tinh lo |doan (?:qua|gan) |district |ward |no\.? ?\d)/u;
/** Typed with diacritics, a one-syllable address word must be spelled as one: "chợ", not "cho" (for). */
const fineSpelled: Record<string, string> = { cho: 'chợ', pho: 'phố', so: 'số', xa: 'xã', ap: 'ấp', lo: 'lô', toa: 'tòa', ngo: 'ngõ', hem: 'hẻm', khu: 'khu', quan: 'quận' };
/** "gần chợ Tuy Hòa", "near Ben Thanh market": near something named, not "gần nhà", "gần trường". */
const nearNamed = /^(gan|near)\s/u;
/** "Nguyen Hue street", "Hoi An old town", "Ben Thanh market". */
const fineEnd = /(?<![\p{L}])(street|st|road|rd|avenue|old town|market|ward \d+|district \d+)$/u;
/** City-level words: "TP Thanh Hóa", "thành phố Vinh", "tỉnh Nam Định". */
const cityStart = /^(tp\.? ?|thanh pho |tinh )/u;
/**
 * Words that end an address inside its segment: a date, a price, the story going on ("… Hải Châu, Đà
 * Nẵng thì bị …", "… District 7 on 2 October").
 */
const endWords =
  'ngày hôm tuần tháng năm giá thứ chủ lúc vào để thì mà vì nên và qua trên khi sáng trưa chiều tối tôi mình em gồm hết tổng mua đặt bị từ thấy nhưng có hum hqua hnay bữa ' +
  'on for and when where at i we it';
/** Typed with diacritics, an end word must be written as such ("Rạch Giá" goes on; "…, giá 2tr" ends). */
const segmentEndAccented = new RegExp(`\\s(${endWords.split(' ').join('|')})(?![\\p{L}])`, 'u');
const segmentEndFolded = new RegExp(`\\s(${[...new Set(endWords.split(' ').map((w) => foldAligned(w).folded))].join('|')})(?![\\p{L}])`, 'u');
/**
 * The first end word of a segment. A capitalised one inside a name goes on: "210 Cách Mạng Tháng
 * Tám" is a street, "… tháng 11" a date.
 */
function storyWordIn(text: FoldedText, start: number, end: number, accented: boolean): RegExpExecArray | null {
  const pattern = new RegExp((accented ? segmentEndAccented : segmentEndFolded).source, 'gu');
  const typed = accented ? text.original.slice(start, end).toLocaleLowerCase('vi') : text.folded.slice(start, end);
  for (const m of typed.matchAll(pattern)) {
    const at = start + m.index + 1;
    const capitalised = /^\p{Lu}/u.test(text.original.slice(at, at + 1)) && /\p{Lu}[\p{L}]*\s+$/u.test(text.original.slice(start, at));
    if (!capitalised) return m as RegExpExecArray;
  }
  return null;
}

/** What may stand between the seller's name and where it is: "ở", "tại", "trên", "in", "stall in". */
const lead = /^["”'’]?\s*(?:,\s*)?(?:(?:stall|shop|store|branch|chi nhanh|co so|cs|cn)\s+)?(?:(?:o|tai|tren|ben|in|at|on)\s+)?(?:(?:dia chi|address)\s*(?:la|is|:)?\s*:?\s*)?/u;

/**
 * The seller's address told right after its name: "cửa hàng X, số 45 Lê Lợi, phường Thuận Hóa,
 * Huế", "X ở chợ Đông Ba, Huế", "X trên đường Trần Phú, Nha Trang", "Ding Tea Cau Giay", "Kitchen Pro
 * in District 7", "X, địa chỉ 112 Trần Phú …". Comma-separated segments are read while they are parts
 * of an address; it counts only when one is finer than a city ("X ở Đà Lạt" says where the shop is,
 * not its address).
 */
export function addressAfterSeller(text: FoldedText, seller: string, places: PlaceNames): string | null {
  return sellerLocation(text, seller, places).address;
}

/**
 * Where the seller is, as told right after its name: the address (see addressAfterSeller) and, when
 * only a city is named ("Điện Máy Xanh Biên Hòa", "HEAD Hồng Đức, Việt Trì"), that place.
 */
export function sellerLocation(text: FoldedText, seller: string, places: PlaceNames): { address: string | null; place: string | null } {
  const at = sellerEnd(text, seller);
  if (at === null) return { address: null, place: null };
  const head = lead.exec(text.folded.slice(at));
  let start = at + (head ? head[0].length : 0);
  const parts: string[] = [];
  let fine = false;
  const accented = hasDiacritics(text.original);
  while (start < text.folded.length) {
    // A dot inside "TP.HCM", or after "TP." / "No.", does not end the address; one before a space does.
    const comma = text.folded.slice(start).search(/[,;!?\n(]|(?<!(?:^|\s)(?:tp|no|p|q|tx|tt))\.(?=\s|$)/);
    let end = comma === -1 ? text.folded.length : start + comma;
    const whole = text.original.slice(start, end).trim();
    const endWord = storyWordIn(text, start, end, accented);
    // "Rạch Giá" is a place, though "giá" (a price) ends a segment.
    const worded = endWord && !places.isKnownPlace(whole) ? endWord : null;
    // "…, Cần Thơ 450 nghìn", "… Q10 12/8": a price or a date ends the address too.
    const figure = /\s\d[\d.,]*\s?(?:k|nghin|ngan|tr|trieu|d|dong|vnd|million)(?![\p{L}])|\s\d{1,2}\/\d{1,2}(?!\d)/u.exec(text.folded.slice(start, end));
    const cut = worded && figure ? (worded.index < figure.index ? worded : figure) : (worded ?? figure);
    if (cut) end = start + cut.index;
    const original = text.original.slice(start, end).trim();
    const folded = text.folded.slice(start, end).trim();
    if (original === '') break;
    const kind = segmentKind(original, folded, places, parts.length > 0);
    if (kind === null) {
      // "…, 17 Trần Phú, Vũng Tàu tính tiền sai": the story goes on right after the city's name.
      const city = parts.length > 0 ? knownPlacePrefix(original, places) : null;
      if (city) parts.push(city);
      break;
    }
    fine ||= kind === 'fine';
    parts.push(original);
    // A dot inside "TP. Hồ Chí Minh" or "No. 5" does not end the address.
    if (cut || text.folded[end] !== ',') break;
    start = end + 1;
  }
  const place = parts.length > 0 ? parts.join(', ') : null;
  return { address: fine ? place : null, place };
}

/** The longest listed place name that opens a segment ("Vũng Tàu" in "Vũng Tàu tính tiền sai"). */
function knownPlacePrefix(segment: string, places: PlaceNames): string | null {
  const words = segment.split(/\s+/);
  for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
    const head = words.slice(0, k).join(' ');
    if (places.isKnownPlace(head)) return head;
  }
  return null;
}

/** A part of a reply that is a piece of an address ("đường Lê Thánh Tông", "quận 5", "Hạ Long"). */
export function isAddressPart(segment: string, places: PlaceNames): boolean {
  const original = segment.trim();
  return original !== '' && segmentKind(original, foldAligned(original).folded.trim(), places, false) !== null;
}

function segmentKind(original: string, folded: string, places: PlaceNames, started: boolean): 'fine' | 'city' | null {
  const first = folded.split(' ')[0] ?? '';
  const spelled = fineSpelled[first];
  if (spelled && hasDiacritics(original) && (original.split(/\s+/)[0] ?? '').toLocaleLowerCase('vi') !== spelled) return null;
  if (fineStart.test(`${folded} `) || fineEnd.test(folded) || places.isDistrict(original)) return 'fine';
  if (nearNamed.test(folded) && /\s\p{Lu}/u.test(original)) return 'fine';
  if (cityStart.test(folded) || places.isPlaceName(original)) return 'city';
  // "số 8 chợ Phủ, Hải Hậu, Nam Định": a short capitalised name goes on with an address begun.
  if (started && original.split(/\s+/).length <= 4 && original.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) return 'city';
  return null;
}

/** Where the seller's name ends in the message, matched without diacritics or case. */
function sellerEnd(text: FoldedText, seller: string): number | null {
  const name = foldAligned(seller).folded;
  const i = text.folded.indexOf(name);
  if (i !== -1) return i + name.length;
  // "Công ty X" stored with its label may be typed "cty X".
  const bare = name.replace(/^(cong ty|cua hang|sieu thi|nha hang|showroom|tiem|dai ly|nha thuoc|phong kham|trung tam|studio|garage|khach san|dien luc) /, '');
  const j = bare === name ? -1 : text.folded.indexOf(bare);
  return j === -1 ? null : j + bare.length;
}
