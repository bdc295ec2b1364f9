import { foldPhrase } from './folded-text.ts';

/**
 * Whether a story reads as a scam rather than a dispute with a business: the "seller" took the
 * money and vanished, blocked the buyer, or sent something worthless on purpose. A seller who
 * still answers, even with a counterfeit or a refusal, is a business dispute (a complaint letter
 * has someone to go to). Patterns read the folded story (no diacritics, lower case).
 */
const vanished = [
  /(chan|block)(ed)? (lien lac|facebook|zalo|so|sdt|toi|minh|em|tui|me|my|nick|tin nhan)/,
  /(bi|da bi) (shop |ho |nguoi ban |ben ban |admin )?(chan|block)/,
  /(thue bao|khong lien lac duoc|mat lien lac|khong nghe may|bat may|xoa (trang|page|tai khoan|nick)|doi ten (trang|page|nick)|bien mat|lan mat|unreachable|disappeared|vanished|deleted (the|their) (page|account))/,
  /\bblocked (me|my)\b/,
];
const paid = /(chuyen khoan|ck|chuyen tien|coc|dat coc|thanh toan truoc|tra truoc|nap tien|transfer(red)?|paid|sent (the )?money|deposit)/;
const intent = /(lua dao|lua|bi lua|scam(med)?|fraud|chiem doat|ma van don (gia|tra khong ra)|van don gia|tracking (code|number) (was )?(fake|invalid|doesn t work)|hop rong|gach|cuc gach|giay vun|empty box|a brick)/;

export function fraudSignals(story: string): { fraud: boolean; signals: string[] } {
  const folded = foldPhrase(story).replace(/['’]/g, ' ');
  const signals: string[] = [];
  if (vanished.some((p) => p.test(folded))) signals.push('vanished');
  if (paid.test(folded)) signals.push('paid');
  if (intent.test(folded)) signals.push('intent');
  // Money paid and then no seller to reach, or money paid for something worthless on purpose.
  const fraud = (signals.includes('vanished') && (signals.includes('paid') || signals.includes('intent'))) || (signals.includes('paid') && /(hop rong|gach|cuc gach|giay vun|empty box|a brick)/.test(folded));
  return { fraud, signals };
}
