import type { CitationRef } from '../knowledge/citation.ts';
import { normaliseDocId, type KnowledgeBase } from '../knowledge/knowledge-base.ts';

export interface FoundCitation {
  readonly raw: string;
  readonly ref: CitationRef;
}

// What may stand between a reference and its document id: not another reference, not a new clause.
const filler = String.raw`(?:(?!Điều|Article|khoản|mục|section)[^();\n]){0,120}?`;
const docIdPattern = String.raw`(\d{1,3}\/\d{4}\/(?:QH\d{2}|NĐ-CP|ND-CP|QĐ-TTg|QD-TTg)|KH-BD-CT30|KH-KH-2017-2020)`;
const vietnameseRef = new RegExp(String.raw`(?:khoản\s+(\d+)\s+)?Điều\s+(\d+)(?:${filler}\(\s*${docIdPattern}\s*\))?`, 'giu');
const englishRef = new RegExp(String.raw`Article\s+(\d+)(?:\((\d+)\))?(?:${filler}\(\s*${docIdPattern}\s*\))?`, 'gu');
const sectionRef = new RegExp(String.raw`(?:mục|section)\s+((?:I|II|III|IV|V)(?:\.\d+(?:\.[a-zđ])?)?)\b${filler}\(\s*${docIdPattern}\s*\)`, 'giu');

/**
 * Finds every legal reference in generated text ("khoản 2 Điều 31 ... (19/2023/QH15)", "Điều 30",
 * "Article 31(2)", "mục IV.13 ... (KH-BD-CT30)"). A reference without a document id is taken to mean
 * the law in force, which is how people and models write.
 */
export function findCitations(text: string, defaultDoc = '19/2023/QH15'): FoundCitation[] {
  const found: FoundCitation[] = [];
  for (const m of text.matchAll(vietnameseRef)) {
    found.push({ raw: m[0], ref: { doc: canonicalDoc(m[3] ?? defaultDoc), article: Number(m[2]), clause: m[1] ? Number(m[1]) : null, section: null } });
  }
  for (const m of text.matchAll(englishRef)) {
    found.push({ raw: m[0], ref: { doc: canonicalDoc(m[3] ?? defaultDoc), article: Number(m[1]), clause: m[2] ? Number(m[2]) : null, section: null } });
  }
  for (const m of text.matchAll(sectionRef)) {
    found.push({ raw: m[0], ref: { doc: canonicalDoc(m[2]!), article: null, clause: null, section: m[1]! } });
  }
  return found;
}

function canonicalDoc(id: string): string {
  return id.replace(/ND-CP/i, 'NĐ-CP').replace(/QD-TTg/i, 'QĐ-TTg');
}

/**
 * The citations that point nowhere: not in the corpus, in a document without text, or (when
 * `allowed` is given) outside the passages the answer was written from.
 */
export function unknownCitations(found: readonly FoundCitation[], kb: KnowledgeBase, allowed?: readonly CitationRef[]): FoundCitation[] {
  return found.filter(({ ref }) => {
    if (!kb.resolves(ref)) return true;
    if (!allowed) return false;
    return !allowed.some(
      (a) =>
        normaliseDocId(a.doc) === normaliseDocId(ref.doc) &&
        (ref.section ? a.section !== null && (a.section === ref.section || a.section.startsWith(`${ref.section}.`)) : a.article === ref.article),
    );
  });
}
