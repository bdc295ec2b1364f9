import type { Draft, RequiredField } from './complaint-draft.ts';
import { extractAmount } from './extract-amount.ts';
import { findEmails, findPhones } from './extract-contact.ts';
import { extractPurchaseDate } from './extract-date.ts';
import { businessNameAnswer, extractBusinessAddress, extractBusinessName, looksLikeName } from './extract-parties.ts';
import type { SpanReader } from './complaint-span-tagger.ts';
import { readByRules } from './rule-readings.ts';
import { decideSpan, defaultSpanPolicy, needsTagger, type SpanPolicy } from './span-decisions.ts';
import { extractPlatform } from './extract-platform.ts';
import { namedThing, productAnswer } from './extract-product.ts';
import { extractConsumerName, nameAnswer } from './extract-name.ts';
import { extractResolutions, impliedResolutions, wishChange, type WishChange } from './extract-resolution.ts';
import { foldAligned, foldPhrase, type FoldedText } from './folded-text.ts';
import { inferPurchaseChannel } from './infer-purchase-channel.ts';
import type { IsoDate } from './local-date.ts';
import { isAddressPart, sellerLocation } from './extract-address.ts';
import type { ProvinceDirectory, ProvinceMatch } from './province-directory.ts';

export type ProblemKind = 'future' | 'impossible' | 'too_old' | 'zero' | 'phone_invalid' | 'email_invalid' | 'unrecognized' | 'unknown';

export interface Problem {
  readonly field: RequiredField;
  readonly kind: ProblemKind;
}

export type FactValues = Partial<Omit<Draft, 'evidence' | 'narrative'>>;

export interface Extraction {
  readonly values: FactValues;
  readonly problems: readonly Problem[];
  /** The consumer is correcting something ("à nhầm", "sửa lại", "không phải ... mà là"). */
  readonly correction: boolean;
  /** Words left that tell the story rather than answer a question. */
  readonly isStory: boolean;
  /** The amount was said as the total ("tổng 360k"): it replaces one told before. */
  readonly amountIsTotal?: boolean;
  /** Remedies dropped or narrowed: "bỏ yêu cầu sửa chữa", "chỉ cần đổi xe khác". */
  readonly wishChange?: WishChange | null;
}

