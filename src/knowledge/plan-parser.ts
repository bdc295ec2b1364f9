import { KnowledgeFormatError } from './knowledge-errors.ts';
import type { PlanSection } from './legal-structure.ts';

const romanParts = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'] as const;
const partRe = /^(I|II|III|IV|V|VI|VII|VIII)\.\s+(\S.*)$/;
// "18 Các doanh nghiệp ..." is printed without its dot in one plan, so the dot is optional.
const itemRe = /^(\d{1,2})[.)]?\s+(\S.*)$/;
const tableNumberCell = /^\d{1,2}$/;
const tableLetterCell = /^[a-zđ]$/;
const closingRe = /^(Nơi nhận|TM\.|KT\.)/;

interface MutableSection {
  id: string;
  title: string;
  text: string[];
  line: number;
}

/**
 * Splits a provincial plan into sections PART.ITEM[.SUB] as printed (the Khánh Hòa plan's numbers
 * skip from 2 to 5 in part IV; the printed numbers are kept because they are what people cite).
 * Text after the last numbered item of a part belongs to that item. Parts laid out as a table
 * (cells on tab-indented lines, rows separated by blank lines) are read row by row: a number opens an
 * item, a letter a sub-row, an empty first cell continues the previous row.
 */
export function parsePlan(file: string, body: string, firstLine: number): PlanSection[] {
  const lines = body.split('\n');
  const sections: MutableSection[] = [];
  const preamble: MutableSection = { id: '', title: 'Phần mở đầu', text: [], line: firstLine };
  let part: string | null = null;
  let partIndex = -1;
  let current: MutableSection = preamble;
  let item: MutableSection | null = null;
  let lastItemNumber = 0;

  const open = (id: string, title: string, line: number): MutableSection => {
    const s: MutableSection = { id, title, text: [], line };
    sections.push(s);
    return s;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const lineNo = firstLine + i;
    const line = raw.replace(/\u00a0/g, ' ').trim();
    if (closingRe.test(line)) break; // the distribution list and signature are not plan content

    const partMatch = raw.startsWith('\t') ? null : partRe.exec(line);
    if (partMatch) {
      const index = romanParts.indexOf(partMatch[1] as (typeof romanParts)[number]);
      if (index !== partIndex + 1) {
        throw new KnowledgeFormatError(file, lineNo, `expected part ${romanParts[partIndex + 1]} but found part ${partMatch[1]}`);
      }
      partIndex = index;
      part = partMatch[1]!;
      current = open(part, partMatch[2]!, lineNo);
      item = null;
      lastItemNumber = 0;
      continue;
    }
    // Table rows are read before blank lines are skipped: a row may open with an empty cell.
    if (part && raw.startsWith('\t')) {
      i = readTableRow(lines, i, (cells, rowLine) => {
        const first = cells[0] ?? '';
        if (first === 'STT') return; // header row
        const [content = '', ...others] = dedupe(cells.slice(1));
        if (tableNumberCell.test(first)) {
          lastItemNumber = Number(first);
          item = open(`${part}.${first}`, content, firstLine + rowLine);
          current = item;
        } else if (tableLetterCell.test(first)) {
          if (!item) throw new KnowledgeFormatError(file, firstLine + rowLine, `sub-row "${first}" comes before any numbered row`);
          current = open(`${item.id}.${first}`, content, firstLine + rowLine);
          current.text.push(content);
        } else if (content !== '') {
          current.text.push(content);
        }
        current.text.push(...labelColumns(others));
      });
      continue;
    }
    if (line === '') continue;
    if (!part) {
      preamble.text.push(line);
      continue;
    }

    const itemMatch = itemRe.exec(line);
    if (itemMatch && Number(itemMatch[1]) > lastItemNumber && !line.startsWith('-')) {
      lastItemNumber = Number(itemMatch[1]);
      item = open(`${part}.${itemMatch[1]}`, itemMatch[2]!.replace(/:$/, '').trim(), lineNo);
      current = item;
      continue;
    }
    current.text.push(line);
  }

  const all = preamble.text.length > 0 ? [preamble, ...sections] : sections;
  return all
    .filter((s) => s.text.length > 0 || s.title !== '')
    .map((s) => ({ id: s.id, title: s.title, text: s.text.join('\n'), line: s.line }));
}

/** Reads one table row (consecutive tab-indented lines); returns the index of its last line. */
function readTableRow(lines: string[], start: number, onRow: (cells: string[], rowLine: number) => void): number {
  const cells: string[] = [];
  let i = start;
  while (i < lines.length && (lines[i] ?? '').startsWith('\t')) {
    cells.push((lines[i] ?? '').replace(/\u00a0/g, ' ').trim());
    i++;
  }
  if (cells.some((c) => c !== '')) onRow(cells, start);
  return i - 1;
}

const columnLabels = ['Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'] as const;

/** Labels the table's columns so that "đơn vị nào chủ trì" finds the cell that answers it. */
function labelColumns(cells: readonly string[]): string[] {
  return cells.flatMap((cell, index) => (cell === '' ? [] : [`${columnLabels[index] ?? 'Ghi chú'}: ${cell}`]));
}

function dedupe(cells: string[]): string[] {
  // Merged cells are printed once per column ("Tổ chức tuyên truyền ..." four times): keep one.
  const first = cells[0];
  return cells.length > 1 && cells.every((c) => c === first) ? [first!] : cells;
}
