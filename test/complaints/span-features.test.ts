import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldAligned } from '../../src/complaints/folded-text.ts';
import { ProductLexicon } from '../../src/complaints/product-lexicon.ts';
import { ProvinceDirectory } from '../../src/complaints/province-directory.ts';
import { tokenFeatures } from '../../src/complaints/span-features.ts';
import { spanTokens } from '../../src/complaints/span-tokens.ts';
import { knowledgeDir } from '../support/knowledge.ts';

const provinces = ProvinceDirectory.load(path.join(knowledgeDir, 'complaints'));
const context = { lexicon: new ProductLexicon(['nồi chiên không dầu', 'áo khoác']), places: (text: Parameters<ProvinceDirectory['mentions']>[0]) => provinces.mentions(text) };

/** The features of each token, by the token as typed. */
function featuresOf(text: string, rules: Record<string, string | null> = {}): Map<string, string[]> {
  const ft = foldAligned(text);
  const tokens = spanTokens(ft);
  const features = tokenFeatures(ft, tokens, context, rules);
  return new Map(tokens.map((t, i) => [t.original, features[i]!]));
}

describe('span features', () => {
  it('a word carries its folded and typed forms, its shape and its neighbours', () => {
    const f = featuresOf('mua Nồi chiên')!.get('Nồi')!;
    expect(f).toEqual(expect.arrayContaining(['w=noi', 'l=nồi', 's=Xx', 'w-1=mua', 'w+1=chien', 'w-1w=mua|noi']));
  });

  it('the nearest cue before a word, several words as one, with its distance', () => {
    expect(featuresOf('cửa hàng Mai Lan')!.get('Mai')).toContain('cue=cua hang|1');
    const f = featuresOf('mua cái áo khoác đẹp');
    expect(f.get('áo')).toContain('cue=mua|near');
    expect(f.get('đẹp')).toContain('cue=mua|mid');
  });

  it('words in quotes are marked so', () => {
    const f = featuresOf('shop "Đèn Xinh" bán');
    expect(f.get('Đèn')).toContain('quoted');
    expect(f.get('bán')).not.toContain('quoted');
  });

  it('known products, places and platforms mark the words they cover, first and rest', () => {
    const f = featuresOf('mua nồi chiên không dầu trên Shopee ở Đà Nẵng');
    expect(f.get('nồi')).toContain('lex=B');
    expect(f.get('dầu')).toContain('lex=I');
    expect(f.get('Shopee')).toContain('platform=B');
    expect(f.get('Đà')).toContain('place=B');
    expect(f.get('Nẵng')).toContain('place=I');
    expect(f.get('trên')).toContain('next-platform=B');
  });

  it("the rules' reading of a field marks its words, so the tagger learns when to trust it", () => {
    const f = featuresOf('mua ở shop Mây Store hôm qua', { seller: 'Mây Store', product: null });
    expect(f.get('Mây')).toContain('rule-seller=B');
    expect(f.get('Store')).toContain('rule-seller=I');
    expect(f.get('hôm')!.some((x) => x.startsWith('rule-'))).toBe(false);
  });
});
