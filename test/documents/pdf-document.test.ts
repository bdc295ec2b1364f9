import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/documents/pdf-document.ts';

describe('renderPdf', () => {
  it('renders Vietnamese text into a valid PDF with the embedded font', async () => {
    const pdf = await renderPdf({
      title: 'Đơn yêu cầu thương lượng',
      footer: 'Mã hồ sơ KN-TEST',
      createdAt: new Date('2026-01-02T03:04:05Z'),
      blocks: [
        { kind: 'title', text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' },
        { kind: 'paragraph', text: 'Căn cứ khoản 2 Điều 31 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15).' },
        { kind: 'fields', rows: [['Người tiêu dùng', 'Nguyễn Thị Ánh'], ['Số tiền', '1.500.000 đ']] },
        { kind: 'list', items: ['Hoàn tiền', 'Đổi sản phẩm'] },
        { kind: 'table', header: ['Mục', 'Điểm'], rows: [['Chính sách bảo hành', '2/3']] },
      ],
    });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/DejaVuSans/);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf.length).toBeGreaterThan(5000);
  });
});
