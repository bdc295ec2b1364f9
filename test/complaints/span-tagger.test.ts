import { describe, expect, it } from 'vitest';
import { SpanTagger, tagIndex, tags, type TrainingSequence } from '../../src/complaints/span-tagger.ts';

/**
 * A toy language: a product follows "mua", a seller follows "shop"; the other words are filler.
 * Features are the word and the word before it, as the real features are (and more).
 */
function sequence(words: string[], labels: Array<'O' | 'P' | 'S'>): TrainingSequence {
  return {
    features: words.map((w, i) => ['bias', `w=${w}`, `w-1=${words[i - 1] ?? '<s>'}`]),
    allowed: labels.map((l, i) => {
      if (l === 'O') return [0];
      const field = l === 'P' ? 'product' : 'seller';
      return [tagIndex(field, i > 0 && labels[i - 1] === l)];
    }),
  };
}

const corpus: TrainingSequence[] = [
  sequence(['toi', 'mua', 'ao', 'o', 'shop', 'may'], ['O', 'O', 'P', 'O', 'O', 'S']),
  sequence(['mua', 'giay', 'da', 'cua', 'shop', 'hoa', 'mai'], ['O', 'P', 'P', 'O', 'O', 'S', 'S']),
  sequence(['hom', 'qua', 'mua', 'quat'], ['O', 'O', 'O', 'P']),
  sequence(['shop', 'lan', 'khong', 'tra', 'loi'], ['O', 'S', 'O', 'O', 'O']),
  sequence(['toi', 'muon', 'doi', 'moi'], ['O', 'O', 'O', 'O']),
];
const features = (words: string[]) => words.map((w, i) => ['bias', `w=${w}`, `w-1=${words[i - 1] ?? '<s>'}`]);

describe('span tagger', () => {
  it('trains deterministically: the same corpus and seed give the same weights', () => {
    const a = SpanTagger.train(corpus, { epochs: 5, seed: 7 }).toJSON();
    const b = SpanTagger.train(corpus, { epochs: 5, seed: 7 }).toJSON();
    expect(a).toEqual(b);
    expect(a.features.length).toBeGreaterThan(0);
  });

  it('decodes the spans it learnt, with a positive margin', () => {
    const tagger = SpanTagger.train(corpus, { epochs: 10, seed: 1 });
    const spans = tagger.decode(features(['toi', 'mua', 'ao', 'o', 'shop', 'may']));
    expect(spans.map(({ field, start, end }) => ({ field, start, end }))).toEqual([
      { field: 'product', start: 2, end: 3 },
      { field: 'seller', start: 5, end: 6 },
    ]);
    expect(spans.every((s) => s.margin > 0)).toBe(true);
  });

  it('reads a sentence with none of its cues as no span', () => {
    const tagger = SpanTagger.train(corpus, { epochs: 10, seed: 1 });
    expect(tagger.decode(features(['toi', 'muon', 'doi', 'moi']))).toEqual([]);
  });

  it('never continues a span it did not begin (BIO)', () => {
    const tagger = SpanTagger.train(corpus, { epochs: 10, seed: 1 });
    for (const words of [['da', 'mai'], ['hoa', 'mai', 'da'], ['mua', 'mai', 'da']]) {
      for (const span of tagger.decode(features(words))) expect(span.end).toBeGreaterThan(span.start);
    }
  });

  it('left-free tokens may take either reading: the gold path is the best one allowed', () => {
    const free: TrainingSequence = { features: features(['mua', 'ao']), allowed: [[0], [0, tagIndex('product', false), tagIndex('product', true)]] };
    const tagger = SpanTagger.train([...corpus, free], { epochs: 10, seed: 1 });
    expect(tagger.decode(features(['mua', 'ao'])).map((s) => s.field)).toEqual(['product']);
  });

  it('saves and restores its weights exactly as rounded', () => {
    const tagger = SpanTagger.train(corpus, { epochs: 5, seed: 3 });
    const restored = SpanTagger.fromJSON(tagger.toJSON());
    const words = ['mua', 'giay', 'cua', 'shop', 'lan'];
    expect(restored.decode(features(words)).map((s) => [s.field, s.start, s.end])).toEqual(tagger.decode(features(words)).map((s) => [s.field, s.start, s.end]));
    expect(() => SpanTagger.fromJSON({ ...tagger.toJSON(), tags: ['O'] })).toThrow(/tags/);
  });

  it('has an outside tag and a begin and inside tag per field', () => {
    expect(tags).toEqual(['O', 'B-seller', 'I-seller', 'B-address', 'I-address', 'B-product', 'I-product']);
  });
});
