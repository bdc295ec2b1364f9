import { phrasePattern, type FoldedText } from './folded-text.ts';

export const resolutions = ['refund', 'exchange', 'repair', 'compensation', 'apology', 'stop_practice'] as const;
export type Resolution = (typeof resolutions)[number];

const phrases: Record<Resolution, readonly string[]> = {
  refund: ['hoan tien', 'tra lai tien', 'tra tien lai', 'lay lai tien', 'hoan lai tien', 'tra lai hang', 'tra hang', 'refund', 'hoan', 'boi hoan'],
  exchange: ['doi hang', 'doi san pham', 'doi cai moi', 'doi moi', 'doi cai khac', 'doi lai', 'doi sang', 'doi size', 'doi mau', 'doi', 'exchange'],
  repair: ['sua chua', 'sua lai', 'sua', 'bao hanh', 'khac phuc', 'repair', 'fix'],
  compensation: ['boi thuong', 'den bu', 'den tien', 'chiu chi phi', 'compensation', 'compensate'],
  apology: ['xin loi', 'cong khai xin loi', 'apology', 'apologise', 'apologize'],
  stop_practice: ['dung viec', 'ngung viec', 'dung goi', 'ngung goi', 'dung lam phien', 'cham dut', 'khong tai dien', 'dung ban', 'ngung ban', 'go bai', 'dung quang cao', 'dung tru tien', 'ngung tru tien', 'huy goi', 'dung thu', 'stop'],
};

const entries = Object.entries(phrases).flatMap(([r, list]) => list.map((p) => [p, r as Resolution] as const));
const pattern = phrasePattern(entries.map(([p]) => p));
const lookup = new Map(entries);

/** Words that say what the consumer wants, so "shop không cho đổi" in a story is not a wish. */
const wanting = /(muon|yeu cau|de nghi|mong|can|xin|doi hoi|doi|bat|phai|hy vong|mong muon|nguyen vong|want|request)\s+(\S+\s+){0,4}$/;

/**
 * What the consumer asks for. In a story only phrases after "muốn / yêu cầu / đề nghị ..." count;
 * when the bot has just asked (`asked`), any of them does ("hoàn tiền", "đổi cái mới").
 */
export function extractResolutions(text: FoldedText, asked = false): Resolution[] {
  const found: Resolution[] = [];
  for (const m of text.folded.matchAll(pattern)) {
    const before = text.folded.slice(Math.max(0, m.index - 40), m.index);
    const negated = /(khong|chua|chang|ko|k)\s+(chiu\s+|cho\s+|duoc\s+)?$/.test(before);
    if (negated && !asked) continue;
    if (!asked && !wanting.test(before)) continue;
    if (!spelledAsMeant(m[0], text.original.slice(m.index, m.index + m[0].length))) continue;
    // "doi hoan tien" typed without accents is "đòi hoàn tiền" (demand a refund), not an exchange.
    if (m[0] === 'doi' && /^\s+(hoan|tra|boi|den|lai tien|tien)/.test(text.folded.slice(m.index + 3))) continue;
    const r = lookup.get(m[0])!;
    if (!found.includes(r)) found.push(r);
  }
  return found;
}

/** Bare words whose folded form is shared: đổi/đợi/đòi, sửa/sữa, hoàn/hoãn. */
const ambiguous: Record<string, string> = { doi: 'đổi', sua: 'sửa', hoan: 'hoàn' };

/** When the consumer typed diacritics, an ambiguous bare word must be the one meant. */
function spelledAsMeant(folded: string, original: string): boolean {
  const meant = ambiguous[folded];
  if (!meant) return true;
  const hasDiacritics = original.normalize('NFD') !== original || /đ/i.test(original);
  return !hasDiacritics || original.toLowerCase() === meant;
}
