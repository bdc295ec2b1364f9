import { extractBusinessAddress, extractBusinessName } from './extract-parties.ts';
import { sellerLocation } from './extract-address.ts';
import { introducedName } from './extract-name.ts';
import { extractProduct } from './extract-product.ts';
import { foldPhrase, type FoldedText } from './folded-text.ts';
import type { ProvinceDirectory } from './province-directory.ts';

/** What the hand-written rules read from one message as the seller, its address and the product. */
export interface RuleReadings {
  /** A name the consumer introduced as theirs ("Tôi tên …"): never a seller. */
  readonly introduced: string | null;
  readonly seller: string | null;
  readonly address: string | null;
  /** The seller's place read after its name ("Quán X ở Pleiku"), when no address was. */
  readonly sellerPlace: string | null;
  readonly product: string | null;
}

/**
 * The rules' reading of the three spans. The extractor files them (or the tagger's, when it is more
 * sure: see span-decisions.ts), and the tagger takes them as features, so it learns when they hold.
 */
export function readByRules(ft: FoldedText, provinces: ProvinceDirectory, options: { alone: boolean; actedOn: boolean }): RuleReadings {
  const introduced = introducedName(ft);
  const isConsumer = (seller: string) => introduced !== null && foldPhrase(seller) === foldPhrase(introduced);
  const seller = extractBusinessName(ft, (place) => provinces.isPlaceName(place), isConsumer);
  const location = seller ? sellerLocation(ft, seller, provinces) : null;
  const address = extractBusinessAddress(ft) ?? location?.address ?? null;
  const product = extractProduct(ft, undefined, options);
  return { introduced, seller, address, sellerPlace: location?.place ?? null, product };
}
