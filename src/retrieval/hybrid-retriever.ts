import { Document } from '@langchain/core/documents';
import type { Embeddings } from '@langchain/core/embeddings';
import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { normaliseDocId } from '../knowledge/knowledge-base.ts';
import type { Passage } from '../knowledge/passage.ts';
import { exactBigram, foldedBigram } from '../text/index-terms.ts';
import type { AnalyzedQuery, QueryAnalyzer } from '../text/query-analyzer.ts';
import type { Bm25Index } from './bm25-index.ts';
import { combineConfidence, confidenceSignals } from './confidence.ts';
import { CorpusEmbeddings } from './corpus-embeddings.ts';
import { SearchIndexError } from './retrieval-errors.ts';
import type { PassageSearch, SearchHit, SearchOptions, SearchResult } from './search-types.ts';
import type { VectorIndex } from './vector-index.ts';

/** How lexical and vector evidence are combined; tuned on the evaluation styles. */
export interface FusionParams {
  /** Weight of the normalised lexical score; the vector score gets the rest. */
  readonly lexicalWeight: number;
  readonly lexicalCandidates: number;
  readonly vectorCandidates: number;
  /**
   * Score factor for a plan's opening text (legal bases, the plan's name): it repeats the province
   * and the programme in every line, so it matches any question about the plan without answering it.
   */
  readonly preamblePrior: number;
}

export const defaultFusionParams: FusionParams = { lexicalWeight: 0.7, lexicalCandidates: 120, vectorCandidates: 60, preamblePrior: 0.75 };

export interface HybridRetrieverInput extends BaseRetrieverInput {
  /** Passages in index order: label i of both indexes is passages[i]. */
  readonly passages: readonly Passage[];
  readonly lexical: Bm25Index;
  readonly vectors: VectorIndex;
  readonly embeddings: Embeddings;
  readonly analyzer: QueryAnalyzer;
  readonly fusion?: FusionParams;
  /** How many Documents the LangChain interface returns. */
  readonly k?: number;
  /**
   * Score factors by document (normalised id -> factor, from each header's `searchPrior`): a text
   * of general rules ranks below the specialised law's clause that matches as well.
   */
  readonly docPriors?: ReadonlyMap<string, number>;
}

/** A distinct citation: an article of a legal text, or a plan section. */
export function citationKey(p: Passage): string {
  return `${p.docId}#${p.article ?? p.section ?? p.id}`;
}

/**
 * Hybrid retrieval over the knowledge passages: BM25F over analysed terms plus nearest neighbours
 * in the embedder's space, fused by a normalised score mix. The ranked list holds at most one
 * passage per citation, so five hits are five different places in the law.
 */
export class HybridRetriever extends BaseRetriever implements PassageSearch {
  static override lc_name(): string {
    return 'HybridRetriever';
  }

  lc_namespace = ['bvntd', 'retrieval', 'hybrid'];

  readonly passages: readonly Passage[];
  readonly k: number;
  private readonly lexical: Bm25Index;
  private readonly vectors: VectorIndex;
  private readonly embeddings: Embeddings;
  private readonly analyzer: QueryAnalyzer;
  private readonly fusion: FusionParams;
  private readonly docIndex: Map<string, number[]>;
  /** Each passage's score factor: its document's prior, times the preamble prior for a plan's opening text. */
  private readonly priors: number[];

  constructor(input: HybridRetrieverInput) {
    super(input);
    this.passages = input.passages;
    this.lexical = input.lexical;
    this.vectors = input.vectors;
    this.fusion = input.fusion ?? defaultFusionParams;
    this.k = input.k ?? 5;
    const lexical = input.lexical;
    // One-syllable slang must not fire inside a word the corpus uses ("kiện" in "điều kiện").
    this.analyzer = input.analyzer.withCorpusVocabulary(
      (a, b, exact) => lexical.has(exact ? exactBigram(a, b) : foldedBigram(a, b)),
      (folded) => lexical.has(folded),
    );
    this.embeddings = input.embeddings instanceof CorpusEmbeddings ? input.embeddings.withAnalyzer(this.analyzer) : input.embeddings;
    this.priors = this.passages.map(
      (p) => (p.article === null && p.section === null ? this.fusion.preamblePrior : 1) * (input.docPriors?.get(normaliseDocId(p.docId)) ?? 1),
    );
    this.docIndex = new Map();
    this.passages.forEach((p, i) => {
      const key = normaliseDocId(p.docId);
      const labels = this.docIndex.get(key);
      if (labels) labels.push(i);
      else this.docIndex.set(key, [i]);
    });
  }

