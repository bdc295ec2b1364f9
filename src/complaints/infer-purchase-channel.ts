import { phrasePattern, type FoldedText } from './folded-text.ts';

export const purchaseChannels = ['in_store', 'online', 'door_to_door', 'mlm', 'continuous_service', 'other'] as const;
export type PurchaseChannel = (typeof purchaseChannels)[number];

/**
 * Most specific first: an MLM or door-to-door sale may also mention a shop or a phone order. No
 * "thuê bao": it also says a phone is out of service ("gọi thì thuê bao"), common in scam stories.
 */
const signals: ReadonlyArray<readonly [PurchaseChannel, readonly string[]]> = [
  ['mlm', ['da cap', 'ban hang da cap', 'mlm', 'tuyen duoi', 'tuyen tren', 'len cap']],
  ['door_to_door', ['ban hang tan nha', 'ban tan nha', 'ban hang tan cua', 'ban tan cua', 'go cua', 'den nha chao', 'toi nha chao', 'nhan vien den nha', 'den nha tu van', 'den nha gioi thieu', 'ban hang tan noi', 'door to door']],
  ['continuous_service', ['goi cuoc', 'internet', 'wifi', 'cap quang', 'truyen hinh cap', 'tien dien', 'tien nuoc', 'dien luc', 'phong gym', 'the tap', 'dich vu hang thang', 'tu gia han', 'tu dong gia han', 'nha mang', 'goi data', 'dang ky goi']],
  ['online', ['online', 'qua mang', 'tren mang', 'website', 'trang web', 'app', 'ung dung', 'livestream', 'live stream', 'dat hang qua', 'ship cod', 'cod', 'shipper', 'dat online', 'mua online', 'giao hang', 'san thuong mai dien tu', 'inbox', 'nhan tin dat', 'chuyen khoan', 'instagram', 'insta']],
  ['in_store', ['cua hang', 'sieu thi', 'tiem', 'ra shop', 'den shop', 'tai shop', 'tai cua hang', 'mua truc tiep', 'truc tiep', 'showroom', 'ngoai cho', 'o cho', 'dai ly', 'nha thuoc', 'trung tam thuong mai', 'nha hang', 'quan an', 'tap hoa', 'cua hang tien loi']],
  ['other', ['cach khac', 'khac']],
];

const patterns = signals.map(([channel, words]) => [channel, phrasePattern(words, '')] as const);

/**
 * How the purchase was made, from the words of the story; a named platform (Shopee...) means
 * online. "other" only when the consumer says so in answer to the question.
 */
export function inferPurchaseChannel(text: FoldedText, hasPlatform: boolean, asked = false): PurchaseChannel | null {
  for (const [channel, pattern] of patterns) {
    if (channel === 'online' && hasPlatform) return 'online';
    if (channel === 'other' && !asked) continue;
    if (pattern.test(text.folded)) return channel;
  }
  return hasPlatform ? 'online' : null;
}
