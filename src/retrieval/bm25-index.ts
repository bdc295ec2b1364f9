import { documentTermCounts } from '../text/index-terms.ts';
import { tokenize } from '../text/tokenizer.ts';
import { readArrays, requireArray, writeArrays } from './binary-arrays.ts';
import { SearchIndexError } from './retrieval-errors.ts';

/** A field of an indexed document and how much a match in it counts (BM25F). */
export interface FieldSpec {
  readonly weight: number;
  /** Length normalisation: 0 ignores length, 1 fully normalises. */
  readonly b: number;
}

export interface Bm25Params {
  readonly k1: number;
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

export const defaultBm25Params: Bm25Params = {
  k1: 1.2,
  fields: {
    title: { weight: 3.5, b: 0.6 },
    context: { weight: 0.5, b: 0.5 },
    body: { weight: 1, b: 0.75 },
  },
};

export interface LexicalHit {
  readonly doc: number;
  readonly score: number;
}

interface Meta {
  readonly version: 2;
  readonly params: Bm25Params;
  readonly docCount: number;
  readonly statisticsDocCount: number;
  readonly terms: string[];
}

export interface Bm25BuildOptions {
  /**
   * Which documents the corpus statistics (idf, average field lengths) are taken from; all when
   * absent. The others are indexed and scored with those statistics but do not shape them: a
   * repealed text that repeats its successor's wording would otherwise halve the weight of the
   * words both share.
   */
  readonly inStatistics?: (doc: number) => boolean;
}

/**
 * BM25F over analysed terms, stored as impact postings: each posting already holds
 * idf·tf/(k1+tf) for its term and document, so a query is a weighted sum over a few posting lists
 * (no per-query normalisation work) and the whole index is a few flat arrays.
 */
export class Bm25Index {
  private constructor(
    readonly params: Bm25Params,
    readonly docCount: number,
    /** Documents the statistics were taken from (docCount unless some were left out of them). */
    readonly statisticsDocCount: number,
    private readonly termIds: ReadonlyMap<string, number>,
    /** Postings of term t are [offsets[t], offsets[t+1]) in docs/impacts, docs ascending. */
    private readonly offsets: Uint32Array,
    private readonly docs: Uint32Array,
    private readonly impacts: Float32Array,
    private readonly terms: readonly string[],
    /** Per term: how many of the statistics' documents hold it. */
    private readonly statisticsDf: Uint32Array,
  ) {}

