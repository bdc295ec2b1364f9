import { describe, expect, it } from 'vitest';
import { EntryScorer, trainEntryClassifier, type ClassifierModel, type LabelledTerms } from '../../src/guidance/entry-classifier.ts';

const classify = (model: ClassifierModel, terms: ReadonlyMap<string, number>) => new EntryScorer(model).scores(terms);

const x = (label: number, ...terms: string[]): LabelledTerms => ({ label, terms: new Map(terms.map((t) => [t, 1 / Math.sqrt(terms.length)])) });

// Two neighbouring situations that share most of their words ("đổi trả", "shop", "hàng"), told
// apart only by one word each: the online return window (0) and a defect remedy (1); a third (2)
// shares nothing with them.
const examples = [
  x(0, 'doi_tra', 'shop', 'hang', 'online'),
  x(0, 'doi_tra', 'hang', 'online', 'dat'),
  x(0, 'shop', 'online', 'tra', 'hang'),
  x(1, 'doi_tra', 'shop', 'hang', 'loi'),
  x(1, 'doi_tra', 'hang', 'loi', 'hong'),
  x(1, 'shop', 'loi', 'tra', 'hang'),
  x(2, 'bao_hiem', 'hop_dong', 'dieu_khoan'),
  x(2, 'hop_dong', 'ngan_hang', 'dieu_khoan'),
];

describe('an entry classifier learnt from the phrasings', () => {
  it('tells neighbouring entries apart by the words only one of them uses', () => {
    const model = trainEntryClassifier(examples, 3);
    const online = classify(model, new Map([['doi_tra', 0.6], ['hang', 0.6], ['online', 0.6]]));
    const faulty = classify(model, new Map([['doi_tra', 0.6], ['hang', 0.6], ['loi', 0.6]]));
    expect(online[0]).toBeGreaterThan(online[1]!);
    expect(faulty[1]).toBeGreaterThan(faulty[0]!);
    expect(Math.max(online[2]!, faulty[2]!)).toBeLessThan(Math.min(online[0]!, faulty[1]!));
  });

  it('is trained deterministically: the same phrasings give the same weights and fingerprint', () => {
    const a = trainEntryClassifier(examples, 3);
    const b = trainEntryClassifier([...examples], 3);
    expect(b).toEqual(a);
    expect(trainEntryClassifier(examples.slice(1), 3).fingerprint).not.toBe(a.fingerprint);
  });

  it('scores 0 for a question none of whose words it has seen', () => {
    expect([...classify(trainEntryClassifier(examples, 3), new Map([['xe_may', 1]]))]).toEqual([0, 0, 0]);
  });
});