  /** The analysis the lexical index sees for a query (for debugging and the answerer's term overlap). */
  analyze(query: string): AnalyzedQuery {
    return this.analyzer.analyze(query);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const k = options.k ?? 10;
    const analyzed = this.analyzer.analyze(query);
    const allowed = this.allowedFilter(options.docIds);
    const analyzedQuery = [...analyzed.terms.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    if (analyzed.terms.size === 0 || k <= 0) return { hits: [], confidence: 0, analyzedQuery };

    const vector = await this.embedQuery(query, analyzed);
    const lexHits = this.lexical.search(analyzed.terms, this.fusion.lexicalCandidates, allowed);
    const vecHits = this.vectors.search(vector, this.fusion.vectorCandidates, allowed);

    const candidates = new Map<number, { lexical: number; vector: number }>();
    for (const h of lexHits) candidates.set(h.doc, { lexical: h.score, vector: Number.NaN });
    for (const h of vecHits) {
      const c = candidates.get(h.label);
      if (c) c.vector = h.similarity;
      else candidates.set(h.label, { lexical: 0, vector: h.similarity });
    }
    for (const [label, c] of candidates) if (Number.isNaN(c.vector)) c.vector = this.vectors.similarity(vector, label);
    const maxLex = Math.max(1e-9, ...[...candidates.values()].map((c) => c.lexical));
    const maxVec = Math.max(1e-9, ...[...candidates.values()].map((c) => (Number.isNaN(c.vector) ? 0 : c.vector)));
    const w = this.fusion.lexicalWeight;
    const ranked = [...candidates.entries()]
      .map(([label, c]) => {
        const vec = Number.isNaN(c.vector) ? 0 : c.vector;
        const prior = this.priors[label]!;
        return { label, lexical: c.lexical, vector: vec, score: prior * (w * (c.lexical / maxLex) + (1 - w) * Math.max(0, vec / maxVec)) };
      })
      .sort((a, b) => b.score - a.score || a.label - b.label);

    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    for (const r of ranked) {
      const passage = this.passages[r.label]!;
      const key = citationKey(passage);
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push({ passage, score: r.score, lexicalScore: r.lexical, vectorScore: r.vector });
      if (hits.length >= k) break;
    }
    const top = ranked[0];
    const confidence = top ? combineConfidence(confidenceSignals(analyzed, this.lexical, top.label, top.vector)) : 0;
    return { hits, confidence, analyzedQuery };
  }

  override async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document[]> {
    const { hits } = await this.search(query, { k: this.k });
    return hits.map(
      (h) =>
        new Document({
          pageContent: h.passage.text,
          id: h.passage.id,
          metadata: {
            id: h.passage.id,
            doc: h.passage.docId,
            article: h.passage.article,
            clause: h.passage.clause,
            section: h.passage.section,
            title: h.passage.articleTitle ?? h.passage.sectionTitle,
            score: h.score,
            lexicalScore: h.lexicalScore,
            vectorScore: h.vectorScore,
          },
        }),
    );
  }

  private async embedQuery(query: string, analyzed: AnalyzedQuery): Promise<Float32Array | number[]> {
    if (this.embeddings instanceof CorpusEmbeddings) return this.embeddings.embedAnalyzedQuery(analyzed);
    const v = await this.embeddings.embedQuery(query);
    if (v.length !== this.vectors.dimensions) {
      throw new SearchIndexError(`the embedder returned ${v.length} dimensions, the index holds ${this.vectors.dimensions}`);
    }
    return v;
  }

  private allowedFilter(docIds: readonly string[] | undefined): ((label: number) => boolean) | undefined {
    if (!docIds || docIds.length === 0) return undefined;
    const allowed = new Set<number>();
    for (const id of docIds) for (const label of this.docIndex.get(normaliseDocId(id)) ?? []) allowed.add(label);
    return (label) => allowed.has(label);
  }
}

