import type { Reply } from '../../src/dialogue/messages.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import type { ChannelTransport } from './inbound-pipeline.ts';
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
