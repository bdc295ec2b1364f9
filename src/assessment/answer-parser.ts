import { fold } from '../text/vietnamese-unicode.ts';
import type { AnswerValue } from './criteria-schema.ts';

export type ItemReply = AnswerValue | 'why' | 'pause' | 'back';

/**
 * Reads a typed answer to a self-assessment item: yes / partly / no / don't know, with or without
 * diacritics, or a request: "tại sao?" (show the law), "tạm dừng" (stop for now), "quay lại" (previous
 * item). Checked from the most specific: "không rõ" is not "không", "có một phần" is not "có".
 */
export function parseItemReply(text: string): ItemReply | undefined {
  const f = fold(text.toLowerCase().replace(/n['’]t\b/g, ' not')).replace(/[^a-z0-9? ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (f === '') return undefined;
  if (/(^| )(tai sao|vi sao|sao phai|ly do|can cu|giai thich|luat nao|dieu nao|why|explain)( |\?|$)/.test(f)) return 'why';
  if (/(^| )(tam dung|de sau|luc khac|lam tiep sau|pause|later)( |$)/.test(f)) return 'pause';
  if (/^(quay lai|tro lai|cau truoc|back|previous)( |$)/.test(f)) return 'back';
  if (/(^| )(khong|ko|k|chua|not) (ro|biet|chac|sure)( |$)|do not know|(^| )(idk|unsure|khong nho)( |$)|^\?+$/.test(f)) return 'unknown';
  if (/(^| )(mot phan|1 phan|chua du|chua day du|chua hoan toan|chua het|mot so|mot it|partly|partially|in part|somewhat|some)( |$)/.test(f)) return 'partly';
  // "đã có" and "dạ có" fold alike ("da co"); both are a yes, and "dạ không" is a no.
  if (/^da (co|lam|xong|thuc hien|ap dung)( |$)/.test(f)) return 'yes';
  const words = f.split(' ');
  while (words.length > 1 && ['da', 'vang', 'a', 'u', 'uh', 'thi', 'well'].includes(words[0]!)) words.shift();
  const rest = words.join(' ');
  if (/^(khong|ko|k|kg|chua|no|nope|not|never|hong|chang)( |$)/.test(rest)) return 'no';
  if (/^(co|roi|dung|yes|y|yep|yeah|ok|okay|vang|da|luon|always|of course|sure)( |$)/.test(rest)) return 'yes';
  return undefined;
}
