import type { FoldedText } from './folded-text.ts';
import { hasDiacritics } from './phrase-capture.ts';
import { wordsBelowThousand } from './vietnamese-numbers.ts';

export type AmountFinding =
  | { readonly ok: true; readonly value: number; readonly index: number; /** Said as the total ("tổng 360k"). */ readonly total?: boolean }
  | { readonly ok: false; readonly problem: 'zero'; readonly index: number };

// English stories say "1.2 million dong", "850 thousand".
const units: Record<string, number> = { ty: 1e9, ti: 1e9, trieu: 1e6, tr: 1e6, cu: 1e6, nghin: 1e3, ngan: 1e3, k: 1e3, ngin: 1e3, million: 1e6, mil: 1e6, thousand: 1e3, billion: 1e9 };
const unitPattern = '(ty|ti|trieu|tr|cu|nghin|ngan|ngin|k|million|mil|thousand|billion)';
const wordPattern = '(?:khong|linh|le|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|ruoi)';
const currency = '(?:d|đ|dong|vnd|vnđ)';
/** Number and unit words as written with diacritics. */
const spelledNumbers = new Set('không linh lẻ một mốt hai ba bốn tư năm lăm nhăm sáu bảy tám chín mười mươi trăm rưỡi tỷ tỉ triệu tr củ nghìn ngàn ngìn k'.split(' '));

/**
 * Money amounts in VND as people type them: "1tr2", "1,5 triệu", "500k", "1.200.000đ", "2 củ",
 * "hai triệu rưỡi", "1 triệu 200 nghìn". A bare number ("1200000") counts only when `bareNumbers`
 * is set, i.e. when the bot has just asked for the amount, so phone numbers and years are not
 * taken for prices. "0đ" / "không đồng" / "miễn phí" are reported as a zero amount.
 */
