import { fold } from '../dialogue/text-signals.ts';

const followUpStarts = /^(con|the con|vay con|vay thi|the thi|con neu|neu vay|truong hop|what about|how about|and if|and what|what if)\b/;
const followUpEnds = /\b(thi sao|the nao|ra sao|duoc khong|thi the nao)\s*\??$/;

/**
 * "còn nếu mua online thì sao?", "thế còn hàng tặng kèm?", "what about online?": short questions
 * that only make sense with the previous one. Long questions stand on their own even when they
 * start with "còn".
 */
export function isFollowUp(question: string): boolean {
  const f = fold(question).replace(/[?!.,]+/g, ' ').trim();
  const words = f.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 14) return false;
  if (followUpStarts.test(f)) return true;
  return words.length <= 5 && followUpEnds.test(f) && !/\b(luat|dieu|khoan)\b/.test(f);
}
