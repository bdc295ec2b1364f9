import { phrasePattern, type FoldedText } from './folded-text.ts';
import { hasDiacritics } from './phrase-capture.ts';

export const resolutions = ['refund', 'exchange', 'repair', 'compensation', 'apology', 'stop_practice'] as const;
export type Resolution = (typeof resolutions)[number];

const phrases: Record<Resolution, readonly string[]> = {
  refund: ['reimburse', 'reimbursed', 'reimbursement', 'lay lai', 'deposit back', 'return it', 'return them', 'give it back', 'hoan tien', 'tra lai tien', 'tra tien lai', 'tra tien', 'lay lai tien', 'lay tien', 'doi lai tien', 'hoan lai tien', 'tra lai hang', 'tra hang', 'tra lai', 'refund', 'refunded', 'money back', 'hoan', 'boi hoan'],
  // "I just want the right size": the right one is an exchange.
  exchange: ['right size', 'correct size', 'right one', 'correct one', 'right item', 'doi hang', 'doi san pham', 'doi cai moi', 'doi moi', 'doi cai khac', 'doi lai', 'doi sang', 'doi size', 'doi mau', 'doi', 'exchange', 'replace', 'replacement', 'a new one', 'replaced', 'new one'],
  // Teencode "bh" is bảo hành: "e mún dc bh hoặc đổi cái mới".
  repair: ['sua chua', 'sua lai', 'sua', 'bao hanh', 'bh', 'khac phuc', 'lam lai mien phi', 'lam lai', 'repair', 'fix', 'fixed', 'repaired', 'redo', 'hoc bu', 'day bu', 'lam bu'],
  compensation: ['boi thuong', 'den bu', 'den tien', 'den', 'chiu chi phi', 'compensation', 'compensate', 'compensated', 'pay for'],
  apology: ['xin loi', 'cong khai xin loi', 'apology', 'apologise', 'apologize', 'apologies'],
  // "không được tự ý làm vậy nữa", "thay đổi cách đối xử": the practice is to end.
  stop_practice: ['khong duoc tu y', 'khong tu y', 'khong duoc lam vay', 'dung lam vay', 'khong duoc doi them', 'khong duoc thu them', 'thay doi cach', 'dung viec', 'ngung viec', 'dung goi', 'ngung goi', 'dung lam phien', 'cham dut', 'khong tai dien', 'dung ban', 'ngung ban', 'go bai', 'dung quang cao', 'dung tru tien', 'ngung tru tien', 'huy goi', 'dung thu', 'dung ngay', 'ngung ngay', 'huy goi', 'go bai', 'khong phan biet', 'khong duoc doi xu', 'bo cai kieu', 'stop',
    // Services switched on unasked are cancelled; a price kept as agreed or listed.
    'huy dich vu', 'huy cac dich vu', 'huy may dich vu', 'huy nhung dich vu', 'giu dung gia', 'giu nguyen gia', 'giu gia cu', 'niem yet gia'],
};

/**
 * Stopping a practice is said with a verb of stopping and what is to stop: "ngừng chia sẻ thông tin",
 * "dừng thu phí", "chấm dứt việc gọi điện", "gỡ ảnh", "stop sharing". Built from the two lists rather
 * than listed pair by pair.
 */
const stopVerbs = ['ngung', 'dung', 'cham dut', 'cham dut viec', 'ngung viec', 'dung viec'];
const stoppedPractices = ['chia se', 'cung cap', 'dua', 'ban', 'thu', 'tru', 'goi', 'goi dien', 'nhan tin', 'gui tin', 'lam phien', 'quay roi', 'su dung', 'dang', 'tu dong'];
const takenDown = ['go', 'xoa', 'go bo'].flatMap((v) => ['bai', 'bai viet', 'bai dang', 'anh', 'hinh', 'hinh anh', 'video', 'clip', 'thong tin'].map((o) => `${v} ${o}`));
const stopEnglish = ['sharing', 'selling', 'calling', 'charging', 'billing', 'sending', 'using', 'forcing', 'spamming', 'posting'].map((v) => `stop ${v}`);
const stopPhrases = [...stopVerbs.flatMap((v) => stoppedPractices.map((p) => `${v} ${p}`)), ...takenDown, ...stopEnglish];

