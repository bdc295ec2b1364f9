import { KnowledgeFormatError } from './knowledge-errors.ts';
import type { LegalArticle, LegalClause, LegalPoint } from './legal-structure.ts';

const chapterRe = /^Chương\s+([IVXLC]+)\s*$/;
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

/**
 * Parses a legal text whose lines are paragraphs: "Chương I" + title line, "Mục 1" + title line,
 * "Điều N. Title", "N. clause", "a) point". Anything before the first heading is the document's
 * own title block and is ignored. Articles must be numbered 1, 2, 3 ... without gaps: a gap means
 * the text is damaged, and citing from damaged text is worse than failing the build.
 */
export function parseLegalText(file: string, body: string, firstLine: number): LegalArticle[] {
  const lines = body.split('\n');
  const articles: MutableArticle[] = [];
  let chapter: string | null = null;
  let section: string | null = null;
  let pendingTitle: 'chapter' | 'section' | null = null;
  let article: MutableArticle | null = null;

  for (let i = 0; i < lines.length; i++) {
    const lineNo = firstLine + i;
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    if (adoptionRe.test(line)) break;

    if (pendingTitle) {
      if (pendingTitle === 'chapter') chapter = `${chapter} - ${line}`;
      else section = `${section} - ${line}`;
      pendingTitle = null;
      continue;
    }
    let m = chapterRe.exec(line);
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
      const expected = (articles.at(-1)?.number ?? 0) + 1;
      if (number !== expected) {
        throw new KnowledgeFormatError(file, lineNo, `expected "Điều ${expected}." but found "Điều ${number}."`);
      }
      article = {
        number,
        title: m[2]!.trim(),
        lead: [],
        clauses: [],
        headings: [chapter, section].filter((h): h is string => h !== null),
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
