import path from 'node:path';
import { z } from 'zod';
import { readDataFile } from './data-file.ts';
import { foldAligned, foldPhrase, phrasePattern, type FoldedText } from './folded-text.ts';

const provincesFileSchema = z.object({
  source: z.string(),
  /** Aliases that name a part of a city (quận, huyện), finer than a city in an address. */
  districts: z.array(z.string().min(1)).default([]),
  districtsNote: z.string().optional(),
  provinces: z
    .array(
      z.object({
        name: z.string().min(1),
        kind: z.enum(['tỉnh', 'thành phố']),
        aliases: z.array(z.string().min(1)),
        formerly: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)) })),
      }),
    )
    .length(34),
});

export interface ProvinceMatch {
  /** Today's province (one of the 34 since the 2025 merger). */
  readonly name: string;
  /** "tỉnh Lâm Đồng", "thành phố Hà Nội": how letters and agency names print it. */
  readonly fullName: string;
  /** The pre-2025 name the consumer used, when it differs ("Bình Dương"). */
  readonly formerName: string | null;
  readonly index: number;
  /**
   * Said as where the consumer lives ("tôi ở …", "sống tại", the end of a contact list) or in
   * answer to the question, rather than where something happened ("ở Đà Lạt").
   */
  readonly consumers: boolean;
}

/** Words before a place that say the consumer lives there. */
// Also where the goods were delivered: "giao về Thủ Dầu Một", "ship tới Vinh", "delivered to Hue".
const consumerContext = /(?<![\p{L}])(song o|song tai|que|nha o|nha toi o|minh o|em o|e o|toi o|tui o|live in|living in|i m from|i am from|from|giao ve|giao toi|giao den|ship ve|ship toi|ship den|gui ve|delivered to|shipped to)\s*[:,]?\s*$/u;

/** Words before a place name that say "I live / it happened there". */
const placeContext = /(?<![\p{L}])(giao ve|giao toi|giao den|ship ve|ship toi|ship den|gui ve|delivered to|shipped to|o|tai|song o|song tai|que|tinh|tp|thanh pho|khu vuc|dia chi|dc|dia ban|nha o|minh o|em o|toi o|tu|in|live in|from)\s*[:,]?\s*$/u;

/** Administrative words that make a name a place by themselves. */
const selfEvidentPlace = /^(quan|huyen|phuong|thi xa|district|tp|thanh pho) /;
/** A list item: after a comma or a dash... */
// Also "…, 0326 778 901, ở Hà Nội": "ở" after a comma of the contact list.
const listItem = /[,;–-]\s*(?:o\s+|in\s+)?$/;
/** The last part of an address: "số 45 Lê Lợi, phường Thuận Hóa, Huế". */
const addressTail = /(phuong|quan|huyen|duong|pho|xa|thi tran|so \d+[a-z]?|\d+[a-z]? [a-z]+ [a-z]+)\s[^,]{1,30},\s*$/;
/** ...that closes the list or the sentence. */
const listEnd = /^\s*([.!?;)]|$|,\s*(toi|minh|em|and|va)\b)/;

/**
 * The 34 provinces after the 2025 merger and the 63 former names people still use, as data
 * (knowledge/complaints/provinces.json). "Bình Dương" resolves to Thành phố Hồ Chí Minh.
 */
export class ProvinceDirectory {
  private readonly pattern: RegExp;
  private readonly byPhrase = new Map<string, { name: string; fullName: string; formerName: string | null }>();
  private readonly districts: ReadonlySet<string>;
  readonly names: readonly string[];

  constructor(data: z.infer<typeof provincesFileSchema>) {
    for (const p of data.provinces) {
      const fullName = p.name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : `${p.kind} ${p.name}`;
      const current = { name: p.name, fullName, formerName: null };
      for (const alias of [p.name, ...p.aliases]) this.byPhrase.set(foldPhrase(alias), current);
      for (const old of p.formerly) {
        for (const alias of [old.name, ...old.aliases]) this.byPhrase.set(foldPhrase(alias), { name: p.name, fullName, formerName: old.name });
      }
    }
    this.pattern = phrasePattern([...this.byPhrase.keys()]);
    this.districts = new Set(data.districts.map(foldPhrase));
    this.names = data.provinces.map((p) => p.name);
  }