const entries = Object.entries({ ...phrases, stop_practice: [...phrases.stop_practice, ...stopPhrases] }).flatMap(([r, list]) => list.map((p) => [p, r as Resolution] as const));
const pattern = phrasePattern(entries.map(([p]) => p));
const lookup = new Map(entries);

/**
 * Words that say what the consumer wants, so "shop không cho đổi" in a story is not a wish. A wish
 * reaches to the end of its sentence: "muốn nhà hàng bồi thường viện phí và xin lỗi gia đình tôi",
 * "muốn đổi, nếu không thì hoàn tiền".
 */
const wanting = /(?<![\p{L}])(?<!(?<![\p{L}])(?:khong|chang|ko|k|hong) )(muon|mun|yeu cau|de nghi|mong|chi can|can|xin|doi hoi|doi|bat|phai|hy vong|mong muon|nguyen vong|want|wants|wanted|would like|d like|request|asking for|ask for|please|help me|hope|expect|demand|seeking|wish)(?![\p{L}])(?=[^.!?\n]{0,120}$)/gu;
/** Typed with diacritics, a wish word must be the one meant: "đòi" (demand), not "đổi" (exchange); "muốn", not "mượn" (borrow). */
const wishSpellings: Record<string, string> = { doi: 'đòi', muon: 'muốn' };
/**
 * Someone else as the subject: "họ đòi chuyển thêm tiền", "shop sửa 3 lần rồi", "they want me to pay"
 * tell what the seller did or asked, not what the consumer wants.
 */
const otherSubject = /(?<![\p{L}])(ho|shop|cua hang|ben ban|nguoi ban|nhan vien|chu quan|chu shop|tho|ky thuat|ky thuat vien|they|the seller|the shop|the store|the technician)\s+(?:(?:da|co|lai|van|chi|cu|cung|con|bao|noi|keep|kept|still|also)\s+)*$/u;

function wishBefore(text: FoldedText, from: number, to: number): boolean {
  const accented = hasDiacritics(text.original);
  for (const w of text.folded.slice(from, to).matchAll(wanting)) {
    const meant = wishSpellings[w[1]!];
    const at = from + w.index;
    if (otherSubject.test(text.folded.slice(Math.max(0, at - 30), at))) continue;
    // "Nguyễn Kim Cần Thơ": a capitalised word inside a sentence is part of a name, not "cần" (need).
    if (/^\p{Lu}/u.test(text.original.slice(at, at + 1)) && !/(^|[.!?\n]\s*)$/u.test(text.original.slice(0, at))) continue;
    if (!accented || meant === undefined || text.original.slice(at, at + w[1]!.length).toLocaleLowerCase('vi') === meant) return true;
  }
  return false;
}

/**
 * What the consumer asks for. In a story only phrases after "muốn / yêu cầu / đề nghị ..." count;
 * when the bot has just asked (`asked`), any of them does ("hoàn tiền", "đổi cái mới").
 */
