import { foldPhrase } from './folded-text.ts';

/**
 * Whether a story reads as a scam rather than a dispute with a business: the "seller" took the
 * money and then vanished (blocked the buyer, deleted or renamed the page, cannot be reached), or
 * sent something worthless on purpose (a brick, an empty box). A seller who still answers, even
 * with a counterfeit, a refusal or excuses for a late delivery, is a business dispute: a complaint
 * letter has someone to go to. The patterns read the folded story (no diacritics, lower case), so
 * "chặn", "chan" and teencode ("block e lun") all count; English has its own phrases.
 *
 * Each class is a list of regexp sources joined into one pattern, so a reader can see which words
 * make a signal. They describe how people tell these events, never a particular story.
 */

/** Money went to the "seller": a transfer, a deposit, payment up front or to the courier. */
const paid = [
  'chuyen khoan', 'ck', 'chuyen tien', 'chuyen coc', 'dat coc', 'nhan coc', 'coc', 'tien coc', 'thanh toan', 'tra tien', 'tra truoc',
  'tra cho shipper', 'nap tien', 'ship cod', 'cod', 'chuyen (\\d|xong|roi|cho|vao|qua|them|du|het)',
  // The seller's side of the payment: "shop nhận 1tr250 tiền đôi giày rồi chặn", "lấy tiền rồi biến mất".
  'nhan (\\d[\\w.,]*|tien|het tien|coc)', 'lay (\\d[\\w.,]*|tien|het tien)', 'took (my|our|the) money',
  'transferred', 'transfer', 'paid', 'payment', 'sent (the |them |him |her )?money', 'deposit', 'cash on delivery',
];

/** An order was placed, whether or not the story says how it was paid. */
const bought = ['mua', 'dat hang', 'dat mua', 'dat', 'order', 'ordered', 'bought', 'purchased'];

/** Who gets blocked, in the words people use: the buyer ("tôi", "e", "mình") or a channel. */
const blockTarget = '(lien lac|facebook|fb|zalo|insta|instagram|tiktok|so|sdt|so dien thoai|tin nhan|chat|nick|tai khoan|toi|minh|mk|em|e|t|tui|tao|me|us)';

/** The seller cut the buyer off on purpose: blocked, page or account deleted or renamed, vanished. */
const blocked = [
  // "chặn tôi lại" is being stopped at a door, not blocked: the lookahead leaves it out.
  `(chan|block|blocked)( het| luon| lun)? ${blockTarget}(?! lai)`,
  '(bi|da bi|da) (shop |ho |no |nguoi ban |ben ban |admin |page |trang )?(chan|block)(?! lai)',
  '(chan|block) (het|luon|lun)',
  'xoa (trang|page|tai khoan|nick|shop|fanpage|acc)', '(trang|page|tai khoan|nick|shop|fanpage|acc) (da |cung )?(bi )?(xoa|khoa|bien mat)',
  '(trang|page|shop|nick|tai khoan) (cung )?(da )?doi ten', 'doi ten (trang|page|nick|shop)', 'shop (da )?dong cua',
  // "nick zalo đó mất luôn", "page cũng không còn": the account itself is gone.
  '(nick|page|trang|tai khoan|acc|fanpage)( (zalo|facebook|fb|insta|instagram|tiktok|shop|ban hang|do|ay|nay|kia|cua (ho|no|shop|nguoi ban)))* (da |cung )?(mat (luon|tieu|roi|lun)|bien mat|khong con( nua)?)',
  '(trang|trang web|web|website|page|app)( \\w+)? (da |bi )?(sap|die|chet|ngung hoat dong)', 'bien mat', 'lan mat', 'bat tin', 'bat tam', 'mat tich', 'bo tron', 'boc hoi',
  'disappeared', 'vanished', 'blocked (me|us)', 'blocked my (number|messages|phone number|contact)', 'has blocked (me|us)', '(page|account|shop|profile) (has been|was|is) (deleted|gone|removed)',
  'deleted (the|their|his|her) (page|account|shop|profile)',
];

