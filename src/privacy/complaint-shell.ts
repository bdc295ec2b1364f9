import { isFinal, type ComplaintStatus } from '../complaints/complaint-lifecycle.ts';
import { complaintRecordSchema, type ComplaintRecord } from '../complaints/complaint-record.ts';

/** What an erased complaint says where the consumer's words and identity were. */
export const erasedName = 'Đã xóa theo yêu cầu';
// The record schema wants a phone or an e-mail; this reserved domain (RFC 2606) reaches nobody.
export const erasedEmail = 'erased@anonymised.invalid';
export const erasedNarrative = '[Nội dung đã xóa theo yêu cầu của người tiêu dùng]';
/**
 * An open complaint whose consumer erased their data can no longer be handled (nobody to call
 * back, no story to forward): it ends as withdrawn, so it leaves the work queue and never turns
 * overdue, and the figures count it as the consumer's withdrawal.
 */
export const erasedOpenStatus: ComplaintStatus = 'withdrawn';

export interface ComplaintShell {
  /** The record to store: the anonymised shell, or `{}` when the stored one could not be read. */
  readonly record: string;
  /** The complaint's status after erasure. */
  readonly status: ComplaintStatus;
}

/**
 * The stored record of an erased complaint: still a valid record, so lists, exports and statistics
 * keep counting it (status, category, issue, province, channel, dates, amount, legal basis), with
 * the name, contacts, story and evidence files gone. A record that cannot be read is dropped whole.
 */
export function anonymiseComplaintRecord(recordJson: string, status: ComplaintStatus): ComplaintShell {
  const after = isFinal(status) ? status : erasedOpenStatus;
  let parsed: ComplaintRecord;
  try {
    parsed = complaintRecordSchema.parse(JSON.parse(recordJson));
  } catch {
    // Unreadable already: nothing in it can be kept safely, and erasure must not fail because of it.
    return { record: '{}', status: after };
  }
  const shell: ComplaintRecord = {
    ...parsed,
    status: after,
    consumer: { name: erasedName, phone: null, email: erasedEmail, province: parsed.consumer.province },
    narrative: erasedNarrative,
    evidence: [],
  };
  return { record: JSON.stringify(complaintRecordSchema.parse(shell)), status: after };
}