/** Words of a sale at a distance: without them, a named seller was visited. */
const remoteSale = /(?<![\p{L}])(online|qua mang|tren mang|website|web|app|ung dung|facebook|zalo|tiktok|instagram|insta|ck|chuyen tien|agoda|traveloka|grab|booking com|goi dien|qua dien thoai|ship|giao hang|chuyen khoan|ordered|order|delivery|delivered|arrived|website)(?![\p{L}])/u;
const correctionPattern = /(?<![\p{L}])(a nham|nham|nham roi|sua lai|xin sua|sua thanh|khong phai|dinh chinh|y (toi|em|minh) la|lon roi|dung ra la|moi dung|moi chinh xac|moi la dung|correction|i meant|sorry,? it was|actually it was|actually)(?![\p{L}])|(?<![\p{L}])chu\s*[.!]*$|^\s*(a|a,|o|oh|ah|thoi)\s*,?\s*khong\s*[,.!]|^\s*(no|sorry)\s*,\s/u;
const dontKnow = /(?<![\p{L}])(khong nho|ko nho|k nho|khong biet|ko biet|quen roi|khong ro|chiu|dont know|don't know|not sure)(?![\p{L}])/u;
const storyWords = /(?<![\p{L}])(mua|dat|nhan|giao|hong|loi|lua|bi|khong|shop|cua hang|ban|tra|doi|dung|su dung|bao hanh|hoan|gui|chuyen|thanh toan|an|uong|ngo doc|dang ky|ky|goi|tu van|nhap vien|bought|ordered|paid|received|delivered|broke|broken|refund|seller|store|contract|signed|booked)(?![\p{L}])/gu;

/** "số nó", "sđt của chị ấy", "her number": a number that belongs to the person just mentioned. */
const someoneElses = /(?<![\p{L}])(?:so|sdt|so dien thoai|dien thoai|number|phone)(?: cua)? (?:no|chi ay|anh ay|ban ay|co ay|em ay|ong ay|ba ay|ban toi|ban minh|ban em|her|his|their|my friend s)\s*:?\s*(?:la\s*)?$/u;

/** Words that tell what happened rather than answer a question: aspect markers, the seller as subject. */
const narration = /(?<![\p{L}])(roi|van|da|bi|lan|ho|shop|cua hang|they|was|were|had|still)(?![\p{L}])/u;
const purchaseWords = /(?<![\p{L}])(mua|dat|order|ngay mua|bought|ordered|purchased|paid|thanh toan|chuyen khoan|ky|tra tien)(?![\p{L}])/u;
const otherEvents = /(?<![\p{L}])(lan|sua|bao hanh|giao|nhan|gui|tra may|goi|repair|repaired|delivered|returned|sent)(?![\p{L}])/u;

/**
 * A correction that tells of another event ("À không, họ sửa 3 lần rồi, lần thứ ba là tuần trước"):
 * its date is that event's, not a corrected purchase date.
 */
function aboutAnotherEvent(folded: string, correction: boolean): boolean {
  return correction && !purchaseWords.test(folded) && otherEvents.test(folded);
}

/**
 * Reads one message for every complaint fact it carries, in any order and unprompted. `asked` is
 * the field the bot just asked for: the whole answer may then be that value ("Mây Store" for the
 * shop), bare numbers count as the amount, and a place named anywhere is the province.
 */
export class ComplaintExtractor {
  constructor(
    private readonly provinces: ProvinceDirectory,
    /** The statistical reading of seller, address and product; without it the rules alone. */
    private readonly tagger: SpanReader | null = null,
    private readonly policy: SpanPolicy = defaultSpanPolicy,
  ) {}

  /**
   * A tagged seller or product is none of `others` (the consumer's own name, the platform, the
   * seller already read), no place alone, no phone number and not a sentence.
   */
  private couldBe(value: string, others: readonly (string | null)[], maxWords: number): boolean {
    const folded = foldPhrase(value);
    if (others.some((other) => other !== null && folded === foldPhrase(other))) return false;
    return !this.provinces.isPlaceName(value) && !hasPhone(value) && wordCount(value) <= maxWords;
  }

  extract(text: string, options: { today: IsoDate; asked: RequiredField | null }): Extraction {
    const typed = foldAligned(text);
    const { asked, today } = options;
    // Corrections are short replies ("à nhầm, 1tr5 chứ"); in a long story "sửa lại" is about the product.
    // A denial with its value ("6/11 chứ không phải 5/11") or an opening "à nhầm", "À không phải X" says so in a longer
    // reply too; "shop bảo em tự đặt nhầm" reports what someone said.
    const strongCue = /(?<![\p{L}])(chu (?:khong|ko|k) phai|dinh chinh|i meant)(?![\p{L}])|^\s*(?:a |o |xin loi,? )?(?:nham|khong phai)(?![\p{L}])/u.test(typed.folded);
    const correction = correctionPattern.test(typed.folded) && typed.folded.split(/\s+/).length <= (strongCue ? 25 : 15);
    // "không phải Shopee mà là Lazada", "nồi cơm điện chứ không phải nồi chiên": the denied value is not read.
    const ft = correction ? withoutDenied(typed) : typed;
    const values: FactValues = {};
    const problems: Problem[] = [];

    const date = aboutAnotherEvent(ft.folded, correction) ? null : extractPurchaseDate(ft, today, { correction });
    if (date?.ok) Object.assign(values, { purchaseDate: date.value, purchaseDateApproximate: date.approximate });
    else if (date) problems.push({ field: 'purchaseDate', kind: date.problem });

    const amount = extractAmount(ft, { correction, bareNumbers: asked === 'amountVnd' });
    if (amount?.ok) values.amountVnd = amount.value;
    else if (amount) problems.push({ field: 'amountVnd', kind: amount.problem });

    const amountIsTotal = amount?.ok === true && amount.total === true;
    this.contacts(ft, values, problems);

    const platform = extractPlatform(ft);
    if (platform) values.platform = platform;
    // A name the consumer introduced as theirs is no seller; one read only from where it stands
    // ("Giày Da Thành Công, số 45 …") gives way to a seller named as such.
    // Asked for the product, the answer itself comes before a product the message merely names.
    const rules = readByRules(ft, this.provinces, { alone: asked !== 'product', actedOn: !correction });
    // The tagger is read only when its reading could be filed (a field it overrides, or fills and the rules left empty).
    const tagged = this.tagger && needsTagger(this.policy, rules) ? this.tagger.tag(ft, rules) : null;
    const introduced = rules.introduced;
    const businessName = decideSpan(this.policy.seller, rules.seller, tagged?.seller ?? null, (v) => this.couldBe(v, [introduced, platform], 8));
    const name = introduced ?? extractConsumerName(ft);
    if (name && !(businessName && foldPhrase(businessName).endsWith(foldPhrase(name)))) values.consumerName = name;
    if (businessName) values.businessName = businessName;
    // A seller the tagger read has its own place after it ("Quán X ở Pleiku"); the rules' has theirs.
    const location = businessName === rules.seller ? { address: rules.address, place: rules.sellerPlace } : businessName ? sellerLocation(ft, businessName, this.provinces) : null;
    const rulesAddress = businessName === rules.seller ? rules.address : (extractBusinessAddress(ft) ?? location?.address ?? null);
    const address = decideSpan(this.policy.address, rulesAddress, tagged?.address ?? null, (v) => v !== businessName && wordCount(v) <= 12 && !hasPhone(v));
    if (address) values.businessAddress = address;
    const product = decideSpan(this.policy.product, rules.product, tagged?.product ?? null, (v) => this.couldBe(v, [businessName, platform], 10));
    if (product) values.product = product;
    // Where the consumer lives; failing that, where the seller is ("Điện Máy Xanh Biên Hòa"), which
    // a later "tôi ở …" replaces.
    // An online seller's place says nothing about which agency is competent: only a shop's does.
    const sellerPlace = platform ? null : this.sellerProvince(address ?? location?.place ?? null, businessName);
    const province = this.provinces.find(ft, asked === 'province') ?? sellerPlace;
    // A place inside the seller's address is where the seller is, even at the end of a list.
    const inAddress = address !== null && province !== null && withinPhrase(ft.original, address, province.index);
    if (province) Object.assign(values, { province: province.name, provinceFormer: province.formerName, provinceOfConsumer: province.consumers && !inAddress });
    const channel = inferPurchaseChannel(ft, platform !== null, asked === 'purchaseChannel');
    if (channel) values.purchaseChannel = channel;
    // A named shop, restaurant or showroom with no platform and no word of a remote sale: bought there.
    // Not in a correction ("tên shop là X"): it renames the seller, not how the purchase was made.
    else if (businessName && !platform && !correction && !remoteSale.test(ft.folded)) values.purchaseChannel = 'in_store';
    // Asked what they want, a reply that goes on with the story ("sửa bảo hành 2 lần rồi vẫn không
    // hết") names a remedy only after a wish word, as a story does.
    const narrates = ft.folded.split(/\s+/).length > 6 && narration.test(ft.folded);
    const wants = extractResolutions(ft, asked === 'desiredResolution' && !narrates);
    const implied = wants.length === 0 && asked !== 'desiredResolution' ? impliedResolutions(ft) : [];
    if (wants.length > 0) values.desiredResolution = wants;
    else if (implied.length > 0) Object.assign(values, { desiredResolution: implied, desiredResolutionImplied: true });

    // "à không, số tiền là 521 nghìn, tôi nhớ nhầm": a correction of another fact answers no open question.
    const correctsOther = correction && Object.keys(values).some((k) => k !== asked);
    if (asked && !correctsOther) this.answerToQuestion(asked, text, ft, values, problems, today);
    if (asked === 'product' && !values.product) {
      const named = namedThing(ft, undefined, { anywhere: true });
      if (named) {
        values.product = named;
        problems.splice(0, problems.length, ...problems.filter((p) => p.field !== 'product'));
      }
    }
    const storyHits = new Set([...ft.folded.matchAll(storyWords)].map((m) => m[0])).size;
    const words = ft.folded.split(/\s+/).length;
    const isStory = (words >= 10 && storyHits >= 2) || (words >= 15 && storyHits >= 1);
    // "without refund" quoted from a contract in a long story removes nothing; a short reply ("bỏ yêu
    // cầu sửa chữa") does. "chỉ cần đổi" narrows the wishes whatever the length.
    const change = wishChange(ft);
    const removalHeard = words <= 20 ? change : change && change.only.length > 0 ? { ...change, removed: [], removesLast: false } : null;
    return { values, problems: dedupe(problems), correction, isStory, amountIsTotal, wishChange: removalHeard };
  }

  private sellerProvince(place: string | null, businessName: string | null): ProvinceMatch | null {
    const found = (place ? this.provinces.lookup(place) : null) ?? (businessName ? this.branchPlace(businessName) : null);
    return found ? { ...found, consumers: false } : null;
  }

  /**
   * "Điện Máy Xanh Biên Hòa": a branch's place ends the name. A place inside it is part of the name
   * ("Cây Xăng Tân Phú Thịnh" is not in Tân Phú).
   */
  private branchPlace(name: string): ProvinceMatch | null {
    const words = name.split(/\s+/);
    for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
      const tail = words.slice(-k).join(' ');
      if (this.provinces.isPlaceName(tail)) return this.provinces.lookup(tail);
    }
    return null;
  }

  private contacts(ft: FoldedText, values: FactValues, problems: Problem[]): void {
    const phones = findPhones(ft);
    // "0208 385 6622 là máy bàn, di động 0915 …": a mobile reaches the consumer; a landline only when alone.
    // "đi cùng đứa bạn tên Thảo (số nó 0909 …)": a number said to be someone else's is not the consumer's.
    const valid = phones.filter((p): p is Extract<typeof p, { ok: true }> => p.ok && !someoneElses.test(ft.folded.slice(Math.max(0, p.index - 24), p.index)));
    const phone = valid.find((p) => !p.value.startsWith('02')) ?? valid[0];
    if (phone) values.phone = phone.value;
    else if (phones.length > 0) problems.push({ field: 'contact', kind: 'phone_invalid' });
    const emails = findEmails(ft);
    const email = emails.find((e) => e.ok);
    if (email) values.email = email.value;
    else if (emails.length > 0) problems.push({ field: 'contact', kind: 'email_invalid' });
  }

  /**
   * A part of a reply to the question about `field` that fills another slot instead: the consumer
   * (name, contact, province), or, asked for the product, the seller, a place or a date.
   */
  private answersSomethingElse(field: RequiredField, part: string, values: FactValues, today: IsoDate): boolean {
    if (field !== 'consumerName' && aboutTheConsumer(part, values)) return true;
    // Asked for the name, "à e ở Đà Lạt" says where the consumer lives, not who they are.
    if (field === 'consumerName' && this.provinces.find(foldAligned(part)) !== null) return true;
    if (field !== 'product' && field !== 'businessName') return false;
    const ft = foldAligned(part);
    // "ck cọc 3tr hum thứ 2 tuần này": a payment and a time, not a name.
    if (field === 'businessName') return extractAmount(ft)?.ok === true || (part.split(/\s+/).length > 2 && extractPurchaseDate(ft, today) !== null);
    if (this.provinces.isPlaceName(part) || isAddressPart(part, this.provinces)) return true;
    if (extractBusinessName(ft, (name) => this.provinces.isPlaceName(name)) !== null) return true;
    if (values.businessName && ft.folded.includes(foldAligned(values.businessName).folded)) return true;
    // "Mua hôm thứ Bảy tuần trước", "chủ nhật vừa rồi": a time, not a thing.
    return part.split(/\s+/).length <= 5 && extractPurchaseDate(ft, today) !== null;
  }

  /** The whole message as the value the bot asked for, when no pattern found it. */
  private answerToQuestion(asked: RequiredField, text: string, ft: FoldedText, values: FactValues, problems: Problem[], today: IsoDate): void {
    const has = (field: RequiredField) => problems.some((p) => p.field === field);
    const unknown = dontKnow.test(ft.folded);
    // Free-text fields: the first part of the answer is the value ("Mây Store, trên Shopee").
    const freeText = (field: 'businessName' | 'product' | 'consumerName', parse: (answer: string) => string | null, canBeUnknown: boolean) => {
      if (values[field]) return;
      // "Tôi tên Trần Thị Mai, 0903…, ở Khánh Hòa" answers who and where, not the shop or the product;
      // "Cửa hàng Mỹ Phẩm Hoa Mai ở chợ Đông Ba, Huế" answers who sold it, not what. Such parts fill
      // those slots; the first part that is none of them is the answer, or the question is asked again.
      const segment = segments(text).find((part) => !this.answersSomethingElse(field, part, values, today));
      if (segment === undefined) {
        problems.push({ field, kind: 'unrecognized' });
        return;
      }
      const parsed = unknown && canBeUnknown ? null : parse(segment);
      // A reply that goes on with the story ("mặc rộng quá trời, web ghi rõ …") names a seller only with
      // a capital, a digit or a sign a name has; a short answer may be typed in lower case.
      const answer = field === 'businessName' && parsed !== null && wordCount(text) >= 10 && !looksLikeName(parsed) ? null : parsed;
      if (answer) values[field] = answer;
      else problems.push({ field, kind: unknown && canBeUnknown ? 'unknown' : 'unrecognized' });
    };
    switch (asked) {
      case 'businessName':
        return freeText(asked, businessNameAnswer, true);
      case 'product':
        return freeText(asked, productAnswer, true);
      case 'consumerName':
        return freeText(asked, nameAnswer, false);
      case 'purchaseDate':
      case 'amountVnd':
      case 'purchaseChannel':
      case 'desiredResolution':
      case 'province': {
        const key = asked === 'province' ? 'province' : asked;
        // "năm ngoái" is a time, just too vague for a purchase date: ask for an approximate month.
        const vague = asked === 'purchaseDate' && /(?<![\p{L}])(nam ngoai|nam truoc|nam roi|lau roi|hoi truoc|dau nam|cuoi nam|last year)(?![\p{L}])/u.test(ft.folded);
        if (values[key] === undefined && !has(asked)) problems.push({ field: asked, kind: unknown || vague ? 'unknown' : 'unrecognized' });
        return;
      }
      case 'contact':
        if (values.phone === undefined && values.email === undefined && !has('contact')) problems.push({ field: asked, kind: 'unrecognized' });
        return;
      case 'narrative':
        return;
    }
  }
}

