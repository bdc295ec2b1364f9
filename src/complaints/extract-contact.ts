import type { FoldedText } from './folded-text.ts';

export type ContactFinding<T extends string> =
  | { readonly ok: true; readonly value: string; readonly index: number }
  | { readonly ok: false; readonly problem: T; readonly index: number; readonly raw: string };

/**
 * Vietnamese numbers: mobiles are 10 digits with a carrier prefix (03x Viettel, 05x Vietnamobile/
 * Gmobile, 07x MobiFone, 08x VinaPhone/others, 09x all), landlines 11 digits starting 02. "+84"
 * or "84" replaces the leading 0.
 */
const mobile = /^0(?:3[2-9]|5[2689]|7[06-9]|8[1-9]|9\d)\d{7}$/;
const landline = /^02\d{9}$/;

export function normaliseVietnamesePhone(raw: string): string | null {
  // "+84 (0)91 224 5587": the trunk zero in brackets is dropped after the country code.
  let digits = raw.replace(/^\+84\s*\(0\)/, '+84').replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0084')) digits = `0${digits.slice(4)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return mobile.test(digits) || landline.test(digits) ? digits : null;
}

/**
 * Phone numbers in a message. Anything that looks like a phone number (a "+" number, or 9-13
 * digits starting with 0 or 84, or digits right after "sđt"/"số điện thoại") but is not a valid
 * Vietnamese number is reported, so the bot can ask again instead of storing it.
 */
export function findPhones(text: FoldedText): ContactFinding<'phone_invalid'>[] {
  const results: ContactFinding<'phone_invalid'>[] = [];
  const f = text.folded;
  for (const m of f.matchAll(/(?<![\d\p{L}])(\+?\d[\d .\-()]{6,18}\d)(?![\d\p{L}])/gu)) {
    const raw = m[1]!.trim();
    const digits = raw.replace(/[^\d+]/g, '');
    // Amounts and dates have their own shapes: "1.200.000", "15/03/2024".
    if (/^\d{1,3}([.,]\d{3})+$/.test(raw)) continue;
    const before = f.slice(Math.max(0, m.index - 25), m.index);
    const labelled = /(sdt|so dien thoai|dien thoai|dt|phone|so dt|lien he|lh|zalo|hotline|goi)\s*:?\s*(la\s*)?$/.test(before);
    const phoneShaped = raw.startsWith('+') || /^(0|84)/.test(digits) && digits.length >= 9 && digits.length <= 13;
    if (!labelled && !phoneShaped) continue;
    const value = normaliseVietnamesePhone(raw);
    results.push(value ? { ok: true, value, index: m.index } : { ok: false, problem: 'phone_invalid', index: m.index, raw });
  }
  return results;
}

export function findEmails(text: FoldedText): ContactFinding<'email_invalid'>[] {
  const results: ContactFinding<'email_invalid'>[] = [];
  for (const m of text.original.matchAll(/[^\s,;:<>()"']+@[^\s,;:<>()"']*/g)) {
    const raw = m[0].replace(/[.]+$/, '');
    const ok = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(raw);
    results.push(ok ? { ok: true, value: raw.toLowerCase(), index: m.index } : { ok: false, problem: 'email_invalid', index: m.index, raw });
  }
  return results;
}
