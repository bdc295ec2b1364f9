import { foldDiacritics } from '../text/vietnamese-unicode.ts';

/** A message reduced to what decides its legal answer. */
export interface LegalIssue {
  /** The message without incidental details (phone numbers, amounts, dates, addresses, names). */
  readonly text: string;
  /** The sentences that ask something, when a longer message has them; else empty. */
  readonly questions: readonly string[];
  /** How many sentences the message had: one-liners need no reduction. */
  readonly sentenceCount: number;
}

/**
 * Details that identify a case but never decide which rule applies: ranking on them sends "3 tháng"
 * to a three-month deadline and a phone number to the telephone-sales article. Each pattern removes
 * a class of such details wherever it appears.
 */
const incidental: readonly RegExp[] = [
  /https?:\/\/\S+|www\.\S+/giu,
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[a-z]{2,}/giu,
  // Phone numbers: +84 / 0 followed by 8–10 digits, with spaces, dots or dashes between groups.
  /(?:\+?84|\b0)(?:[\s.-]?\d){8,10}\b/gu,
  // Amounts: 1tr250, 2tr4, 1.250.000đ, 420 nghìn, 18,500,000 VND, 9 triệu 200, 300k.
  /\b\d+(?:[.,]\d+)*\s*(?:tr|triệu|trieu|củ|cu|k|nghìn|nghin|ngàn|ngan|đồng|dong|đ|d|vnd|vnđ|usd|\$)(?:\s*\d+)?(?![\p{L}])/giu,
  // Dates: 3/11, 15-03-2024, 03.2024, "ngày 5 tháng 3".
  /\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b/gu,
  /(?<![\p{L}\p{N}])ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2})?(?:\s+năm\s+\d{4})?/giu,
  // Durations and counts: "2 tuần", "3 tháng", "10 ngày", "2 lần", "50 nhân viên".
  /\b\d+\s*(?:ngày|ngay|tuần|tuan|tháng|thang|năm|nam|giờ|gio|tiếng|tieng|phút|phut|lần|lan|days?|weeks?|months?|years?|hours?|times?)\b/giu,
  // Street addresses: "số 12 đường Trần Phú", "phường 5, quận 3".
  /(?<![\p{L}\p{N}])(?:số\s*\d+[\p{L}\d/]*\s*)?(?:đường|phố|ngõ|hẻm|kiệt|phường|quận|huyện|xã|thị trấn|ấp|thôn|tổ)\s+(?:\d+|(?:\p{Lu}[\p{L}]*\s*)+)/gu,
  // People's names after a name marker: "tôi tên Trần Thị Mai", "chị Lan", "anh Bình".
  /(?<![\p{L}\p{N}])(?:tên là|tên|tôi là|em là|mình là|chị|anh|cô|chú|bác|ông|bà|mẹ tôi là)\s+(?:\p{Lu}[\p{L}]*\s*){1,4}/gu,
  // Remaining bare numbers (order codes, years) carry no topic either.
  /\b\d[\d.,]*\b/gu,
];

/**
 * Phrases that ask which law governs, not what happened: "theo luật hồi đó", "theo luật áp dụng cho
 * lần mua đó", "áp dụng luật nào", "under the law at the time". They say nothing of the situation,
 * yet their words ("luật", "áp dụng") are the words of the entries about what the law is and who
 * it covers, which then outrank the situation told around them. Which law applies is read from the
 * question's dates and words elsewhere (law-applicability), so the situation is matched without
 * them. Matched on accent-free lower case text.
 */
const lawTiming: readonly RegExp[] = [
  /\b(?:(?:va|thi|vay)\s+)?(?:theo|chieu theo|can cu)\s+(?:quy dinh\s+(?:cua\s+)?)?(?:phap luat|luat|bo luat)(?:\s+(?:bvqlntd|bao ve quyen loi nguoi tieu dung))?(?:\s+(?:(?:hoi|luc|khi|thoi|thoi diem)\s+(?:do|ay|nay|truoc|xua|dó)|cu|moi|truoc day|hien hanh|hien nay|ngay xua))?(?:\s+(?:(?:dang|duoc|con)\s+)?ap dung\s+(?:cho|voi|luc|vao|o)?\s*(?:lan mua|lan|giao dich|hop dong|viec mua|thoi diem|luc|khi)?(?:\s+(?:do|ay|nay|nam|cua toi|cua em))?)?/g,
  /\b(?:thi\s+)?(?:ap dung|theo|xu ly theo|dung)\s+(?:bo\s+)?luat\s+nao(?:\s+(?:vay|a|ha|nhi))?/g,
  /\b(?:bo\s+)?luat\s+nao\s+(?:ap dung|dieu chinh|duoc ap dung)(?:\s+(?:cho|voi)\s+(?:truong hop|giao dich|hop dong|viec)\s+(?:nay|do|cua toi))?/g,
  /\bluat\s+(?:cu|moi)\s+hay\s+(?:luat\s+)?(?:moi|cu)\b/g,
  /\b(?:under|according to|by)\s+(?:the\s+)?(?:old\s+|previous\s+|former\s+|earlier\s+)?(?:consumer\s+(?:protection\s+)?)?law(?:\s+(?:in force|that applied|applicable))?(?:\s+(?:at the time|back then|then|in force then))?/g,
  /\bwhich\s+(?:law|rules?|legislation)\s+(?:applies|apply|governs|govern|is applicable)(?:\s+(?:here|to (?:it|this|that|me|my case|the purchase|the contract)))?/g,
];

