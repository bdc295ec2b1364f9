import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a webhook's secret header in constant time. Both sides are hashed first so that
 * neither the comparison nor an early length check reveals how much of a guess was right.
 */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
