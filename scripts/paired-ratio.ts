import { seededRandom } from '../src/shared/seeded-random.ts';

export interface RatioEstimate {
  /** Geometric mean of the per-pair ratios b/a. */
  readonly ratio: number;
  /** 95% percentile-bootstrap interval of that mean (pairs resampled with replacement). */
  readonly low: number;
  readonly high: number;
}

/**
 * How much larger b is than a, from pairs measured next to each other (the same block of a run, so
 * the machine's load at that moment is in both). Each pair is one ratio, which cancels what the block
 * shares; the mean is taken on the logarithms, so 0.5 and 2 cancel too, and the interval comes from
 * resampling whole pairs: no assumption about how the noise is distributed. Seeded: the same figures
 * give the same interval.
 */
export function pairedRatio(pairs: ReadonlyArray<readonly [number, number]>, options: { readonly resamples?: number; readonly seed?: number } = {}): RatioEstimate {
  const logs = pairs.filter(([a, b]) => a > 0 && b > 0).map(([a, b]) => Math.log(b / a));
  if (logs.length === 0) return { ratio: Number.NaN, low: Number.NaN, high: Number.NaN };
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const random = seededRandom(options.seed ?? 12);
  const means: number[] = [];
  for (let r = 0; r < (options.resamples ?? 10_000); r++) {
    let sum = 0;
    for (let i = 0; i < logs.length; i++) sum += logs[Math.floor(random() * logs.length)]!;
    means.push(sum / logs.length);
  }
  means.sort((x, y) => x - y);
  const at = (q: number) => Math.exp(means[Math.min(means.length - 1, Math.floor(q * means.length))]!);
  return { ratio: Math.exp(mean(logs)), low: at(0.025), high: at(0.975) };
}
