import { phrasePattern, type FoldedText } from './folded-text.ts';

export const purchaseChannels = ['in_store', 'online', 'door_to_door', 'mlm', 'continuous_service', 'other'] as const;
export type PurchaseChannel = (typeof purchaseChannels)[number];

/**
 * Most specific first: an MLM or door-to-door sale may also mention a shop or a phone order. No
 * "thuê bao": it also says a phone is out of service ("gọi thì thuê bao"), common in scam stories.
 */
const signals: ReadonlyArray<readonly [PurchaseChannel, readonly string[], answerOnly?: boolean]> = [
  ['mlm', ['da cap', 'ban hang da cap', 'mlm', 'tuyen duoi', 'tuyen tren', 'len cap', 'multi level', 'multi-level', 'downline', 'upline', 'distributor', 'network marketing', 'pyramid']],
  ['door_to_door', ['ban hang tan nha', 'ban tan nha', 'ban hang tan cua', 'ban tan cua', 'go cua', 'den nha chao', 'toi nha chao', 'nhan vien den nha', 'den nha tu van', 'den nha gioi thieu', 'ban hang tan noi', 'door to door', 'den nha toi', 'toi nha toi', 'den tan nha', 'toi tan nha', 'vao nha toi', 'came to my house', 'came to my home', 'came to her house', 'came to his house', 'came to our house', 'came to their house', 'came to her home', 'came to his home', 'came to our home', 'knocked on', 'at her door', 'at my door']],
  // A sale at an event the seller set up ("hội thảo", a free trip) is neither a shop nor a visit.
  ['other', ['hoi thao', 'hoi nghi khach hang', 'buoi gioi thieu san pham', 'du lich mien phi', 'tang qua mien phi', 'tri an khach hang', 'buoi tang qua', 'su kien tang qua', 'nha van hoa', 'seminar', 'workshop']],
  ['continuous_service', ['goi cuoc', 'internet', 'wifi', 'cap quang', 'truyen hinh cap', 'tien dien', 'tien nuoc', 'dien luc', 'phong gym', 'the tap', 'dich vu hang thang', 'tu gia han', 'tu dong gia han', 'nha mang', 'goi data', 'dang ky goi', 'hoc phi', 'khoa hoc', 'tron khoa', 'dong hoc', 'subscription', 'membership', 'monthly fee', 'hoi vien', 'the hoi vien', 'goi tap']],
  ['online', ['online', 'qua mang', 'tren mang', 'website', 'trang web', 'app', 'ung dung', 'livestream', 'live stream', 'dat hang qua', 'ship cod', 'cod', 'dat online', 'mua online', 'san thuong mai dien tu', 'inbox', 'nhan tin dat', 'goi dien dat', 'dat qua dien thoai', 'mua qua dien thoai', 'quang cao tren truyen hinh', 'by phone', 'over the phone', 'instagram', 'insta', 'page', 'fanpage', 'agoda', 'booking com', 'traveloka', 'grabfood', 'shopeefood', 'baemin', 'gojek', 'through the app', 'via the app']],
  ['in_store', ['stall', 'shop assistant', 'cashier', 'at the store', 'in the shop', 'cua hang', 'sieu thi', 'tiem', 'ra shop', 'den shop', 'tai shop', 'tai cua hang', 'mua truc tiep', 'truc tiep', 'showroom', 'ngoai cho', 'o cho', 'dai ly', 'nha thuoc', 'trung tam thuong mai', 'nha hang', 'quan an', 'tap hoa', 'cua hang tien loi']],
  // Delivered: online unless the story also says where it was bought ("siêu thị …, có giao hàng").
  // Paid by transfer likewise: "mua 50 bao xi măng ở cửa hàng …, chuyển khoản" was bought at the shop.
  ['online', ['giao hang', 'shipper', 'ship ve', 'delivered', 'delivery', 'chuyen khoan', 'ck']],
  ['other', ['cach khac', 'khac'], true],
];

const patterns = signals.map(([channel, words, answerOnly]) => [channel, phrasePattern(words, ''), answerOnly === true] as const);

/**
 * How the purchase was made, from the words of the story; a named platform (Shopee...) means
 * online. "other" only when the consumer says so in answer to the question.
 */
export function inferPurchaseChannel(text: FoldedText, hasPlatform: boolean, asked = false): PurchaseChannel | null {
  // "hôm qua mang ra trả" (yesterday, took it back) is no "qua mạng" (online).
  const folded = text.folded.replace(/(?<![\p{L}])(hom|bua|toi|dem|sang|chieu|trua|hum) qua mang/gu, '$1 qua_mang');
  for (const [channel, pattern, answerOnly] of patterns) {
    if (channel === 'online' && hasPlatform) return 'online';
    if (answerOnly && !asked) continue;
    if (pattern.test(folded)) return channel;
  }
  return hasPlatform ? 'online' : null;
}
