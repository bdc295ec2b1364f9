import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseKnowledgeFile } from './front-matter.ts';
import { KnowledgeBase, normaliseDocId, type KnowledgeDocument } from './knowledge-base.ts';
import { KnowledgeFormatError } from './knowledge-errors.ts';
import { parseLegalText } from './legal-text-parser.ts';
import { parsePlan } from './plan-parser.ts';

/**
 * Loads every `*.txt` under `<dir>/documents`. Adding a document is dropping a file there and
 * rebuilding; any malformed file stops the load with its name and line.
 */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  const docsDir = path.join(dir, 'documents');
  const files = (await readdir(docsDir)).filter((f) => f.endsWith('.txt')).sort();
  const documents: KnowledgeDocument[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = path.join(docsDir, name);
    const content = await readFile(file, 'utf8');
    const doc = readKnowledgeDocument(path.relative(process.cwd(), file) || name, content);
    const key = normaliseDocId(doc.metadata.id);
    const other = seen.get(key);
    if (other) throw new KnowledgeFormatError(doc.file, 2, `document id ${doc.metadata.id} is also used by ${other}`);
    seen.set(key, doc.file);
    documents.push(doc);
  }
  return new KnowledgeBase(documents);
}

export function readKnowledgeDocument(file: string, content: string): KnowledgeDocument {
  const { metadata, body, bodyStartLine } = parseKnowledgeFile(file, content);
  const checksum = createHash('sha256').update(content).digest('hex');
  const hasBody = body.trim() !== '';
  if (metadata.hasText && !hasBody) throw new KnowledgeFormatError(file, bodyStartLine, 'no text after the header (set "hasText: false" for a metadata-only record)');
  if (!metadata.hasText && hasBody) throw new KnowledgeFormatError(file, bodyStartLine, 'text found but the header says "hasText: false"');
  if (!hasBody) return { metadata, articles: [], sections: [], file, checksum };
  if (metadata.kind === 'plan') {
    const sections = parsePlan(file, body, bodyStartLine);
    if (sections.length === 0) throw new KnowledgeFormatError(file, bodyStartLine, 'no plan sections (I., II., ...) found');
    return { metadata, articles: [], sections, file, checksum };
  }
  const articles = parseLegalText(file, body, bodyStartLine);
  if (articles.length === 0) throw new KnowledgeFormatError(file, bodyStartLine, 'no articles ("Điều 1. ...") found');
  return { metadata, articles, sections: [], file, checksum };
}
