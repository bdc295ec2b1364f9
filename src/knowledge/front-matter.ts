import { KnowledgeFormatError } from './knowledge-errors.ts';
import { documentMetadataSchema, type DocumentMetadata } from './document-metadata.ts';

export interface ParsedKnowledgeFile {
  readonly metadata: DocumentMetadata;
  readonly body: string;
  /** 1-based line number of the body's first line in the file, so body errors can name a file line. */
  readonly bodyStartLine: number;
  /** The line each header key was given on, so later checks can point at it. */
  readonly keyLines: ReadonlyMap<string, number>;
}

const listKeys = new Set(['replaces', 'replacedBy']);
const nullableKeys = new Set(['effectiveTo', 'province', 'implements']);

/**
 * Reads a knowledge file: a `---` delimited header of `key: value` lines, then the text. The header
 * is deliberately simpler than YAML (no nesting, lists are comma-separated) so that a person adding a
 * law can write it by hand and get an error that points at the exact line.
 */
export function parseKnowledgeFile(file: string, content: string): ParsedKnowledgeFile {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    throw new KnowledgeFormatError(file, 1, 'expected the metadata header to start with a line "---"');
  }
  const raw: Record<string, unknown> = {};
  const keyLines = new Map<string, number>();
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '---') {
      end = i;
      break;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z][A-Za-z0-9]*):(.*)$/.exec(line);
    if (!match) throw new KnowledgeFormatError(file, i + 1, `expected "key: value", found "${line.slice(0, 60)}"`);
    const key = match[1]!;
    const value = match[2]!.trim();
    if (keyLines.has(key)) throw new KnowledgeFormatError(file, i + 1, `"${key}" is given twice`);
    keyLines.set(key, i + 1);
    raw[key] = convertValue(file, i + 1, key, value);
  }
  if (end < 0) throw new KnowledgeFormatError(file, lines.length, 'the metadata header is not closed by a line "---"');

  const parsed = documentMetadataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const line = keyLines.get(key) ?? 1;
    const what = key ? `"${key}": ` : '';
    const message = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.join(', ')}` : `${what}${issue.message}`;
    throw new KnowledgeFormatError(file, issue.code === 'unrecognized_keys' ? (keyLines.get(issue.keys[0]!) ?? 1) : line, message);
  }
  return { metadata: parsed.data, body: lines.slice(end + 1).join('\n'), bodyStartLine: end + 2, keyLines };
}

function convertValue(file: string, line: number, key: string, value: string): unknown {
  if (listKeys.has(key)) return value === '' ? [] : value.split(',').map((v) => v.trim()).filter(Boolean);
  if (nullableKeys.has(key)) return value === '' ? null : value;
  if (key === 'articles') return value === '' ? null : parseArticleList(file, line, value);
  return value;
}

/** "430-454, 608" -> [430, 431, ..., 454, 608]; ascending, each number once. */
function parseArticleList(file: string, line: number, value: string): number[] {
  const numbers: number[] = [];
  for (const part of value.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(part);
    if (!m) throw new KnowledgeFormatError(file, line, `"articles": expected article numbers and ranges such as "430-454, 608", found "${part}"`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) throw new KnowledgeFormatError(file, line, `"articles": "${part}" is not a range of article numbers`);
    if (numbers.length > 0 && from <= numbers.at(-1)!) {
      throw new KnowledgeFormatError(file, line, `"articles": "${part}" must come after ${numbers.at(-1)}, each article once, in increasing order`);
    }
    for (let n = from; n <= to; n++) numbers.push(n);
  }
  return numbers;
}

/** [430, ..., 454, 608] -> "430-454, 608", the way the header writes it. */
export function formatArticleList(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j === i ? String(numbers[i]) : `${numbers[i]}-${numbers[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
