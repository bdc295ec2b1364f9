import { fold } from '../dialogue/text-signals.ts';

const followUpStarts = /^(con|the con|vay con|vay thi|the thi|con neu|neu vay|truong hop|what about|how about|and if|and what|what if)\b/;
const followUpEnds = /\b(thi sao|the nao|ra sao|duoc khong|thi the nao)\s*\??$/;

/**
 * "còn nếu mua online thì sao?", "thế còn hàng tặng kèm?", "what about online?": short questions
 * that only make sense with the previous one. Long questions stand on their own even when they
 * start with "còn".
 */
/** "nếu …" opens a changed condition; "như vậy", "thì sao" point back at what was asked before. */
const conditionStart = /^(nhung |the |vay )?neu\b/;
const pointsBack = /\b(nhu vay|nhu the|thi sao|the nao|ra sao)\b/;

export function isFollowUp(question: string): boolean {
  const f = fold(question).replace(/[?!.,]+/g, ' ').trim();
  const words = f.split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  // "Nếu đã trả tiền mặt mà họ chỉ đưa phiếu giao hàng … thì sao?": a longer changed condition
  // that still points back at the question before it.
  if (words.length <= 30 && conditionStart.test(f) && pointsBack.test(f)) return true;
  if (words.length > 14) return false;
  if (followUpStarts.test(f)) return true;
  return words.length <= 5 && followUpEnds.test(f) && !/\b(luat|dieu|khoan)\b/.test(f);
}
