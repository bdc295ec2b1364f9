import { describe, expect, it } from 'vitest';
import { KnowledgeFormatError } from '../../src/knowledge/knowledge-errors.ts';
import { parsePlan } from '../../src/knowledge/plan-parser.ts';
import { loadRealKnowledgeBase } from '../support/knowledge.ts';

describe('parsePlan on the two provincial plans', async () => {
  const kb = await loadRealKnowledgeBase();
  const ids = (doc: string) => kb.document(doc)!.sections.map((s) => s.id);

  it('splits the Bình Dương plan into PART.ITEM sections as printed', () => {
    expect(ids('KH-BD-CT30')).toEqual([
      '', 'I', 'I.1', 'I.2', 'II', 'II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'II.7', 'III', 'III.1', 'III.2', 'IV',
      ...Array.from({ length: 18 }, (_, i) => `IV.${i + 1}`),
    ]);
  });

  it('splits the Khánh Hòa plan, its activity table into sub-rows, keeping printed numbers', () => {
    expect(ids('KH-KH-2017-2020')).toEqual([
      '', 'I', 'I.1', 'I.2', 'I.3',
      'II', 'II.1', 'II.1.a', 'II.1.b', 'II.2', 'II.2.a', 'II.2.b', 'II.2.c', 'II.3', 'II.4', 'II.5', 'II.5.a', 'II.5.b', 'II.5.c',
      'II.6', 'II.6.a', 'II.6.b', 'II.6.c', 'II.6.d',
      'III', 'III.1', 'III.2', 'IV', 'IV.1', 'IV.2', 'IV.5', 'IV.6', 'IV.7',
    ]);
  });

  it('reads item 18 although it is printed without its dot', () => {
    const s = kb.document('KH-BD-CT30')!.sections.find((x) => x.id === 'IV.18')!;
    expect(s.title).toBe('Các doanh nghiệp trên địa bàn tỉnh');
    expect(s.text).toContain('Doanh nghiệp vì người tiêu dùng');
  });

  it('labels the table columns and keeps continuation rows with their row', () => {
    const s = kb.document('KH-KH-2017-2020')!.sections.find((x) => x.id === 'II.5.a')!;
    expect(s.text).toContain('Cơ quan chủ trì: Chi cục Quản lý thị trường');
    const s11 = kb.document('KH-KH-2017-2020')!.sections.find((x) => x.id === 'II.1.a')!;
    expect(s11.text).toContain('b) Đối với cấp huyện');
    const s3 = kb.document('KH-KH-2017-2020')!.sections.find((x) => x.id === 'II.3')!;
    expect(s3.text).toMatch(/^Tổ chức các lớp tập huấn/);
  });

  it('gives text after the last item of a part to that item, and drops the distribution list', () => {
    const last = kb.document('KH-KH-2017-2020')!.sections.find((x) => x.id === 'IV.7')!;
    expect(last.text).toContain('trước ngày 15/12');
    expect(last.text).not.toContain('Nơi nhận');
    const bd = kb.document('KH-BD-CT30')!.sections.find((x) => x.id === 'IV.18')!;
    expect(bd.text).toContain('Định kỳ báo cáo kết quả thực hiện về Sở Công thương');
  });

  it('rejects parts out of order with the file and line', () => {
    const body = 'I. MỤC TIÊU\n1. A\nx\nIII. KINH PHÍ\n1. B';
    expect(() => parsePlan('p.txt', body, 5)).toThrow(KnowledgeFormatError);
    expect(() => parsePlan('p.txt', body, 5)).toThrow('p.txt:8: expected part II but found part III');
  });
});
