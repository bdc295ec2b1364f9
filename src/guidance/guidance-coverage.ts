import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { normaliseDocId } from '../knowledge/knowledge-base.ts';
import type { GuidanceSet } from './guidance-loader.ts';

export interface DocumentCoverage {
  readonly doc: string;
  /** Article number → the entries that cite it (in their answer or their before-2024 part). */
  readonly covered: ReadonlyMap<number, readonly string[]>;
  /** Articles left out on purpose, with the reason given in the guidance file. */
  readonly leftOut: ReadonlyMap<number, string>;
  /** Neither covered nor left out: a gap. */
  readonly missing: readonly number[];
}

/**
 * Which articles of each text in force (and each former text the guidance cites) an entry reaches.
 * Coverage is measured against the law, article by article, never against evaluation questions.
 */
export function guidanceCoverage(guidance: GuidanceSet, knowledgeBase: KnowledgeBase): DocumentCoverage[] {
  const cited = new Map<string, Map<number, string[]>>();
  const note = (doc: string, article: number, id: string) => {
    const key = normaliseDocId(doc);
    const perDoc = cited.get(key) ?? new Map<number, string[]>();
    perDoc.set(article, [...(perDoc.get(article) ?? []), id]);
    cited.set(key, perDoc);
  };
  for (const e of guidance.entries) {
    if (e.kind !== 'answer') continue;
    for (const c of e.citations) note(c.doc, c.article, e.id);
    for (const c of e.before2024?.citations ?? []) note(c.doc, c.article, e.id);
  }
  const leftOut = new Map<string, Map<number, string>>();
  for (const f of guidance.files) {
    for (const l of f.leftOut) {
      const key = normaliseDocId(l.doc);
      const perDoc = leftOut.get(key) ?? new Map<number, string>();
      perDoc.set(l.article, l.why);
      leftOut.set(key, perDoc);
    }
  }
  return knowledgeBase.documents
    .filter((d) => d.metadata.kind !== 'plan' && d.articles.length > 0 && (d.metadata.status === 'in_force' || cited.has(normaliseDocId(d.metadata.id))))
    .map((d) => {
      const key = normaliseDocId(d.metadata.id);
      const covered = cited.get(key) ?? new Map<number, string[]>();
      const out = leftOut.get(key) ?? new Map<number, string>();
      const inForce = d.metadata.status === 'in_force';
      const missing = inForce ? d.articles.map((a) => a.number).filter((n) => !covered.has(n) && !out.has(n)) : [];
      return { doc: d.metadata.id, covered, leftOut: out, missing };
    });
}