  static build(documents: readonly Readonly<Record<string, string>>[], params: Bm25Params = defaultBm25Params, options: Bm25BuildOptions = {}): Bm25Index {
    const fieldNames = Object.keys(params.fields);
    let inStats = documents.map((_, d) => options.inStatistics?.(d) ?? true);
    if (!inStats.includes(true)) inStats = inStats.map(() => true); // nothing left out when nothing would remain
    const statsCount = inStats.filter(Boolean).length;
    // Two passes over the text rather than keeping every document's term counts: the first only
    // measures field lengths (BM25 needs their averages), the second turns counts into postings
    // document by document, so memory holds the postings and one document at a time.
    const lengths = documents.map((doc) => fieldNames.map((f) => tokenize(doc[f] ?? '').length));
    const avgLength = fieldNames.map((_, fi) => Math.max(1, lengths.reduce((s, l, d) => s + (inStats[d] ? l[fi]! : 0), 0) / Math.max(1, statsCount)));

    const postings = new Map<string, { docs: number[]; tfs: number[] }>();
    documents.forEach((doc, d) => {
      const tf = new Map<string, number>();
      fieldNames.forEach((f, fi) => {
        const spec = params.fields[f]!;
        const norm = 1 - spec.b + (spec.b * lengths[d]![fi]!) / avgLength[fi]!;
        for (const [term, n] of documentTermCounts(tokenize(doc[f] ?? ''))) tf.set(term, (tf.get(term) ?? 0) + (spec.weight * n) / norm);
      });
      for (const [term, value] of tf) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = { docs: [], tfs: [] }));
        list.docs.push(d);
        list.tfs.push(value);
      }
    });

    const terms = [...postings.keys()].sort();
    const offsets = new Uint32Array(terms.length + 1);
    let total = 0;
    terms.forEach((t, i) => {
      offsets[i] = total;
      total += postings.get(t)!.docs.length;
    });
    offsets[terms.length] = total;
    const docs = new Uint32Array(total);
    const impacts = new Float32Array(total);
    const statisticsDf = new Uint32Array(terms.length);
    terms.forEach((t, i) => {
      const list = postings.get(t)!;
      const df = list.docs.reduce((n, d) => n + (inStats[d] ? 1 : 0), 0);
      statisticsDf[i] = df;
      const idf = idfOf(statsCount, df);
      list.docs.forEach((d, j) => {
        const tf = list.tfs[j]!;
        docs[offsets[i]! + j] = d;
        impacts[offsets[i]! + j] = (idf * tf * (params.k1 + 1)) / (tf + params.k1);
      });
    });
    return new Bm25Index(params, documents.length, statsCount, new Map(terms.map((t, i) => [t, i])), offsets, docs, impacts, terms, statisticsDf);
  }

  get vocabularySize(): number {
    return this.terms.length;
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** How many of the statistics' documents hold the term. */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.statisticsDf[id]!;
  }

  idf(term: string): number {
    return idfOf(this.statisticsDocCount, this.documentFrequency(term));
  }

  /** The idf of a term no document of the statistics holds: the highest there is. */
  get maxIdf(): number {
    return idfOf(this.statisticsDocCount, 0);
  }

  /** The impact of `term` in document `doc` (0 when absent), by binary search in its postings. */
  impact(term: string, doc: number): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    let lo = this.offsets[id]!;
    let hi = this.offsets[id + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.docs[mid]!;
      if (d === doc) return this.impacts[mid]!;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** The highest impact the term has anywhere: what a perfect match on it would score. */
  maxImpact(term: string): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    let max = 0;
    for (let i = this.offsets[id]!; i < this.offsets[id + 1]!; i++) max = Math.max(max, this.impacts[i]!);
    return max;
  }

  /** Reused accumulator: a query touches few documents, so it is cleared by hand, not reallocated. */
  private scratch: Float64Array | null = null;
  private touched: Uint32Array | null = null;

  /** Scores every document matching any term; `allowed` restricts to some documents. */
  search(query: ReadonlyMap<string, number>, limit: number, allowed?: (doc: number) => boolean): LexicalHit[] {
    const scores = (this.scratch ??= new Float64Array(this.docCount));
    const touched = (this.touched ??= new Uint32Array(this.docCount));
    let touchedCount = 0;
    for (const [term, weight] of query) {
      const id = this.termIds.get(term);
      if (id === undefined || weight <= 0) continue;
      for (let i = this.offsets[id]!; i < this.offsets[id + 1]!; i++) {
        const d = this.docs[i]!;
        if (scores[d] === 0) touched[touchedCount++] = d;
        scores[d]! += weight * this.impacts[i]!;
      }
    }
    // Keep the best `limit` in a small min-heap: on a large corpus a query touches most documents,
    // and sorting them all would cost more than scoring them.
    const heap = new TopK(limit);
    for (let i = 0; i < touchedCount; i++) {
      const d = touched[i]!;
      if (!allowed || allowed(d)) heap.offer(d, scores[d]!);
      scores[d] = 0;
    }
    return heap.sorted();
  }

  async save(file: string): Promise<void> {
    const meta: Meta = { version: 2, params: this.params, docCount: this.docCount, statisticsDocCount: this.statisticsDocCount, terms: [...this.terms] };
    await writeArrays(file, meta, { offsets: this.offsets, docs: this.docs, impacts: this.impacts, statisticsDf: this.statisticsDf });
  }

  static async load(file: string): Promise<Bm25Index> {
    const { meta, arrays } = await readArrays(file);
    const m = meta as Partial<Meta>;
    if (m?.version !== 2 || !Array.isArray(m.terms) || typeof m.docCount !== 'number' || typeof m.statisticsDocCount !== 'number' || !m.params) {
      throw new SearchIndexError(`${file}: not a lexical index of this version`);
    }
    const offsets = requireArray(arrays, 'offsets', Uint32Array, file);
    if (offsets.length !== m.terms.length + 1) throw new SearchIndexError(`${file}: postings do not match the vocabulary`);
    const statisticsDf = requireArray(arrays, 'statisticsDf', Uint32Array, file);
    if (statisticsDf.length !== m.terms.length) throw new SearchIndexError(`${file}: document frequencies do not match the vocabulary`);
    return new Bm25Index(
      m.params,
      m.docCount,
      m.statisticsDocCount,
      new Map(m.terms.map((t, i) => [t, i])),
      offsets,
      requireArray(arrays, 'docs', Uint32Array, file),
      requireArray(arrays, 'impacts', Float32Array, file),
      m.terms,
      statisticsDf,
    );
  }
}

function idfOf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** The k best (doc, score) pairs seen, as a binary min-heap on score (ties: lower doc wins). */
class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  offer(doc: number, score: number): void {
    if (this.k <= 0) return;
    if (this.docs.length < this.k) {
      this.docs.push(doc);
      this.scores.push(score);
      this.up(this.docs.length - 1);
    } else if (this.better(doc, score, 0)) {
      this.docs[0] = doc;
      this.scores[0] = score;
      this.down(0);
    }
  }

  sorted(): LexicalHit[] {
    return this.docs
      .map((doc, i) => ({ doc, score: this.scores[i]! }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** Whether (doc, score) ranks above the entry at heap position i. */
  private better(doc: number, score: number, i: number): boolean {
    const s = this.scores[i]!;
    return score > s || (score === s && doc < this.docs[i]!);
  }

  private swap(i: number, j: number): void {
    [this.docs[i], this.docs[j]] = [this.docs[j]!, this.docs[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(this.docs[parent]!, this.scores[parent]!, i)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.docs.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && this.better(this.docs[worst]!, this.scores[worst]!, l)) worst = l;
      if (r < n && this.better(this.docs[worst]!, this.scores[worst]!, r)) worst = r;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }
}
