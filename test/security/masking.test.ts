import { describe, expect, it } from 'vitest';
import { auditDetail } from '../../bot/staff/audit-sentences.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import { complaintsCodesCsv, complaintsCsv, complaintsXlsx, type ExportLabels } from '../../src/staff/complaint-export.ts';
import { maskContactsInText } from '../../src/staff/contact-masking.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';
import { readXlsx } from '../support/xlsx-reader.ts';

// The attack of issue 12: lists, previews and exports showed phones written in some ways
// ("(091) 234 5678" stayed in clear in the CSV) and e-mails in free text. Every way of writing a
// Vietnamese mobile number people use, and an e-mail, in every place a list or export shows text.
const phones = ['+84 90 123 4567', '(091) 234 5678', '0912.345.678', '0912 345 678', '0912345678', '+84912345678', '(+84) 912-345-678', '84 912 345 678'];
const email = 'lan.nguyen@example.com';
const t = createTranslators()('vi');
const labels: ExportLabels = { t, category: (c) => c, issue: (c) => c, citation: (r) => `${r.doc} ${r.article}`, timeZone: 'Asia/Ho_Chi_Minh' };

/** Whether the text still holds one of these numbers, however its digits are separated. */
const callable = (text: string) => {
  const joined = text.replace(/(?<=\d)[\s.()+-]+(?=\d)/g, '');
  return phones.some((p) => joined.includes(p.replace(/\D/g, '').slice(-9)));
};

describe('masking phones and e-mails in every format', () => {
  it.each(phones)('masks "%s" in free text', (phone) => {
    const masked = maskContactsInText(`Gọi tôi ${phone} hoặc ${email} nhé`);
    expect(callable(masked)).toBe(false);
    expect(masked).not.toContain('lan.nguyen');
    expect(masked).toMatch(/^Gọi tôi \d\d\*+\d\d hoặc la\*\*\*@example\.com nhé$/);
  });

  it.each(phones)('masks "%s" in every cell of both CSV exports and the workbook unless the consumer agreed to share', (phone) => {
    const record = complaintRecord({
      consumer: { name: 'Nguyễn Thị Lan', phone, email, province: 'Hồ Chí Minh' },
      business: { name: `Shop Mai ${phone}`, address: `12 Lê Lợi, gọi ${phone}`, platform: 'Zalo' },
      product: `nồi chiên, hỏi ${email}`,
      narrative: `Tôi gọi ${phone} mãi không ai nghe, email ${email}`,
      evidence: [{ kind: 'document', fileId: null, fileName: `hoadon-${phone.replace(/\D/g, '')}.pdf`, mimeType: 'application/pdf', receivedAt: '2026-11-20T09:16:00+07:00' }],
    });
    const workbookText = readXlsx(complaintsXlsx([record], labels)).shared.join('\n');
    for (const row of [complaintsCsv([record], labels), complaintsCodesCsv([record])].map((csv) => csv.trim().split('\r\n')[1]!).concat(workbookText)) {
      expect(callable(row) ? row : '').toBe('');
      expect(row).not.toContain('lan.nguyen');
    }
    const shared = complaintRecord({ consumer: { name: 'Nguyễn Thị Lan', phone, email, province: null }, consent: { shareWithBusiness: true, shareWithAgency: true } });
    expect(complaintsCodesCsv([shared])).toContain(phone);
  });

  it('masks a staff note and a search term on the audit page, which is a list', () => {
    const at = new Date('2026-11-23T03:00:00Z');
    const status = auditDetail({ id: 'a', actor: 'agent@hoi.vn', action: 'complaint.status', target: 'KN-1', detail: { from: 'received', to: 'acknowledged', note: `Đã gọi chị Lan (091) 234 5678, email ${email}` }, createdAt: at }, t);
    const exported = auditDetail({ id: 'b', actor: 'agent@hoi.vn', action: 'export.complaints', target: '', detail: { count: 1, format: 'labels', filters: { q: '0912.345.678' } }, createdAt: at }, t);
    const other = auditDetail({ id: 'c', actor: 'agent@hoi.vn', action: 'some.future.action', target: '', detail: { text: `+84 90 123 4567 ${email}` }, createdAt: at }, t);
    for (const sentence of [status, exported, other].map(String)) {
      expect(callable(sentence)).toBe(false);
      expect(sentence).not.toContain('lan.nguyen');
    }
    expect(String(status)).toContain('Đã gọi chị Lan 09');
  });
});
