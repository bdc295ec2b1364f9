import type { Reply, ReplyOption } from './messages.ts';

/**
 * Text of a reply with its options as a numbered list, for channels without buttons (Zalo, the
 * terminal). The engine maps a typed number back to the option (see resolveNumberedChoice). Options
 * that already carry their number (`numberedOptions`) are listed as they are.
 */
export function withNumberedOptions(reply: Reply): string {
  if (!reply.options || reply.options.length === 0) return reply.text;
  return `${reply.text}\n${reply.options.map((o, i) => (o.label.startsWith(numberPrefix(i)) ? o.label : `${numberPrefix(i)}${o.label}`)).join('\n')}`;
}

/**
 * Options whose buttons show their numbers ("1. Có"), for a reply whose text invites typing a
 * number: on Telegram and the web chat the buttons then match what the text says to type.
 */
export function numberedOptions(options: readonly ReplyOption[]): ReplyOption[] {
  return options.map((o, i) => (o.label.startsWith(numberPrefix(i)) ? o : { ...o, label: `${numberPrefix(i)}${o.label}` }));
}

/** A button's label without the number `numberedOptions` put before it: what a person types when copying it. */
export function unnumberedLabel(label: string): string {
  return label.replace(/^\d{1,2}\. /, '');
}

function numberPrefix(index: number): string {
  return `${index + 1}. `;
}