/**
 * Who asks and how they greet: "Kính gửi ban tư vấn,", "Chào ad, cho tôi hỏi giúp ông hàng xóm:",
 * "Thay mặt vợ tôi, xin hỏi:", "Bà tôi hỏi:". The situation is the same whoever brings it, yet
 * "hàng xóm" and "vợ" are words of the out-of-scope entries (a neighbour's wall, a divorce), which
 * then outrank it. Matched on accent-free lower case text.
 */
const askerFraming: readonly RegExp[] = [
  /^(?:kinh gui|kinh thua|thua|chao|xin chao|hi|hello|dear)\s+(?:quy\s+)?(?:ban tu van|ban|co quan|ad|admin|anh chi|anh|chi|luat su|chuyen gia|hoi|tong dai|team)\b\s*[,.:!]?/g,
  /(?:cho\s+(?:toi|em|minh)\s+)?hoi\s+(?:giup|ho|thay)\s+(?:cho\s+)?(?:ong|ba|bo|me|ma|co|chu|bac|anh|chi|em|ban|vo|chong|con|chau)(?:\s+(?:hang xom|ban|toi|minh|em|nha toi|cua toi))*\s*[:,]?/g,
  /\bthay mat\s+(?:cho\s+)?(?:vo|chong|bo|me|ong|ba|gia dinh|con|chau|to dan pho|khu pho|ba con|nguoi than)(?:\s+(?:toi|minh|em))?\s*[,:]?/g,
  /\b(?:ba|ong|bo|me|co|chu|bac|vo|chong)(?:\s+(?:noi|ngoai))?\s+(?:toi|minh|em)\s+hoi\s*:/g,
];

/**
 * Where a purchase was made, when that place is a platform: "mua tai nghe trên Shopee", "đặt nồi
 * cơm trên sàn Lazada", "bought it on TikTok Shop" (after a buying verb: a KOL's video "trên TikTok"
 * is what an influencer entry is about). The platform's name is context — the purchase was online —
 * but its words are those of the entries on the platform's own duties, which then outrank the
 * defect or refusal the message is about. The phrase becomes "online", which keeps what decides
 * (a remote purchase); a platform named as the one asked about ("Shopee có chịu trách nhiệm
 * không?", "sàn phải làm gì") is not after such a preposition and stays.
 */
const platformPlace =
  /((?<![\p{L}\p{N}])(?:mua|đặt|dat|order|oder|săn|chốt|chot|bought|ordered|purchased|buy|got)(?:\s+[\p{L}\p{N}]+){0,6}?)\s+(?:trên|tren|qua|ở|o|tại|tai|on|via|from)\s+(?:(?:sàn|san|app|ứng dụng|ung dung|trang|page|nhóm|nhom|group)\s+)?(?:shopee|lazada|tiki|tiktok(?:\s+shop)?|sendo|facebook|fb|zalo|instagram|insta)(?![\p{L}\p{N}])/giu;

/** The message without its which-law and asker phrases, when enough of a situation is left to match on. */
function withoutFraming(text: string): string {
  // Folded one character at a time so positions in the folded text are positions in the original.
  const chars = [...text];
  const folded = chars.map((c) => foldDiacritics(c).toLowerCase());
  if (folded.some((f) => f.length !== 1)) return text;
  const flat = folded.join('');
  const keep = chars.map(() => true);
  let found = false;
  for (const pattern of [...askerFraming, ...lawTiming]) {
    for (const m of flat.matchAll(pattern)) {
      if (m[0].trim() === '') continue;
      found = true;
      for (let i = m.index; i < m.index + m[0].length; i++) keep[i] = false;
    }
  }
  if (!found) return text;
  const rest = chars.map((c, i) => (keep[i] ? c : ' ')).join('').replace(/[ \t]+/g, ' ').replace(/\s+([,.;!?])/g, '$1').trim();
  return (rest.match(/[\p{L}]+/gu) ?? []).length >= minSituationWords ? rest : text;
}

/** Fewer words than this after the which-law phrases go, and the question is about the law itself. */
const minSituationWords = 6;

/** Markers of the sentence that asks: in a story, that is where the legal issue is stated. */
const questionMarkers =
  /\?|\b(co duoc|duoc khong|duoc ko|dc ko|dc k|duoc k|co phai|phai khong|khong a|ko a|lam sao|lam gi|lam the nao|the nao|ntn|ra sao|o dau|bao lau|bao nhieu|can gi|nhu the nao|co sao khong|thi sao|hay khong|co the|cho hoi|xin hoi|hoi ve|can i|should|what|how|who|where|is it|do i|am i|can they|help)\b|\b(khong|ko|k|hong|hok|hem|chua)\s*$/;

/**
 * Reads a message the way a person at the hotline would: drop the details that only identify the
 * case, and when the message tells a story, keep track of the sentences that ask something, so
 * ranking weighs the question above the narrative.
 */
export function legalIssueOf(message: string): LegalIssue {
  let text = message.normalize('NFC');
  for (const pattern of incidental) text = text.replace(pattern, ' ');
  text = text.replace(platformPlace, '$1 online');
  text = withoutFraming(text.replace(/[ \t]+/g, ' ').replace(/\s+([,.;!?])/g, '$1').trim());
  const sentences = text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}]/u.test(s));
  const questions = sentences.length >= 2 ? sentences.filter((s) => questionMarkers.test(foldDiacritics(s).toLowerCase())) : [];
  return { text, questions: questions.length === sentences.length ? [] : questions, sentenceCount: sentences.length };
}

/**
 * Whether a message asks anything at all. "Mình mua máy lọc không khí ở siêu thị, bảo hành 12
 * tháng." only sets the scene; the question comes in the next message.
 */
export function asksSomething(message: string): boolean {
  return message
    .split(/(?<=[.!?…])\s+|\n+/u)
    .some((s) => questionMarkers.test(foldDiacritics(s).toLowerCase().trim()));
}
