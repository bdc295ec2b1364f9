import { describe, expect, it } from 'vitest';
import { pairedRatio } from '../../scripts/paired-ratio.ts';

describe('pairedRatio', () => {
  it('sees through noise that both members of a pair share', () => {
    // Block loads vary fivefold; b is always 10% above a: the ratio is exact and the interval closed.
    const pairs = [1, 5, 2, 0.5, 3, 4].map((load) => [100 * load, 110 * load] as const);
    const estimate = pairedRatio(pairs);
    expect(estimate.ratio).toBeCloseTo(1.1, 10);
    expect(estimate.low).toBeCloseTo(1.1, 10);
    expect(estimate.high).toBeCloseTo(1.1, 10);
  });

  it('gives an interval that holds 1 when pairs disagree in both directions', () => {
    const estimate = pairedRatio([[100, 120], [100, 80], [100, 110], [100, 90], [100, 105], [100, 95]]);
    expect(estimate.low).toBeLessThan(1);
    expect(estimate.high).toBeGreaterThan(1);
    expect(estimate.ratio).toBeGreaterThan(estimate.low);
    expect(estimate.ratio).toBeLessThan(estimate.high);
  });

  it('is reproducible and ignores pairs without a figure', () => {
    const pairs = [[100, 120], [100, 80], [0, 90], [100, 110]] as const;
    expect(pairedRatio(pairs)).toEqual(pairedRatio(pairs));
    expect(pairedRatio([[0, 1]]).ratio).toBeNaN();
  });
});