/**
 * The seller cannot be reached, which a business that is merely slow can also be ("gọi tổng đài
 * không liên lạc được"): it counts only with money paid and nobody answering.
 */
const unreachable = [
  // "thuê bao" alone is also a subscription (internet, phone); only the dead-number message counts.
  '(goi|so|sdt|dien thoai)( thi| lai| vao)? thue bao', 'thue bao (khong|ko|k|tam)', 'khong lien lac (duoc|dc)', 'ko lien lac (duoc|dc)',
  'k lien lac (duoc|dc)', 'mat lien lac', '(khong|ko|k) lien he (duoc|dc)', '(goi|dien thoai|sdt|so)( thi| lai)? (tat may|khoa may)', 'tat may luon',
  'unreachable', 'messages (don t|do not|no longer) go through', 'number (is )?(dead|no longer works|switched off)',
  'can t (reach|contact) (them|him|her|the seller)', 'cannot (reach|contact) (them|him|her|the seller)',
];

/**
 * A business with a hotline or premises the consumer can go to: being unreachable by phone does
 * not make it a scam ("gọi tổng đài bảo hành không liên lạc được").
 */
const premises = [
  'tong dai', 'hotline', 'trung tam bao hanh', 'cua hang', 'sieu thi', 'dai ly', 'showroom', 'chi nhanh', 'van phong', 'tru so',
  'customer service', 'call centre', 'call center', 'service centre', 'service center', 'the store', 'supermarket', 'dealership',
];

/** Something worthless sent on purpose in place of the goods, or goods that never existed. */
const worthless = [
  // Bare "gạch" is also floor tiles someone bought.
  'cuc gach', 'vien gach', 'hon gach', 'toan gach', 'hop rong', 'thung rong', 'giay vun', 'da soi', 'cuc da', 'hop giay rong',
  'khong co that', 'khong ton tai',
  'a brick', 'bricks', 'an empty box', 'empty box', 'empty package', 'rocks', 'a stone', 'doesn t exist', 'does not exist', 'did not exist',
];

/** The consumer calls it a scam; on its own this is not enough (counterfeit sellers are called that too). */
const intent = ['lua dao', 'bi lua', 'lua tien', 'lua dao chiem doat', 'chiem doat', 'scam', 'scammed', 'scammer', 'fraud', 'con artist'];

/** The seller still answers: a dispute with someone to negotiate with. */
const answering = [
  'van nghe may', 'van tra loi', 'van nhan tin', 'van nhan', 'van rep', 'van phan hoi', 'van lien lac duoc', 'dang xu ly',
  'hen (tuan|hom|ngay|thang) sau', 'xin loi va hen', 'still (answers|replies|responds|picks up|answering|replying)',
  '(seller|shop|they|he|she) (says|said|offered|offers|agreed|promised)',
];

const pattern = (sources: readonly string[]) => new RegExp(`(?<![a-z0-9])(?:${sources.join('|')})(?![a-z0-9])`);
const patterns = {
  paid: pattern(paid),
  bought: pattern(bought),
  blocked: pattern(blocked),
  unreachable: pattern(unreachable),
  worthless: pattern(worthless),
  intent: pattern(intent),
  answering: pattern(answering),
  premises: pattern(premises),
};
export type FraudSignal = keyof typeof patterns;

export function fraudSignals(story: string): { fraud: boolean; signals: FraudSignal[] } {
  // Apostrophes and quotes become spaces so "don't" reads as "don t" and a quoted word is a word.
  const folded = foldPhrase(story).replace(/['’"“”]/g, ' ').replace(/\s+/g, ' ');
  const signals = (Object.keys(patterns) as FraudSignal[]).filter((k) => patterns[k].test(folded));
  const has = (s: FraudSignal) => signals.includes(s);
  // Cut off after an order: nobody to negotiate with. Unreachable or worthless goods count only when
  // money went out and the seller does not still answer.
  const fraud =
    (has('blocked') && (has('paid') || has('bought') || has('intent'))) ||
    (!has('answering') && !has('premises') && has('unreachable') && (has('paid') || has('intent'))) ||
    (!has('answering') && has('worthless') && has('paid'));
  return { fraud, signals };
}
