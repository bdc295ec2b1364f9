import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseKnowledgeFile } from './front-matter.ts';
import { KnowledgeBase, normaliseDocId, type KnowledgeDocument } from './knowledge-base.ts';
import { KnowledgeFormatError } from './knowledge-errors.ts';
import { parseLegalText } from './legal-text-parser.ts';
import { timelineIssues } from './legal-timeline.ts';
import { parsePlan } from './plan-parser.ts';

/**
 * Loads every `*.txt` under `<dir>/documents`. Adding a document is dropping a file there and
 * rebuilding; any malformed file stops the load with its name and line.
 */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  const docsDir = path.join(dir, 'documents');
  const files = (await readdir(docsDir)).filter((f) => f.endsWith('.txt')).sort();
  const documents: KnowledgeDocument[] = [];
  const keyLines = new Map<KnowledgeDocument, ReadonlyMap<string, number>>();
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = path.join(docsDir, name);
    const content = await readFile(file, 'utf8');
    const { document: doc, keyLines: lines } = readKnowledgeFile(path.relative(process.cwd(), file) || name, content);
    const key = normaliseDocId(doc.metadata.id);
    const other = seen.get(key);
    if (other) throw new KnowledgeFormatError(doc.file, 2, `document id ${doc.metadata.id} is also used by ${other}`);
    seen.set(key, doc.file);
    documents.push(doc);
    keyLines.set(doc, lines);
  }
  // One document's dates and links must agree with the others' ("replaces" one way, "replacedBy" the other).
  const issue = timelineIssues(documents.map((d) => d.metadata))[0];
  if (issue) {
    const doc = documents.find((d) => d.metadata.id === issue.docId)!;
    throw new KnowledgeFormatError(doc.file, keyLines.get(doc)?.get(issue.key) ?? 2, issue.message);
  }
  return new KnowledgeBase(documents);
}

export function readKnowledgeDocument(file: string, content: string): KnowledgeDocument {
  return readKnowledgeFile(file, content).document;
}

function readKnowledgeFile(file: string, content: string): { document: KnowledgeDocument; keyLines: ReadonlyMap<string, number> } {
  const { metadata, body, bodyStartLine, keyLines } = parseKnowledgeFile(file, content);
  const checksum = createHash('sha256').update(content).digest('hex');
  if (body.trim() === '') throw new KnowledgeFormatError(file, bodyStartLine, 'no text after the header');
  if (metadata.kind === 'plan') {
    if (metadata.articles) throw new KnowledgeFormatError(file, keyLines.get('articles') ?? 1, '"articles" is for legal texts; a plan has sections');
    const sections = parsePlan(file, body, bodyStartLine);
    if (sections.length === 0) throw new KnowledgeFormatError(file, bodyStartLine, 'no plan sections (I., II., ...) found');
    return { document: { metadata, articles: [], sections, file, checksum }, keyLines };
  }
  const articles = parseLegalText(file, body, bodyStartLine, { articles: metadata.articles, articlesLine: keyLines.get('articles') });
  if (articles.length === 0) throw new KnowledgeFormatError(file, bodyStartLine, 'no articles ("Điều 1. ...") found');
  return { document: { metadata, articles, sections: [], file, checksum }, keyLines };
}