/**
 * A correction with what it denies blanked out, keeping offsets: "không phải X" up to "mà", a comma
 * or the end; "chứ không phải X" / "not X" to the end of the clause. Dates and amounts keep their own
 * reading of a denial (they see the blanked text the same way).
 */
const denied = /(?<![\p{L}])(?:chu\s+)?(?:khong|ko|k)\s+phai\s+(?:la\s+)?[^,.;!?\n]*?(?=\s+(?:ma|but)\s|[,.;!?\n]|$)|(?<![\p{L}])(?:not|rather than|instead of)\s+[^,.;!?\n]*/gu;

/**
 * The words that open a correction ("Cho tôi sửa lại:", "xin đính chính,"): they name no fact
 * ("sửa lại" is no service). Only as a lead-in: "muốn shop sửa lại" is a wish for a repair.
 */
const correctionCue = /(?<=^|[.!?]\s*)\s*(?:(?:a|o|xin loi),?\s+)?(?:(?:cho|xin cho) (?:toi|em|minh|tui) )?(?:sua lai|xin sua|dinh chinh|xin dinh chinh)(?![\p{L}])(?:\s*[:,.])?|(?<![\p{L}])(?:sua lai|dinh chinh)\s*:/gu;

function withoutDenied(text: FoldedText): FoldedText {
  let original = text.original;
  let folded = text.folded;
  // A denial names something; a bare "không phải" with no value after it is left as typed.
  const denials = [...text.folded.matchAll(denied)].filter((m) => m[0].trim().split(/\s+/).length >= 3);
  for (const m of [...denials, ...text.folded.matchAll(correctionCue)]) {
    const blank = ' '.repeat(m[0].length);
    original = original.slice(0, m.index) + blank + original.slice(m.index + m[0].length);
    folded = folded.slice(0, m.index) + blank + folded.slice(m.index + m[0].length);
  }
  return { original, folded };
}

