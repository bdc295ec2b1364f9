import { fold } from '../text/vietnamese-unicode.ts';
import { escapeRegExp } from '../complaints/folded-text.ts';
import type { Warning } from './warning.ts';

/**
 * Questions that ask whether something is on a warning list: "máy sấy tóc hiệu X có bị thu hồi
 * không", "shop Y trên Shopee có bị cảnh báo không", "is brand Z recalled?". The class is a warning
 * word (thu hồi, cảnh báo, danh sách đen, recall, warning) asked about as a yes/no question of a
 * thing ("có bị … không", "đã bị … chưa", "có … nào về"), not a how-to ("bị lừa thì làm sao"):
 * those go to the law answers.
 */
const warningWord = '(thu hoi|canh bao|danh sach den|bi cam ban|lenh cam|recall(?:ed|s)?|warning|warnings|blacklist(?:ed)?)';
const yesNo = [
  // "X có bị thu hồi không", "X bị cảnh báo chưa", "X có nằm trong danh sách cảnh báo ko"
  new RegExp(`\\b(co|da|dang|bi|duoc|nam trong|co trong|trong)\\b[^?]{0,30}\\b${warningWord}\\b[^?]{0,30}(khong|ko|k|hok|hong|chua|ch|ha|a|vay|nhi)?\\s*\\??$`),
  // "có cảnh báo / thông báo thu hồi nào về X không", "có lệnh thu hồi X không"
  new RegExp(`\\bco\\b[^?]{0,20}\\b${warningWord}\\b[^?]{0,80}\\b(khong|ko|k|hok|chua)\\s*\\??$`),
  // English: "is X recalled?", "any recall/warning on X?", "has X been recalled"
  new RegExp(`\\b(is|are|was|has|have|any|is there)\\b[^?]{0,80}\\b${warningWord}\\b[^?]{0,60}\\??$`),
];
/**
 * Questions that mention a warning word but ask what to do, or what a business must do ("cty có
 * phải thu hồi không", "DN có phải công khai danh sách thu hồi"): the law answers them.
 */
const howTo = /\b(lam sao|lam gi|the nao|ra sao|nhu the nao|quyen gi|co quyen|boi thuong|doi tra|hoan tien|khieu nai|trach nhiem|co phai|phai|nghia vu|bat buoc|quy dinh|cong khai|bao cao|how do|what can|what should|what does|have to|has to|must|required|obliged|obligation|refund|compensat)/;
/** A warning question names something; "có cảnh báo không" alone is not one. */
const fillerWords = new Set(['co', 'bi', 'da', 'dang', 'khong', 'ko', 'k', 'chua', 'nao', 've', 'cho', 'cua', 'thu', 'hoi', 'canh', 'bao', 'danh', 'sach', 'den', 'nay', 'do', 'kia', 'a', 'ha', 'vay', 'nhi', 'is', 'are', 'any', 'there', 'the', 'a', 'recall', 'recalled', 'warning', 'warnings', 'hang', 'san', 'pham', 'trong', 'nam', 'duoc', 'lenh', 'cam', 'ban']);

export interface WarningQuestion {
  /** The question as folded text (matching is on it). */
  readonly folded: string;
  /** Words that name what is asked about, for the "none on file" answer. */
  readonly subject: string;
}

/** The question when `text` asks whether something is warned about or recalled; null otherwise. */
export function asWarningQuestion(text: string): WarningQuestion | null {
  const folded = fold(text).replace(/[.!…]+$/, '').trim();
  if (folded.length > 300 || howTo.test(folded) || !yesNo.some((p) => p.test(folded))) return null;
  const subjectWords = text
    .normalize('NFC')
    .replace(/[?!.…]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !fillerWords.has(fold(w)));
  if (subjectWords.length === 0) return null;
  return { folded, subject: subjectWords.join(' ') };
}

export interface WarningMatches {
  /** Warnings whose brand or shop (or, when they name neither, product) the question names. */
  readonly named: Warning[];
  /**
   * Warnings about the same kind of product from another brand or shop: not an answer about what was
   * asked, but worth knowing ("máy sấy tóc hiệu X" when brand Y's dryers are recalled).
   */
  readonly sameProduct: Warning[];
}

/**
 * The warnings a question names, as whole words with or without diacritics. Names shorter than three
 * letters are skipped: "X" would match anything.
 */
export function matchingWarnings(question: WarningQuestion, warnings: readonly Warning[]): WarningMatches {
  const mentions = (names: readonly string[]) =>
    names.some((name) => {
      const n = fold(name);
      return n.length >= 3 && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, 'u').test(question.folded);
    });
  const named: Warning[] = [];
  const sameProduct: Warning[] = [];
  for (const w of warnings) {
    const { brands, shops, products } = w.content;
    const owners = [...brands, ...shops];
    if (mentions(owners) || (owners.length === 0 && mentions(products))) named.push(w);
    else if (mentions(products)) sameProduct.push(w);
  }
  return { named, sameProduct };
}
