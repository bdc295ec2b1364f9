import { fold } from '../text/vietnamese-unicode.ts';

const followUpStarts = /^(con|the con|vay con|vay thi|the thi|con neu|neu vay|truong hop|what about|how about|and if|and what|what if)\b/;
// A year ("thang 2/2024", "nam 2023"): what a short "… thì sao?" then adds is when it happened.
const datesOnly = /(?<!\d)(19|20)\d{2}(?!\d)/;
const followUpEnds = /\b(thi sao|the nao|ra sao|duoc khong|thi the nao)\s*\??$/;

/**
 * "còn nếu mua online thì sao?", "thế còn hàng tặng kèm?", "what about online?": short questions
 * that only make sense with the previous one. Long questions stand on their own even when they
 * start with "còn".
 */
/** "nếu …" opens a changed condition; "như vậy", "thì sao" point back at what was asked before. */
const conditionStart = /^(con |nhung |the |vay |the con |vay con )?neu\b/;
const pointsBack = /\b(nhu vay|nhu the|thi sao|the nao|ra sao)\b/;
/**
 * "Điều khoản đó có giá trị không?", "shop ấy làm vậy có sai không?": a short question whose subject
 * is a thing named before, pointed at with "đó"/"ấy" (written with accents: folded, "do" is also
 * "because" and "ay" nothing).
 */
const namedBefore = /(?<![\p{L}])(điều khoản|khoản|điều|việc|chuyện|cái|hợp đồng|trường hợp|món|sản phẩm|hàng|bên|người|shop|cửa hàng|công ty|tiệm|họ)\s+(đó|ấy|đấy|kia)(?![\p{L}])/iu;

export function isFollowUp(question: string): boolean {
  const f = fold(question).replace(/[?!.,]+/g, ' ').trim();
  const words = f.split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  // "Nếu đã trả tiền mặt mà họ chỉ đưa phiếu giao hàng … thì sao?": a longer changed condition
  // that still points back at the question before it.
  if (words.length <= 30 && conditionStart.test(f) && pointsBack.test(f)) return true;
  if (words.length <= 12 && namedBefore.test(question.normalize('NFC'))) return true;
  // "Tôi mua từ tháng 2/2024 thì sao?", "ký hợp đồng từ tháng 3/2023 thì sao?": a date is all it
  // adds, which changes which law applies to the question before, not the question.
  if (words.length <= 10 && followUpEnds.test(f) && datesOnly.test(f)) return true;
  if (words.length > 14) return false;
  if (followUpStarts.test(f)) return true;
  return words.length <= 5 && followUpEnds.test(f) && !/\b(luat|dieu|khoan)\b/.test(f);
}