function withinPhrase(text: string, phrase: string, index: number): boolean {
  const start = text.indexOf(phrase);
  return start !== -1 && index >= start && index < start + phrase.length;
}

/** Parts of a reply ("Mây Store, trên Shopee"), without a leading "dạ,". */
function segments(text: string): string[] {
  const body = text.trim().replace(/^(dạ|da|vâng|vang|ừ|uh|à|ok)\s*[,.]\s*/i, '');
  const parts = body
    .split(/[,;\n]|\s[-–—]\s|(?<=\p{L})\.\s/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.length > 0 ? parts : [body];
}

/** A part of a reply that introduces the consumer or gives their contact or province. */
function aboutTheConsumer(segment: string, values: FactValues): boolean {
  const ft = foldAligned(segment);
  if (extractConsumerName(ft)) return true;
  if (findPhones(ft).length > 0 || /@/.test(segment)) return true;
  const said = [values.consumerName, values.province, values.provinceFormer].filter((v): v is string => Boolean(v)).map((v) => foldAligned(v).folded);
  return said.some((v) => ft.folded.includes(v));
}


function wordCount(value: string): number {
  return value.trim().split(/\s+/).length;
}

/** Eight digits or more in a row (spaces and dots allowed): a phone number, not a name. */
function hasPhone(value: string): boolean {
  return /(?:\d[\s.]?){8,}/.test(value);
}

function dedupe(problems: Problem[]): Problem[] {
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
}
