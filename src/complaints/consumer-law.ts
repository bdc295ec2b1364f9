import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { ComplaintDataError } from './complaint-errors.ts';
import type { ComplaintTaxonomy } from './complaint-taxonomy.ts';
import type { IsoDate } from './local-date.ts';

/**
 * The consumer-protection law a complaint's articles are numbered in, the law it replaced and the
 * day it took over. The taxonomy's transitional clause (Điều 80.1) belongs to the law that replaced
 * the old one, so its document is the current law; the rest is read from the documents' headers
 * (replaces/replacedBy, effectiveFrom/effectiveTo) through the knowledge base's timeline, so a new
 * law or a corrected date is a change of data, not of code.
 */
export interface ConsumerLaw {
  readonly current: string;
  /** The law it replaced; null when the headers record none. */
  readonly previous: string | null;
  /** The first day of the current law; a transaction before it was concluded under `previous`. */
  readonly cutOver: IsoDate | null;
  /** The current law's transitional article (Điều 80), named when the old law applies. */
  readonly transitionalArticle: number;
}

export function consumerLaw(knowledgeBase: Pick<KnowledgeBase, 'timeline'>, taxonomy: Pick<ComplaintTaxonomy, 'transitional'>): ConsumerLaw {
  const current = knowledgeBase.timeline.document(taxonomy.transitional.doc);
  if (!current) throw new ComplaintDataError(`taxonomy: the transitional clause cites ${taxonomy.transitional.doc}, which the knowledge base does not hold`);
  const before = knowledgeBase.timeline.predecessorOf(current.id);
  return { current: current.id, previous: before?.replaced ?? null, cutOver: before?.cutOver ?? null, transitionalArticle: taxonomy.transitional.article };
}

/**
 * The law governing the transaction (Điều 79-80): a purchase before the cut-over was concluded
 * under the previous law, which keeps applying to it where its content differs from the new one.
 */
export function applicableLaw(law: ConsumerLaw, purchaseDate: IsoDate): string {
  return law.previous !== null && law.cutOver !== null && purchaseDate < law.cutOver ? law.previous : law.current;
}
