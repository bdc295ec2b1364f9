import { foldPhrase, type FoldedText } from './folded-text.ts';
import { captureWords, cleanAnswer, readsAsClause } from './phrase-capture.ts';

/** Words that say nothing about what was bought. */
const generic = new Set(['hang', 'do', 'san pham', 'mon hang', 'cai', 'mon', 'no', 'hang hoa', 'dich vu', 'online', 'hang online']);

const buying = /(?<![\p{L}])(?:da |vua |co )?(?:dat mua|dat hang|mua|dat|order|oder|san duoc|chot|san pham(?: la)?|dang ky|su dung dich vu|dung dich vu|thue|bought|purchased|ordered|buy)\s+(?:duoc |phai |giup |cho (?:con|me|bo|vo|chong|em|be) |ve |online |lai )?/gu;

/**
 * The product or service, from "mua X", "đặt X", "đăng ký gói X", cut before "trên Shopee", a
 * price or a date. "mua hàng" names nothing, so the next candidate is tried.
 */
export function extractProduct(text: FoldedText): string | null {
  return afterBuyingVerb(text) ?? beforeBuyingVerb(text);
}

/**
 * "Tủ lạnh Panasonic mua ở Nguyễn Kim …", "dien thoai Samsung A55 mua o …": a sentence that opens
 * with the thing and then says it was bought.
 */
const openingThing = /(?:^|[.!?\n|]\s*)((?:[\p{L}\p{N}]+ ){0,5}[\p{L}\p{N}]+) (?:(?:toi|minh|em|tui|nha toi|me toi|bo toi) )?(?:mua|dat|order|bought|ordered)(?![\p{L}])/gu;
const pronounStart = /^(toi|minh|em|e|tui|chung toi|nha toi|me toi|bo toi|vo toi|chong toi|hom|hom qua|sang|chieu|ngay|thang|i|we|my|the|shop|cua hang|ban|co)(?![\p{L}])/u;

function beforeBuyingVerb(text: FoldedText): string | null {
  for (const m of text.folded.matchAll(openingThing)) {
    const phrase = m[1]!;
    if (pronounStart.test(phrase)) continue;
    const start = m.index + m[0].indexOf(phrase);
    const capture = captureWords(text, start, { maxWords: 6, skipQuantifiers: true, keepFirst: true, allowNumbers: true });
    if (!capture || generic.has(foldPhrase(capture.value))) continue;
    return capture.value.charAt(0).toLocaleLowerCase('vi') + capture.value.slice(1);
  }
  return null;
}

function afterBuyingVerb(text: FoldedText): string | null {
  for (const m of text.folded.matchAll(buying)) {
    // Models carry numbers ("tivi Sony 55 inch", "Samsung A55"); a price does not continue it.
    const capture = captureWords(text, m.index + m[0].length, { maxWords: 7, skipQuantifiers: true, keepFirst: true, allowNumbers: true });
    if (!capture) continue;
    if (generic.has(foldPhrase(capture.value))) continue;
    return capture.value;
  }
  return null;
}

/**
 * What a consumer types when asked for the product: "cái nồi chiên", "dạ, tôi mua tai nghe". A
 * sentence that goes on with the story ("Mới hơn 2 tháng trụ implant đã lung lay", "She refused")
 * is no product: the question is asked again.
 */
export function productAnswer(text: string): string | null {
  const value = cleanAnswer(text, /^((tôi|em|mình|tui|toi|minh)\s+)?(đã\s+|da\s+)?(mua|đặt|dat|order|dùng|dung)?\s*(một|mot|1|cái|cai|chiếc|chiec|đôi|doi|bộ|bo|hộp|hop|chai)?\s*/i);
  if (value.split(/\s+/).length > 10 || readsAsClause(value)) return null;
  return value.length >= 2 && value.length <= 120 && !generic.has(foldPhrase(value)) ? value : null;
}
