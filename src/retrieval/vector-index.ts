import hnswlib from 'hnswlib-node';
import { readArrays, requireArray, writeArrays } from './binary-arrays.ts';
import { SearchIndexError } from './retrieval-errors.ts';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export interface VectorHit {
  readonly label: number;
  /** Cosine similarity, -1..1. */
  readonly similarity: number;
}

export interface VectorIndexParams {
  readonly m: number;
  readonly efConstruction: number;
  readonly efSearch: number;
  readonly seed: number;
}

export const defaultVectorIndexParams: VectorIndexParams = { m: 16, efConstruction: 200, efSearch: 128, seed: 100 };

/**
 * Approximate nearest neighbours by cosine (hnswlib); labels are passage ordinals. The unit vectors
 * are also kept in one flat array: rescoring a lexical candidate is then a dot product in JS, not a
 * round trip to the native index per candidate.
 */
export class VectorIndex {
  private constructor(
    private readonly index: Hnsw,
    private readonly unit: Float32Array,
    readonly dimensions: number,
    readonly size: number,
    efSearch: number,
  ) {
    index.setEf(efSearch);
  }

  static build(
    vectors: readonly ArrayLike<number>[],
    dimensions: number,
    params: VectorIndexParams = defaultVectorIndexParams,
    onProgress?: (done: number, total: number) => void,
  ): VectorIndex {
    const index = new HierarchicalNSW('cosine', dimensions);
    index.initIndex(Math.max(1, vectors.length), params.m, params.efConstruction, params.seed);
    const unit = new Float32Array(vectors.length * dimensions);
    vectors.forEach((v, i) => {
      if (v.length !== dimensions) throw new SearchIndexError(`vector ${i} has ${v.length} dimensions, expected ${dimensions}`);
      let norm = 0;
      for (let j = 0; j < dimensions; j++) norm += v[j]! * v[j]!;
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let j = 0; j < dimensions; j++) unit[i * dimensions + j] = v[j]! * inv;
      index.addPoint(Array.from(v), i);
      if (onProgress && (i % 500 === 0 || i === vectors.length - 1)) onProgress(i + 1, vectors.length);
    });
    return new VectorIndex(index, unit, dimensions, vectors.length, params.efSearch);
  }

  search(query: ArrayLike<number>, k: number, filter?: (label: number) => boolean): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n <= 0 || isZero(query)) return [];
    const result = this.index.searchKnn(Array.from(query), n, filter);
    return result.neighbors.map((label, i) => ({ label, similarity: 1 - result.distances[i]! }));
  }

  /** Exact cosine between a query and a stored passage. */
  similarity(query: ArrayLike<number>, label: number): number {
    const d = this.dimensions;
    const o = label * d;
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < d; i++) {
      dot += this.unit[o + i]! * query[i]!;
      norm += query[i]! * query[i]!;
    }
    return norm > 0 ? dot / Math.sqrt(norm) : 0;
  }

  /** Writes the graph to `file` and the unit vectors to `file`.vec. */
  async save(file: string): Promise<void> {
    try {
      this.index.writeIndexSync(file);
    } catch (error) {
      throw new SearchIndexError(`cannot write the vector index ${file}`, { cause: error });
    }
    await writeArrays(`${file}.vec`, { dimensions: this.dimensions, size: this.size }, { unit: this.unit });
  }

  static async load(file: string, dimensions: number, size: number, params: VectorIndexParams = defaultVectorIndexParams): Promise<VectorIndex> {
    const index = new HierarchicalNSW('cosine', dimensions);
    try {
      index.readIndexSync(file);
    } catch (error) {
      throw new SearchIndexError(`cannot read the vector index ${file}`, { cause: error });
    }
    if (index.getCurrentCount() !== size) {
      throw new SearchIndexError(`${file} holds ${index.getCurrentCount()} vectors, the manifest says ${size}`);
    }
    const { arrays } = await readArrays(`${file}.vec`);
    const unit = requireArray(arrays, 'unit', Float32Array, `${file}.vec`);
    if (unit.length !== size * dimensions) throw new SearchIndexError(`${file}.vec does not hold ${size} vectors of ${dimensions} dimensions`);
    return new VectorIndex(index, unit, dimensions, size, params.efSearch);
  }
}

function isZero(v: ArrayLike<number>): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) return false;
  return true;
}
