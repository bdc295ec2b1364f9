import { foldDiacritics } from '../text/vietnamese-unicode.ts';
import type { FoldedText } from './folded-text.ts';
import { captureWords, cleanAnswer } from './phrase-capture.ts';

// Also on behalf of a parent ("Mẹ tôi tên …", "bà e tên …", "Tên bố tôi là …"): the complaint is
// then filed in the parent's name, as the stories do.
const kin = '(?:me|bo|ba|ong|cha|chong|vo|con|co|chu|bac|di|cau)';
const introductions = new RegExp(
  [
    'my name is ',
    "(?<![\\p{L}])i(?: am|'m|’m) ",
    'ten (?:toi|em|minh|tui|chau|cua toi|cua em|cua minh) (?:la )?',
    `ten ${kin} (?:toi|em|minh|tui|e) (?:la )?`,
    // A pronoun is a word of its own: "tiệm tên …" (a shop's name) holds "em tên", "xem là" "em là".
    '(?<![\\p{L}])(?:toi|em|minh|tui|chau|e) ten (?:la )?',
    `(?<![\\p{L}])${kin} (?:toi|em|minh|tui|e) (?:ten |la )(?:la )?`,
    'ho (?:va )?ten\\s*:?\\s*(?:la )?',
    '(?<![\\p{L}])ten\\s*:\\s*',
    '(?:^|[,.] )ten (?!(?:toi|em|minh|tui|chau|cua|me|bo|ba|ong|la|shop|cua hang|cong ty|cty|ben ban|nguoi ban|san pham|hang|trang|page|quan|tiem|acc|nick|tai khoan|fb|zalo)(?![\\p{L}]))',
    '(?<![\\p{L}])(?:toi|em|minh|tui|chau) la ',
  ].join('|'),
  'gu',
);
/** A contact line: "Lam Van Phuc, 0919 662 083", "Emily Tran, emily.tran@…", "Do Van Tam, o Tay Ninh". */
const contactLine = /(?:^|[.!?\n]\s*|\s)(\p{Lu}[\p{L}'’]*(?: \p{Lu}[\p{L}'’]*){1,4})(?:,\s*|\s+(?=(?:\+84|0)\d{2}))(\+?\d[\d .()-]{7,}|[\w.+-]+@|(?:o|ở|tai|tại|sdt|sđt|so|số|email|phone|i live|living) )/gu;
/** A name after the phone number in a contact line: "SĐT 0987.654.321 – Phạm Minh Tuấn – nhà em ở …". */
const afterPhone = /(?:\+84|0)\d[\d .]{7,}\d\s*[,–—-]\s*(\p{Lu}[\p{L}'’]*(?: \p{Lu}[\p{L}'’]*){1,4})\s*(?=[,–—.;-]|$)/gu;
/**
 * A name alone at the end of a message, as people sign off: "… và trả lại tiền. Vu Thi Lan Anh".
 * Only a run of capitalised words that starts with a Vietnamese family name.
 */
const signature = /(?:^|[.!?\n]\s*)(\p{Lu}[\p{L}'’]*(?: \p{Lu}[\p{L}'’]*){1,4})\s*[.!]?\s*$/u;
const familyNames = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh truong lam mai trinh doan cao luong ha ta kieu lo quach phung trieu nong ton kim chu luu hua au thai vuong tang khuc mac la giang dam diep nghiem lai thach quan van y h'.split(' '),
);

/** What follows a name typed in lower case: "ten toi la lan o da nang", "... sdt 09...". */
const afterName = new Set('o tai song sdt so dt dien thoai email mail nha dia chi que va nhe nha a ah minh toi em la'.split(' '));

/**
 * The consumer's name from "tên tôi là Nguyễn Văn A", "mình tên Lan", "họ tên: Trần B". Names are
 * capitalised words; "tôi là người mua" is no introduction.
 */
export function extractConsumerName(text: FoldedText): string | null {
  return introducedName(text) ?? signedName(text);
}

