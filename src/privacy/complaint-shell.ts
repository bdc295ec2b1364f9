import { complaintRecordSchema, type ComplaintRecord } from '../complaints/complaint-record.ts';

/** What an erased complaint says where the consumer's words and identity were. */
export const erasedName = 'Đã xóa theo yêu cầu';
// The record schema wants a phone or an e-mail; this reserved domain (RFC 2606) reaches nobody.
export const erasedEmail = 'erased@anonymised.invalid';
export const erasedNarrative = '[Nội dung đã xóa theo yêu cầu của người tiêu dùng]';

/**
 * The stored record of an erased complaint: still a valid record, so lists, exports and statistics
 * keep counting it (status, category, issue, province, channel, dates, amount, legal basis), with
 * the name, contacts, story and evidence files gone. A record that cannot be read is dropped whole.
 */
export function anonymiseComplaintRecord(recordJson: string): string {
  let parsed: ComplaintRecord;
  try {
    parsed = complaintRecordSchema.parse(JSON.parse(recordJson));
  } catch {
    // Unreadable already: nothing in it can be kept safely, and erasure must not fail because of it.
    return '{}';
  }
  const shell: ComplaintRecord = {
    ...parsed,
    consumer: { name: erasedName, phone: null, email: erasedEmail, province: parsed.consumer.province },
    narrative: erasedNarrative,
    evidence: [],
  };
  return JSON.stringify(complaintRecordSchema.parse(shell));
}
