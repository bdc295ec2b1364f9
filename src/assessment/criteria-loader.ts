import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { basisKey, criteriaSchema, type Basis, type Criteria } from './criteria-schema.ts';

/** The criteria file in use, relative to the knowledge directory. Versions are new files, never edits. */
export const currentCriteriaFile = path.join('criteria', 'dnvntd-self-assessment.v3.json');

export class CriteriaError extends Error {
  override readonly name = 'CriteriaError';
}

export async function loadCriteria(file: string): Promise<Criteria> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CriteriaError(`Cannot read the self-assessment criteria ${file}.`, { cause: error });
  }
  const parsed = criteriaSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new CriteriaError(`Invalid self-assessment criteria ${file}:\n${issues.join('\n')}`, { cause: parsed.error });
  }
  return parsed.data;
}

/**
 * Every basis must point at text the bot holds: a section of a plan, an article (clause, point) of a
 * law. Returns "item: basis" for each one that does not, so a typo in the data file is caught at
 * start-up and in tests rather than shown to a business as a dead citation.
 */
export function unresolvedBases(criteria: Criteria, kb: KnowledgeBase): string[] {
  return criteria.items.flatMap((item) => item.basis.filter((b) => !basisResolves(b, kb)).map((b) => `${item.id}: ${basisKey(b)}`));
}

export function assertBasesResolve(criteria: Criteria, kb: KnowledgeBase): void {
  const missing = unresolvedBases(criteria, kb);
  if (missing.length > 0) throw new CriteriaError(`Self-assessment criteria cite text the knowledge base does not hold:\n  ${missing.join('\n  ')}`);
}

export function basisResolves(b: Basis, kb: KnowledgeBase): boolean {
  if ('section' in b) return kb.resolves({ doc: b.doc, section: b.section });
  if (!kb.resolves({ doc: b.doc, article: b.article, clause: b.clause ?? null })) return false;
  if (b.point === undefined) return true;
  const clause = kb.article(b.doc, b.article)?.clauses.find((c) => c.number === b.clause);
  return clause?.points.some((p) => p.letter === b.point) ?? false;
}
