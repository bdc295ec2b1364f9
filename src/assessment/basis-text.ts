import type { Locale } from '../i18n/translator.ts';
import { formatCitation } from '../knowledge/citation.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Basis } from './criteria-schema.ts';

/**
 * How a basis reads to people. The full form ("điểm đ khoản 2 Điều 30 Luật ... (19/2023/QH15)") goes
 * in the report and the "why" answer; the short form ("Điều 30.2đ, 31.2 (19/2023/QH15)") in chat lists.
 */
export function fullCitation(b: Basis, kb: KnowledgeBase, locale: Locale): string {
  const metadata = kb.document(b.doc)?.metadata;
  const doc = metadata ? { id: metadata.id, citationName: locale === 'en' ? metadata.citationNameEn : metadata.citationName } : { id: b.doc, citationName: b.doc };
  if ('section' in b) {
    return locale === 'en' ? `section ${b.section} of the ${doc.citationName} (${doc.id})` : formatCitation({ doc: b.doc, article: null, clause: null, section: b.section }, doc);
  }
  if (locale === 'en') {
    const where = `Article ${b.article}${b.clause === undefined ? '' : `(${b.clause})`}${b.point === undefined ? '' : `(${b.point})`}`;
    return `${where}, ${doc.citationName} (${doc.id})`;
  }
  const citation = formatCitation({ doc: b.doc, article: b.article, clause: b.clause ?? null, section: null }, doc);
  return b.point === undefined ? citation : `điểm ${b.point} ${citation}`;
}

/** Bases grouped by document: "Điều 31.1, 30.2.đ (19/2023/QH15); mục II.6.b (KH-KH-2017-2020)". */
export function shortCitations(bases: readonly Basis[], locale: Locale): string {
  const byDoc = new Map<string, string[]>();
  for (const b of bases) {
    const refs = byDoc.get(b.doc) ?? [];
    refs.push('section' in b ? b.section : [b.article, b.clause, b.point].filter((x) => x !== undefined).join('.'));
    byDoc.set(b.doc, refs);
  }
  return [...byDoc.entries()]
    .map(([doc, refs]) => {
      const isPlan = bases.some((b) => b.doc === doc && 'section' in b);
      const label = isPlan ? (locale === 'en' ? 'section' : 'mục') : locale === 'en' ? 'Art.' : 'Điều';
      return `${label} ${refs.join(', ')} (${doc})`;
    })
    .join('; ');
}

/** The words of the cited text: the point, the clause with its points, the article, or the plan section. */
export function quoteOf(b: Basis, kb: KnowledgeBase): string | undefined {
  if ('section' in b) {
    const exact = kb.passage(`${b.doc}#${b.section}`);
    if (exact) return exact.text;
    const subs = kb.passages.filter((p) => p.docId === kb.document(b.doc)?.metadata.id && p.section?.startsWith(`${b.section}.`));
    return subs.length > 0 ? subs.map((p) => p.text).join('\n') : undefined;
  }
  const article = kb.article(b.doc, b.article);
  if (!article) return undefined;
  if (b.clause === undefined) {
    const clauses = article.clauses.map((c) => [`${c.number}. ${c.text}`, ...c.points.map((p) => `${p.letter}) ${p.text}`)].join('\n'));
    return [article.lead, ...clauses].filter((s) => s !== '').join('\n');
  }
  const clause = article.clauses.find((c) => c.number === b.clause);
  if (!clause) return undefined;
  if (b.point !== undefined) {
    const point = clause.points.find((p) => p.letter === b.point);
    return point ? `${point.letter}) ${point.text}` : undefined;
  }
  return [`${clause.number}. ${clause.text}`, ...clause.points.map((p) => `${p.letter}) ${p.text}`)].join('\n');
}

/**
 * Full citations grouped by document, for the report's narrow basis column: "Luật Bảo vệ quyền lợi
 * người tiêu dùng 2023 (19/2023/QH15): khoản 1, 2 Điều 31; điểm đ, e khoản 1 Điều 10".
 */
export function groupedCitations(bases: readonly Basis[], kb: KnowledgeBase, locale: Locale): string {
  const docs = [...new Set(bases.map((b) => b.doc))];
  return docs
    .map((docId) => {
      const metadata = kb.document(docId)?.metadata;
      const name = metadata ? `${locale === 'en' ? metadata.citationNameEn : metadata.citationName} (${metadata.id})` : docId;
      const own = bases.filter((b) => b.doc === docId);
      const sections = own.flatMap((b) => ('section' in b ? [b.section] : []));
      const refs: string[] = sections.length > 0 ? [`${locale === 'en' ? 'sections' : 'mục'} ${sections.join(', ')}`] : [];
      const articles = [...new Set(own.flatMap((b) => ('article' in b ? [b.article] : [])))];
      for (const article of articles) refs.push(articleRef(article, own.filter((b): b is Extract<Basis, { article: number }> => 'article' in b && b.article === article), locale));
      return `${name}: ${refs.join('; ')}`;
    })
    .join('. ');
}

function articleRef(article: number, bases: ReadonlyArray<Extract<Basis, { article: number }>>, locale: Locale): string {
  if (locale === 'en') return bases.map((b) => `Art. ${article}${b.clause === undefined ? '' : `(${b.clause})`}${b.point === undefined ? '' : `(${b.point})`}`).join(', ');
  if (bases.some((b) => b.clause === undefined)) return `Điều ${article}`;
  const wholeClauses = [...new Set(bases.filter((b) => b.point === undefined).map((b) => b.clause!))];
  const parts = wholeClauses.length > 0 ? [`khoản ${wholeClauses.join(', ')}`] : [];
  const pointed = [...new Set(bases.filter((b) => b.point !== undefined).map((b) => b.clause!))].filter((c) => !wholeClauses.includes(c));
  for (const clause of pointed) parts.push(`điểm ${bases.filter((b) => b.clause === clause && b.point !== undefined).map((b) => b.point).join(', ')} khoản ${clause}`);
  return `${parts.join(', ')} Điều ${article}`;
}
