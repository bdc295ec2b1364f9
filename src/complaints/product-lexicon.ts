import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readDataFile } from './data-file.ts';
import { escapeRegExp, foldPhrase, phrasePattern, type FoldedText } from './folded-text.ts';

const productsFileSchema = z.object({
  description: z.string(),
  provenance: z.string(),
  groups: z.array(z.object({ group: z.string().min(1), phrases: z.array(z.string().min(2)).min(1) })).min(1),
});

const defaultFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../knowledge/lexicon/products.json');

/**
 * Names of goods and services (knowledge/lexicon/products.json), so a product is read whole however
 * it is typed: "tra sua" is trà sữa even though "tra" folds like "trả", a stop word.
 */
export class ProductLexicon {
  private readonly exact = new Set<string>();
  private readonly pattern: RegExp;
  private readonly anchored: RegExp;

  constructor(phrases: readonly string[]) {
    for (const p of phrases) this.exact.add(p.normalize('NFC').toLocaleLowerCase('vi'));
    const folded = [...new Set(phrases.map(foldPhrase))];
    this.pattern = phrasePattern(folded);
    const longestFirst = [...folded].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.anchored = new RegExp(`^(?:${longestFirst.join('|')})(?![\\p{L}\\p{N}])`, 'u');
  }

  static load(file: string = defaultFile): ProductLexicon {
    return new ProductLexicon(readDataFile(file, productsFileSchema).groups.flatMap((g) => g.phrases));
  }

  /**
   * The end of the longest known product starting at `start`, or null. In a message typed with
   * diacritics the phrase must be written as listed ("sữa" is not "sửa"); without, folded.
   */
  endAt(text: FoldedText, start: number, accented: boolean): number | null {
    const m = this.anchored.exec(text.folded.slice(start));
    if (!m) return null;
    const end = start + m[0].length;
    if (accented && !this.exact.has(text.original.slice(start, end).toLocaleLowerCase('vi'))) return null;
    return end;
  }

  /** Every known product the text names, in order: [start, end) offsets. */
  *mentions(text: FoldedText, accented: boolean): Generator<readonly [number, number]> {
    for (const m of text.folded.matchAll(this.pattern)) {
      const end = this.endAt(text, m.index, accented);
      if (end !== null) yield [m.index, end] as const;
    }
  }
}

let cached: ProductLexicon | undefined;

/** The lexicon shipped in knowledge/lexicon, loaded once per process. */
export function defaultProductLexicon(): ProductLexicon {
  cached ??= ProductLexicon.load();
  return cached;
}
