import type { Consent } from './complaint-filing.ts';

/**
 * What a short reply means inside the complaint flow, as people type it (folded: no diacritics,
 * lower case): "đúng rồi", "ok gửi đi", "uh", "chuẩn", "yes", "send"; "sai", "chưa đúng", "cần sửa";
 * "không rõ", "bỏ qua"; "cảm ơn". All patterns read the folded text of foldPhrase.
 */

const affirmative = '(ok|oke|okay|oki|okie|okela|uh|uhm|u|um|ừ|vang|da|yes|yep|yeah|yup|sure|correct|right|dung|chuan|chuan roi|duoc|dc|gui|send|submit|nop|xac nhan|confirm|dong y|chinh xac|that right|thats right|all good|looks good)';
const tail = '( (roi|luon|di|het|vay|nhe|nha|nhen|a|ạ|ban|oi|roi do|gui di|nop di|xac nhan|chinh xac|do|it|them|please|pls))*';
const confirmPattern = new RegExp(`^(${affirmative}[ ,]*)+${tail}[ .!]*$`);
const confirmPhrase = /(?<![\p{L}])(dung roi|dung het|chinh xac|ok gui|gui di|nop di|xac nhan|thong tin dung|dung vay|send it|go ahead|file it|submit it)(?![\p{L}])/u;
const denyPattern = /(?<![\p{L}])(sai|chua dung|khong dung|ko dung|k dung|sua|nham|chua chinh xac|khong phai|can sua|wrong|incorrect|not right|change|fix)(?![\p{L}])/u;

/** "đúng rồi", "ok gửi đi", "yes send it": the summary is right. */
export function isConfirmation(folded: string): boolean {
  if (folded === '') return false;
  const withoutPraise = folded.replace(/dung roi|dung het/g, '');
  return (confirmPattern.test(folded) || confirmPhrase.test(folded)) && !denyPattern.test(withoutPraise);
}

/** "sai rồi", "cần sửa", "chưa đúng": something in the summary is wrong. */
export function isDenial(folded: string): boolean {
  return denyPattern.test(folded.replace(/dung roi|dung het/g, ''));
}

/** A bare yes/ok that carries no fact: never a product, a shop or a name. */
export function isBareAcknowledgement(folded: string): boolean {
  return confirmPattern.test(folded) || /^(dong y|dong y ca hai|ca hai|khong chia se|chi luu|co|khong|ko|cam on|thanks|thank you)[ .!]*$/.test(folded);
}

/** "không rõ", "ko nhớ", "bỏ qua", "skip", "không muốn nói": the consumer will not give this one. */
export function isSkip(folded: string): boolean {
  return /^(da |a |um |uh )?((toi|minh|em|tui) )?(khong|ko|k|hok|hong|chua) (ro|nho|biet|co|muon (noi|cung cap|dua|cho)|tien (noi|cung cap)|can)( lam| nua| a| nhe| roi| ban| do)*[ .!]*$|^(bo qua|skip|pass|next|qua|thoi|khong can|de sau|quen roi|chiu|i don t know|dont know|i don t remember|not sure|no idea|n a|none|prefer not to say|rather not)( nhe| nha| a| di| it)*[ .!]*$/.test(folded.replace(/['’]/g, ' ').replace(/\s+/g, ' '));
}

/** After filing: "ok", "cảm ơn", "gửi đi", "tks" deserve a short answer, not a law search. */
export function isThanksOrOk(folded: string): boolean {
  return isConfirmation(folded) || /^((cam on|cam an|tks|thanks|thank you|thank|ty|cm on)( (ban|nhieu|nhe|nha|a|so much|very much|lot))*|tot qua|hay qua|great|perfect|nice)[ .!]*$/.test(folded);
}

export const yesPattern = /^(co|co a|co nhe|yes|ok|dong y|chac chan|rut|rut di|rut luon|dung vay|uh|u|vang|yes please|sure)[ .!]*$/;
export const noPattern = /^(khong|ko|k|thoi|no|giu lai|khong rut|dung rut|no thanks|keep it)[ .!]*$/;
export const statusPattern = /^(status|trang thai|tinh trang|ds|danh sach|xem|list)$/;
export const withdrawPattern = /(?<![\p{L}])(rut|withdraw|huy khieu nai|rut don|rut lai)(?![\p{L}])/u;
export const restartPattern = /^(moi|new|lai tu dau|bat dau lai)$/;

export const consentChoices = {
  both: { shareWithBusiness: true, shareWithAgency: true },
  business: { shareWithBusiness: true, shareWithAgency: false },
  agency: { shareWithBusiness: false, shareWithAgency: true },
  none: { shareWithBusiness: false, shareWithAgency: false },
} as const satisfies Record<string, Consent>;
export type ConsentChoice = keyof typeof consentChoices;

const consentPatterns: ReadonlyArray<readonly [ConsentChoice, RegExp]> = [
  ['none', /(khong chia se|khong dong y|khong gui|chi luu|khong muon chia se|dung chia se|^khong$|^none$|don t share|do not share|keep it private)/],
  ['business', /chi (gui |chia se )?(cho )?(doanh nghiep|shop|ben ban|cua hang|cong ty|dn)|only (the )?(business|seller|shop)/],
  ['agency', /chi (gui |chia se )?(cho )?(co quan|hoi|to chuc)|only (the )?(agency|authorit)/],
  ['both', /(ca hai|ca 2|hai ben|tat ca|both|dong y|doanh nghiep va co quan|shop va co quan|chia se het|gui het|share with both|everyone)/],
];

export function consentFrom(folded: string): Consent | null {
  for (const [key, pattern] of consentPatterns) if (pattern.test(folded)) return consentChoices[key];
  return null;
}

export function consentKey(consent: Consent): ConsentChoice {
  return consent.shareWithBusiness && consent.shareWithAgency ? 'both' : consent.shareWithBusiness ? 'business' : consent.shareWithAgency ? 'agency' : 'none';
}
