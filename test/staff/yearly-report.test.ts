import { describe, expect, it } from 'vitest';
import type { ProgrammeAggregates } from '../../src/assessment/programme-aggregates.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import type { ProgrammeStats } from '../../src/staff/programme-stats.ts';
import { yearlyReportPdf, type ReportIssuer } from '../../src/staff/yearly-report.ts';

// The yearly report is an administrative document: it opens with the issuing unit and its number
// beside the national motto, place and date, and closes with its recipients beside the signature.
const zero = { received: 0, advised: 0, complaints: 0, withdrawn: 0, resolved: 0, overdue: 0, handoffs: 0, advisedRate: null, resolvedRate: null };
const stats: ProgrammeStats = { year: 2026, asOf: '2026-12-02', total: zero, byMonth: [], byCategory: [], byChannel: [], medianFirstResponseMinutes: null, satisfaction: { rated: 0, average: null, byScore: [0, 0, 0, 0, 0] } };
const assessments = { assessments: 0, businesses: 0, averagePercent: null, suppressed: true, topGaps: [], bySector: [] } as unknown as ProgrammeAggregates;
const issuer: ReportIssuer = { name: 'Hội Bảo vệ quyền lợi người tiêu dùng Khánh Hòa', parent: 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Khánh Hòa', province: 'Khánh Hòa', recipient: 'Sở Công Thương Khánh Hòa', signerTitle: 'Chủ tịch', signerName: 'Nguyễn Văn An' };
const t = createTranslators()('vi');
const report = (number: string | null) => yearlyReportPdf({ stats, assessments, issuer, number, date: '2026-12-02', categoryLabel: (c) => c, generatedBy: 'an@hoibvntd.vn', generatedAt: new Date('2026-12-02T03:00:00Z') }, t);

describe('yearlyReportPdf', () => {
  it('opens with the letterhead: the unit, its number, the motto, place and date', () => {
    const [head, title, to] = report('15/BC-HBVQLNTD').blocks;
    expect(head).toEqual({
      kind: 'columns',
      left: ['LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH KHÁNH HÒA', '**HỘI BẢO VỆ QUYỀN LỢI NGƯỜI TIÊU DÙNG KHÁNH HÒA', 'Số: 15/BC-HBVQLNTD'],
      right: ['**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '**Độc lập - Tự do - Hạnh phúc', '_Khánh Hòa, ngày 02 tháng 12 năm 2026'],
    });
    expect(title).toMatchObject({ kind: 'title', text: 'BÁO CÁO KẾT QUẢ TIẾP NHẬN, HỖ TRỢ NGƯỜI TIÊU DÙNG NĂM 2026' });
    expect(to).toMatchObject({ text: 'Kính gửi: Sở Công Thương Khánh Hòa' });
  });

  it('leaves the number to fill in by hand when none is given, and closes with recipients, preparer and signature', () => {
    const { blocks } = report(null);
    expect(blocks[0]).toMatchObject({ left: expect.arrayContaining(['Số: ……/BC-……']) });
    expect(blocks.at(-1)).toEqual({
      kind: 'columns',
      align: 'left',
      left: ['**Nơi nhận:', '- Sở Công Thương Khánh Hòa (để báo cáo);', '- Lưu: VT.', '', '_Người lập biểu: an@hoibvntd.vn'],
      right: ['**TM. HỘI BẢO VỆ QUYỀN LỢI NGƯỜI TIÊU DÙNG KHÁNH HÒA', '**CHỦ TỊCH', '_(Ký, ghi rõ họ tên, đóng dấu)', '', '', '', '**Nguyễn Văn An'],
    });
  });
});
