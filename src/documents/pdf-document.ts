import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
// The standard PDF fonts have no Vietnamese glyphs; DejaVu ships inside an npm package, so no download.
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fonts = {
  regular: path.join(fontDir, 'DejaVuSans.ttf'),
  bold: path.join(fontDir, 'DejaVuSans-Bold.ttf'),
  italic: path.join(fontDir, 'DejaVuSans-Oblique.ttf'),
};

/** Blocks a document is made of; kept small so letters and reports read alike. */
let faceCache: Record<keyof typeof fonts, Buffer> | null = null;

/**
 * The font files, read once: pdfkit reads a font given by path from disk for every document
 * (about 10 ms a face here), and every filed complaint renders a letter.
 */
function fontFaces(): Record<keyof typeof fonts, Buffer> {
  faceCache ??= { regular: readFileSync(fonts.regular), bold: readFileSync(fonts.bold), italic: readFileSync(fonts.italic) };
  return faceCache;
}

export type PdfBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly align?: 'left' | 'right' | 'center' | 'justify' }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'fields'; readonly rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: ReadonlyArray<readonly string[]>; readonly widths?: readonly number[] }
  | { readonly kind: 'spacer' }
  /**
   * Two columns side by side, as a Vietnamese administrative document opens (issuing body and
   * number | national motto, place and date) and closes (recipients | signature). A line starting
   * with "**" is bold, with "_" italic.
   */
  | { readonly kind: 'columns'; readonly left: readonly string[]; readonly right: readonly string[]; readonly align?: 'center' | 'left' };

export interface PdfSpec {
  readonly title: string;
  readonly author?: string;
  readonly blocks: readonly PdfBlock[];
  /** Printed at the bottom of every page, e.g. the reference number. */
  readonly footer?: string;
  /** Fixed creation date, so the same input gives the same file. */
  readonly createdAt?: Date;
}

/** Renders an A4 PDF with Vietnamese text; returns its bytes. */
export function renderPdf(spec: PdfSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 62, right: 56 },
    info: { Title: spec.title, Author: spec.author ?? 'Trợ lý bảo vệ quyền lợi người tiêu dùng', CreationDate: spec.createdAt ?? new Date() },
    bufferPages: true,
  });
  const faces = fontFaces();
  doc.registerFont('regular', faces.regular);
  doc.registerFont('bold', faces.bold);
  doc.registerFont('italic', faces.italic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const block of spec.blocks) renderBlock(doc, block, width);
  if (spec.footer) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('regular').fontSize(8).fillColor('#555')
        .text(`${spec.footer} — trang ${i + 1}/${range.count}`, doc.page.margins.left, doc.page.height - 40, { width, align: 'center' });
      doc.page.margins.bottom = bottom;
    }
  }
  doc.end();
  return done;
}

function renderBlock(doc: PDFKit.PDFDocument, block: PdfBlock, width: number): void {
  const left = doc.page.margins.left;
  doc.fillColor('#000');
  switch (block.kind) {
    case 'title':
      doc.font('bold').fontSize(15).text(block.text, left, undefined, { width, align: 'center' }).moveDown(0.8);
      return;
    case 'heading':
      doc.moveDown(0.4).font('bold').fontSize(12).text(block.text, left, undefined, { width }).moveDown(0.3);
      return;
    case 'paragraph':
      doc.font('regular').fontSize(11).text(block.text, left, undefined, { width, align: block.align ?? 'justify' }).moveDown(0.4);
      return;
    case 'note':
      doc.font('italic').fontSize(9).fillColor('#333').text(block.text, left, undefined, { width }).moveDown(0.4);
      return;
    case 'fields':
      for (const [label, value] of block.rows) {
        doc.font('bold').fontSize(11).text(`${label}: `, left, undefined, { width, continued: true }).font('regular').text(value || '—');
      }
      doc.moveDown(0.4);
      return;
    case 'list':
      doc.font('regular').fontSize(11);
      for (const item of block.items) doc.text(`• ${item}`, left + 8, undefined, { width: width - 8 });
      doc.moveDown(0.4);
      return;
    case 'table':
      renderTable(doc, block.header, block.rows, block.widths, width);
      return;
    case 'spacer':
      doc.moveDown(1);
      return;
    case 'columns':
      renderColumns(doc, block.left, block.right, block.align ?? 'center', width);
      return;
  }
}

function renderColumns(doc: PDFKit.PDFDocument, left: readonly string[], right: readonly string[], align: 'center' | 'left', width: number): void {
  const gap = 12;
  const leftWidth = width * 0.42;
  const rightWidth = width - leftWidth - gap;
  const top = doc.y;
  const column = (lines: readonly string[], x: number, w: number, textAlign: 'center' | 'left') => {
    doc.y = top;
    for (const line of lines) {
      const bold = line.startsWith('**');
      const italic = !bold && line.startsWith('_');
      doc.font(bold ? 'bold' : italic ? 'italic' : 'regular').fontSize(bold ? 11 : 10.5).fillColor('#000');
      doc.text(bold ? line.slice(2) : italic ? line.slice(1) : line, x, undefined, { width: w, align: textAlign });
    }
    return doc.y;
  };
  const leftEnd = column(left, doc.page.margins.left, leftWidth, align);
  const rightEnd = column(right, doc.page.margins.left + leftWidth + gap, rightWidth, 'center');
  doc.x = doc.page.margins.left;
  doc.y = Math.max(leftEnd, rightEnd);
  doc.moveDown(0.8);
}

function renderTable(doc: PDFKit.PDFDocument, header: readonly string[], rows: ReadonlyArray<readonly string[]>, weights: readonly number[] | undefined, width: number): void {
  const w = weights ?? header.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  const cols = w.map((x) => (x / total) * width);
  const drawRow = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(9);
    const heights = cells.map((cell, i) => doc.heightOfString(cell || '—', { width: cols[i]! - 6 }));
    const height = Math.max(...heights) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = doc.page.margins.left;
    cells.forEach((cell, i) => {
      doc.rect(x, y, cols[i]!, height).strokeColor('#999').stroke();
      doc.fillColor('#000').text(cell || '—', x + 3, y + 3, { width: cols[i]! - 6 });
      x += cols[i]!;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + height;
  };
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.6);
}
