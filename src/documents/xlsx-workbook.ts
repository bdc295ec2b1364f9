import { strToU8, zipSync } from 'fflate';

/**
 * A one-sheet Excel workbook (Office Open XML, .xlsx): rows in, bytes out.
 *
 * Why written here: what the console exports is one table of text, numbers and dates, which takes
 * seven small XML parts. Spreadsheet libraries that read and write every feature (exceljs and the
 * like) bring a dozen dependencies, some unmaintained, for that; the zip container is the one part
 * worth not writing by hand, and fflate (no dependencies, small, maintained, also used by the tests to
 * read the file back) writes it.
 *
 * Cells: a string is text (shared strings), a number is a number shown with grouped thousands
 * (`#,##0`, which Excel shows with the reader's separators: "2.490.000" with Vietnamese settings), a
 * local day or local date-time is a real Excel date (a serial number) shown as "dd/mm/yyyy" or
 * "dd/mm/yyyy hh:mm", and null is an empty cell. A string cell is never evaluated (only a formula
 * element is), and text that starts like a formula (= + - @) also carries Excel's quote prefix, so
 * editing the cell in Excel keeps it text instead of turning it into a formula.
 */
export type SheetCell = string | number | null | { readonly localDate: string } | { readonly localDateTime: string };

export interface SheetColumn {
  readonly header: string;
  /** Width in characters; by default fitted to the header and the cells, within bounds. */
  readonly width?: number;
}

export interface Sheet {
  /** The sheet's tab name (Excel allows 31 characters, without : \ / ? * [ ]). */
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: ReadonlyArray<readonly SheetCell[]>;
}

/** The styles' indexes in `cellXfs` below. */
const style = { header: 1, number: 2, dateTime: 3, date: 4, quoted: 5 } as const;
/** Excel refuses longer cell text. */
const maxCellText = 32_767;
const widthBounds = { min: 8, max: 60 };

export function xlsxWorkbook(sheet: Sheet): Uint8Array {
  const strings = new SharedStrings();
  const rows = [sheet.columns.map((c) => c.header), ...sheet.rows];
  const widths = sheet.columns.map((column, i) => column.width ?? fittedWidth(rows.map((row) => row[i] ?? null)));
  const lastRef = `${columnName(sheet.columns.length - 1)}${rows.length}`;
  const sheetXml = xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
    + `<dimension ref="A1:${lastRef}"/>`
    // The header row stays in view while scrolling.
    + `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`
    + `<sheetFormatPr defaultRowHeight="15"/>`
    + `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    + `<sheetData>${rows.map((row, r) => `<row r="${r + 1}">${row.map((value, c) => cellXml(`${columnName(c)}${r + 1}`, value, r === 0, strings)).join('')}</row>`).join('')}</sheetData>`
    + `<autoFilter ref="A1:${lastRef}"/>`
    + `</worksheet>`);
  return zipSync({
    '[Content_Types].xml': xml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`
      + `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`
      + `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
      + `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
      + `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`),
    '_rels/.rels': xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': xml(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`
      + `<sheets><sheet name="${escapeXml(sheetName(sheet.name))}" sheetId="1" r:id="rId1"/></sheets>`
      // The filter's range, as Excel itself records it.
      + `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${escapeXml(`'${sheetName(sheet.name).replace(/'/g, "''")}'!$A$1:$${columnName(sheet.columns.length - 1)}$${rows.length}`)}</definedName></definedNames></workbook>`),
    'xl/_rels/workbook.xml.rels': xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
      + `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
      + `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
      + `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    'xl/styles.xml': xml(stylesXml),
    'xl/worksheets/sheet1.xml': sheetXml,
    'xl/sharedStrings.xml': xml(strings.xml()),
  }, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

// 3 is Excel's built-in "#,##0"; 164 and 165 are this file's own date formats.
const stylesXml = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
  + `<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>`
  + `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>`
  + `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>`
  + `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>`
  + `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`
  + `<cellXfs count="6">`
  + `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`
  + `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>`
  + `<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`
  + `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`
  + `<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`
  + `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>`
  + `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function cellXml(ref: string, value: SheetCell, header: boolean, strings: SharedStrings): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}" s="${style.number}"><v>${value}</v></c>` : '';
  if (typeof value === 'string') {
    const s = header ? style.header : /^[=+\-@]/.test(value) ? style.quoted : 0;
    return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="s"><v>${strings.index(value)}</v></c>`;
  }
  if ('localDate' in value) return `<c r="${ref}" s="${style.date}"><v>${excelSerial(value.localDate)}</v></c>`;
  return `<c r="${ref}" s="${style.dateTime}"><v>${excelSerial(value.localDateTime)}</v></c>`;
}

/**
 * Excel's date: days since 30/12/1899 (which absorbs its 1900 leap-year bug for every date after
 * February 1900), the time of day as the fraction. The value is the wall clock written, with no zone.
 */
export function excelSerial(local: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(local);
  if (!m) throw new RangeError(`not a local date or date-time: ${local}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - Date.UTC(1899, 11, 30);
  // Rounded to the second, so 09:15 is not written as 09:14:59.999….
  return Math.round(ms / 1000) / 86_400;
}

class SharedStrings {
  private readonly ids = new Map<string, number>();
  private uses = 0;

  index(text: string): number {
    this.uses += 1;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
    }
    return id;
  }

  xml(): string {
    const items = [...this.ids.keys()].map((text) => {
      const clean = cellText(text);
      const preserve = /^\s|\s$|\n/.test(clean) ? ' xml:space="preserve"' : '';
      return `<si><t${preserve}>${escapeXml(clean)}</t></si>`;
    });
    return `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.ids.size}">${items.join('')}</sst>`;
  }
}

/**
 * Text as a cell may hold it: characters XML 1.0 forbids (control characters other than tab, line
 * feed and carriage return; unpaired surrogates) removed, a literal "_x0041_" kept literal (Excel
 * would read it as the character it encodes), and at most Excel's length.
 */
function cellText(text: string): string {
  const clean = text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  return clean.length > maxCellText ? `${clean.slice(0, maxCellText - 1)}…` : clean;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A width that shows the header and most cells: the longest line, within bounds (long texts wrap on demand). */
function fittedWidth(cells: readonly SheetCell[]): number {
  const length = (cell: SheetCell): number => {
    if (cell === null) return 0;
    if (typeof cell === 'number') return Math.ceil(cell.toLocaleString('vi-VN').length * 1.1);
    if (typeof cell === 'string') return Math.max(...cell.split('\n').map((line) => line.length));
    return 'localDate' in cell ? 10 : 16;
  };
  return Math.min(widthBounds.max, Math.max(widthBounds.min, ...cells.map((c) => length(c) + 2)));
}

/** 0 -> A, 25 -> Z, 26 -> AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

function xml(body: string): Uint8Array {
  return strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
}
