import type { Passage } from '../knowledge/passage.ts';

export interface SearchOptions {
  /** How many passages to return (default 10). */
  readonly k?: number;
  /** Restrict to these document ids. */
  readonly docIds?: readonly string[];
}

export interface SearchHit {
  readonly passage: Passage;
  /** Fused score used for ranking, higher is better. */
  readonly score: number;
  readonly lexicalScore: number;
  readonly vectorScore: number;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /**
   * 0..1: how sure retrieval is that the top hits answer the query. Below the answerer's threshold
   * the bot admits it does not know rather than quoting a weak match.
   */
  readonly confidence: number;
  /** The query as the lexical index saw it after normalisation and expansion (for debugging). */
  readonly analyzedQuery: readonly string[];
}

/** What the answerer and the dialogue flows need from retrieval; HybridRetriever implements it. */
export interface PassageSearch {
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
}
