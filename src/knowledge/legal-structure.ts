/** The tree of a legal text: chương > mục > điều > khoản > điểm. */
export interface LegalPoint {
  readonly letter: string;
  readonly text: string;
}

export interface LegalClause {
  readonly number: number;
  readonly text: string;
  readonly points: readonly LegalPoint[];
}

export interface LegalArticle {
  readonly number: number;
  readonly title: string;
  /** Text between the article heading and its first clause. */
  readonly lead: string;
  readonly clauses: readonly LegalClause[];
  /** "Phần ba - ...", "Chương II - ...", "Mục 1 - ..." above the article, outermost first. */
  readonly headings: readonly string[];
  /** 1-based line in the knowledge file, for error messages and tooling. */
  readonly line: number;
}

export interface PlanSection {
  /** PART.ITEM[.SUB], e.g. "IV.13", "II.5.a"; a part's own text before its first item is "II". */
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly line: number;
}
