import { randomInt } from 'node:crypto';
import { vietnamDate } from './local-date.ts';

/** No 0/O, 1/I/L: people read references over the phone. */
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** "KN-20250310-7QH2D": the filing day (Vietnam time) and five random characters. */
export function newComplaintReference(now: Date): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += alphabet[randomInt(alphabet.length)];
  return `KN-${vietnamDate(now).replaceAll('-', '')}-${suffix}`;
}