export function findAmounts(text: FoldedText, bareNumbers = false): AmountFinding[] {
  const f = text.folded;
  const found: AmountFinding[] = [];
  const taken: Array<[number, number]> = [];
  const add = (index: number, length: number, value: number | null) => {
    if (value === null || taken.some(([s, e]) => index < e && index + length > s)) return;
    taken.push([index, index + length]);
    found.push(value === 0 ? { ok: false, problem: 'zero', index } : { ok: true, value: Math.round(value), index });
  };

  // Phone numbers ("0388 456 789", "+84 90 555 1234") are never amounts, nor their groups of digits.
  for (const m of f.matchAll(/(?<![\d])(?:\+84|84|0)[\s.-]?\d{2,3}[\s.-]?\d{3}[\s.-]?\d{3,4}(?![\d])/g)) taken.push([m.index, m.index + m[0].length]);

  // "1tr2", "1 tr 250", "2 trieu 3", "1 trieu 200 nghin", "1,5 trieu", "500k", "2 cu"
  const digitUnit = new RegExp(`(?<![\\d.,])(\\d+(?:[.,]\\d+)?)\\s?${unitPattern}(?:(?:(\\d{1,3})|\\s(\\d{1,3})(?!\\s?(?:\\d|ngay|thang|nam|lan|cai|chiec)))(?:\\s?(nghin|ngan|k))?)?(?:\\s?ruoi)?(?![\\p{L}\\d])`, 'gu');
  for (const m of f.matchAll(digitUnit)) {
    // "2 củ" is slang for two million, but "2 cái cũ" folds to the same letters.
    if (m[2] === 'cu' && !/củ/i.test(text.original.slice(m.index, m.index + m[0].length))) continue;
    const base = Number(m[1]!.replace(',', '.'));
    const unit = units[m[2]!]!;
    let value = base * unit;
    // "7tr8 ngày 2/11": digits glued to the unit belong to it; "2 triệu 3 ngày" may not.
    const digits = m[3] ?? m[4];
    if (digits) value += tail(digits, unit, m[5]);
    if (/ruoi$/.test(m[0])) value += unit / 2;
    add(m.index, m[0].length, value);
  }

  // "1.200.000đ", "1,200,000 vnd", "1200000 dong", and bare "1.200.000"; the sentence may go on
  // right after it ("1.250.000đ, nhân viên ...", "389.000đ.").
  for (const m of f.matchAll(new RegExp(`(?<![\\d.,])(\\d{1,3}(?:[.,]\\d{3})+|\\d+)\\s?(${currency})?(?![\\p{L}\\d/]|[.,]\\d)`, 'gu'))) {
    const digits = m[1]!.replace(/[.,]/g, '');
    const grouped = /[.,]/.test(m[1]!);
    if (!m[2] && !(grouped && digits.length >= 4) && !(bareNumbers && digits.length >= 3 && !/^0\d{8,}$/.test(digits))) continue;
    if (m[2] && digits.length > 12) continue;
    add(m.index, m[0].length, Number(digits));
  }

  // "2 trăm rưỡi", "3 trăm nghìn", "2 trăm 5": hundreds of thousands, as said aloud.
  for (const m of f.matchAll(/(?<![\d.,])(\d{1,3})\s?tram(?:\s?(ruoi|\d))?(?:\s?(?:nghin|ngan|k))?(?:\s?(?:d|dong|vnd))?(?![\p{L}\d])/gu)) {
    const tens = m[2] === 'ruoi' ? 5 : m[2] ? Number(m[2]) : 0;
    add(m.index, m[0].length, Number(m[1]) * 100_000 + tens * 10_000);
  }

  // "hai trieu ruoi", "mot trieu hai", "nam tram nghin", "muoi lam trieu"
  const words = new RegExp(`(?<![\\p{L}])((?:${wordPattern} )*${wordPattern}) ${unitPattern}(?: ((?:${wordPattern} ?)+?)(?: (nghin|ngan))?)?(?![\\p{L}])`, 'gu');
  const accented = hasDiacritics(text.original);
  for (const m of f.matchAll(words)) {
    // "đường Bà Triệu" folds like "ba triệu": typed with diacritics, number words must be spelled as such.
    if (accented && !text.original.slice(m.index, m.index + m[0].length).toLocaleLowerCase('vi').split(/\s+/).every((w) => spelledNumbers.has(w))) continue;
    const head = m[1]!.split(' ').filter((w) => w !== 'ruoi');
    const base = wordsBelowThousand(head);
    if (base === null || base === 0) continue;
    const unit = units[m[2]!]!;
    let value = base * unit;
    const rest = (m[3] ?? '').trim().split(' ').filter(Boolean);
    if (rest[0] === 'ruoi') value += unit / 2;
    else if (rest.length > 0) {
      const t = wordsBelowThousand(rest);
      if (t !== null) value += tail(String(t), unit, m[4]);
    }
    add(m.index, m[0].length, value);
  }

  for (const m of f.matchAll(new RegExp(`(?<![\\p{L}\\d.,])(?:0|khong)\\s?${currency}(?![\\p{L}])|\\bmien phi\\b|\\bfree\\b`, 'gu'))) {
    // "không đông đá" (does not freeze) folds like "không đồng" (nothing paid).
    if (accented && /dong$/.test(m[0]) && !/đồng$/iu.test(text.original.slice(m.index, m.index + m[0].length))) continue;
    add(m.index, m[0].length, 0);
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The amount paid: with a correction ("à nhầm, 1tr5 chứ") the last one mentioned, otherwise the
 * largest valid one (stories mention unit prices and shipping fees before the total); a zero
 * amount is reported only when nothing else is there.
 */
export function extractAmount(text: FoldedText, options: { correction?: boolean; bareNumbers?: boolean } = {}): AmountFinding | null {
  const all = findAmounts(text, options.bareNumbers ?? false);
  const valid = all.filter((a): a is Extract<AmountFinding, { ok: true }> => a.ok);
  if (valid.length === 0) return all[0] ?? null;
  // "giá là 16tr5 chứ không phải 15tr5": what follows "không phải" is the wrong figure being denied.
  if (options.correction) {
    const denied = /(?:chu )?(?:khong|ko|k) phai\s*$/;
    const kept = valid.filter((a) => !denied.test(text.folded.slice(Math.max(0, a.index - 16), a.index).trimEnd()));
    return (kept.length > 0 ? kept : valid).at(-1)!;
  }
  // "tổng 360k", "tổng bill 3tr6", "in total": the total is what was paid.
  const totals = valid.filter((a) => totalMarker.test(text.folded.slice(Math.max(0, a.index - 20), a.index)));
  // "tổng 12 triệu, đã đặt cọc 4 triệu": a deposit told after the total is what was paid so far.
  const laterDeposit = totals.length > 0 && !paidInFull.test(text.folded) ? valid.find((a) => a.index > totals.at(-1)!.index && depositMarker.test(text.folded.slice(Math.max(0, a.index - 24), a.index))) : undefined;
  if (laterDeposit) return laterDeposit;
  if (totals.length > 0) return { ...totals.at(-1)!, total: true };
  const before = (a: { index: number }, chars: number) => text.folded.slice(Math.max(0, a.index - chars), a.index);
  // "mua đồ 47k đưa 50k": the note handed over is not the price; "bồi thường tiền viện phí 3.200.000đ":
  // damages claimed are not what was paid.
  const paid = valid.filter((a) => !tendered.test(before(a, 12)) && !claimed.test(before(a, 36)));
  const candidates = paid.length > 0 ? paid : valid;
  // "gói 18 triệu, đã đặt cọc 5 triệu", "giá 14 triệu, trả trước 5 triệu, còn lại trả góp": when only a
  // deposit or a first part was paid, that is what the consumer paid, unless they say they paid it all.
  const deposits = candidates.filter((a) => depositMarker.test(before(a, 24)) || /^\s*(?:vnd|dong|d)?\s*(?:deposit|down payment)(?![\p{L}])/u.test(text.folded.slice(a.index).replace(/^[\d.,\s]+/, '')));
  const largest = candidates.reduce((a, b) => (b.value > a.value ? b : a));
  if (deposits.length > 0 && !deposits.includes(largest) && !paidInFull.test(text.folded)) return deposits.reduce((a, b) => (b.value > a.value ? b : a));
  return largest;
}

/** A sum claimed as damages: "bồi thường tiền viện phí 3tr2", "đền tiền khám 600k", "compensation of". */
const claimed = /(?<![\p{L}])(boi thuong|den bu|den|vien phi|tien kham|tien thuoc|chi phi kham|chi phi chua|tien phat|phat them|compensation|medical bills?|hospital bills?)(?: [\p{L}]+){0,3}\s*:?\s*(?:la\s*)?$/u;
/** Words before a deposit or a first payment: "đặt cọc", "cọc", "trả trước", "deposit of". */
const depositMarker = /(?<![\p{L}])(dat coc|coc|tra truoc|thanh toan truoc|deposit(?: of)?|down payment(?: of)?|paid upfront)(?: (?:la|truoc|them))?\s*:?\s*$/u;
/** "đã thanh toán đủ", "trả hết", "paid in full": the whole price was paid. */
const paidInFull = /(?<![\p{L}])(thanh toan du|thanh toan het|tra du|tra het|da tra du|paid in full|paid the full|full payment)(?![\p{L}])/u;

/** Words before the total: "tổng", "tổng cộng", "tổng bill", "tất cả", "in total". */
const totalMarker = /(?<![\p{L}])(tong|tong cong|tong bill|tong hoa don|tat ca|ca thay|total|in total|altogether)(?: (?:la|het|tien|bill|cong))*\s*:?\s*$/u;
/** Cash handed over, change asked for: "đưa 50k", "gave a 500,000 note". */
const tendered = /(?<![\p{L}])(dua|dua cho|gave|handed|handed over)\s*$/u;

/** The digits after a unit: "1tr2" = 200k, "1tr25" = 250k, "1tr250" = 250k, "2 trieu 300 nghin" = 300k. */
function tail(digits: string, unit: number, explicitUnit: string | undefined): number {
  if (explicitUnit) return Number(digits) * 1e3;
  const n = Number(digits);
  if (unit === 1e3) return n;
  if (digits.length >= 3 || n >= 100) return n * (unit / 1e3);
  return n * (unit / 10 ** digits.length);
}
