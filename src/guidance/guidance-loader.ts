import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { KnowledgeFormatError } from '../knowledge/knowledge-errors.ts';
import { foldDiacritics } from '../text/vietnamese-unicode.ts';
import { z } from 'zod';
import { guidanceFileSchema, type GuidanceCitation, type GuidanceEntry, type GuidanceFile } from './guidance-schema.ts';

/** The guidance entries with where each came from, after every check passed. */
export interface GuidanceSet {
  readonly entries: readonly GuidanceEntry[];
  /** Accent-free words that place a question inside a consumer dealing (knowledge/lexicon/consumer-context.json). */
  readonly consumerWords: readonly string[];
  readonly files: readonly { readonly file: string; readonly group: string; readonly leftOut: GuidanceFile['leftOut'] }[];
  byId(id: string): GuidanceEntry | undefined;
}

/**
 * Loads `<dir>/guidance/*.json` and checks it against the loaded law: every citation must resolve
 * down to its point, the main citations must be texts in force and the "before 01/7/2024" ones
 * texts that were in force then, clarifying options must name existing entries. A failure names the
 * file and the line of the entry, so whoever edits the guidance sees where.
 */
export async function loadGuidance(dir: string, knowledgeBase: KnowledgeBase): Promise<GuidanceSet> {
  const guidanceDir = path.join(dir, 'guidance');
  let names: string[];
  try {
    names = (await readdir(guidanceDir)).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return guidanceSet([], [], []);
    throw error;
  }
  const files: { file: string; content: string }[] = [];
  for (const name of names) {
    const file = path.join(guidanceDir, name);
    files.push({ file: path.relative(process.cwd(), file) || name, content: await readFile(file, 'utf8') });
  }
  return { ...parseGuidance(files, knowledgeBase), consumerWords: await readConsumerWords(path.join(dir, 'lexicon', 'consumer-context.json')) };
}

const consumerContextSchema = z.object({ description: z.string(), words: z.array(z.string().min(1)).min(1) }).strict();

async function readConsumerWords(file: string): Promise<string[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const parsed = consumerContextSchema.safeParse(JSON.parse(content));
  if (!parsed.success) throw new KnowledgeFormatError(path.relative(process.cwd(), file) || file, 1, `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data.words.map((w) => foldDiacritics(w).toLowerCase().trim());
}

/** The checks of loadGuidance over file contents already read (tests give them directly). */
export function parseGuidance(files: readonly { file: string; content: string }[], knowledgeBase: KnowledgeBase): GuidanceSet {
  const entries: GuidanceEntry[] = [];
  const origin = new Map<string, { file: string; content: string }>();
  const parsedFiles: { file: string; group: string; leftOut: GuidanceFile['leftOut'] }[] = [];
  for (const f of files) {
    let json: unknown;
    try {
      json = JSON.parse(f.content);
    } catch (error) {
      throw new KnowledgeFormatError(f.file, jsonErrorLine(f.content, error), 'not valid JSON', { cause: error });
    }
    const parsed = guidanceFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const entryIndex = issue.path[0] === 'entries' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
      const id = entryIndex === null ? null : (json as { entries: { id?: unknown }[] }).entries[entryIndex]?.id;
      const line = typeof id === 'string' ? lineOfId(f.content, id) : 1;
      throw new KnowledgeFormatError(f.file, line, `${issue.path.join('.')}: ${issue.message}`);
    }
    for (const entry of parsed.data.entries) {
      const earlier = origin.get(entry.id);
      if (earlier) throw new KnowledgeFormatError(f.file, lineOfId(f.content, entry.id), `entry id "${entry.id}" is also used in ${earlier.file}`);
      origin.set(entry.id, f);
      entries.push(entry);
    }
    parsedFiles.push({ file: f.file, group: parsed.data.group, leftOut: parsed.data.leftOut });
  }
  const ids = new Set(entries.map((e) => e.id));
  for (const entry of entries) {
    const f = origin.get(entry.id)!;
    const fail = (reason: string): never => {
      throw new KnowledgeFormatError(f.file, lineOfId(f.content, entry.id), `entry "${entry.id}": ${reason}`);
    };
    if (entry.kind === 'answer') {
      for (const c of entry.citations) {
        const why = unresolved(c, knowledgeBase);
        if (why) fail(`citation ${describe(c)} ${why}`);
        const status = knowledgeBase.document(c.doc)!.metadata.status;
        if (status !== 'in_force') fail(`citation ${describe(c)} is to a text that is ${status}; put it under "before2024"`);
      }
      for (const c of entry.before2024?.citations ?? []) {
        const why = unresolved(c, knowledgeBase);
        if (why) fail(`before2024 citation ${describe(c)} ${why}`);
      }
    }
    if (entry.kind === 'clarify') {
      for (const option of entry.options) if (!ids.has(option.entry)) fail(`option "${option.label.vi}" names unknown entry "${option.entry}"`);
    }
  }
  return guidanceSet(entries, parsedFiles, []);
}

function guidanceSet(entries: readonly GuidanceEntry[], files: GuidanceSet['files'], consumerWords: readonly string[]): GuidanceSet {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return { entries, files, consumerWords, byId: (id) => byId.get(id) };
}

/** Why a citation does not point at loaded text, or null when it does. */
export function unresolved(c: GuidanceCitation, knowledgeBase: KnowledgeBase): string | null {
  const doc = knowledgeBase.document(c.doc);
  if (!doc) return `names no loaded document`;
  const article = doc.articles.find((a) => a.number === c.article);
  if (!article) return `names an article the document does not have`;
  if (c.clause === undefined) return null;
  const clause = article.clauses.find((k) => k.number === c.clause);
  if (!clause) return `names a clause the article does not have`;
  if (c.point === undefined) return null;
  return clause.points.some((p) => p.letter === c.point) ? null : `names a point the clause does not have`;
}

function describe(c: GuidanceCitation): string {
  return `${c.doc} Điều ${c.article}${c.clause === undefined ? '' : ` khoản ${c.clause}`}${c.point === undefined ? '' : ` điểm ${c.point}`}`;
}

function lineOfId(content: string, id: string): number {
  const at = content.search(new RegExp(`"id"\\s*:\\s*"${id.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}"`));
  return at < 0 ? 1 : content.slice(0, at).split('\n').length;
}

function jsonErrorLine(content: string, error: unknown): number {
  const m = /position (\d+)/.exec(String((error as Error)?.message ?? ''));
  return m ? content.slice(0, Number(m[1])).split('\n').length : 1;
}
