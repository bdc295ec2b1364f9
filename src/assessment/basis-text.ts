import type { Translator } from '../i18n/translator.ts';
import { documentName, formatCitation, lawName } from '../knowledge/citation.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Basis } from './criteria-schema.ts';

/**
 * How a basis reads to people, the same way in the chat and in the report ("điểm đ khoản 2 Điều 30",
 * never "Điều 30.2.đ"). A text no longer in force on the day (the Khánh Hòa plan 2017–2020) is
 * still cited where a criterion came from it, and says plainly that it has expired.
 */
export function fullCitation(b: Basis, kb: KnowledgeBase, t: Translator, day: Date): string {
  return `${citationOf(b, kb, t.locale)}${historical(b.doc, kb, t, day)}`;
}

function citationOf(b: Basis, kb: KnowledgeBase, locale: Translator['locale']): string {
  const metadata = kb.document(b.doc)?.metadata;
  const doc = metadata ? { id: metadata.id, citationName: documentName(metadata, locale) } : { id: b.doc, citationName: b.doc };
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
export function groupedCitations(bases: readonly Basis[], kb: KnowledgeBase, t: Translator, day: Date): string {
  const locale = t.locale;
  const docs = [...new Set(bases.map((b) => b.doc))];
  return docs
    .map((docId) => {
      const metadata = kb.document(docId)?.metadata;
      const name = `${metadata ? lawName(metadata, locale) : docId}${historical(docId, kb, t, day)}`;
      const own = bases.filter((b) => b.doc === docId);
      const sections = own.flatMap((b) => ('section' in b ? [b.section] : []));
      const refs: string[] = sections.length > 0 ? [`${locale === 'en' ? 'sections' : 'mục'} ${sections.join(', ')}`] : [];
      const articles = [...new Set(own.flatMap((b) => ('article' in b ? [b.article] : [])))];
      for (const article of articles) refs.push(articleRef(article, own.filter((b): b is Extract<Basis, { article: number }> => 'article' in b && b.article === article), locale));
      return `${name}: ${refs.join('; ')}`;
    })
    .join('. ');
}

/** ", áp dụng đến 31/12/2020, nay đã hết hiệu lực; chỉ nêu để tham khảo" for a text not in force on the day. */
function historical(docId: string, kb: KnowledgeBase, t: Translator, day: Date): string {
  const metadata = kb.document(docId)?.metadata;
  if (!metadata || kb.timeline.isInForce(metadata.id, day)) return '';
  return metadata.effectiveTo ? t.t('assessment.basis.expired', { date: metadata.effectiveTo.split('-').reverse().join('/') }) : t.t('assessment.basis.notInForce');
}

function articleRef(article: number, bases: ReadonlyArray<Extract<Basis, { article: number }>>, locale: Translator['locale']): string {
  if (locale === 'en') return bases.map((b) => `Art. ${article}${b.clause === undefined ? '' : `(${b.clause})`}${b.point === undefined ? '' : `(${b.point})`}`).join(', ');
  if (bases.some((b) => b.clause === undefined)) return `Điều ${article}`;
  const wholeClauses = [...new Set(bases.filter((b) => b.point === undefined).map((b) => b.clause!))];
  const parts = wholeClauses.length > 0 ? [`khoản ${wholeClauses.join(', ')}`] : [];
  const pointed = [...new Set(bases.filter((b) => b.point !== undefined).map((b) => b.clause!))].filter((c) => !wholeClauses.includes(c));
  for (const clause of pointed) parts.push(`điểm ${bases.filter((b) => b.clause === clause && b.point !== undefined).map((b) => b.point).join(', ')} khoản ${clause}`);
  return `${parts.join(', ')} Điều ${article}`;
}
