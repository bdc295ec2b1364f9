import { foldPhrase } from '../../src/complaints/folded-text.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { PassageSearch, SearchOptions, SearchResult } from '../../src/retrieval/search-types.ts';

/**
 * A small, real PassageSearch: ranks passages by how many distinct query words (folded, 3+ letters)
 * they contain. Deterministic and fast, for tests of code built on the search contract.
 */
export class KeywordPassageSearch implements PassageSearch {
  private readonly folded: ReadonlyArray<{ words: ReadonlySet<string> }>;

  constructor(private readonly knowledgeBase: KnowledgeBase) {
    this.folded = knowledgeBase.passages.map((p) => ({ words: new Set(foldPhrase(p.text).split(/[^a-z0-9]+/)) }));
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const terms = [...new Set(foldPhrase(query).split(/[^a-z0-9]+/).filter((w) => w.length >= 3))];
    const scored = this.knowledgeBase.passages
      .map((passage, i) => ({ passage, score: terms.filter((t) => this.folded[i]!.words.has(t)).length }))
      .filter((h) => h.score > 0 && (!options.docIds || options.docIds.includes(h.passage.docId)))
      .sort((a, b) => b.score - a.score)
      .slice(0, options.k ?? 10);
    const top = scored[0]?.score ?? 0;
    return {
      hits: scored.map((h) => ({ passage: h.passage, score: h.score, lexicalScore: h.score, vectorScore: 0 })),
      confidence: terms.length === 0 ? 0 : Math.min(1, top / terms.length),
      analyzedQuery: terms,
    };
  }
}
