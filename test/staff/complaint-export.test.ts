import { describe, expect, it } from 'vitest';
import { columnName } from '../../src/documents/xlsx-workbook.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import { complaintsCsv, complaintsXlsx, exportColumns, type ExportLabels } from '../../src/staff/complaint-export.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';
import { readXlsx } from '../support/xlsx-reader.ts';

const t = createTranslators()('vi');
const labels: ExportLabels = { t, category: (c) => (c === 'bao-hanh' ? 'Bảo hành' : c), issue: (c) => c, citation: (r) => `khoản ${r.clause} Điều ${r.article} ${r.doc}`, timeZone: 'Asia/Ho_Chi_Minh' };
const records = [
  complaintRecord({ status: 'referred_agency', narrative: 'Gọi tôi (091) 234 5678, email lan.nguyen@example.com; "=1+1" & <b>' }),
  complaintRecord({ reference: 'KN-20261126-ABCDE', createdAt: '2026-11-25T23:30:00Z', consumer: { name: '=HYPERLINK("http://x")', phone: '0987654321', email: null, province: 'Khánh Hòa' }, amountVnd: null, purchaseDate: null, consent: { shareWithBusiness: true, shareWithAgency: true } }),
];
const column = (key: (typeof exportColumns)[number]) => columnName(exportColumns.indexOf(key));

/** The people's CSV split into cells (semicolons, quoted cells), the formula guard's apostrophe removed. */
function csvCells(csv: string): string[][] {
  return csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => [...line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)].map((m) => m[1]!.replace(/^"([\s\S]*)"$/, '$1').replace(/""/g, '"').replace(/^'(?=[=+\-@])/, '')));
}

describe('the complaints workbook for people', () => {
  it('has the CSV header and the same text in every text cell, contacts masked the same way', () => {
    const book = readXlsx(complaintsXlsx(records, labels));
    const csv = csvCells(complaintsCsv(records, labels));
    expect(book.parts['xl/workbook.xml']).toContain('<sheet name="Khiếu nại"');
    csv.forEach((row, r) => {
      row.forEach((value, c) => {
        const cell = book.cells.get(`${columnName(c)}${r + 1}`);
        if (cell?.type === 's' || value === '') expect(cell?.value ?? '').toBe(value);
      });
    });
    expect(book.text(`${column('consumer.phone')}2`)).toBe('09******78');
    expect(book.text(`${column('consumer.email')}2`)).toBe('la***@example.com');
    expect(book.text(`${column('narrative')}2`)).toBe('Gọi tôi 09******78, email la***@example.com; "=1+1" & <b>');
    // The consumer agreed to share with agencies: contacts in full, as in the CSV.
    expect(book.text(`${column('consumer.phone')}3`)).toBe('0987654321');
    expect(book.text(`${column('status')}2`)).toBe('Chuyển cơ quan chức năng');
    expect(book.text(`${column('category')}2`)).toBe('Bảo hành');
    expect(book.text(`${column('consent.shareWithAgency')}2`)).toBe('Không');
  });

  it('writes dates as Excel dates in Vietnam time and the amount as a number', () => {
    const book = readXlsx(complaintsXlsx(records, labels));
    const serial = (ref: string) => Number(book.cells.get(ref)!.value);
    // 20/11/2026 09:15 in Vietnam; 25/11 23:30 UTC is 26/11 06:30 there.
    expect(serial(`${column('createdAt')}2`)).toBeCloseTo(46346 + (9 * 60 + 15) / 1440, 9);
    expect(serial(`${column('createdAt')}3`)).toBeCloseTo(46352 + (6 * 60 + 30) / 1440, 9);
    expect(serial(`${column('purchaseDate')}2`)).toBe(46297);
    expect(serial(`${column('deadlines.acknowledgeBy')}2`)).toBe(46351);
    expect(book.cells.get(`${column('amountVnd')}2`)).toMatchObject({ type: null, value: '2490000' });
    // No amount, no purchase date: empty cells, not zeros.
    expect(book.cells.has(`${column('amountVnd')}3`)).toBe(false);
    expect(book.cells.has(`${column('purchaseDate')}3`)).toBe(false);
    const dateStyles = new Set([`${column('createdAt')}2`, `${column('purchaseDate')}2`, `${column('amountVnd')}2`].map((ref) => book.cells.get(ref)!.style));
    expect(dateStyles.size).toBe(3);
  });

  it('keeps a name written as a formula as text', () => {
    const book = readXlsx(complaintsXlsx(records, labels));
    expect(book.cells.get(`${column('consumer.name')}3`)).toMatchObject({ type: 's', value: '=HYPERLINK("http://x")' });
    expect(book.sheet).not.toContain('<f>');
  });
});
