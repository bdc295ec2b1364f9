import { describe, expect, it } from 'vitest';
import type { QaAnswer } from '../../src/answer/answer-types.ts';
import { scoreSituation, situationMetrics, verdictCore } from '../../src/answer/situation-evaluation.ts';

const reply = (text: string, entryId: string, locale: 'vi' | 'en' = 'vi'): QaAnswer => ({
  text,
  confident: true,
  citations: [],
  context: { lastQuestion: '', citations: [], entryId },
  source: 'offline',
  locale,
});
const item = { entry: 'return-online-remote-purchase', style: 'teencode', language: 'vi' as const, text: 'mua online đc trả ko' };
const opening = { verdict: { vi: 'Có. Mua online bạn được trả hàng trong 7 ngày.', en: 'Yes. You may return it within 7 days.' } };

describe('scoring which situation a paraphrase was read as', () => {
  it('counts top-1 and top-3 against the entry it was written for', () => {
    const s = scoreSituation(item, ['goods-not-as-described', 'return-online-remote-purchase'], reply('Mua online bạn được trả hàng trong 7 ngày.', 'goods-not-as-described'), () => opening);
    expect([s.top1, s.top3, s.answeredFromEntry]).toEqual([false, true, false]);
  });

  it('finds the verdict after the composer dropped its bare "Có." or framed it', () => {
    expect(verdictCore('Có. Mua online bạn được trả hàng trong 7 ngày.')).toBe('mua online ban duoc tra hang trong 7 nga');
    const s = scoreSituation(item, ['return-online-remote-purchase'], reply('Không đúng. Mua online bạn được trả hàng trong 7 ngày.\nBạn nên:', 'return-online-remote-purchase'), () => opening);
    expect([s.top1, s.answeredFromEntry, s.opensWithVerdict, s.inItsLanguage]).toEqual([true, true, true, true]);
  });

  it('an English paraphrase answered in Vietnamese is not in its language', () => {
    const s = scoreSituation({ ...item, language: 'en' }, ['return-online-remote-purchase'], reply('Có. Mua online bạn được trả hàng trong 7 ngày.', 'return-online-remote-purchase', 'vi'), () => opening);
    expect(s.inItsLanguage).toBe(false);
    expect(situationMetrics([s]).top1).toBe(1);
  });
});
