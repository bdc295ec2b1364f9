/**
 * Vietnamese spelling helpers. Text arrives in NFC, NFD or legacy "old-style" tone placement
 * (hoà/hòa, khoẻ/khỏe, thuỷ/thủy); every comparison goes through these keys so the same syllable
 * always yields the same key however it was typed.
 */

/** The five tone marks; the other combining marks (circumflex, breve, horn) change the vowel itself. */
const TONE_MARKS: ReadonlyMap<string, string> = new Map([
  ['\u0300', '2'], // huyền
  ['\u0301', '1'], // sắc
  ['\u0303', '4'], // ngã
  ['\u0309', '3'], // hỏi
  ['\u0323', '5'], // nặng
]);
const COMBINING = /[\u0300-\u036f]/g;
const COMBINING_TEST = /[\u0300-\u036f]/;

export function normalizeVietnamese(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Removes every diacritic and maps đ to d: the form people type on a keyboard without Telex. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Diacritics folded, lower case, spaces squeezed: how short phrases are compared when people type
 * "cam on", "cảm ơn" and "CẢM ƠN" alike.
 */
export function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A key that keeps every diacritic but ignores where the tone mark sits, so "hoà" and "hòa" (both
 * correct spellings in use) are one word: the syllable without its tone mark, then the tone digit.
 */
export function exactSyllableKey(syllable: string): string {
  let tone = '';
  let base = '';
  for (const ch of syllable.normalize('NFD')) {
    const t = TONE_MARKS.get(ch);
    if (t !== undefined) tone = t;
    else base += ch;
  }
  return tone === '' ? base.normalize('NFC') : `${base.normalize('NFC')}${tone}`;
}

/** True when the word carries any Vietnamese mark other than the stroke of đ. */
export function hasToneOrVowelMarks(word: string): boolean {
  return COMBINING_TEST.test(word.normalize('NFD'));
}