/** A name the consumer introduced as theirs ("tôi tên …", "my name is …"): never the seller's. */
export function introducedName(text: FoldedText): string | null {
  for (const m of text.folded.matchAll(introductions)) {
    // "Tôi tên La Thị Kim Chi": typed with diacritics, a capitalised "La" is a family name, not "là".
    const family = /la $/.test(m[0]) && /^La\s$/u.test(text.original.slice(m.index + m[0].length - 3, m.index + m[0].length));
    const start = m.index + m[0].length - (family ? 3 : 0);
    const first = /^[\p{L}]+/u.exec(text.original.slice(start))?.[0];
    if (!first) continue;
    if (/^\p{Lu}/u.test(first)) {
      // A run of capitalised words: "Nguyễn Văn An, ở Đà Nẵng" -> "Nguyễn Văn An".
      const run = /^\p{Lu}[\p{L}'’]*(?: (?!(?:Tôi|Em|Mình|Tui|I)(?![\p{L}]))\p{Lu}[\p{L}'’]*){0,4}/u.exec(text.original.slice(start));
      if (run) return run[0];
    } else if (/^[a-z]+$/.test(first) && /ten/.test(m[0])) {
      // Typed without capitals or accents ("ten toi la lan"): take the short phrase and capitalise it.
      const capture = captureWords(text, start, { maxWords: 4, stopWords: afterName });
      if (capture) return capture.value.split(/\s+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
    }
  }
  return null;
}

function startsWithFamilyName(name: string): boolean {
  return familyNames.has(foldDiacritics(name.split(' ')[0]!).toLowerCase());
}

/** A name read from how it stands: before a phone number or an e-mail, or signing off the message. */
function signedName(text: FoldedText): string | null {
  for (const m of text.original.matchAll(contactLine)) {
    const name = m[1]!;
    // A place or a shop before a comma is not a person ("Hòa Bình, tên …", "Studio X, số 12 …"):
    // a two-word name counts only before a phone number or an e-mail, and no word is one of trade.
    if (/^(Shop|Cửa|Công|Siêu|Nhà|Quán|Tiệm|Showroom|Studio|Spa|Salon|Garage|Khách|Phòng|Trung|Phường|Quận|Huyện|Thành|Tỉnh|Tp|TP|I|My)\b/u.test(name)) continue;
    if (name.split(' ').length < 3 && !/^(\+?\d|[\w.+-]+@)/u.test(m[2]!)) continue;
    return name;
  }
  for (const m of text.original.matchAll(afterPhone)) {
    if (startsWithFamilyName(m[1]!)) return m[1]!;
  }
  const signed = signature.exec(text.original)?.[1];
  if (signed && signed.split(' ').length >= 3 && startsWithFamilyName(signed)) return signed;
  return null;
}

/**
 * Syllables no Vietnamese name is made of, with diacritics and (a narrower set, since "hoan",
 * "tra", "tien" fold from Hoàn, Trà, Tiến) without: "Thôi, bỏ yêu cầu sửa chữa" answers something else.
 */
const notInNames = new Set('muốn mún bỏ thôi yêu cầu khiếu nại không chỉ cần xin lỗi nhầm đổi trả tiền hàng sửa chữa shop muon mun yeu cau khieu nai khong ko xin chua thoi'.split(' '));

/** A typed answer to "what is your name?": 1-6 words of letters, each capitalised. */
export function nameAnswer(text: string): string | null {
  const value = cleanAnswer(text, /^(tên\s+(tôi|em|mình|tui|cháu)\s+(là\s+)?|(tôi|em|mình|tui|cháu|toi|minh)\s+(tên\s+)?(là\s+|la\s+)?|ten\s+(toi|em|minh)\s+(la\s+)?|họ\s+tên\s*:?\s*|tên\s*:?\s*)/i);
  if (!/^[\p{L}][\p{L}'\- ]*$/u.test(value)) return null;
  const words = value.split(/\s+/);
  if (words.length < 1 || words.length > 6) return null;
  if (words.some((w) => notInNames.has(w.toLocaleLowerCase('vi')))) return null;
  return words.map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)).join(' ');
}
