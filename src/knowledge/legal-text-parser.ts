import { formatArticleList } from './front-matter.ts';
import { KnowledgeFormatError } from './knowledge-errors.ts';
import type { LegalArticle, LegalClause, LegalPoint } from './legal-structure.ts';

// The Civil Code is divided into parts ("Phần ba", printed "PHẦN THỨ BA" in the gazette) above its chapters.
const partRe = /^Phần\s+(?:thứ\s+)?(nhất|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|[IVXLC]+|\d+)\s*$/iu;
// Decrees number chapters in Arabic figures as well ("Chương 2.").
const chapterRe = /^Chương\s+([IVXLC]+|\d+)\.?\s*$/;
const sectionRe = /^Mục\s+(\d+)\s*$/;
const articleRe = /^Điều\s+(\d+)\.\s*(.*)$/;
const clauseRe = /^(\d+)\.\s+(.*)$/;
const pointRe = /^([a-zđ])\)\s+(.*)$/;
// "Luật này được Quốc hội ... thông qua ngày ..." closes the text; it is not part of the last clause.
const adoptionRe = /^(Luật|Nghị định|Quyết định) này (đã )?được .* thông qua/;

interface MutableClause {
  number: number;
  text: string[];
  points: { letter: string; text: string[] }[];
}

interface MutableArticle {
  number: number;
  title: string;
  lead: string[];
  clauses: MutableClause[];
  headings: string[];
  line: number;
}

export interface LegalTextOptions {
  /** An excerpt's declared article numbers, ascending; absent for a whole text (1, 2, 3 ...). */
  readonly articles?: readonly number[] | null;
  /** The header line that declares them, named when a declared article is missing at the end. */
  readonly articlesLine?: number;
}

/**
 * Parses a legal text whose lines are paragraphs: "Phần ba" + title line, "Chương I" + title line,
 * "Mục 1" + title line, "Điều N. Title", "N. clause", "a) point". Anything before the first heading
 * is the document's own title block and is ignored. Articles must be numbered 1, 2, 3 ... without
 * gaps, or be exactly the articles an excerpt declares: a gap means the text is damaged, and citing
 * from damaged text is worse than failing the build.
 */
export function parseLegalText(file: string, body: string, firstLine: number, options: LegalTextOptions = {}): LegalArticle[] {
  const lines = body.split('\n');
  const articles: MutableArticle[] = [];
  const declared = options.articles ?? null;
  const declaredSet = new Set(declared ?? []);
  let part: string | null = null;
  let chapter: string | null = null;
  let section: string | null = null;
  let pendingTitle: 'part' | 'chapter' | 'section' | null = null;
  let article: MutableArticle | null = null;

  for (let i = 0; i < lines.length; i++) {
    const lineNo = firstLine + i;
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    if (adoptionRe.test(line)) break;

    if (pendingTitle) {
      if (pendingTitle === 'part') part = `${part} - ${line}`;
      else if (pendingTitle === 'chapter') chapter = `${chapter} - ${line}`;
      else section = `${section} - ${line}`;
      pendingTitle = null;
      continue;
    }
    let m = partRe.exec(line);
    if (m) {
      part = line.replace(/\s+/g, ' ');
      chapter = null;
      section = null;
      pendingTitle = 'part';
      article = null;
      continue;
    }
    m = chapterRe.exec(line);
    if (m) {
      chapter = `Chương ${m[1]}`;
      section = null;
      pendingTitle = 'chapter';
      article = null;
      continue;
    }
    m = sectionRe.exec(line);
    if (m) {
      section = `Mục ${m[1]}`;
      pendingTitle = 'section';
      article = null;
      continue;
    }
    m = articleRe.exec(line);
    if (m) {
      const number = Number(m[1]);
      if (declared && !declaredSet.has(number)) {
        throw new KnowledgeFormatError(file, lineNo, `"Điều ${number}." is not among the articles the header declares (articles: ${formatArticleList(declared)})`);
      }
      const expected = declared ? declared[articles.length] : (articles.at(-1)?.number ?? 0) + 1;
      if (number !== expected) {
        throw new KnowledgeFormatError(
          file,
          lineNo,
          expected === undefined ? `"Điều ${number}." appears again after the last declared article` : `expected "Điều ${expected}." but found "Điều ${number}."`,
        );
      }
      article = {
        number,
        title: m[2]!.trim(),
        lead: [],
        clauses: [],
        headings: [part, chapter, section].filter((h): h is string => h !== null),
        line: lineNo,
      };
      articles.push(article);
      continue;
    }
    if (!article) continue; // title block of the document

    m = clauseRe.exec(line);
    if (m && Number(m[1]) === article.clauses.length + 1) {
      article.clauses.push({ number: Number(m[1]), text: [m[2]!], points: [] });
      continue;
    }
    const clause = article.clauses.at(-1);
    m = pointRe.exec(line);
    if (m && clause) {
      clause.points.push({ letter: m[1]!, text: [m[2]!] });
      continue;
    }
    if (clause) {
      const point = clause.points.at(-1);
      if (point) point.text.push(line);
      else clause.text.push(line);
    } else {
      article.lead.push(line);
    }
  }
  if (pendingTitle) throw new KnowledgeFormatError(file, firstLine + lines.length - 1, `the ${pendingTitle} heading has no title line`);
  const missing = declared?.[articles.length];
  if (missing !== undefined) {
    throw new KnowledgeFormatError(
      file,
      options.articlesLine ?? firstLine + lines.length - 1,
      `"Điều ${missing}." is declared (articles: ${formatArticleList(declared!)}) but not in the text`,
    );
  }
  return articles.map(freezeArticle);
}

function freezeArticle(a: MutableArticle): LegalArticle {
  return {
    number: a.number,
    title: a.title,
    lead: a.lead.join('\n'),
    headings: a.headings,
    line: a.line,
    clauses: a.clauses.map(
      (c): LegalClause => ({
        number: c.number,
        text: c.text.join('\n'),
        points: c.points.map((p): LegalPoint => ({ letter: p.letter, text: p.text.join('\n') })),
      }),
    ),
  };
}
