/**
 * Teencode respells syllables by sound: "fải" for phải, "jờ" for giờ, "zậy" for vậy, "wá" for
 * quá, "hàg" for hàng, "thik" for thích. Given an accent-free word the corpus does not know, these
 * are the standard spellings it may stand for; the caller keeps the first one the corpus knows.
 */
const START_RULES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^dz/, ['d']],
  [/^f/, ['ph']],
  [/^j/, ['gi']],
  [/^z/, ['d', 'gi']],
  [/^w/, ['qu', 'u']],
  [/^k(?=[aouy])/, ['c']],
];

const END_RULES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/(?<!n)g$/, ['ng']],
  [/k$/, ['ch', 'c']],
  [/j$/, ['i']],
  [/(?<![aeiouy])w$/, ['u']],
];

export function teencodeSpellings(word: string): string[] {
  const starts = [word, ...START_RULES.flatMap(([re, subs]) => (re.test(word) ? subs.map((s) => word.replace(re, s)) : []))];
  const out: string[] = [];
  for (const w of starts) {
    if (w !== word) out.push(w);
    for (const [re, subs] of END_RULES) if (re.test(w)) for (const s of subs) out.push(w.replace(re, s));
  }
  return [...new Set(out)];
}
