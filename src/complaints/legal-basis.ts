import { cutOverDate } from '../answer/law-applicability.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { PassageSearch } from '../retrieval/search-types.ts';
import type { LegalRef } from './complaint-record.ts';
import type { ComplaintIssue, ComplaintTaxonomy } from './complaint-taxonomy.ts';
import type { PurchaseChannel } from './infer-purchase-channel.ts';
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
 * ranks clauses of the 2023 law. Clauses of the articles the taxonomy expects for the issue come
 * first; when retrieval finds none of them, the issue's anchor clauses stand in; then retrieved
 * clauses of the articles specific to how the purchase was made (remote sale: Điều 37-39,
 * door-to-door: 43-44, ...). A retrieved article outside both sets is left out: a warranty claim on
 * an in-store purchase does not rest on the rules for remote sales. The procedural clauses every
 * negotiation request relies on (Điều 31.2, 57.2) follow, and Điều 80.1 when the purchase predates
 * 01/7/2024. Every reference is checked with KnowledgeBase.resolves, so a record never cites text
 * the bot does not hold.
 */
export async function findLegalBasis(
  deps: LegalBasisDeps,
  issue: ComplaintIssue,
  story: string,
  purchase: { readonly date: IsoDate | null; readonly channel: PurchaseChannel | null },
): Promise<LegalRef[]> {
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
  const takeHits = (articles: readonly number[]) => {
    for (const hit of hits) {
      if (seenArticles.size >= maxSubstantive) return;
      if (articles.includes(hit.article) && !seenArticles.has(hit.article)) push(hit);
    }
  };

  takeHits(issue.articles);
  if (![...seenArticles].some((a) => issue.articles.includes(a))) {
    for (const anchor of issue.anchors) push({ doc: currentLawId, article: anchor.article, clause: anchor.clause });
  }
  if (purchase.channel) takeHits(deps.taxonomy.channelArticles[purchase.channel]);
  for (const p of deps.taxonomy.procedural) push(p);
  if (purchase.date !== null && purchase.date < cutOverDate) push(deps.taxonomy.transitional);
  return refs;
}

/**
 * The law governing the transaction (Điều 79-80): a purchase before 01/7/2024 was concluded under
 * Luật 59/2010/QH12, which keeps applying to it where its content differs from the new law.
 */
export function applicableLaw(purchaseDate: IsoDate): typeof currentLawId | typeof previousLawId {
  return purchaseDate < cutOverDate ? previousLawId : currentLawId;
}
