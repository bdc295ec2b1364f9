/**
 * The stored record of an erased complaint. Its columns (status, category, issue, province, channel,
 * dates, amount) stay for statistics; the record's own JSON repeats names, contacts and the narrative
 * in forms this module cannot enumerate safely, so it is dropped whole.
 */
export function anonymiseComplaintRecord(_recordJson: string): string {
  return JSON.stringify({ anonymised: true });
}
