import { createHash } from 'node:crypto';
import { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { defaultQueryAnalyzer } from '../text/analyzer.ts';
import type { AnalyzedQuery, QueryAnalyzer } from '../text/query-analyzer.ts';
import { readArrays, requireArray, writeArrays } from './binary-arrays.ts';
import { documentFeatures, featureGroups, groupOf, queryFeatures, type FeatureGroup } from './corpus-features.ts';
import { seededRandom } from '../shared/seeded-random.ts';
import { randomizedSvd, type SparseRows } from './linear-algebra.ts';
import { CorpusEmbeddingsError } from './retrieval-errors.ts';

/**
 * Everything that determines the fitted model; its hash goes into the index manifest so an index
 * built with other parameters is rebuilt rather than queried with a different embedder.
 */
export const corpusEmbeddingsParamsSchema = z
  .object({
    version: z.literal(1).default(1),
    dimensions: z.number().int().min(8).max(1024).default(128),
    charN: z.number().int().min(2).max(5).default(3),
    minDf: z.object({ word: z.number().int().min(1), bigram: z.number().int().min(1), char: z.number().int().min(1) }).default({ word: 1, bigram: 2, char: 2 }),
    groupWeights: z.object({ word: z.number().min(0), bigram: z.number().min(0), char: z.number().min(0) }).default({ word: 1, bigram: 0.8, char: 0.5 }),
    maxFeatures: z.number().int().min(100).default(40_000),
    /** Larger corpora are fitted on a deterministic sample of this many passages, then all are projected. */
    maxFitDocuments: z.number().int().min(10).default(2_500),
    oversample: z.number().int().min(0).default(12),
    powerIterations: z.number().int().min(0).max(8).default(2),
    seed: z.number().int().default(20_240_701),
  })
  .strict();

export type CorpusEmbeddingsParams = z.infer<typeof corpusEmbeddingsParamsSchema>;
export type CorpusEmbeddingsParamsInput = z.input<typeof corpusEmbeddingsParamsSchema>;

export function corpusParamsHash(params: CorpusEmbeddingsParams): string {
  return createHash('sha256').update(JSON.stringify(params)).digest('hex').slice(0, 16);
}

interface ModelMeta {
  readonly kind: 'corpus-lsa';
  readonly params: CorpusEmbeddingsParams;
  readonly features: string[];
  readonly dimensions: number;
  readonly fittedOn: number;
}

export interface FitProgress {
  readonly step: 'features' | 'svd' | 'done';
  readonly done: number;
  readonly total: number;
}

/**
 * The default embedder: latent semantic analysis fitted on the corpus itself. TF-IDF over
 * accent-free words, syllable pairs and character trigrams is reduced by a randomised truncated
 * SVD, so passages that share vocabulary patterns sit close even when a question uses only some
 * of their words. No weights come from outside: the model is a vocabulary, idf values and a
 * projection matrix, saved beside the index and loaded in milliseconds.
 */
export class CorpusEmbeddings extends Embeddings {
  readonly dimensions: number;
  readonly paramsHash: string;
  private readonly featureIds: Map<string, number>;
  private readonly featureGroup: Uint8Array;

  private constructor(
    readonly params: CorpusEmbeddingsParams,
    private readonly features: readonly string[],
    /** idf per feature. */
    private readonly idf: Float32Array,
    /** features × dimensions, row-major. */
    private readonly projection: Float32Array,
    dimensions: number,
    readonly fittedOn: number,
    private readonly analyzer: QueryAnalyzer,
  ) {
    super({});
    this.dimensions = dimensions;
    this.paramsHash = corpusParamsHash(params);
    this.featureIds = new Map(features.map((f, i) => [f, i]));
    this.featureGroup = Uint8Array.from(features, (f) => featureGroups.indexOf(groupOf(f)));
  }

  static fit(
    texts: readonly string[],
    paramsInput: CorpusEmbeddingsParamsInput = {},
    options: { analyzer?: QueryAnalyzer; onProgress?: (p: FitProgress) => void } = {},
  ): CorpusEmbeddings {
    const params = corpusEmbeddingsParamsSchema.parse(paramsInput);
    if (texts.length < 2) throw new CorpusEmbeddingsError('the corpus embedder needs at least two passages to fit');
    const sample = sampleIndices(texts.length, params.maxFitDocuments, params.seed);
    const counts = sample.map((i, n) => {
      if (n % 200 === 0) options.onProgress?.({ step: 'features', done: n, total: sample.length });
      return documentFeatures(texts[i]!, params.charN);
    });

    const df = new Map<string, number>();
    for (const c of counts) for (const f of c.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    const features = [...df.entries()]
      .filter(([f, n]) => n >= params.minDf[groupOf(f)])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, params.maxFeatures)
      .map(([f]) => f)
      .sort();
    const n = sample.length;
    const idf = Float32Array.from(features, (f) => Math.log((1 + n) / (1 + df.get(f)!)) + 1);
    const ids = new Map(features.map((f, i) => [f, i]));
    const groups = Uint8Array.from(features, (f) => featureGroups.indexOf(groupOf(f)));

    const rowPtr = new Uint32Array(n + 1);
    const cols: number[] = [];
    const vals: number[] = [];
    counts.forEach((c, row) => {
      const entries: [number, number][] = [];
      for (const [f, count] of c) {
        const id = ids.get(f);
        if (id !== undefined) entries.push([id, 1 + Math.log(count)]);
      }
      weighAndNormalize(entries, idf, groups, params.groupWeights);
      entries.sort((a, b) => a[0] - b[0]);
      for (const [id, v] of entries) {
        cols.push(id);
        vals.push(v);
      }
      rowPtr[row + 1] = cols.length;
    });
    const x: SparseRows = { rows: n, cols: features.length, rowPtr, colIdx: Uint32Array.from(cols), vals: Float64Array.from(vals) };
    options.onProgress?.({ step: 'svd', done: 0, total: 1 });
    const rank = Math.min(params.dimensions, n - 1, features.length);
    const svd = randomizedSvd(x, rank, { oversample: params.oversample, powerIterations: params.powerIterations, seed: params.seed });
    options.onProgress?.({ step: 'done', done: 1, total: 1 });
    return new CorpusEmbeddings(
      params,
      features,
      idf,
      Float32Array.from(svd.right),
      svd.rank,
      n,
      options.analyzer ?? defaultQueryAnalyzer(),
    );
  }

  /** The same model answering queries through another analyser (the index's, which knows the corpus words). */
  withAnalyzer(analyzer: QueryAnalyzer): CorpusEmbeddings {
    return new CorpusEmbeddings(this.params, this.features, this.idf, this.projection, this.dimensions, this.fittedOn, analyzer);
  }

  get featureCount(): number {
    return this.features.length;
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => Array.from(this.embedDocumentSync(d)));
  }

  override async embedQuery(document: string): Promise<number[]> {
    return Array.from(this.embedAnalyzedQuery(this.analyzer.analyze(document)));
  }

  embedDocumentSync(text: string): Float32Array {
    const entries: [number, number][] = [];
    for (const [f, count] of documentFeatures(text, this.params.charN)) {
      const id = this.featureIds.get(f);
      if (id !== undefined) entries.push([id, 1 + Math.log(count)]);
    }
    return this.project(entries);
  }

  embedAnalyzedQuery(query: AnalyzedQuery): Float32Array {
    const entries: [number, number][] = [];
    for (const [f, weight] of queryFeatures(query, this.params.charN)) {
      const id = this.featureIds.get(f);
      if (id !== undefined) entries.push([id, weight]);
    }
    return this.project(entries);
  }

  private project(entries: [number, number][]): Float32Array {
    weighAndNormalize(entries, this.idf, this.featureGroup, this.params.groupWeights);
    const k = this.dimensions;
    const out = new Float32Array(k);
    for (const [id, v] of entries) {
      const o = id * k;
      for (let j = 0; j < k; j++) out[j]! += v * this.projection[o + j]!;
    }
    let norm = 0;
    for (let j = 0; j < k; j++) norm += out[j]! ** 2;
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let j = 0; j < k; j++) out[j]! *= inv;
    }
    return out;
  }

  async save(file: string): Promise<void> {
    const meta: ModelMeta = { kind: 'corpus-lsa', params: this.params, features: [...this.features], dimensions: this.dimensions, fittedOn: this.fittedOn };
    await writeArrays(file, meta, { idf: this.idf, projection: this.projection });
  }

  static async load(file: string, analyzer: QueryAnalyzer = defaultQueryAnalyzer()): Promise<CorpusEmbeddings> {
    const { meta, arrays } = await readArrays(file);
    const m = meta as Partial<ModelMeta>;
    if (m?.kind !== 'corpus-lsa' || !Array.isArray(m.features) || typeof m.dimensions !== 'number' || !m.params) {
      throw new CorpusEmbeddingsError(`${file}: not a corpus embedder model`);
    }
    const params = corpusEmbeddingsParamsSchema.parse(m.params);
    const idf = requireArray(arrays, 'idf', Float32Array, file);
    const projection = requireArray(arrays, 'projection', Float32Array, file);
    if (idf.length !== m.features.length || projection.length !== m.features.length * m.dimensions) {
      throw new CorpusEmbeddingsError(`${file}: model arrays do not match its vocabulary`);
    }
    return new CorpusEmbeddings(params, m.features, idf, projection, m.dimensions, m.fittedOn ?? 0, analyzer);
  }
}

/** tf·idf, each feature group scaled to unit length then by its weight. */
function weighAndNormalize(
  entries: [number, number][],
  idf: Float32Array,
  groups: Uint8Array,
  weights: Record<FeatureGroup, number>,
): void {
  const norms = new Float64Array(featureGroups.length);
  for (const e of entries) {
    e[1] *= idf[e[0]]!;
    norms[groups[e[0]]!]! += e[1] * e[1];
  }
  for (const e of entries) {
    const g = groups[e[0]]!;
    const norm = Math.sqrt(norms[g]!);
    e[1] = norm > 0 ? (e[1] / norm) * weights[featureGroups[g]!] : 0;
  }
}

/** A deterministic sample (all when the corpus is small), in corpus order. */
function sampleIndices(n: number, max: number, seed: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  const random = seededRandom(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, max).sort((a, b) => a - b);
}
