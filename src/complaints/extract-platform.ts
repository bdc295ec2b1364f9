import { phrasePattern, type FoldedText } from './folded-text.ts';

export const platforms = ['Shopee', 'Lazada', 'TikTok Shop', 'Facebook', 'Zalo', 'Tiki', 'Sendo'] as const;
export type Platform = (typeof platforms)[number];

/** Folded spellings people use, including typos and nicknames ("sopi", "phây", "tóp tóp"). */
const aliases: Record<Platform, readonly string[]> = {
  Shopee: ['shopee', 'shoppe', 'shope', 'sopi', 'sop pi', 'shopee mall', 'shoppee'],
  Lazada: ['lazada', 'lazda', 'lazada mall', 'laz'],
  'TikTok Shop': ['tiktok shop', 'tiktokshop', 'tik tok shop', 'tiktok', 'tik tok', 'top top', 'tóp tóp'],
  // "trên page X", "page bán vé": a page that sells is a Facebook page.
  Facebook: ['facebook', 'fb', 'face', 'phay', 'phay buc', 'fanpage', 'page', 'messenger', 'marketplace', 'nhom facebook', 'group facebook'],
  Zalo: ['zalo'],
  Tiki: ['tiki'],
  Sendo: ['sendo'],
};

const all = Object.entries(aliases).flatMap(([platform, names]) => names.map((n) => [n, platform as Platform] as const));
const pattern = phrasePattern(all.map(([n]) => n));
const lookup = new Map(all.map(([n, p]) => [n, p]));
const leading = new RegExp(`^\\s*(?:${[...all.map(([n]) => n)].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`, 'u');

/** The length of a platform's name at the start of a folded text ("zalo \"Mẹ Su\""), or 0. */
export function platformNameAt(folded: string): number {
  return leading.exec(folded)?.[0].length ?? 0;
}

/** The platform is named in the same clause as a block: "chặn Zalo", "fb vs zalo cũng chặn hết", "blocked me on Facebook". */
function blockedThere(folded: string, index: number): boolean {
  const clauseStart = Math.max(folded.lastIndexOf(',', index), folded.lastIndexOf('.', index), index - 40, 0);
  const clauseEnd = [folded.indexOf(',', index), folded.indexOf('.', index), index + 40, folded.length].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b));
  return /(?<![\p{L}])(chan|block|blocked|khoa)(?![\p{L}])/u.test(folded.slice(clauseStart, clauseEnd));
}

/** "đăng cả lên nhóm Facebook của phường", "posted it on Facebook": where something was posted, not bought. */
function postedThere(folded: string, index: number): boolean {
  return /(?<![\p{L}])(dang|dang ca|dang tai|post|posted|share|shared|chia se)(?: (?:ca|len|it|anh|hinh|clip|bai))*(?: (?:len|on|to|vao))?(?: (?:nhom|group|trang|page|tai khoan))?\s*$/u.test(folded.slice(Math.max(0, index - 40), index));
}

/**
 * The platform the purchase went through. When several are named ("thấy quảng cáo trên Facebook
 * rồi đặt trên Shopee"), the one right after a buying verb wins; otherwise the first.
 */
export function extractPlatform(text: FoldedText): Platform | null {
  const hits = [...text.folded.matchAll(pattern)].map((m) => ({
    platform: lookup.get(m[0])!,
    index: m.index,
    bought: /(mua|dat|order|chot|dat hang|dat mua|thanh toan)\s+(\S+\s+){0,6}(tren|qua|o|tai|ben)?\s*$/.test(text.folded.slice(Math.max(0, m.index - 60), m.index)),
  }));
  // "fb vs zalo cũng chặn hết": a platform named only as where the seller blocked the buyer is not
  // where the purchase went through.
  const used = hits.filter((h) => h.bought || (!blockedThere(text.folded, h.index) && !postedThere(text.folded, h.index)));
  if (used.length === 0) return null;
  return (used.find((h) => h.bought) ?? used[0]!).platform;
}
