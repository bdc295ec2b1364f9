import { describe, expect, it } from 'vitest';
import { createTranslators } from '../../src/i18n/translator.ts';
import { forwardingEmail, forwardingLetterPdf, type ForwardingInput } from '../../src/staff/forwarding-letter.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';

const t = createTranslators()('vi');
const testIssuer = { name: 'Hội Bảo vệ quyền lợi người tiêu dùng Khánh Hòa', parent: null, province: 'Khánh Hòa', recipient: 'Sở Công Thương Khánh Hòa', signerTitle: 'Chủ tịch', signerName: null };
const input = (shareWithAgency: boolean): ForwardingInput => ({
  record: complaintRecord({ consent: { shareWithBusiness: true, shareWithAgency } }),
  agency: 'Cục Quản lý thị trường Khánh Hòa',
  issuer: testIssuer,
  date: '2026-12-02',
  preparedBy: 'an@hoibvntd.vn',
  citation: (ref) => `Điều ${ref.article} (${ref.doc})`,
  categoryLabel: 'Chất lượng hàng hóa › Hàng lỗi',
});

describe('the forwarding letter', () => {
  it('gives the agency the consumer’s contacts only with their consent', () => {
    const record = complaintRecord();
    const shared = forwardingEmail(input(true), t).body;
    expect(shared).toContain(record.consumer.phone!);
    const withheld = forwardingEmail(input(false), t).body;
    expect(withheld).not.toContain(record.consumer.phone!);
    expect(withheld).toContain('chưa đồng ý chia sẻ thông tin liên hệ');
  });

  it('is addressed to the agency, from the unit, with the consumer’s account and the signature block', () => {
    const email = forwardingEmail(input(true), t);
    expect(email.subject).toBe(`V/v chuyển hồ sơ khiếu nại ${complaintRecord().reference}`);
    expect(email.body.split('\n')[0]).toBe('Kính gửi: Cục Quản lý thị trường Khánh Hòa');
    expect(email.body).toContain(complaintRecord().narrative);
    const pdf = forwardingLetterPdf(input(true), t);
    expect(pdf.blocks[0]).toMatchObject({ kind: 'columns', left: expect.arrayContaining(['**HỘI BẢO VỆ QUYỀN LỢI NGƯỜI TIÊU DÙNG KHÁNH HÒA']) });
    expect(pdf.blocks.at(-1)).toMatchObject({ kind: 'columns', right: expect.arrayContaining(['**CHỦ TỊCH']) });
  });
});
