import { cutOverDate } from '../answer/law-applicability.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { PassageSearch } from '../retrieval/search-types.ts';
import type { LegalRef } from './complaint-record.ts';
import type { ComplaintIssue, ComplaintTaxonomy } from './complaint-taxonomy.ts';
import type { IsoDate } from './local-date.ts';

export const currentLawId = '19/2023/QH15';
export const previousLawId = '59/2010/QH12';

/** How many substantive articles a complaint cites; more reads as a shotgun, not a basis. */
const maxSubstantive = 3;

export interface LegalBasisDeps {
  readonly search: PassageSearch;
  readonly knowledgeBase: KnowledgeBase;
  readonly taxonomy: ComplaintTaxonomy;
}

/**
 * The articles a complaint rests on. Retrieval over the issue's query and the consumer's story
 * ranks clauses of the 2023 law; clauses of the articles the taxonomy expects for the issue come
 * first, then other confident hits; when retrieval finds none of the expected articles, the
 * issue's anchor clauses stand in. The procedural clauses every negotiation request relies on
 * (Điều 31.2, 57.2) follow, and Điều 80.1 when the purchase predates 01/7/2024. Every reference is
 * checked with KnowledgeBase.resolves, so a record never cites text the bot does not hold.
 */
export async function findLegalBasis(deps: LegalBasisDeps, issue: ComplaintIssue, story: string, purchaseDate: IsoDate | null): Promise<LegalRef[]> {
  const result = await deps.search.search(`${issue.query}. ${story}`, { k: 12, docIds: [currentLawId] });
  const refs: LegalRef[] = [];
  const seenArticles = new Set<number>();
  const push = (ref: LegalRef) => {
    if (refs.some((r) => r.doc === ref.doc && r.article === ref.article && r.clause === ref.clause)) return;
    if (!deps.knowledgeBase.resolves(ref)) return;
    refs.push(ref);
    seenArticles.add(ref.article);
  };
  const hits = result.hits
    .map((h) => h.passage)
    .filter((p) => p.article !== null && p.docId === currentLawId)
    .map((p) => ({ doc: p.docId, article: p.article!, clause: p.clause }));

  const procedural = new Set(deps.taxonomy.procedural.map((p) => p.article));
  for (const hit of hits) {
    if (seenArticles.size >= maxSubstantive) break;
    if (issue.articles.includes(hit.article) && !seenArticles.has(hit.article)) push(hit);
  }
  if (![...seenArticles].some((a) => issue.articles.includes(a))) {
    for (const anchor of issue.anchors) push({ doc: currentLawId, article: anchor.article, clause: anchor.clause });
  }
  if (result.confidence >= 0.5) {
    for (const hit of hits) {
      if (seenArticles.size >= maxSubstantive) break;
      if (!seenArticles.has(hit.article) && !procedural.has(hit.article) && hit.article !== deps.taxonomy.transitional.article) push(hit);
    }
  }
  for (const p of deps.taxonomy.procedural) push(p);
  if (purchaseDate !== null && purchaseDate < cutOverDate) push(deps.taxonomy.transitional);
  return refs;
}

/**
 * The law governing the transaction (Điều 79-80): a purchase before 01/7/2024 was concluded under
 * Luật 59/2010/QH12, which keeps applying to it where its content differs from the new law.
 */
export function applicableLaw(purchaseDate: IsoDate): typeof currentLawId | typeof previousLawId {
  return purchaseDate < cutOverDate ? previousLawId : currentLawId;
}
