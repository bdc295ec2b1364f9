import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { calendarDay, type LegalTimeline } from '../knowledge/legal-timeline.ts';

/** The answers' view of the timeline: what to search, and what a former text's status is. */
export interface LegalFacts {
  /** Documents to search for a question asked on `day`: texts in force then, and the plans. */
  searchableOn(day: Date): readonly string[];
  /** Texts replaced by `day` that an earlier transaction may still be governed by. */
  formerTextsOn(day: Date): readonly string[];
  /** The day a text stopped applying to new transactions, or null while it applies. */
  cutOverOf(docId: string): string | null;
  /** The latest cut-over on or before `day`: the date a question's transaction is compared with. */
  latestCutOver(day: Date): string | null;
  /** The transitional provision of the law that replaced a text ("khoản 1 Điều 80 …"), when held. */
  transitionalOf(docId: string): { readonly doc: string; readonly article: number; readonly clause?: number } | null;
}

/**
 * Read from the documents' metadata through the knowledge base's timeline: no law id in code, so
 * dropping in a new law with `replaces:` moves the cut-over and the searchable set with it.
 */
export function legalFactsOf(knowledgeBase: KnowledgeBase): LegalFacts {
  const timeline: LegalTimeline = knowledgeBase.timeline;
  return {
    searchableOn: (day) => timeline.searchableOn(day),
    formerTextsOn: (day) => {
      const replaced = timeline.successions().filter((s) => s.cutOver <= calendarDay(day) && knowledgeBase.document(s.replaced) !== undefined);
      return [...new Set(replaced.map((s) => knowledgeBase.document(s.replaced)!.metadata.id))];
    },
    cutOverOf: (docId) => timeline.successorOf(docId)?.cutOver ?? null,
    latestCutOver: (day) => timeline.successions().filter((s) => s.cutOver <= calendarDay(day)).at(-1)?.cutOver ?? null,
    transitionalOf: (docId) => {
      const successor = timeline.successorOf(docId);
      const law = successor ? timeline.lawOf(successor.by) : undefined;
      const article = law ? knowledgeBase.document(law.id)?.articles.find((a) => /chuyển tiếp/i.test(a.title)) : undefined;
      if (!law || !article) return null;
      // The clause about contracts and transactions made before the cut-over, when the article has one.
      const clause = article.clauses.find((c) => /giao dịch/i.test(c.text))?.number;
      return { doc: law.id, article: article.number, ...(clause === undefined ? {} : { clause }) };
    },
  };
}