export function extractResolutions(text: FoldedText, asked = false): Resolution[] {
  const found: Resolution[] = [];
  for (const m of text.folded.matchAll(pattern)) {
    const before = text.folded.slice(Math.max(0, m.index - 130), m.index);
    const negated = /(khong|chua|chang|ko|k)\s+(chiu\s+|cho\s+|duoc\s+)?$/.test(before);
    if (negated && !asked) continue;
    // "Bồi thường tiền thuốc cho con tôi là được": the remedy, then "that will do".
    const willDo = /^[^.!?\n]{0,60}?(?<![\p{L}])(?:la duoc|la dc|la ok|la du)(?![\p{L}])/u.test(text.folded.slice(m.index + m[0].length));
    if (!asked && !willDo && !wishBefore(text, Math.max(0, m.index - 130), m.index)) continue;
    if (!spelledAsMeant(m[0], text.original.slice(m.index, m.index + m[0].length))) continue;
    // Asked what they want, "À không, họ sửa 3 lần rồi" still tells what the seller did.
    if (asked && otherSubject.test(before.slice(-30)) && !wishBefore(text, Math.max(0, m.index - 130), m.index)) continue;
    // "phiếu bảo hành", "sổ bảo hành" are documents; "thay đổi" is to change, not an exchange.
    // "để sau này bảo hành": a purpose, not the remedy.
    if (/(?<![\p{L}])(phieu|so|the|tem|giay|de|sau nay|khi can)\s+$/u.test(before) && m[0] === 'bao hanh') continue;
    if (m[0] === 'doi' && /(?<![\p{L}])thay\s+$/u.test(before)) continue;
    // "doi hoan tien" typed without accents is "đòi hoàn tiền" (demand a refund), not an exchange; nor
    // is "đòi tăng thêm" (demand more), "đối xử" (treatment) or "đợi" (wait) before a time.
    if (m[0] === 'doi' && /^\s+(hoan|tra|boi|den|lai tien|tien|tang|them|gia|xu|hoi|lau|chuyen|nop|dong|thu|\d)/.test(text.folded.slice(m.index + 3))) continue;
    // "quán trả tiền" gives it back; "tôi phải trả tiền", "bắt em trả tiền" is the consumer paying.
    if (m[0] === 'tra tien' && /(?<![\p{L}])(toi|em|e|minh|tui|phai|bat|de)\s+$/u.test(before)) continue;
    // "chấm dứt hợp đồng" ends a contract: a refund or a cancellation, not a practice to stop.
    if (m[0] === 'cham dut' && /^\s+hop dong/.test(text.folded.slice(m.index + 8))) continue;
    // "Hoàn Kiếm", "quán Bà Hoàn": a capitalised word inside a sentence is part of a name, not a remedy.
    if (/^\p{Lu}/u.test(text.original.slice(m.index, m.index + 1)) && !/(^|[.!?\n:]\s*|["“(]\s*)$/u.test(text.original.slice(0, m.index))) continue;
    // "đòi lại 15 triệu" (demand back) folds like "đổi lại" (exchange): typed with diacritics it is read as written;
    // without them, "đòi/đổi lại" before a sum is asking for money back.
    const typed = text.original.slice(m.index, m.index + m[0].length).toLocaleLowerCase('vi');
    const demanded = typed.startsWith('đòi');
    const demandsBack = m[0].startsWith('doi lai') && (demanded || (!hasDiacritics(text.original) && /^\s+\d/.test(text.folded.slice(m.index + m[0].length))));
    if (m[0].startsWith('doi ') && demanded && !demandsBack) continue;
    const r = demandsBack ? 'refund' : lookup.get(m[0])!;
    if (!found.includes(r)) found.push(r);
  }
  return found;
}

/** Bare words whose folded form is shared: đổi/đợi/đòi, sửa/sữa, hoàn/hoãn. */
const ambiguous: Record<string, string> = { doi: 'đổi', sua: 'sửa', hoan: 'hoàn', den: 'đền' };

/** When the consumer typed diacritics, an ambiguous bare word must be the one meant. */
function spelledAsMeant(folded: string, original: string): boolean {
  const meant = ambiguous[folded];
  if (!meant) return true;
  const hasDiacritics = original.normalize('NFD') !== original || /đ/i.test(original);
  // Without diacritics "den" is far more often "đến" (to come) than "đền" (to compensate).
  if (folded === 'den' && !hasDiacritics) return false;
  return !hasDiacritics || original.toLowerCase() === meant;
}

/**
 * How a message changes the remedies already asked for: "bỏ yêu cầu sửa chữa" removes one, "bỏ yêu
 * cầu đó" the one asked last, "chỉ cần đổi xe khác" / "tôi chỉ muốn hoàn tiền" leaves only what
 * follows. A removal reaches to the end of its clause ("Thôi bỏ yêu cầu sửa chữa, chỉ cần đổi …").
 */
export interface WishChange {
  readonly removed: readonly Resolution[];
  readonly removesLast: boolean;
  readonly only: readonly Resolution[];
}

const removal = /(?<![\p{L}])(bo|xoa|khong can|ko can|k can|khoi|thoi khong|khong muon|ko muon|k muon|remove|drop|delete|without|no need for|no longer want|don't want|do not want)(?![\p{L}])/gu;
const onlyWish = /(?<![\p{L}])(chi can|chi muon|chi yeu cau|chi xin|chi mong|only want|just want|only need|just need|only ask)(?![\p{L}])/u;
const lastOne = /^\s*(?:yeu cau|cai|dieu)?\s*(?:do|nay|kia|that|it|this)(?![\p{L}])/u;

export function wishChange(text: FoldedText): WishChange | null {
  const removed: Resolution[] = [];
  let removesLast = false;
  for (const m of text.folded.matchAll(removal)) {
    const start = m.index + m[0].length;
    const rest = text.folded.slice(start);
    const clauseEnd = rest.search(/[,.;!?\n]|(?<![\p{L}])(chi can|chi muon|ma|nhung|but|just|only)(?![\p{L}])/u);
    // "bố" (father) folds like "bỏ" (drop).
    if (m[0] === 'bo' && hasDiacritics(text.original) && text.original.slice(m.index, start).toLocaleLowerCase('vi') !== 'bỏ') continue;
    const filler = /^\s*(?:yeu cau|cai|phan|viec|muc|khoan|the)?\s*(?:the )?/u.exec(rest)![0].length;
    const clause = foldedSlice(text, start + filler, clauseEnd === -1 ? text.folded.length : start + clauseEnd);
    // The remedy comes right after: "bỏ yêu cầu sửa chữa", not "bố tôi muốn hoàn tiền".
    if (new RegExp(pattern.source, 'u').exec(clause.folded)?.index === 0) removed.push(...extractResolutions(clause, true).filter((r) => !removed.includes(r)));
    else if (lastOne.test(rest)) removesLast = true;
  }
  const o = onlyWish.exec(text.folded);
  const only = o ? extractResolutions(foldedSlice(text, o.index + o[0].length, text.folded.length), true).filter((r) => !removed.includes(r)) : [];
  return removed.length > 0 || removesLast || only.length > 0 ? { removed, removesLast, only } : null;
}

function foldedSlice(text: FoldedText, start: number, end: number): FoldedText {
  return { original: text.original.slice(start, end), folded: text.folded.slice(start, end) };
}

/** The remedies after a change: removed ones go, and "chỉ cần X" leaves only X. */
export function applyWishChange(before: readonly Resolution[], after: readonly Resolution[], change: WishChange): Resolution[] {
  if (change.only.length > 0) return [...change.only];
  const last = change.removesLast ? before.at(-1) : undefined;
  return after.filter((r) => !change.removed.includes(r) && r !== last);
}

/**
 * A remedy the story implies when it asks for none: money not refunded as promised ("shop nhận hàng
 * rồi mà vẫn chưa hoàn 560k"), or money taken by a seller who then vanished ("chuyển khoản 1tr8 …
 * bị chặn"). Stated wishes replace it.
 */
const notRefunded = /(?<![\p{L}])(chua|khong|van chua|khong chiu|chua chiu|ko|k|never|still not|not)\s+(hoan|tra lai|tra|refund(?:ed)?)(\s+(lai\s+)?(tien|\d)|\s+(me|my money))/u;
/** A promised refund that has not come: "tiền hoàn 2tr4 … vẫn chưa về", "still no money", "chưa nhận được tiền hoàn". */
const refundNotArrived = /(?<![\p{L}])(?:tien hoan|khoan hoan|hoan tien)(?![\p{L}])[^.!?\n]{0,80}(?<![\p{L}])(?:chua|khong|ko|van chua)\s+(?:ve|thay|nhan duoc|co)(?![\p{L}])|(?<![\p{L}])chua (?:nhan duoc|thay) tien hoan(?![\p{L}])|(?<![\p{L}])still no (?:money|refund)(?![\p{L}])/u;
/** "they refuse any partial refund", "shop từ chối hoàn tiền": a refund refused is the refund wanted. */
const refundRefused = /(?<![\p{L}])(?:refuse[sd]?|refusing|won't give|will not give|declined?)\s+(?:to give\s+)?(?:me\s+)?(?:a|any|the|my)?\s*(?:partial\s+|full\s+)?refund(?![\p{L}])|(?<![\p{L}])(?:tu choi|khong chiu|nhat quyet khong)\s+(?:hoan tien|hoan lai tien|tra lai tien)(?![\p{L}])/u;
const paidAndGone = /(?<![\p{L}])(chuyen khoan|ck|chuyen tien|chuyen coc|paid|transferred)(?![\p{L}])[^]*(?<![\p{L}])(chan|block|blocked|mat tich|khong lien lac duoc|bien mat|xoa tai khoan|disappeared)(?![\p{L}])/u;

export function impliedResolutions(text: FoldedText): Resolution[] {
  return notRefunded.test(text.folded) || refundNotArrived.test(text.folded) || refundRefused.test(text.folded) || paidAndGone.test(text.folded) ? ['refund'] : [];
}
