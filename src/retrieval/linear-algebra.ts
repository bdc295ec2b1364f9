/**
 * The little dense and sparse linear algebra the corpus embedder needs: a randomised truncated SVD
 * (Halko, Martinsson & Tropp 2011) over a sparse row matrix, with Gram-Schmidt QR and a Jacobi
 * eigensolver for the small projected problem. Matrices are row-major Float64Arrays.
 */
import { seededRandom } from '../shared/seeded-random.ts';

/** Compressed sparse rows: row i's entries are [rowPtr[i], rowPtr[i+1]) of cols/vals. */
export interface SparseRows {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Uint32Array;
  readonly colIdx: Uint32Array;
  readonly vals: Float64Array;
}

export function gaussianMatrix(rows: number, cols: number, random: () => number): Float64Array {
  const m = new Float64Array(rows * cols);
  for (let i = 0; i < m.length; i += 2) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    m[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < m.length) m[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return m;
}

/** X (rows×cols sparse) times D (cols×k dense) → rows×k. */
export function sparseTimesDense(x: SparseRows, d: Float64Array, k: number): Float64Array {
  const out = new Float64Array(x.rows * k);
  for (let i = 0; i < x.rows; i++) {
    const o = i * k;
    for (let p = x.rowPtr[i]!; p < x.rowPtr[i + 1]!; p++) {
      const v = x.vals[p]!;
      const r = x.colIdx[p]! * k;
      for (let j = 0; j < k; j++) out[o + j]! += v * d[r + j]!;
    }
  }
  return out;
}

/** Xᵀ (cols×rows) times D (rows×k dense) → cols×k. */
export function sparseTransposeTimesDense(x: SparseRows, d: Float64Array, k: number): Float64Array {
  const out = new Float64Array(x.cols * k);
  for (let i = 0; i < x.rows; i++) {
    const r = i * k;
    for (let p = x.rowPtr[i]!; p < x.rowPtr[i + 1]!; p++) {
      const v = x.vals[p]!;
      const o = x.colIdx[p]! * k;
      for (let j = 0; j < k; j++) out[o + j]! += v * d[r + j]!;
    }
  }
  return out;
}

/**
 * Orthonormalises the k columns of an n×k row-major matrix in place: modified Gram-Schmidt run twice
 * (for stability) on a column-major copy, so the inner loops read contiguous memory.
 */
export function orthonormalizeColumns(m: Float64Array, n: number, k: number): void {
  const cols = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) cols[j * n + i] = m[i * k + j]!;
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < k; j++) {
      const cj = j * n;
      for (let q = 0; q < j; q++) {
        const cq = q * n;
        let dot = 0;
        for (let i = 0; i < n; i++) dot += cols[cj + i]! * cols[cq + i]!;
        if (dot === 0) continue;
        for (let i = 0; i < n; i++) cols[cj + i]! -= dot * cols[cq + i]!;
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += cols[cj + i]! ** 2;
      norm = Math.sqrt(norm);
      // A column that vanished (rank below k) is left as zeros; its singular value will be 0.
      const inv = norm > 1e-10 ? 1 / norm : 0;
      for (let i = 0; i < n; i++) cols[cj + i]! *= inv;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) m[i * k + j] = cols[j * n + i]!;
}

/** Eigen-decomposition of a symmetric k×k matrix by cyclic Jacobi rotations. */
export function symmetricEigen(a: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  let scale = 0;
  for (let i = 0; i < k * k; i++) scale += m[i]! ** 2;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += m[p * k + q]! ** 2;
    // Relative tolerance: the matrix's scale depends on the corpus.
    if (off <= 1e-24 * scale) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = m[p * k + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * k + q]! - m[p * k + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = m[r * k + p]!;
          const arq = m[r * k + q]!;
          m[r * k + p] = c * arp - s * arq;
          m[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = m[p * k + r]!;
          const aqr = m[q * k + r]!;
          m[p * k + r] = c * apr - s * aqr;
          m[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p]!;
          const vrq = v[r * k + q]!;
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = m[i * k + i]!;
  return { values, vectors: v };
}

export interface TruncatedSvd {
  /** Singular values, descending. */
  readonly values: Float64Array;
  /** Right singular vectors as a cols×rank row-major matrix: the projection to the latent space. */
  readonly right: Float64Array;
  readonly rank: number;
}

/** The top `rank` singular triplets of X, found by a randomised range finder with power iterations. */
export function randomizedSvd(
  x: SparseRows,
  rank: number,
  options: { oversample: number; powerIterations: number; seed: number },
): TruncatedSvd {
  const l = Math.min(rank + options.oversample, x.rows, x.cols);
  const k = Math.min(rank, l);
  const omega = gaussianMatrix(x.cols, l, seededRandom(options.seed));
  const q = sparseTimesDense(x, omega, l);
  orthonormalizeColumns(q, x.rows, l);
  let y = q;
  // Power iterations sharpen the spectrum; only the short side (passages) is re-orthonormalised,
  // which is cheap and, in double precision, stable enough for a handful of iterations.
  for (let it = 0; it < options.powerIterations; it++) {
    const z = sparseTransposeTimesDense(x, y, l);
    y = sparseTimesDense(x, z, l);
    orthonormalizeColumns(y, x.rows, l);
  }
  // Bᵀ = Xᵀ Q (cols×l); B Bᵀ = Qᵀ X Xᵀ Q is small (l×l).
  const bt = sparseTransposeTimesDense(x, y, l);
  const gram = new Float64Array(l * l);
  for (let r = 0; r < x.cols; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const bi = bt[o + i]!;
      if (bi === 0) continue;
      for (let j = i; j < l; j++) gram[i * l + j]! += bi * bt[o + j]!;
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i]!;
  const { values, vectors } = symmetricEigen(gram, l);
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, k);
  const sing = Float64Array.from(order, (i) => Math.sqrt(Math.max(0, values[i]!)));
  // V = Bᵀ W Σ⁻¹
  const right = new Float64Array(x.cols * k);
  for (let r = 0; r < x.cols; r++) {
    const o = r * l;
    for (let c = 0; c < k; c++) {
      const e = order[c]!;
      const s = sing[c]!;
      if (s < 1e-10) continue;
      let sum = 0;
      for (let i = 0; i < l; i++) sum += bt[o + i]! * vectors[i * l + e]!;
      right[r * k + c] = sum / s;
    }
  }
  return { values: sing, right, rank: k };
}
