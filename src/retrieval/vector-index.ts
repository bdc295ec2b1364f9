import hnswlib from 'hnswlib-node';
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

/** Approximate nearest neighbours by cosine (hnswlib); labels are passage ordinals. */
export class VectorIndex {
  private constructor(
    private readonly index: Hnsw,
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
    vectors.forEach((v, i) => {
      if (v.length !== dimensions) throw new SearchIndexError(`vector ${i} has ${v.length} dimensions, expected ${dimensions}`);
      index.addPoint(Array.from(v), i);
      if (onProgress && (i % 500 === 0 || i === vectors.length - 1)) onProgress(i + 1, vectors.length);
    });
    return new VectorIndex(index, dimensions, vectors.length, params.efSearch);
  }

  search(query: ArrayLike<number>, k: number, filter?: (label: number) => boolean): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n <= 0 || isZero(query)) return [];
    const result = this.index.searchKnn(Array.from(query), n, filter);
    return result.neighbors.map((label, i) => ({ label, similarity: 1 - result.distances[i]! }));
  }

  /** Exact cosine between a unit query and a stored passage (hnswlib stores cosine vectors normalised). */
  similarity(query: ArrayLike<number>, label: number): number {
    const point = this.index.getPoint(label);
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < point.length; i++) {
      dot += point[i]! * query[i]!;
      norm += query[i]! * query[i]!;
    }
    return norm > 0 ? dot / Math.sqrt(norm) : 0;
  }

  save(file: string): void {
    try {
      this.index.writeIndexSync(file);
    } catch (error) {
      throw new SearchIndexError(`cannot write the vector index ${file}`, { cause: error });
    }
  }

  static load(file: string, dimensions: number, size: number, params: VectorIndexParams = defaultVectorIndexParams): VectorIndex {
    const index = new HierarchicalNSW('cosine', dimensions);
    try {
      index.readIndexSync(file);
    } catch (error) {
      throw new SearchIndexError(`cannot read the vector index ${file}`, { cause: error });
    }
    if (index.getCurrentCount() !== size) {
      throw new SearchIndexError(`${file} holds ${index.getCurrentCount()} vectors, the manifest says ${size}`);
    }
    return new VectorIndex(index, dimensions, size, params.efSearch);
  }
}

function isZero(v: ArrayLike<number>): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) return false;
  return true;
}
