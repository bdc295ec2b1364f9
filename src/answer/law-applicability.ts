import { fold } from '../dialogue/text-signals.ts';

/** The day Luật 19/2023/QH15 took effect and Luật 59/2010/QH12 ended (Điều 79). */
export const cutOverDate = '2024-07-01';

export interface ApplicabilitySignals {
  /** The earliest calendar date the question mentions or implies, as YYYY-MM-DD. */
  readonly earliestDate: string | null;
  readonly mentionsOldLaw: boolean;
}

const oldLawPattern = /59\/2010|luat (bvqlntd |bao ve quyen loi nguoi tieu dung )?(cu|nam 2010|2010)\b|\b2010 law\b|\bold law\b|luat 2010/;

/**
 * Reads the dates a consumer mentions ("mua từ 15/3/2024", "năm 2023", "tháng 5/2024", "năm ngoái")
 * to decide whether the 2010 law may still govern the transaction (Điều 80).
 */
export function applicabilitySignals(question: string, now: Date): ApplicabilitySignals {
  const f = fold(question);
  const dates: string[] = [];
  for (const m of f.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/g)) dates.push(iso(Number(m[3]), Number(m[2]), Number(m[1])));
  for (const m of f.matchAll(/\bthang (\d{1,2})[/ ](?:nam )?(\d{4})\b/g)) dates.push(iso(Number(m[2]), Number(m[1]), 1));
  for (const m of f.matchAll(/(?<![/.\d-])\b(19[89]\d|20\d\d)\b(?![/.-]\d)/g)) dates.push(iso(Number(m[1]), 1, 1));
  const year = now.getUTCFullYear();
  if (/\bnam ngoai\b|\blast year\b/.test(f)) dates.push(iso(year - 1, 1, 1));
  for (const m of f.matchAll(/\b(\d{1,2}) nam (truoc|ve truoc)\b|\b(\d{1,2}) years ago\b/g)) dates.push(iso(year - Number(m[1] ?? m[3]), 1, 1));
  const valid = dates.filter((d) => d >= '1990-01-01' && d <= `${year + 1}-12-31`).sort();
  return { earliestDate: valid[0] ?? null, mentionsOldLaw: oldLawPattern.test(f) };
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(Math.min(Math.max(m, 1), 12)).padStart(2, '0')}-${String(Math.min(Math.max(d, 1), 31)).padStart(2, '0')}`;
}

/** "2024-07-01" → "01/7/2024", the way Vietnamese texts print dates. */
export function formatVietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${Number(m)}/${y}`;
}
