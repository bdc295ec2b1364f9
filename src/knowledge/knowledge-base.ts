import { normaliseDocId } from './document-id.ts';
import type { DocumentMetadata } from './document-metadata.ts';
import type { LegalArticle, PlanSection } from './legal-structure.ts';
import { LegalTimeline } from './legal-timeline.ts';
import { passageId, type Passage } from './passage.ts';

export interface KnowledgeDocument {
  readonly metadata: DocumentMetadata;
  /** Legal texts: their articles; empty for plans. */
  readonly articles: readonly LegalArticle[];
  /** Plans: their sections; empty for legal texts. */
  readonly sections: readonly PlanSection[];
  /** Relative path of the file it was read from. */
  readonly file: string;
  /** sha256 of the file, so an index built from other text is recognised as stale. */
  readonly checksum: string;
}

/** Everything the bot may cite, with lookups by citation. Immutable once loaded. */
export class KnowledgeBase {
  readonly passages: readonly Passage[];
  /** What is in force when, read from the documents' metadata. */
  readonly timeline: LegalTimeline;
  private readonly byDoc = new Map<string, KnowledgeDocument>();
  private readonly byKey = new Map<string, Passage>();
  private readonly byArticle = new Map<string, Passage[]>();

  constructor(readonly documents: readonly KnowledgeDocument[]) {
    for (const doc of documents) this.byDoc.set(normaliseDocId(doc.metadata.id), doc);
    this.timeline = new LegalTimeline(documents.map((d) => d.metadata));
    this.passages = documents.flatMap(passagesOf);
    for (const p of this.passages) {
      this.byKey.set(normaliseDocId(p.id), p);
      if (p.article === null) continue;
      const key = articleKey(p.docId, p.article);
      const list = this.byArticle.get(key);
      if (list) list.push(p);
      else this.byArticle.set(key, [p]);
    }
  }

  document(id: string): KnowledgeDocument | undefined {
    return this.byDoc.get(normaliseDocId(id));
  }

  passage(id: string): Passage | undefined {
    return this.byKey.get(normaliseDocId(id));
  }

  /** The passages (clauses, and a substantive lead) of one article, in order. */
  articlePassages(docId: string, article: number): readonly Passage[] {
    return this.byArticle.get(articleKey(docId, article)) ?? [];
  }

  article(docId: string, article: number): LegalArticle | undefined {
    return this.document(docId)?.articles.find((a) => a.number === article);
  }

  /**
   * Does this citation point at text the bot holds? A clause must exist in its article; a plan
   * section must exist or have sub-sections (citing "II.5" covers "II.5.a").
   */
  resolves(citation: { doc: string; article?: number | null; clause?: number | null; section?: string | null }): boolean {
    const doc = this.document(citation.doc);
    if (!doc) return false;
    if (citation.section) {
      const s = citation.section;
      return doc.sections.some((sec) => sec.id === s || sec.id.startsWith(`${s}.`));
    }
    if (citation.article == null) return false;
    const article = doc.articles.find((a) => a.number === citation.article);
    if (!article) return false;
    return citation.clause == null || article.clauses.some((c) => c.number === citation.clause);
  }

  /** Checksum over every document, recorded in the index manifest. */
  get fingerprint(): string {
    return this.documents.map((d) => `${d.metadata.id}:${d.checksum}`).join('|');
  }
}

// Kept importable from here: retrieval and the loader compare ids through the knowledge base.
export { normaliseDocId };

function articleKey(docId: string, article: number): string {
  return `${normaliseDocId(docId)}#${article}`;
}

function passagesOf(doc: KnowledgeDocument): Passage[] {
  const docId = doc.metadata.id;
  const fromArticles = doc.articles.flatMap((a): Passage[] => {
    const base = { docId, article: a.number, articleTitle: a.title, section: null, sectionTitle: null, headings: a.headings };
    if (a.clauses.length === 0) {
      return [{ ...base, id: passageId(docId, String(a.number)), clause: null, text: a.lead }];
    }
    const clauses = a.clauses.map(
      (c): Passage => ({
        ...base,
        id: passageId(docId, `${a.number}.${c.number}`),
        clause: c.number,
        text: [`${c.number}. ${c.text}`, ...c.points.map((p) => `${p.letter}) ${p.text}`)].join('\n'),
      }),
    );
    // A lead that says more than "the terms below mean:" carries content of its own.
    return a.lead.length > 120
      ? [{ ...base, id: passageId(docId, String(a.number)), clause: null, text: a.lead }, ...clauses]
      : clauses;
  });
  const fromSections = doc.sections.map(
    (s): Passage => ({
      id: passageId(docId, s.id === '' ? 'preamble' : s.id),
      docId,
      article: null,
      articleTitle: null,
      clause: null,
      section: s.id === '' ? null : s.id,
      sectionTitle: s.title,
      headings: [],
      text: s.text,
    }),
  );
  return [...fromArticles, ...fromSections];
}
