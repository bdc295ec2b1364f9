import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ComplaintTaxonomy } from '../../src/complaints/complaint-taxonomy.ts';
import { composeLetter, letterPdf, letterText, type LetterContext } from '../../src/complaints/negotiation-letter.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import { sampleRecord } from './sample-record.ts';
import { knowledgeDir, loadRealKnowledgeBase } from '../support/knowledge.ts';

let ctx: LetterContext;
beforeAll(async () => {
  ctx = {
    knowledgeBase: await loadRealKnowledgeBase(),
    taxonomy: ComplaintTaxonomy.load(path.join(knowledgeDir, 'complaints')),
    t: createTranslators()('vi'),
    place: 'Đà Nẵng',
  };
});

const record = () => sampleRecord();

describe('the negotiation request letter', () => {
  it('tells the facts from the record, not the chat lines: no greeting, contact, wish or correction', () => {
    const narrative = [
      'Chào bạn, tôi muốn khiếu nại.',
      'Máy giặt mua về được 2 tuần thì motor không chạy nữa, cửa hàng bảo phải chờ hãng 1 tháng.',
      'À nhầm, giá là 8tr9 chứ không phải 9tr.',
      'Tôi muốn đổi máy mới. Tôi tên Trần Thị Mai, 0905123456.',
    ].join('\n');
    const text = letterText(composeLetter({ ...record(), narrative, desiredResolution: ['exchange', 'refund'] }, ctx));
    expect(text).toContain('Cụ thể: Máy giặt mua về được 2 tuần thì motor không chạy nữa, cửa hàng bảo phải chờ hãng 1 tháng.');
    expect(text).not.toMatch(/Chào bạn|nhầm|Tôi muốn đổi|0905123456\./);
    expect(text).toContain('Tôi đề nghị Điện Máy Sông Hàn (theo thứ tự ưu tiên):\n- Đổi sản phẩm mới tương tự;\n- Hoàn trả số tiền 8.900.000 đ đã thanh toán;');
  });

  it('leaves out what the consumer skipped instead of printing blanks', () => {
    const r = record();
    const text = letterText(composeLetter({ ...r, purchaseDate: null, amountVnd: null, purchaseChannel: null, product: null, consumer: { ...r.consumer, name: null } }, ctx));
    expect(text).toContain('Tôi giao dịch với Điện Máy Sông Hàn.');
    expect(text).not.toMatch(/null|undefined/);
  });

  it('is addressed to the business and filled from the record', () => {
    const text = letterText(composeLetter(record(), ctx));
    expect(text).toContain('ĐƠN YÊU CẦU THƯƠNG LƯỢNG');
    expect(text).toContain('Kính gửi: Điện Máy Sông Hàn, địa chỉ: 45 Hùng Vương, Hải Châu');
    expect(text).toContain('Người yêu cầu: Trần Thị Mai');
    expect(text).toContain('Điện thoại: 0905123456');
    expect(text).toContain('Mã hồ sơ: KN-20250310-7QH2D');
    expect(text).toContain('Ngày 02/11/2024, tôi mua máy giặt cửa trước của Điện Máy Sông Hàn theo hình thức mua trực tiếp tại cửa hàng, số tiền 8.900.000 đ.');
    expect(text).toContain('Máy giặt bảo hành 3 lần vẫn báo lỗi, cửa hàng không chịu đổi máy mới.');
    expect(text).toContain('Đà Nẵng, ngày 10 tháng 3 năm 2025');
    expect(text).toContain('- Đổi sản phẩm mới tương tự;');
    expect(text).toContain('- Bồi thường thiệt hại phát sinh;');
    expect(text).toContain('1 ảnh/tệp');
  });

  it('cites every article of the legal basis in full, and the deadlines of Điều 31 and 57', () => {
    const text = letterText(composeLetter(record(), ctx));
    expect(text).toContain('- khoản 2 Điều 30 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)');
    expect(text).toContain('- khoản 2 Điều 31 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)');
    expect(text).toContain('- khoản 2 Điều 57 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)');
    expect(text).toMatch(/03 ngày làm việc \(khoản 2 Điều 31\)/);
    expect(text).toMatch(/07 ngày làm việc .*\(khoản 2 Điều 57/);
    expect(text).toMatch(/hỗ trợ thương lượng \(khoản 3 Điều 56\)/);
  });

  it('names the shop on its platform and explains Điều 80 for an old purchase', () => {
    const text = letterText(
      composeLetter(sampleRecord({ business: { name: 'Mây Store', address: null, platform: 'Shopee' }, purchaseDate: '2024-05-02', applicableLaw: '59/2010/QH12' }), ctx),
    );
    expect(text).toContain('Kính gửi: Mây Store (gian hàng trên Shopee)');
    expect(text).toMatch(/trước ngày 01\/7\/2024.*Điều 80/);
  });

  it('is written in Vietnamese whatever the chat language, and renders as a PDF', async () => {
    const letter = composeLetter(record(), ctx);
    const file = await letterPdf(letter, new Date('2025-03-10T02:15:00Z'));
    expect(file.fileName).toBe('don-yeu-cau-thuong-luong-KN-20250310-7QH2D.pdf');
    expect(file.mimeType).toBe('application/pdf');
    expect(Buffer.from(file.data).subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.data.length).toBeGreaterThan(5000);
  });
});
