import type { Reply } from './messages.ts';

/**
 * Text of a reply with its options as a numbered list, for channels without buttons (Zalo, the
 * terminal). The engine maps a typed number back to the option (see resolveNumberedChoice).
 */
export function withNumberedOptions(reply: Reply): string {
  if (!reply.options || reply.options.length === 0) return reply.text;
  return `${reply.text}\n${reply.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`;
}
