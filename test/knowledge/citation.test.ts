import { describe, expect, it } from 'vitest';
import { formatCitation, formatShortCitation } from '../../src/knowledge/citation.ts';

const law = { id: '19/2023/QH15', citationName: 'Luật Bảo vệ quyền lợi người tiêu dùng 2023' };

describe('citations', () => {
  it('formats clause, article and plan-section citations the Vietnamese way', () => {
    expect(formatCitation({ doc: law.id, article: 31, clause: 2, section: null }, law)).toBe('khoản 2 Điều 31 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)');
    expect(formatCitation({ doc: law.id, article: 1, clause: null, section: null }, law)).toBe('Điều 1 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)');
    expect(formatCitation({ doc: 'KH-BD-CT30', article: null, clause: null, section: 'IV.13' }, { id: 'KH-BD-CT30', citationName: 'Kế hoạch X' })).toBe('mục IV.13 Kế hoạch X (KH-BD-CT30)');
  });

  it('cites down to the point when the answer comes from one', () => {
    expect(formatCitation({ doc: law.id, article: 30, clause: 2, section: null }, law, 'đ')).toBe('điểm đ khoản 2 Điều 30 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)');
  });

  it('has a short form for lists', () => {
    expect(formatShortCitation({ doc: law.id, article: 31, clause: 2, section: null })).toBe('Điều 31.2 (19/2023/QH15)');
    expect(formatShortCitation({ doc: 'KH-KH-2017-2020', article: null, clause: null, section: 'II.5.a' })).toBe('II.5.a (KH-KH-2017-2020)');
  });
});
