import { stemEnglish } from './english-stem.ts';
import type { Lexicon } from './lexicon.ts';
import { foldedWords } from './tokenizer.ts';

export type TextLanguage = 'vi' | 'en';

/** Letters only Vietnamese writes: one of them settles the question. */
const vietnameseLetters = /[ăâđêôơưạảãáàấầẩẫậắằẳẵặẹẻẽéèếềểễệịỉĩíìọỏõóòốồổỗộớờởỡợụủũúùứừửữựỵỷỹýỳ]/i;

/** Whether the text has a letter only Vietnamese writes (an accent, đ, ơ, ư …). */
export function hasVietnameseLetters(text: string): boolean {
  return vietnameseLetters.test(text);
}

/**
 * Syllables that are Vietnamese typed without accents or teencode and are not English words
 * ("ko", "dc", "mua", "hang"). Words both languages spell alike ("can", "do", "the", "ban") are
 * deliberately absent: they prove nothing.
 */
const vietnameseSyllables = new Set(
  (
    'khong ko k hok hem dc duoc mua hang cua toi minh thi bi roi nhung sao gi j nao ntn vay nha nhe oi voi cho nay day lam phai khi nguoi ' +
    'tien tra doi bao hanh hop dong luat dieu khoan gui chua ve nhu cung nen vi neu hay va mot hai nam thang ngay tuan lai moi cu dung ra vao ' +
    'len biet muon duoc dau ai bn mik mn sp dt đt nv ntd shipper ak ah uh ui nhieu qua ruoi trieu tr nghin ngan dong thoi ' +
    'lua dao gia hoi kien mat hong loi ban giup oi ad chu cai nguoi dich vu san pham hoa don tu xa truc tuyen cong ty cua hang nhan vien'
  ).split(' '),
);

/**
 * Tells English from Vietnamese on short and mixed messages: "refund?" and "what if it broke" are
 * English; "shop ko refund" and "bh dc ko" are Vietnamese with an English loanword. Vietnamese
 * letters decide at once; otherwise English function words and glossary words are weighed against
 * unaccented Vietnamese syllables and teencode.
 */
export function detectLanguage(text: string, lexicon: Lexicon): TextLanguage {
  // A Vietnamese term quoted in an English question ("what does 'giao dịch từ xa' mean") is the
  // thing asked about, not the language of the question.
  const unquoted = text.replace(/'[^']*'|"[^"]*"|“[^”]*”|«[^»]*»/gu, ' ');
  if (unquoted !== text && /[\p{L}]{2,}/u.test(unquoted) && !vietnameseLetters.test(unquoted)) return detectLanguage(unquoted, lexicon);
  if (vietnameseLetters.test(text)) return 'vi';
  const words = foldedWords(text).filter((w) => /[a-z]/.test(w));
  if (words.length === 0) return 'vi';
  let english = 0;
  let vietnamese = 0;
  for (const word of words) {
    if (vietnameseSyllables.has(word)) vietnamese += 1;
    else if (lexicon.englishVocabulary.has(stemEnglish(word)) || lexicon.englishStopwords.has(word)) english += 1;
  }
  if (english === 0) return 'vi';
  if (vietnamese === 0) return english >= Math.min(2, words.length) || words.length <= 2 ? 'en' : english / words.length >= 0.4 ? 'en' : 'vi';
  return english > 2 * vietnamese && english / words.length >= 0.5 ? 'en' : 'vi';
}
