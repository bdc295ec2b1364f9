/**
 * The complaint lifecycle (ISO 10002-style, as the domain notes describe it): received ->
 * acknowledged -> sent to business -> negotiating -> resolved (money / other relief / explanation)
 * | referred to an agency or to mediation | closed unresolved | withdrawn.
 */
export const complaintStatuses = [
  'received',
  'acknowledged',
  'sent_to_business',
  'negotiating',
  'resolved_monetary',
  'resolved_non_monetary',
  'resolved_explanation',
  'referred_agency',
  'referred_mediation',
  'closed_unresolved',
  'withdrawn',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

const resolved: ComplaintStatus[] = ['resolved_monetary', 'resolved_non_monetary', 'resolved_explanation'];
const referred: ComplaintStatus[] = ['referred_agency', 'referred_mediation'];
const ends: ComplaintStatus[] = ['closed_unresolved', 'withdrawn'];

const allowed: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  received: ['acknowledged', 'sent_to_business', ...referred, ...ends],
  acknowledged: ['sent_to_business', 'negotiating', ...resolved, ...referred, ...ends],
  sent_to_business: ['negotiating', ...resolved, ...referred, ...ends],
  negotiating: [...resolved, ...referred, ...ends],
  // A referral can bring the business back to the table, or end in a result.
  referred_agency: ['negotiating', 'referred_mediation', ...resolved, ...ends],
  referred_mediation: ['negotiating', 'referred_agency', ...resolved, ...ends],
  resolved_monetary: [],
  resolved_non_monetary: [],
  resolved_explanation: [],
  closed_unresolved: [],
  withdrawn: [],
};

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return allowed[from].includes(to);
}

export function nextStatuses(from: ComplaintStatus): readonly ComplaintStatus[] {
  return allowed[from];
}

/** No further transition: the case is over. */
export function isFinal(status: ComplaintStatus): boolean {
  return allowed[status].length === 0;
}

/** Statuses that need a note saying why (staff closing or referring a case must explain it). */
export function needsNote(status: ComplaintStatus): boolean {
  return status === 'closed_unresolved' || referred.includes(status) || resolved.includes(status);
}

/** Still waiting on the business: the deadlines of Điều 31.2 and 57.2 matter. */
export function awaitsBusiness(status: ComplaintStatus): boolean {
  return status === 'received' || status === 'acknowledged' || status === 'sent_to_business';
}
