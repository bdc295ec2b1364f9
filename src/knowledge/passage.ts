/**
 * The unit of retrieval and citation. Legal texts yield one passage per clause (khoản), or per
 * article when the article has no numbered clauses; plans yield one passage per section
 * (PART.ITEM[.SUB]).
 */
export interface Passage {
  /** Stable id, e.g. "19/2023/QH15#31.2", "KH-KH-2017-2020#II.5.a". */
  readonly id: string;
  readonly docId: string;
  /** Article (Điều) number for legal texts; null for plans. */
  readonly article: number | null;
  readonly articleTitle: string | null;
  /** Clause (khoản) number inside the article; null when the passage is the whole article. */
  readonly clause: number | null;
  /** Plan section, e.g. "IV.13" or "II.5.a"; null for legal texts. */
  readonly section: string | null;
  readonly sectionTitle: string | null;
  /** "Phần ba", "Chương II", "Mục 1" ... headings above the passage, outermost first. */
  readonly headings: readonly string[];
  /** The passage's own text as printed (clause text with its points, or the section body). */
  readonly text: string;
}

/** Points (điểm a, b, đ ...) inside a clause, kept for precise citation. */
export interface PassagePoint {
  readonly letter: string;
  readonly text: string;
}

export function passageId(docId: string, locator: string): string {
  return `${docId}#${locator}`;
}
