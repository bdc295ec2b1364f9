import type { Reply } from '../../src/dialogue/messages.ts';
import type { OutboxItem } from '../../src/dialogue/outbox.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import type { ChannelTransport } from './inbound-pipeline.ts';
import type { PartSent } from './outbox-dispatcher.ts';
import type { OutgoingPart } from './outgoing.ts';

/**
 * The parts a proactive message (the outbox) goes out as: in its conversation's language when the
 * writer knew it, and a staff member's words under a label, since on Telegram and Zalo everything
 * arrives from the bot's account.
 */
export function outboxParts(transport: ChannelTransport, translators: (locale: Locale) => Translator, reply: Reply): OutgoingPart[] {
  const locale = reply.locale ?? 'vi';
  const shown = reply.from === 'staff' ? { ...reply, text: `${translators(locale).t('channels.staffLabel')}\n${reply.text}` } : reply;
  return transport.parts([shown], locale);
}

/**
 * Sends an outbox item's parts not sent yet, recording each one as soon as the platform took it:
 * a staff reply split in two whose first part went out before a failure or a crash is resumed at
 * its second part, not sent again from the start.
 */
export async function sendOutboxParts(
  transport: ChannelTransport,
  translators: (locale: Locale) => Translator,
  item: OutboxItem,
  partSent: PartSent,
  send: (part: OutgoingPart) => Promise<void>,
): Promise<void> {
  const parts = outboxParts(transport, translators, item.reply);
  for (let i = item.sentParts; i < parts.length; i++) {
    await send(parts[i]!);
    await partSent(i + 1, parts.length);
  }
}
