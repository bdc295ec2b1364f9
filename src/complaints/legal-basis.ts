import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { PassageSearch } from '../retrieval/search-types.ts';
import type { LegalRef } from './complaint-record.ts';
import { applicableLaw, consumerLaw } from './consumer-law.ts';
import { anchorApplies, type ComplaintIssue, type ComplaintTaxonomy, type LegalAnchor } from './complaint-taxonomy.ts';
import type { PurchaseChannel } from './infer-purchase-channel.ts';
import type { IsoDate } from './local-date.ts';

/** Bộ luật Dân sự 2015: its sale articles (430-454) govern the contract behind most complaints. */
export const civilCodeId = '91/2015/QH13';

/**
 * Retrieval adds articles of the consumer law only while fewer than this many are cited; the
 * issue's and the channel's own articles always count. More reads as a shotgun, not a basis.
 */
const maxLawArticles = 3;
/** At most this many Civil Code articles: the one or two that fit what went wrong with the sale. */
const maxCivilArticles = 2;

export interface LegalBasisDeps {
  readonly search: PassageSearch;
  readonly knowledgeBase: KnowledgeBase;
  readonly taxonomy: ComplaintTaxonomy;
}

export interface PurchaseFacts {
  readonly date: IsoDate | null;
  readonly channel: PurchaseChannel | null;
  /** The story reads as a scam (fraud-signals.ts): the basis is the fraud issue's, whatever `issue` is. */
  readonly fraud?: boolean;
}

/**
 * The articles a complaint rests on, in this order:
 * 1. the issue's anchors in Luật 19/2023/QH15 that apply to the story (an anchor with `when` cues
 *    only when the story says so; for each article the first applicable clause; the first anchor
 *    when none applies), then the articles of how the purchase was made (remote sale: Điều 37, and
 *    39.3 on a marketplace; door-to-door: 44...);
 * 2. retrieved clauses of the issue's other preferred `articles`, while fewer than three articles
 *    are cited (a retrieved article outside them is left out: a warranty claim on an in-store
 *    purchase does not rest on the rules for remote sales);
 * 3. for a purchase before 01/7/2024, each of those articles that Luật 59/2010/QH12 also had is
 *    cited from the 2010 law instead (Điều 80.1.a: the old law keeps governing where it differs);
 * 4. the Civil Code sale articles of the issue that apply (445 defects, 447-448 warranty, 437-439
 *    wrong quantity or kind, 434 late delivery), none for a scam;
 * 5. the procedural clauses every negotiation request relies on (Điều 31.2, 57.2), except for a
 *    scam, which goes to the police rather than to a negotiation; and Điều 80.1 when the purchase
 *    predates 01/7/2024.
 * Every reference is checked with KnowledgeBase.resolves, so a record never cites text the bot does
 * not hold.
 */
export async function findLegalBasis(deps: LegalBasisDeps, issue: ComplaintIssue, story: string, purchase: PurchaseFacts): Promise<LegalRef[]> {
  const basisIssue = purchase.fraud ? deps.taxonomy.asFraud(issue) : issue;
  const folded = deps.taxonomy.normalise(story);
  const consumer = consumerLaw(deps.knowledgeBase, deps.taxonomy);
  const currentLawId = consumer.current;
  const old = purchase.date !== null && applicableLaw(consumer, purchase.date) !== currentLawId;

  const law: LegalRef[] = [];
  const cited = (article: number) => law.some((r) => r.article === article);
  const cite = (article: number, clause: number | null) => {
    const ref = { doc: currentLawId, article, clause };
    if (!cited(article) && deps.knowledgeBase.resolves(ref)) law.push(ref);
  };
  const applying = (anchors: readonly LegalAnchor[]) => anchors.filter((a) => anchorApplies(a, folded));

  const issueAnchors = applying(basisIssue.anchors);
  for (const a of issueAnchors.length > 0 ? issueAnchors : basisIssue.anchors.slice(0, 1)) cite(a.article, a.clause);
  // What the seller did that Điều 10 forbids, told in the story ("hứa đổi trả rồi không nhận lại", "bắt mua thêm").
  for (const a of applying(deps.taxonomy.prohibitedActs)) cite(a.article, a.clause);
  if (purchase.channel) for (const a of applying(deps.taxonomy.channelArticles[purchase.channel])) cite(a.article, a.clause);

  const result = await deps.search.search(`${basisIssue.query}. ${story}`, { k: 12, docIds: [currentLawId] });
  for (const { passage } of result.hits) {
    if (new Set(law.map((r) => r.article)).size >= maxLawArticles) break;
    if (passage.docId !== currentLawId || passage.article === null || !basisIssue.articles.includes(passage.article)) continue;
    cite(passage.article, passage.clause);
  }

  const refs: LegalRef[] = [];
  const push = (ref: LegalRef) => {
    if (refs.some((r) => r.doc === ref.doc && r.article === ref.article && r.clause === ref.clause)) return;
    if (deps.knowledgeBase.resolves(ref)) refs.push(ref);
  };
  for (const ref of law) {
    const before = old ? deps.taxonomy.previousLaw.get(ref.article) : undefined;
    if (before && consumer.previous) for (const article of before) push({ doc: consumer.previous, article, clause: null });
    else push(ref);
  }
  for (const a of applying(basisIssue.civilCode).slice(0, maxCivilArticles)) push({ doc: civilCodeId, article: a.article, clause: a.clause });
  if (!purchase.fraud) for (const p of deps.taxonomy.procedural) push(p);
  if (old) push(deps.taxonomy.transitional);
  return refs;
}
