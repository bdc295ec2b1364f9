import { describe, expect, it } from 'vitest';
import { columnName, excelSerial, xlsxWorkbook } from '../../src/documents/xlsx-workbook.ts';
import { readXlsx } from '../support/xlsx-reader.ts';

const book = () => readXlsx(xlsxWorkbook({
  name: 'Khiếu nại',
  columns: [{ header: 'Mã hồ sơ' }, { header: 'Số tiền (đồng)' }, { header: 'Ngày mua' }, { header: 'Ngày giờ tiếp nhận' }, { header: 'Ghi chú', width: 40 }],
  rows: [
    ['KN-1', 2_490_000, { localDate: '2026-10-02' }, { localDateTime: '2026-11-20T09:15' }, 'Cửa hàng A & B <giá> "rẻ"'],
    ['=HYPERLINK("http://x")', null, null, null, '+84 912'],
    ['-2', 0, null, null, '@SUM(A1)'],
    ['bell\u0007 null\u0000 ok\tend\nline', 5, null, null, 'literal _x0041_ stays'],
    ['KN-1', null, null, null, ' padded '],
  ],
}));

describe('the xlsx workbook', () => {
  it('holds the parts Excel needs, one sheet named in Vietnamese', () => {
    const { parts } = book();
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(parts['xl/workbook.xml']).toContain('<sheet name="Khiếu nại" sheetId="1" r:id="rId1"/>');
    for (const xml of Object.values(parts)) expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
  });

  it('writes text as shared strings, numbers as numbers with grouped thousands, days and times as Excel dates', () => {
    const { cells, parts, shared } = book();
    const styles = parts['xl/styles.xml']!;
    const xf = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*\/>/g)].map((m) => m[0]);
    const format = (style: number) => /numFmtId="(\d+)"/.exec(xf[style]!)![1];
    expect(cells.get('A1')).toMatchObject({ type: 's', value: 'Mã hồ sơ' });
    expect(xf[cells.get('A1')!.style]).toContain('fontId="1"');
    expect(styles).toContain('<font><b/>');
    expect(cells.get('A2')).toMatchObject({ type: 's', value: 'KN-1', style: 0 });
    expect(cells.get('B2')).toMatchObject({ type: null, value: '2490000' });
    expect(format(cells.get('B2')!.style)).toBe('3'); // Excel's built-in "#,##0"
    expect(cells.get('B4')).toMatchObject({ type: null, value: '0' });
    // 02/10/2026 is day 46297 after 30/12/1899; 09:15 is 0.385416… of a day.
    expect(cells.get('C2')).toMatchObject({ type: null, value: '46297' });
    expect(styles).toContain(`<numFmt numFmtId="${format(cells.get('C2')!.style)}" formatCode="dd/mm/yyyy"/>`);
    expect(Number(cells.get('D2')!.value)).toBeCloseTo(46346 + 9.25 / 24, 9);
    expect(styles).toContain(`<numFmt numFmtId="${format(cells.get('D2')!.style)}" formatCode="dd/mm/yyyy hh:mm"/>`);
    // Empty cells are left out; a repeated text is stored once.
    expect(cells.has('B3')).toBe(false);
    expect(shared.filter((s) => s === 'KN-1')).toHaveLength(1);
    expect(parts['xl/sharedStrings.xml']).toMatch(/count="\d+" uniqueCount="\d+"/);
  });

  it('escapes & < > and quotes, drops control characters XML forbids, keeps tab and line feed', () => {
    const { cells, parts } = book();
    expect(parts['xl/sharedStrings.xml']).toContain('<t>Cửa hàng A &amp; B &lt;giá&gt; &quot;rẻ&quot;</t>');
    expect(cells.get('E2')!.value).toBe('Cửa hàng A & B <giá> "rẻ"');
    expect(cells.get('A5')!.value).toBe('bell null ok\tend\nline');
    expect(parts['xl/sharedStrings.xml']).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(parts['xl/sharedStrings.xml']).toContain('<t xml:space="preserve">bell null ok\tend\nline</t>');
    expect(parts['xl/sharedStrings.xml']).toContain('<t xml:space="preserve"> padded </t>');
    // Excel would read "_x0041_" as "A": the underscore is itself encoded.
    expect(cells.get('E5')!.value).toBe('literal _x005F_x0041_ stays');
  });

  it('never writes a formula: text that starts like one (= + - @) is text with Excel quote prefix', () => {
    const { cells, sheet, parts } = book();
    expect(sheet).not.toContain('<f>');
    const styles = parts['xl/styles.xml']!;
    const xf = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*\/>/g)].map((m) => m[0]);
    for (const ref of ['A3', 'E3', 'A4', 'E4']) {
      expect(cells.get(ref)!.type).toBe('s');
      expect(xf[cells.get(ref)!.style]).toContain('quotePrefix="1"');
    }
    expect(cells.get('A3')!.value).toBe('=HYPERLINK("http://x")');
    expect(xf[cells.get('A2')!.style]).not.toContain('quotePrefix');
  });

  it('freezes the header row, sizes the columns and filters the table', () => {
    const { sheet } = book();
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)" customWidth="1"\/>/g)].map((m) => Number(m[2]));
    expect(widths).toHaveLength(5);
    expect(widths[4]).toBe(40);
    // "=HYPERLINK("http://x")" is the longest in column A; "Ngày giờ tiếp nhận" heads column D.
    expect(widths[0]).toBe('=HYPERLINK("http://x")'.length + 2);
    expect(widths[3]).toBe('Ngày giờ tiếp nhận'.length + 2);
    expect(sheet).toContain('<dimension ref="A1:E6"/>');
    expect(sheet).toContain('<autoFilter ref="A1:E6"/>');
  });

  it('numbers columns and dates as Excel does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2026-01-01T12:00')).toBe(46023.5);
    expect(() => excelSerial('01/01/2026')).toThrow(RangeError);
  });
});
