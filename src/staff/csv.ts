/**
 * CSV for spreadsheets: UTF-8 with a BOM so Excel shows Vietnamese, CRLF rows, and cells that start
 * like a formula (= + - @) prefixed with an apostrophe so a consumer's text cannot run in Excel.
 * The separator is a comma (for programs) or a semicolon: Excel takes the list separator of the
 * computer's regional settings, and with Vietnamese settings (decimal comma) that is ";", so a
 * comma-separated file opens as one column there.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>, separator: ',' | ';' = ','): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map((value) => cell(value, separator)).join(separator)).join('\r\n')}\r\n`;
}

function cell(value: string | number | null, separator: string): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}
