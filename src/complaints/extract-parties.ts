import type { FoldedText } from './folded-text.ts';
import { captureWords, cleanAnswer } from './phrase-capture.ts';

/** Words that name a kind of business; the name follows ("cửa hàng Điện Máy Xanh", "shop Mây Store"). */
const businessKinds: ReadonlyArray<readonly [folded: string, label: string | null]> = [
  ['cong ty tnhh', 'Công ty TNHH'],
  ['cong ty co phan', 'Công ty cổ phần'],
  ['cong ty', 'Công ty'],
  ['cty', 'Công ty'],
  ['cua hang', 'Cửa hàng'],
  ['sieu thi', 'Siêu thị'],
  ['nha thuoc', 'Nhà thuốc'],
  ['dai ly', 'Đại lý'],
  ['nha hang', 'Nhà hàng'],
  ['quan an', 'Quán ăn'],
  ['showroom', 'Showroom'],
  ['trung tam', 'Trung tâm'],
  ['tiem', 'Tiệm'],
  ['gian hang', null],
  ['fanpage', null],
  ['shop', null],
  ['page', null],
  // "mua bàn ghế của Nội Thất Hòa Phát": only a capitalised name counts after "của" (not "của tôi").
  ['cua', null],
];

const kindPattern = new RegExp(`(?<![\\p{L}])(${businessKinds.map(([k]) => k).join('|')})(?: (?:ten|co ten|mang ten)(?: la)?)?\\s*[:"“]?\\s*`, 'gu');

/**
 * The business's name, from "shop X", "cửa hàng X", "công ty X". A capture made only of ordinary
 * words ("shop lừa tôi", "shop bán hàng giả") is no name; a name has a capital, a digit, or is a
 * word the consumer typed in Latin letters that is not Vietnamese ("shop abc123", "shop Mây").
 */
export function extractBusinessName(text: FoldedText): string | null {
  for (const m of text.folded.matchAll(kindPattern)) {
    const start = m.index + m[0].length;
    const capture = captureWords(text, start, { maxWords: 6, allowNumbers: true });
    if (!capture || !looksLikeName(capture.value)) continue;
    if (m[1] === 'cua' && !/^\p{Lu}/u.test(capture.value)) continue;
    const label = businessKinds.find(([k]) => k === m[1])?.[1] ?? null;
    return label ? `${label} ${capture.value}` : capture.value;
  }
  return null;
}

function looksLikeName(value: string): boolean {
  return value.split(/\s+/).some((w) => /^\p{Lu}/u.test(w) || /\d/.test(w) || /[._&]/.test(w));
}

/** "địa chỉ shop: 12 Nguyễn Trãi, phường 3, quận 5." -> the address, up to the end of the sentence. */
export function extractBusinessAddress(text: FoldedText): string | null {
  const m = /dia chi (?:cua )?(?:shop|cua hang|cong ty|cty|kinh doanh|tiem|quan|nha hang|sieu thi|ben ban|nguoi ban)\s*(?:la|o|tai)?\s*:?\s*/.exec(text.folded);
  if (!m) return null;
  const start = m.index + m[0].length;
  const rest = text.original.slice(start);
  const end = rest.search(/\.(\s|$)|\n|;/);
  const value = (end === -1 ? rest : rest.slice(0, end)).trim().slice(0, 160).replace(/[,\s]+$/, '');
  return value.length >= 4 ? value : null;
}

/** What a consumer types when asked for the business: "shop Mây Store", "dạ, tên shop là Mây". */
export function businessNameAnswer(text: string): string | null {
  const value = cleanAnswer(text, /^(tên\s+)?(shop|cửa hàng|cua hang|gian hàng|gian hang|công ty|cong ty|cty|bên bán|ben ban|người bán|nguoi ban)?\s*(tên\s+)?(là|la)?\s*[:"“]?\s*/i).replace(/["”]$/, '');
  return value.length >= 2 && value.length <= 120 ? value : null;
}
