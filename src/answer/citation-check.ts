import type { CitationRef } from '../knowledge/citation.ts';
import { normaliseDocId, type KnowledgeBase } from '../knowledge/knowledge-base.ts';

export interface FoundCitation {
  readonly raw: string;
  readonly ref: CitationRef;
}

/**
 * Which document ids the text may name (the timeline's: every text held) and which document a
 * reference without an id means (the law the answer rests on); null when there is none, so a bare
 * reference then points nowhere.
 */
export interface CitationScheme {
  readonly documentIds: readonly string[];
  readonly defaultDoc: string | null;
}

/** The scheme for an answer written from these passages: its bare references mean the first legal passage's law. */
export function citationSchemeFor(kb: KnowledgeBase, passages: ReadonlyArray<{ readonly docId: string; readonly article: number | null }>): CitationScheme {
  const first = passages.find((p) => p.article !== null);
  const defaultDoc = first ? (kb.timeline.lawOf(first.docId)?.id ?? first.docId) : null;
  return { documentIds: kb.timeline.citationIds(), defaultDoc };
}

// What may stand between a reference and its document id: not another reference, not a new clause.
const filler = String.raw`(?:(?!Điều|Article|khoản|mục|section)[^();\n]){0,120}?`;
// The shape of a Vietnamese legal number ("98/2020/NĐ-CP", "12/2024/TT-BCT"), so that a text the
// corpus does not hold is read as a reference to it, and flagged, not as one to the default document.
const legalNumberShape = String.raw`\d{1,4}\/\d{4}\/[A-ZĐ]{2,}\d{0,2}(?:-[A-ZĐ][A-Za-zĐđ]*)*`;

interface CitationPatterns {
  readonly vietnameseRef: RegExp;
  readonly englishRef: RegExp;
  readonly sectionRef: RegExp;
  readonly canonical: ReadonlyMap<string, string>;
}

const patternCache = new Map<string, CitationPatterns>();

function patternsFor(documentIds: readonly string[]): CitationPatterns {
  const key = documentIds.join('|');
  let patterns = patternCache.get(key);
  if (!patterns) {
    // Longest first, so "KH-KH-2017-2020" is not read as a shorter id; Đ may be typed as D.
    const ids = [...documentIds].sort((a, b) => b.length - a.length).map((id) => escapeRegExp(id).replace(/Đ/g, '[ĐD]').replace(/đ/g, '[đd]'));
    const docIdPattern = `(${[...ids, legalNumberShape].join('|')})`;
    patterns = {
      vietnameseRef: new RegExp(String.raw`(?:khoản\s+(\d+)\s+)?Điều\s+(\d+)(?:${filler}\(\s*${docIdPattern}\s*\))?`, 'giu'),
      englishRef: new RegExp(String.raw`Article\s+(\d+)(?:\((\d+)\))?(?:${filler}\(\s*${docIdPattern}\s*\))?`, 'gu'),
      sectionRef: new RegExp(String.raw`(?:mục|section)\s+((?:I|II|III|IV|V)(?:\.\d+(?:\.[a-zđ])?)?)\b${filler}\(\s*${docIdPattern}\s*\)`, 'giu'),
      canonical: new Map(documentIds.map((id) => [normaliseDocId(id), id])),
    };
    patternCache.set(key, patterns);
  }
  return patterns;
}

/**
 * Finds every legal reference in generated text ("khoản 2 Điều 31 ... (19/2023/QH15)", "Điều 30",
 * "Article 31(2)", "mục IV.13 ... (KH-BD-CT30)"). A reference without a document id is taken to
 * mean the scheme's default document, which is how people and models write.
 */
export function findCitations(text: string, scheme: CitationScheme): FoundCitation[] {
  const { vietnameseRef, englishRef, sectionRef, canonical } = patternsFor(scheme.documentIds);
  const doc = (id: string | undefined) => (id === undefined ? (scheme.defaultDoc ?? '') : (canonical.get(normaliseDocId(id)) ?? id));
  const found: FoundCitation[] = [];
  for (const m of text.matchAll(vietnameseRef)) {
    found.push({ raw: m[0], ref: { doc: doc(m[3]), article: Number(m[2]), clause: m[1] ? Number(m[1]) : null, section: null } });
  }
  for (const m of text.matchAll(englishRef)) {
    found.push({ raw: m[0], ref: { doc: doc(m[3]), article: Number(m[1]), clause: m[2] ? Number(m[2]) : null, section: null } });
  }
  for (const m of text.matchAll(sectionRef)) {
    found.push({ raw: m[0], ref: { doc: doc(m[2]), article: null, clause: null, section: m[1]! } });
  }
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The citations that point nowhere: not in the corpus, or (when `allowed` is given) outside the
 * passages the answer was written from.
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
