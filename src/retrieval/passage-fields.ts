import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Passage } from '../knowledge/passage.ts';

/**
 * What the index reads for a passage. A clause alone often lacks its subject ("3. ... trong thời hạn
 * 03 ngày làm việc"): the article title and lead, the chapter, the plan's province and the parent
 * section say what it is about, so they are indexed beside it in fields of their own.
 */
export interface PassageFields {
  /** Article title or plan section title: the strongest evidence of topic. */
  readonly title: string;
  /** Headings, article lead, parent sections, document title and province. */
  readonly context: string;
  readonly body: string;
}

/** Passages worth showing: a plan part with no text of its own ("II. NỘI DUNG KẾ HOẠCH") is not. */
export function searchablePassages(kb: KnowledgeBase): Passage[] {
  return kb.passages.filter((p) => p.text.trim() !== '');
}

export function passageFields(kb: KnowledgeBase, p: Passage): PassageFields {
  const doc = kb.document(p.docId);
  const docName = doc ? [doc.metadata.title, doc.metadata.province ?? ''].join(' ') : p.docId;
  if (p.article !== null) {
    const article = kb.article(p.docId, p.article);
    const lead = p.clause !== null && article ? article.lead : '';
    return { title: p.articleTitle ?? '', context: [...p.headings, lead, docName].join('\n'), body: p.text };
  }
  const parents: string[] = [];
  if (p.section && doc) {
    const parts = p.section.split('.');
    for (let n = parts.length - 1; n >= 1; n--) {
      const id = parts.slice(0, n).join('.');
      const parent = doc.sections.find((s) => s.id === id);
      if (parent) parents.push(parent.title);
    }
  }
  return { title: p.sectionTitle ?? '', context: [...parents, docName].join('\n'), body: p.text };
}

/** One string per passage for embedders that take plain text (title first: it carries the topic). */
export function passageText(fields: PassageFields): string {
  return [fields.title, fields.context, fields.body].filter((s) => s !== '').join('\n');
}
