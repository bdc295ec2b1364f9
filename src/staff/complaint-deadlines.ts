import { awaitsBusiness, type ComplaintStatus } from '../complaints/complaint-lifecycle.ts';

export type DeadlineKind = 'acknowledge' | 'negotiate';

/** One legal deadline of a complaint as the console shows it. */
export interface DeadlineView {
  readonly kind: DeadlineKind;
  /** Last day (YYYY-MM-DD, Vietnam time), computed in working days by the complaint module. */
  readonly due: string;
  /** Still to be met: the complaint has not moved past the step the deadline is about. */
  readonly pending: boolean;
  readonly overdue: boolean;
  /** Where the period comes from: Luật 19/2023/QH15 Điều 31.2 (3 working days), 57.2 (7 working days). */
  readonly article: string;
}

/**
 * A deadline is missed when today is after its last day and the complaint is still at the step it
 * governs: acknowledgement while "received", the business taking up negotiation while it still
 * awaits the business.
 */
export function deadlinesOf(status: ComplaintStatus, deadlines: { acknowledgeBy: string; negotiateBy: string }, today: string): DeadlineView[] {
  const acknowledgePending = status === 'received';
  const negotiatePending = awaitsBusiness(status);
  return [
    { kind: 'acknowledge', due: deadlines.acknowledgeBy, pending: acknowledgePending, overdue: acknowledgePending && today > deadlines.acknowledgeBy, article: '31.2' },
    { kind: 'negotiate', due: deadlines.negotiateBy, pending: negotiatePending, overdue: negotiatePending && today > deadlines.negotiateBy, article: '57.2' },
  ];
}

export function isOverdue(status: ComplaintStatus, deadlines: { acknowledgeBy: string; negotiateBy: string }, today: string): boolean {
  return deadlinesOf(status, deadlines, today).some((d) => d.overdue);
}
