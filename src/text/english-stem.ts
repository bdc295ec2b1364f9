/**
 * Just enough English stemming for glossary look-ups: plurals and possessives, so "warranties",
 * "consumer's" and "refunds" find "warranty", "consumer" and "refund".
 */
export function stemEnglish(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return w;
}
