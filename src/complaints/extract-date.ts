import type { FoldedText } from './folded-text.ts';
import { addDays, addMonths, dayOfWeek, isoDate, isRealDate, type IsoDate } from './local-date.ts';
import { numberWordPattern, parseCount } from './vietnamese-numbers.ts';

export type DateProblem = 'future' | 'impossible' | 'too_old';

export type DateFinding =
  | { readonly ok: true; readonly value: IsoDate; readonly approximate: boolean; readonly index: number; /** A day-month read as last year's because this year's is still ahead. */ readonly lastYear?: boolean }
  | { readonly ok: false; readonly problem: DateProblem; readonly index: number };

/** Purchases older than this are not consumer complaints the bot can help with (typos like 15/3/1924). */
const oldestDate = '2000-01-01';

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// "may" folds like "máy" (a machine: "mua 2 may"), so May counts only with its year (below).
const englishMonths = `(?:${monthNames.filter((m) => m !== 'may').join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|may(?= \\d{1,2},? \\d{4})|may(?= \\d{4}))`;
function monthNumber(name: string): number {
  return monthNames.findIndex((m) => m.startsWith(name.slice(0, 3))) + 1;
}

const count = `(\\d{1,2}|${numberWordPattern}(?: ${numberWordPattern})?)`;
const englishWeekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** What a range of counts counts: "3-4 tin nhắn", "2-3 lần", "5-6 người". */
const countedAfter = /^\s+(?:tin|lan|nguoi|cuoc|cai|chiec|tieng|gio|phut|buoi|mon|ly|hop|goi|con|ban|mam|suat|dong|cu)(?![\p{L}])/u;
const weekdays: Record<string, number> = { hai: 1, '2': 1, ba: 2, '3': 2, tu: 3, '4': 3, nam: 4, '5': 4, sau: 5, '6': 5, bay: 6, '7': 6 };

/**
 * Every date the text mentions, absolute ("15/3/2024", "15/3", "ngày 15 tháng 3") or relative to
 * `today` ("hôm qua", "3 ngày trước", "tuần trước", "thứ 6 tuần trước"), in order of appearance.
 * A day without a year is the latest such day not after today ("15/3" said in February is last
 * year's). Dates after today, impossible days (31/2) and dates before 2000 are reported as problems.
 */
