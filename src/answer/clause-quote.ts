import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { LegalArticle, LegalClause } from '../knowledge/legal-structure.ts';

export interface QuoteTarget {
  readonly doc: string;
  readonly article: number;
  readonly clause?: number | undefined;
  readonly point?: string | undefined;
}

/** About this many characters of the provision itself; a sentence is never cut to fit. */
const bodyBudget = 250;

/**
 * Words that turn a rule into its exception or a list into prohibitions: a quote that drops them
 * says the opposite of the law ("Cho phép … thay đổi giá" read without "không được quy định").
 */
const exceptionWords = /(?<![\p{L}])(trừ|ngoại trừ|không áp dụng|trường hợp|miễn)(?![\p{L}])/iu;

/**
 * Quotes a provision in whole sentences with its framing kept: a point of a list carries the
 * clause that introduces the list ("… bị nghiêm cấm thực hiện các hành vi sau đây: … đ) …"), a
 * clause of an article whose lead introduces a list carries that lead, and a sentence stating an
 * exception stays with the rule it qualifies.
 */
export function quoteProvision(knowledgeBase: KnowledgeBase, target: QuoteTarget): string | null {
  const article = knowledgeBase.article(target.doc, target.article);
  if (!article) return null;
  if (target.clause === undefined) return articleQuote(article);
  const clause = article.clauses.find((c) => c.number === target.clause);
  if (!clause) return null;
  const framing = introducesList(article.lead) ? `${article.lead} … ` : '';
  if (target.point !== undefined) {
    const point = clause.points.find((p) => p.letter === target.point);
    if (!point) return null;
    return `${framing}${clause.number}. ${clause.text} … ${point.letter}) ${sentencesWithin(point.text, bodyBudget)}`;
  }
  return `${framing}${clause.number}. ${clauseBody(clause)}`;
}

/** The whole article as printed, for "xem toàn văn". */
export function fullArticleText(article: LegalArticle): string {
  const lines = [`Điều ${article.number}. ${article.title}`];
  if (article.lead) lines.push(article.lead);
  for (const c of article.clauses) {
    lines.push(`${c.number}. ${c.text}`);
    for (const p of c.points) lines.push(`${p.letter}) ${p.text}`);
  }
  return lines.join('\n');
}

function articleQuote(article: LegalArticle): string {
  if (article.lead && article.clauses.length === 0) return sentencesWithin(article.lead, bodyBudget);
  const first = article.clauses[0];
  if (!first) return article.lead;
  const framing = introducesList(article.lead) ? `${article.lead} … ` : article.lead ? `${sentencesWithin(article.lead, bodyBudget)} ` : '';
  return `${framing}${first.number}. ${clauseBody(first)}`;
}

/** A clause's text; when it introduces points, the first points that fit the budget. */
function clauseBody(clause: LegalClause): string {
  const lead = sentencesWithin(clause.text, bodyBudget);
  if (clause.points.length === 0 || !introducesList(clause.text)) return lead;
  let text = lead;
  for (const p of clause.points) {
    const next = `${text} ${p.letter}) ${p.text}`;
    if (next.length > bodyBudget * 1.6 && text !== lead) return `${text} …`;
    text = next;
    if (text.length > bodyBudget * 1.6) return p === clause.points.at(-1) ? text : `${text} …`;
  }
  return text;
}

function introducesList(text: string): boolean {
  return /:\s*$/.test(text.trim());
}

/**
 * Whole sentences from the start up to about `budget` characters; the first sentence always,
 * however long, and a later sentence that states an exception even past the budget.
 */
export function sentencesWithin(text: string, budget: number): string {
  const sentences = text.split(/(?<=[.;])\s+(?=\p{Lu})/u);
  let out = sentences[0]!;
  let skipped = false;
  for (const s of sentences.slice(1)) {
    const exception = exceptionWords.test(s);
    if (!exception && (skipped || out.length + s.length + 1 > budget)) {
      skipped = true;
      continue;
    }
    out = `${out}${skipped ? ' …' : ''} ${s}`;
    skipped = false;
  }
  return skipped ? `${out} …` : out;
}
