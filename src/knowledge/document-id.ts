import { foldDiacritics } from '../text/vietnamese-unicode.ts';

/** Ids are compared without case, diacritics or punctuation, as the evaluation format defines. */
export function normaliseDocId(id: string): string {
  return foldDiacritics(id)
    .toLowerCase()
    .replace(/[^a-z0-9#.]/g, '');
}