  static load(dataDir: string): ProvinceDirectory {
    return new ProvinceDirectory(readDataFile(path.join(dataDir, 'provinces.json'), provincesFileSchema));
  }

  /**
   * The province a message names. In a story a place counts only after "ở / tại / tỉnh ..." (so a
   * person called Hòa Bình is not a province); when the bot has just asked, anywhere.
   */
  find(text: FoldedText, asked = false): ProvinceMatch | null {
    for (const m of text.folded.matchAll(this.pattern)) {
      const before = text.folded.slice(Math.max(0, m.index - 15), m.index);
      const after = text.folded.slice(m.index + m[0].length);
      // Also a place without "ở": a district ("quận 5") says what it is, and the last item of a
      // contact list ("…, 0987654321, nvbinh@example.com, Khánh Hòa") is where the person lives.
      const wide = text.folded.slice(Math.max(0, m.index - 45), m.index);
      // "vé Hà Nội - Phú Quốc": a route's end is where the trip goes, not an item of a contact list.
      if (this.routeEnd(text.folded, m.index)) continue;
      const listed = listItem.test(before) && listEnd.test(after);
      const placed = placeContext.test(before) || selfEvidentPlace.test(m[0]) || listed || addressTail.test(wide);
      if (!asked && !placed) continue;
      const hit = this.byPhrase.get(m[0])!;
      return { ...hit, index: m.index, consumers: asked || listed || consumerContext.test(before) };
    }
    return null;
  }

  /** Every listed place name or alias the folded text holds, as [start, end) offsets, wherever it stands. */
  mentions(text: FoldedText): Array<readonly [number, number]> {
    return [...text.folded.matchAll(this.pattern)].map((m) => [m.index, m.index + m[0].length] as const);
  }

  /** The phrase is a listed place name or alias ("Rạch Giá"), not merely shaped like one ("quận …"). */
  isKnownPlace(phrase: string): boolean {
    return this.byPhrase.has(foldPhrase(phrase).replace(/[.,]+$/, ''));
  }

  /** The phrase names a part of a city ("Cầu Giấy", "quận 5", "Ninh Kiều"), not a whole city. */
  isDistrict(phrase: string): boolean {
    const folded = foldPhrase(phrase).replace(/[.,]+$/, '');
    return this.districts.has(folded) || (this.isPlaceName(phrase) && /^(quan|huyen|district) /.test(`${folded} `));
  }

  /** The full name of a current province name (for agencies and letters). */
  fullName(name: string): string | null {
    return this.byPhrase.get(foldPhrase(name))?.fullName ?? null;
  }

  /** The whole phrase names a place ("Đà Nẵng", "quận 5", "Biên Hòa"), not something located there. */
  isPlaceName(phrase: string): boolean {
    const folded = foldPhrase(phrase).replace(/[.,]+$/, '');
    // Typed with diacritics, the administrative word must be the one meant: "Phương Nam" is a name, "phường 5" a place.
    const typed = phrase.normalize('NFC').toLocaleLowerCase('vi');
    const administrative = typed === foldPhrase(phrase) || /^(quận|huyện|phường|thị xã|district|tp|thành phố)\s/u.test(typed);
    return this.byPhrase.has(folded) || (administrative && selfEvidentPlace.test(`${folded} `));
  }

  private routeEnd(folded: string, index: number): boolean {
    const dash = /(?:^|\s)((?:[\p{L}]+ ){0,2}[\p{L}]+)\s*[–-]\s*$/u.exec(folded.slice(Math.max(0, index - 30), index));
    if (!dash) return false;
    const words = dash[1]!.split(' ');
    return words.some((_, i) => this.byPhrase.has(words.slice(i).join(' ')));
  }

  lookup(name: string): ProvinceMatch | null {
    return this.find(foldAligned(name), true);
  }
}
