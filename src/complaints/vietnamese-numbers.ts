/**
 * Numbers written in words ("hai", "mười lăm", "một trăm hai mươi"), folded. People write amounts
 * and counts this way in chat ("hai triệu rưỡi", "ba ngày trước").
 */
const digits: Record<string, number> = {
  khong: 0, linh: 0, le: 0, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9,
};

export const numberWordPattern = '(?:khong|linh|le|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram)';

/**
 * Value of a run of number words below one thousand ("hai tram linh nam" = 205, "muoi lam" = 15,
 * "hai muoi mot" = 21); null when the words are not a number.
 */
export function wordsBelowThousand(words: readonly string[]): number | null {
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w === 'tram') {
      total += (seen ? current : 1) * 100;
      current = 0;
      seen = false;
    } else if (w === 'muoi') {
      current = (seen && current > 0 ? current : 1) * 10;
      seen = true;
    } else if (w in digits) {
      const d = digits[w]!;
      current = seen && current >= 10 ? current + d : d;
      seen = true;
    } else {
      return null;
    }
  }
  return total + current;
}

/** "3", "ba", "muoi lam" -> number; null otherwise. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  return wordsBelowThousand(t.split(/\s+/));
}
