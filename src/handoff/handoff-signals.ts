import { fold } from '../text/vietnamese-unicode.ts';

// Compared diacritic-folded: people type "gặp nhân viên", "gap nhan vien" and "GẶP NV" alike.
const asksForPerson = [
  /\b(gap|goi|noi chuyen( voi)?|chat( voi)?|ket noi( voi)?|chuyen( sang| cho| toi)?|can|muon|cho (toi|em|minh)|xin) (gap )?(nhan vien|nv|tu van vien|tong dai vien|nguoi that|nguoi tu van|can bo|admin|ad)\b/,
  /\bnguoi that\b/,
  /\b(talk|speak|chat) (to|with) (a |an )?(human|person|agent|staff|someone)\b/,
  /^(nhan vien|tu van vien|human|agent)[\s!.?]*$/,
];

const upsetWords = /\b(buc minh|buc qua|buc thiet|tuc qua|tuc chet|tuc dien|that vong|qua te|te hai|te qua|vo trach nhiem|lam an kieu gi|kieu gi vay|chan qua|chan that|phan no|kho chiu|ghe tom|qua dang|qua dang|vo ly|bat luc|dien mat|lam an chan|vcl|vl|dm|dmm|wtf)\b/;
const questionWords = /(\?|\b(lam sao|the nao|co duoc|duoc khong|khong a|bao nhieu|o dau|bao lau|nhu the nao|phai lam gi|how|what|can i)\b)/;

/** The user asks for a person in so many words. */
export function asksForHuman(text: string): boolean {
  const f = fold(text);
  return asksForPerson.some((re) => re.test(f));
}

/**
 * Anger or despair with no question in it: the bot has nothing to answer, and a person should be
 * offered. An angry question is still answered (its answer offers a person anyway).
 */
export function soundsUpset(text: string): boolean {
  const f = fold(text);
  if (questionWords.test(f)) return false;
  const shouting = text.length >= 12 && text === text.toUpperCase() && /\p{Lu}{6,}/u.test(text.replace(/\s/g, ''));
  return upsetWords.test(f) || shouting || /!{3,}/.test(text);
}