export function findDates(text: FoldedText, today: IsoDate): DateFinding[] {
  const f = text.folded;
  const found: DateFinding[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const add = (index: number, length: number, finding: DateFinding | null) => {
    if (!finding || overlaps(index, index + length)) return;
    taken.push([index, index + length]);
    found.push(finding);
  };
  const [ty, tm] = today.split('-').map(Number) as [number, number];

  for (const m of f.matchAll(/(?<![\d.,/])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})(?![\d/]|[.,]\d|\s?(?:k|tr|d|vnd|trieu|nghin|ngan)\b)/g)) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    add(m.index, m[0].length, absolute(Number(m[1]), Number(m[2]), year, today, m.index));
  }
  // English: "8 November 2026", "on 2 October", "November 8, 2026".
  for (const m of f.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (${englishMonths})(?:,? (\\d{4}))?\\b|\\b(${englishMonths}) (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'g'))) {
    const day = Number(m[1] ?? m[5]);
    const month = monthNumber(m[2] ?? m[4]!);
    const year = m[3] ?? m[6];
    add(m.index, m[0].length, year ? absolute(day, month, Number(year), today, m.index) : withoutYear(day, month, today, m.index));
  }
  for (const m of f.matchAll(/(?:ngay (?:mung |mong )?|mung |mong )(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?/g)) {
    add(m.index, m[0].length, m[3] ? absolute(Number(m[1]), Number(m[2]), Number(m[3]), today, m.index) : withoutYear(Number(m[1]), Number(m[2]), today, m.index));
  }
  // Not "24/7" (open all hours) nor a price per unit.
  for (const m of f.matchAll(/(?<![\d.,/:])(\d{1,2})\s?[/-]\s?(\d{1,2})(?![\d/]|[.,:-]\d|\s?(?:k|tr|d|vnd|trieu|nghin|ngan|kg|g|ml|l|cai|chiec|hop)\b)/g)) {
    if (m[1] === '24' && m[2] === '7') continue;
    // "3-4 tin nhắn", "2-3 lần": a range of counts before what is counted, not a day and month.
    if (m[0].includes('-') && countedAfter.test(f.slice(m.index + m[0].length))) continue;
    add(m.index, m[0].length, withoutYear(Number(m[1]), Number(m[2]), today, m.index));
  }
  // "tháng 11 này" is not "tháng 1" followed by "1 này"; "12 tháng 2,4 triệu" is no February.
  for (const m of f.matchAll(/(?<!ngay \d{1,2} )thang (\d{1,2})(?!\d|[.,]\d)(?:[/ ](?:nam )?(\d{4})| (nam ngoai|nam truoc|nam roi))?(?! (?:truoc|roi|nay|sau))/g)) {
    const month = Number(m[1]);
    const year = m[2] ? Number(m[2]) : m[3] ? ty - 1 : month > tm ? ty - 1 : ty;
    const finding = absolute(1, month, year, today, m.index);
    add(m.index, m[0].length, finding.ok ? { ...finding, approximate: true } : finding);
  }

  const relative: Array<[RegExp, (m: RegExpMatchArray) => IsoDate | null, boolean]> = [
    [/\b(?:hom nay|hnay|hum nay|sang nay|trua nay|chieu nay|toi nay|bua nay|today|this morning)\b/g, () => today, false],
    [/\b(?:yesterday|last night)\b/g, () => addDays(today, -1), false],
    [/\b(\d{1,2}) (day|week|month)s? ago\b/g, (m) => back(today, m[1]!, { day: 'ngay', week: 'tuan', month: 'thang' }[m[2] as 'day' | 'week' | 'month']), true],
    [/\blast (week|month)\b/g, (m) => (m[1] === 'week' ? addDays(today, -7) : addMonths(today, -1)), true],
    // Teencode too: "hqua", "hum qua", "hom wa".
    [/\b(?:hom qua|hqua|hum qua|hom wa|hum wa|toi qua|dem qua|sang qua|chieu qua|bua qua|qua hom qua)\b/g, (m) => addDays(today, m[0].startsWith('qua hom') ? -2 : -1), false],
    [/\b(?:hom kia|bua kia)\b/g, () => addDays(today, -2), false],
    [/\bthu (hai|ba|tu|nam|sau|bay|[2-7]) (?:tuan truoc|tuan roi|tuan trc)\b/g, (m) => weekdayLastWeek(today, weekdays[m[1]!]!), false],
    [/\bchu nhat (?:tuan truoc|tuan roi|vua roi|vua qua)\b/g, () => mostRecentWeekday(today, 0), false],
    [/\bthu (hai|ba|tu|nam|sau|bay|[2-7]) (?:vua roi|vua qua)\b/g, (m) => mostRecentWeekday(today, weekdays[m[1]!]!), false],
    [new RegExp(`\\b${count} (ngay|tuan|thang) (?:truoc|ve truoc|roi|qua)\\b`, 'g'), (m) => back(today, m[1]!, m[2]!), true],
    [/\b(?:tuan truoc|tuan roi|tuan trc)\b/g, () => addDays(today, -7), true],
    [/\b(?:thang truoc|thang roi)\b/g, () => addMonths(today, -1), true],
    [/\bdau thang nay\b/g, () => `${today.slice(0, 8)}01`, true],
    // "ngày mùng 2": the 2nd of this month (of the last one when that is still to come).
    [/\b(?:ngay )?(?:mung|mong) (\d{1,2})\b(?! thang)/g, (m) => dayOfRecentMonth(today, Number(m[1])), false],
    [/\bthu (hai|ba|tu|nam|sau|bay|[2-7]) tuan nay\b/g, (m) => weekdayThisWeek(today, weekdays[m[1]!]!), false],
    [/\bchu nhat tuan nay\b/g, () => weekdayThisWeek(today, 0), false],
    // "hôm thứ Hai", "bữa chủ nhật", "Chủ nhật em mua …", "last Sunday": the latest such day before today.
    [/\b(?:hom|hum|bua|vao|sang|trua|chieu|toi|dem) (?:thu (hai|ba|tu|nam|sau|bay|[2-7])|(chu nhat|cn))\b(?! (?:tuan|nay|sau|toi(?= (?:nay|se))))/g, (m) => mostRecentWeekday(today, m[2] ? 0 : weekdays[m[1]!]!), false],
    [/(?:^|[.!?|]\s*)(?:thu (hai|ba|tu|nam|sau|bay|[2-7])|(chu nhat))\b(?= (?:toi|em|minh|tui|me|bo|chong|vo|con|nha|vua|da|co|di|mua|dat|order)\b)/g, (m) => mostRecentWeekday(today, m[2] ? 0 : weekdays[m[1]!]!), false],
    [/\b(?:last|on|this past) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/g, (m) => mostRecentWeekday(today, englishWeekdays.indexOf(m[1]!)), false],
    // "cách đây 20 ngày": the same count back, said first.
    [new RegExp(`\\bcach day ${count} (ngay|tuan|thang)\\b(?! (?:sau|nua))`, 'g'), (m) => back(today, m[1]!, m[2]!), true],
    [/\b(?:ngay mai|mai)\b(?= (?:moi|se|toi|minh|em|anh|chi)? ?(?:mua|dat|nhan))/g, () => addDays(today, 1), false],
  ];
  for (const [pattern, resolve, approximate] of relative) {
    for (const m of f.matchAll(pattern)) {
      const value = resolve(m);
      if (value) add(m.index!, m[0].length, check(value, today, approximate, m.index!));
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Dates that are not when the thing was bought, by what comes before them in their clause: an expiry
 * ("hạn sử dụng 08/2026", "hạn in tới tháng 12"), a bill's month ("hóa đơn tiền điện tháng 10"), a
 * return or a complaint made later ("gửi trả … từ 20/10", "báo bảo hành từ ngày 14/9"), "since", an
 * outage ("cắt điện 2 ngày 25 và 26/11") or an appointment ("hẹn 5h chiều 30/11 giao").
 */
const notPurchase = /(?<![\p{L}])(han su dung|hsd|het han|han in|han dung|exp|expiry|hoa don|cuoc|tien dien|tien nuoc|ky thanh toan|gui tra|tra hang|tra lai|gui lai|bao huy|bao bao hanh|mang di bao hanh|mang ra|since|returned|sent it back|cat dien|cup dien|mat dien|mat mang|mat nuoc|mat song|hen|hen giao)(?![\p{L}])[^,.;!?\n]{0,60}$/u;
/**
 * "Từ 14/11 cáp quang không vào được", "Kể từ ngày 3/10 …": a sentence that opens with since when
 * something has gone on, not a purchase. After a verb it is when a purchase or service began ("mua
 * từ ngày 10/2/2024", "dùng truyền hình cáp từ ngày 1/12/2023").
 */
const since = /(?:^|[.!?\n|]\s*)(?:ke )?tu\s+(?:ngay\s+)?$/u;

/** "3 đêm từ 20 đến 23/11", "từ 20/10 đến 30/10 mất mạng": a period (a stay, an outage), not a purchase. */
function inRange(folded: string, index: number): boolean {
  const before = folded.slice(Math.max(0, index - 40), index);
  const after = folded.slice(index, index + 30);
  return /(?<![\p{L}])(?:tu|from)\s+(?:ngay\s+)?\d{1,2}(?:\/\d{1,2})?\s*(?:den|toi|to|until|\s-\s)\s*(?:ngay\s+)?$/u.test(before) || /^\d{1,2}(?:\/\d{1,2})?(?:\/\d{2,4})?\s*(?:den|toi|to|until|\s-\s)\s*(?:ngay\s+)?\d/u.test(after);
}

/**
 * The purchase date a text gives: its earliest exact date (a day beats "tuần trước" or "đầu tháng"),
 * or its earliest approximate one, or its first problem when none is valid.
 */
export function extractPurchaseDate(text: FoldedText, today: IsoDate, options: { correction?: boolean } = {}): DateFinding | null {
  let all = findDates(text, today).filter((d) => !notPurchase.test(text.folded.slice(Math.max(0, d.index - 90), d.index)) && !since.test(text.folded.slice(0, d.index)) && !inRange(text.folded, d.index));
  // "mua ngày 11/11 chứ không phải 10/11": the date denied is not the one meant.
  if (options.correction) {
    const kept = all.filter((d) => !/(?:chu )?(?:khong|ko|k) phai\s*(?:la\s*)?(?:ngay\s*)?$/.test(text.folded.slice(Math.max(0, d.index - 24), d.index)));
    if (kept.length > 0) all = kept;
  }
  // "chuyển cọc ngày 1/10, tour đi 15/11": a day-month still ahead this year is the trip, not last
  // year's purchase, when another date of the message fits this year.
  const read = all.filter((d): d is Extract<DateFinding, { ok: true }> => d.ok);
  const valid = read.some((d) => !d.lastYear) ? read.filter((d) => !d.lastYear) : read;
  const exact = valid.filter((d) => !d.approximate);
  const pick = exact.length > 0 ? exact : valid;
  if (pick.length > 0) return pick.reduce((a, b) => (b.value < a.value ? b : a));
  return all[0] ?? null;
}

function absolute(day: number, month: number, year: number, today: IsoDate, index: number): DateFinding {
  if (!isRealDate(year, month, day)) return { ok: false, problem: 'impossible', index };
  return check(isoDate(year, month, day), today, false, index);
}

function withoutYear(day: number, month: number, today: IsoDate, index: number): DateFinding | null {
  const year = Number(today.slice(0, 4));
  // "29/2" in a year without it: look back to the last leap year rather than reject.
  for (const y of [year, year - 1, year - 2, year - 3, year - 4]) {
    if (!isRealDate(y, month, day)) continue;
    const value = isoDate(y, month, day);
    if (value <= today) {
      const found = check(value, today, false, index);
      return found.ok && y !== year ? { ...found, lastYear: true } : found;
    }
  }
  // 31/4 is a wrong date worth asking about; 15/13 or 3/45 is probably not a date at all.
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { ok: false, problem: 'impossible', index } : null;
}

function check(value: IsoDate, today: IsoDate, approximate: boolean, index: number): DateFinding {
  if (value > today) return { ok: false, problem: 'future', index };
  if (value < oldestDate) return { ok: false, problem: 'too_old', index };
  return { ok: true, value, approximate, index };
}

function back(today: IsoDate, amount: string, unit: string): IsoDate | null {
  const n = parseCount(amount);
  if (n === null || n > 400) return null;
  if (unit === 'ngay') return addDays(today, -n);
  if (unit === 'tuan') return addDays(today, -7 * n);
  return addMonths(today, -n);
}

/** "thứ 6 tuần trước": that weekday in the calendar week (Monday-Sunday) before this one. */
function weekdayLastWeek(today: IsoDate, weekday: number): IsoDate {
  const todayIndex = (dayOfWeek(today) + 6) % 7;
  const mondayThisWeek = addDays(today, -todayIndex);
  return addDays(mondayThisWeek, -7 + ((weekday + 6) % 7));
}

/** "thứ Hai tuần này": that weekday in this calendar week (Monday-Sunday). */
function weekdayThisWeek(today: IsoDate, weekday: number): IsoDate {
  const todayIndex = (dayOfWeek(today) + 6) % 7;
  return addDays(today, -todayIndex + ((weekday + 6) % 7));
}

function dayOfRecentMonth(today: IsoDate, day: number): IsoDate | null {
  const [y, m] = today.split('-').map(Number) as [number, number];
  if (isRealDate(y, m, day) && isoDate(y, m, day) <= today) return isoDate(y, m, day);
  const previous = addMonths(`${today.slice(0, 8)}01` as IsoDate, -1);
  const [py, pm] = previous.split('-').map(Number) as [number, number];
  return isRealDate(py, pm, day) ? isoDate(py, pm, day) : null;
}

function mostRecentWeekday(today: IsoDate, weekday: number): IsoDate {
  const diff = (dayOfWeek(today) - weekday + 7) % 7 || 7;
  return addDays(today, -diff);
}
