import { strFromU8, unzipSync } from 'fflate';

/** One cell as the sheet XML stores it: its type attribute, style index and value (shared strings resolved). */
export interface StoredCell {
  readonly ref: string;
  readonly type: string | null;
  readonly style: number;
  readonly value: string;
}

/**
 * Reads back what tests need from a one-sheet workbook: the zip's parts, the sheet's cells by
 * reference and the raw XML. Deliberately a reader of the stored XML, not a spreadsheet library:
 * the tests check the types and styles the writer chose.
 */
export function readXlsx(bytes: Uint8Array) {
  const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
  const sheet = parts['xl/worksheets/sheet1.xml'] ?? '';
  const shared = [...(parts['xl/sharedStrings.xml'] ?? '').matchAll(/<si><t(?: xml:space="preserve")?>([\s\S]*?)<\/t><\/si>/g)].map((m) => unescapeXml(m[1]!));
  const cells = new Map<string, StoredCell>();
  for (const m of sheet.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(\w+)")?>(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
    const [, ref, style, type, raw = ''] = m;
    cells.set(ref!, { ref: ref!, type: type ?? null, style: Number(style ?? 0), value: type === 's' ? shared[Number(raw)]! : raw });
  }
  return { parts, sheet, shared, cells, text: (ref: string) => cells.get(ref)?.value };
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}
