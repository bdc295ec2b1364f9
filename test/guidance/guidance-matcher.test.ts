import { describe, expect, it } from 'vitest';
import { GuidanceMatcher } from '../../src/guidance/guidance-matcher.ts';
import type { GuidanceEntry } from '../../src/guidance/guidance-schema.ts';
import { defaultQueryAnalyzer } from '../../src/text/analyzer.ts';

const entry = (id: string, phrasings: string[]): GuidanceEntry => ({
  id,
  kind: 'answer',
  audience: 'consumer',
  topics: [],
  phrasings,
  verdict: { vi: 'Có.', en: 'Yes.' },
  whenStated: [],
  conditions: [],
  steps: [{ vi: 'Liên hệ.', en: 'Call.' }],
  citations: [{ doc: '19/2023/QH15', article: 38 }],
  offer: [],
});

// Two situations that share "đổi trả": buying online (a return window) and a faulty item (a defect).
const entries = [
  entry('return-online', ['mua online có được đổi trả không', 'đặt hàng trên mạng muốn trả lại', 'shop online không cho đổi trả', 'mua qua app có được trả hàng không']),
  entry('faulty-item', ['hàng bị lỗi có được đổi trả không', 'mua về bị hỏng muốn đổi', 'sản phẩm lỗi shop không đổi', 'máy lỗi có được trả lại không']),
];

describe('matching a question to the guidance entries', () => {
  it('ranks the entry whose distinctive words the question uses', () => {
    const matcher = new GuidanceMatcher(entries, defaultQueryAnalyzer());
    expect(matcher.rank(matcher.terms('đặt online mà giờ muốn đổi trả'))[0]?.entry.id).toBe('return-online');
    expect(matcher.rank(matcher.terms('cái máy bị lỗi thì đổi trả được không'))[0]?.entry.id).toBe('faulty-item');
  });

  it('uses a saved classifier only when it was trained on these phrasings', () => {
    const first = new GuidanceMatcher(entries, defaultQueryAnalyzer());
    const reused = new GuidanceMatcher(entries, defaultQueryAnalyzer(), undefined, first.classifier);
    expect(reused.classifierTrainedHere).toBe(false);
    const stale = { ...first.classifier, fingerprint: 'trained-on-other-phrasings', weights: {} };
    const retrained = new GuidanceMatcher(entries, defaultQueryAnalyzer(), undefined, stale);
    expect(retrained.classifierTrainedHere).toBe(true);
    expect(retrained.classifier.weights).toEqual(first.classifier.weights);
  });
});
