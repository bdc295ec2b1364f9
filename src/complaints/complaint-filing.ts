import type { ChannelName } from '../dialogue/messages.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { PassageSearch } from '../retrieval/search-types.ts';
import type { Draft } from './complaint-draft.ts';
import { ComplaintRequestError } from './complaint-errors.ts';
import { complaintRecordSchema, type ComplaintRecord } from './complaint-record.ts';
import { newComplaintReference } from './complaint-reference.ts';
import type { ComplaintRepository, StoredComplaint } from './complaint-repository.ts';
import type { ComplaintTaxonomy } from './complaint-taxonomy.ts';
import { fraudSignals } from './fraud-signals.ts';
import { applicableLaw, consumerLaw } from './consumer-law.ts';
import { findLegalBasis } from './legal-basis.ts';
import { vietnamDate } from './local-date.ts';
import type { ProvinceDirectory } from './province-directory.ts';
import type { RoutingDirectory } from './routing-directory.ts';
import type { WorkingCalendar } from './working-days.ts';

export interface FilingDeps {
  readonly repository: ComplaintRepository;
  readonly taxonomy: ComplaintTaxonomy;
  readonly search: PassageSearch;
  readonly knowledgeBase: KnowledgeBase;
  readonly routing: RoutingDirectory;
  readonly provinces: ProvinceDirectory;
  readonly calendar: () => Promise<WorkingCalendar>;
  /** The province the service runs in, for agencies when the consumer's is unknown. */
  readonly defaultProvince: string;
}

export interface Consent {
  readonly shareWithBusiness: boolean;
  readonly shareWithAgency: boolean;
}

/** Acknowledgement within 3 working days (Điều 31.2), negotiation within 7 (Điều 57.2), from filing. */
export const acknowledgeWorkingDays = 3;
export const negotiateWorkingDays = 7;

/**
 * Turns a complete draft into the record: classification, legal basis from retrieval, applicable
 * law, suggested agency from the routing directory, deadlines in working days; then stores it.
 */
export async function fileComplaint(
  deps: FilingDeps,
  input: { draft: Draft; consent: Consent; channel: ChannelName; conversationId: string; now: Date },
): Promise<StoredComplaint> {
  const { draft, consent, now } = input;
  if (draft.narrative.trim() === '') throw new ComplaintRequestError('A complaint needs the story of what happened', 'invalid_input');
  const story = `${draft.product ?? ''}. ${draft.narrative}`;
  // A scam goes to the police, not to a negotiation; the consumer can still say it is a real business
  // after filing (ComplaintRepository.treatAsNegotiation).
  const handling: ComplaintRecord['handling'] = fraudSignals(story).fraud ? 'fraud_report' : 'negotiation';
  const classified = deps.taxonomy.classify(story, { channel: draft.purchaseChannel, product: draft.product });
  // A scam is filed as one whatever else the story mentions, so it is routed to the right agency.
  const issue = handling === 'fraud_report' ? deps.taxonomy.asFraud(classified) : classified;
  const filedOn = vietnamDate(now);
  const purchaseDate = draft.purchaseDate;
  const legalBasis = await findLegalBasis(deps, issue, draft.narrative, { date: purchaseDate, channel: draft.purchaseChannel, fraud: handling === 'fraud_report' });
  const province = deps.provinces.fullName(draft.province ?? '') ?? deps.provinces.lookup(deps.defaultProvince)?.fullName ?? deps.defaultProvince;
  const agency = await deps.routing.suggest(issue.routing, filedOn, province);
  const calendar = await deps.calendar();
  const law = consumerLaw(deps.knowledgeBase, deps.taxonomy);
  const record: ComplaintRecord = complaintRecordSchema.parse({
    reference: newComplaintReference(now),
    status: 'received',
    channel: input.channel,
    createdAt: now.toISOString(),
    consumer: { name: draft.consumerName, phone: draft.phone, email: draft.email, province: draft.province },
    business: { name: draft.businessName, address: draft.businessAddress, platform: draft.platform },
    product: draft.product,
    category: issue.categoryCode,
    issue: issue.code,
    purchaseDate,
    amountVnd: draft.amountVnd,
    purchaseChannel: draft.purchaseChannel,
    narrative: draft.narrative.trim(),
    desiredResolution: draft.desiredResolution,
    evidence: draft.evidence,
    legalBasis,
    // Without a date the purchase is taken as recent: the law in force, which the consumer can correct.
    applicableLaw: purchaseDate ? applicableLaw(law, purchaseDate) : law.current,
    suggestedAgency: agency.agency,
    handling,
    consent,
    deadlines: {
      acknowledgeBy: calendar.addWorkingDays(filedOn, acknowledgeWorkingDays),
      negotiateBy: calendar.addWorkingDays(filedOn, negotiateWorkingDays),
    },
  });
  return deps.repository.create(record, input.conversationId);
}
