import { describe, expect, it } from 'vitest';
import { orthonormalizeColumns, randomizedSvd, symmetricEigen, type SparseRows } from '../../src/retrieval/linear-algebra.ts';

function sparse(rows: number[][]): SparseRows {
  const rowPtr = [0];
  const cols: number[] = [];
  const vals: number[] = [];
  for (const r of rows) {
    r.forEach((v, j) => {
      if (v !== 0) {
        cols.push(j);
        vals.push(v);
      }
    });
    rowPtr.push(cols.length);
  }
  return { rows: rows.length, cols: rows[0]!.length, rowPtr: Uint32Array.from(rowPtr), colIdx: Uint32Array.from(cols), vals: Float64Array.from(vals) };
}

describe('linear algebra', () => {
  it('finds the eigenvalues of a symmetric matrix', () => {
    const { values } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect([...values].sort()).toEqual([expect.closeTo(1, 9), expect.closeTo(3, 9)]);
  });

  it('orthonormalises columns', () => {
    const m = Float64Array.from([1, 1, 0, 1, 1, 0]); // 3×2
    orthonormalizeColumns(m, 3, 2);
    const dot = m[0]! * m[1]! + m[2]! * m[3]! + m[4]! * m[5]!;
    expect(dot).toBeCloseTo(0, 9);
    expect(m[0]! ** 2 + m[2]! ** 2 + m[4]! ** 2).toBeCloseTo(1, 9);
  });

  it('recovers the singular values of a low-rank matrix', () => {
    // Rank 2: rows are combinations of two orthogonal patterns with known scales.
    const a = [1, 0, 1, 0, 0, 0];
    const b = [0, 1, 0, 0, 1, 0];
    const rows = [
      a.map((v) => 3 * v),
      b.map((v) => 2 * v),
      a.map((v, j) => 3 * v + 2 * b[j]!),
      b.map((v) => -2 * v),
    ];
    const svd = randomizedSvd(sparse(rows), 2, { oversample: 2, powerIterations: 2, seed: 1 });
    const exact = symmetricEigen(
      Float64Array.from({ length: 36 }, (_, i) => rows.reduce((s, r) => s + r[Math.floor(i / 6)]! * r[i % 6]!, 0)),
      6,
    ).values;
    const top = [...exact].sort((x, y) => y - x).slice(0, 2).map(Math.sqrt);
    expect(svd.values[0]).toBeCloseTo(top[0]!, 6);
    expect(svd.values[1]).toBeCloseTo(top[1]!, 6);
  });
});
