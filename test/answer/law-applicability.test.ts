import { describe, expect, it } from 'vitest';
import { applicabilitySignals, formatVietnameseDate } from '../../src/answer/law-applicability.ts';

const now = new Date('2026-11-23T03:00:00Z');

describe('applicabilitySignals', () => {
  it.each([
    ['tôi mua tủ lạnh ngày 15/3/2024, giờ hỏng', '2024-03-15'],
    ['mua hồi tháng 5/2024', '2024-05-01'],
    ['hợp đồng ký năm 2022 với nhà mạng', '2022-01-01'],
    ['cuối năm 2024 tôi ký hợp đồng internet', '2024-12-01'],
    ['signed in late 2024', '2024-12-01'],
    ['mua giữa năm 2024', '2024-07-01'],
    ['mua năm ngoái', '2025-01-01'],
    ['mua cách đây 3 năm trước', '2023-01-01'],
    ['hôm qua mua điện thoại bị lỗi', null],
    ['điều 30 nói gì về bảo hành', null],
  ])('finds the earliest date in "%s"', (question, expected) => {
    expect(applicabilitySignals(question, now).earliestDate).toBe(expected);
  });

  it('notices questions about a former text, by its number, its year or as "the old law"', () => {
    const former = [
      { id: '59/2010/QH12', number: '59/2010/QH12', kind: 'law', issuedDate: '2010-11-17' },
      { id: '99/2011/NĐ-CP', number: '99/2011/NĐ-CP', kind: 'decree', issuedDate: '2011-10-27' },
    ] as const;
    const signals = (q: string) => applicabilitySignals(q, now, former);
    expect(signals('theo luật 59/2010/QH12 thì sao')).toMatchObject({ mentionsOldLaw: true, formerMentioned: ['59/2010/QH12'] });
    expect(signals('what did the 2010 law say')).toMatchObject({ mentionsOldLaw: true, formerMentioned: ['59/2010/QH12'] });
    expect(signals('nghị định 99 quy định gì về hợp đồng theo mẫu').formerMentioned).toEqual(['99/2011/NĐ-CP']);
    expect(signals('luat cu quy dinh the nao')).toMatchObject({ mentionsOldLaw: true, formerMentioned: [] });
    expect(signals('bảo hành thế nào').mentionsOldLaw).toBe(false);
    // Without the timeline's former texts only "the old law" is recognised: no law is named in code.
    expect(applicabilitySignals('theo luật 59/2010/QH12 thì sao', now).mentionsOldLaw).toBe(false);
  });

  it('prints dates the Vietnamese way', () => {
    expect(formatVietnameseDate('2024-07-01')).toBe('01/7/2024');
  });
});
