import { Buffer } from 'node:buffer';
import { type Api, GrammyError, HttpError, InputFile } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import type { Reply } from '../../src/dialogue/messages.ts';
import { splitMessage } from '../../src/dialogue/message-splitter.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import { ChannelSendError } from '../channels/channel-errors.ts';
import type { ChannelTransport } from '../channels/inbound-pipeline.ts';
import type { OutgoingPart } from '../channels/outgoing.ts';
import { numberedChoicePrefix } from './telegram-updates.ts';

/** Telegram's limit for one text message. */
export const telegramMaxText = 4096;
const maxCallbackDataBytes = 64;

/** Replies as Telegram messages: split text, options as an inline keyboard under the last part, files as documents. */
export class TelegramTransport implements ChannelTransport {
  constructor(
    private readonly api: Api,
    private readonly translators: (locale: Locale) => Translator,
  ) {}

  parts(replies: readonly Reply[], locale: Locale): OutgoingPart[] {
    return replies.flatMap((reply): OutgoingPart[] => {
      const chunks = splitMessage(reply.text, telegramMaxText);
      const hasOptions = reply.options !== undefined && reply.options.length > 0;
      // A keyboard needs a message to hang under.
      if (chunks.length === 0 && hasOptions) chunks.push(this.translators(locale).t('channels.choose'));
      const texts = chunks.map((text, i): OutgoingPart => ({ kind: 'text', text, ...(hasOptions && i === chunks.length - 1 ? { options: reply.options } : {}) }));
      return reply.file ? [...texts, { kind: 'file', file: reply.file }] : texts;
    });
  }

  /**
   * `paidBroadcast`: Telegram's allow_paid_broadcast, which lifts the bot's broadcast limit (up to
   * 1,000 messages a second) for 0.1 Telegram Stars per message from the bot's balance.
   */
  async send(chatId: string, part: OutgoingPart, options: { readonly paidBroadcast?: boolean } = {}): Promise<void> {
    const paid = options.paidBroadcast ? { allow_paid_broadcast: true } : {};
    try {
      if (part.kind === 'file') {
        await this.api.sendDocument(chatId, new InputFile(part.file.data, part.file.fileName), paid);
        return;
      }
      await this.api.sendMessage(chatId, part.text, {
        ...paid,
        link_preview_options: { is_disabled: true },
        ...(part.options && part.options.length > 0 ? { reply_markup: { inline_keyboard: keyboard(part.options) } } : {}),
      });
    } catch (error) {
      throw asSendError(error);
    }
  }

  async typing(chatId: string): Promise<void> {
    await this.api.sendChatAction(chatId, 'typing');
  }
}

function keyboard(options: NonNullable<Extract<OutgoingPart, { kind: 'text' }>['options']>): InlineKeyboardButton[][] {
  // One option per row: labels are whole Vietnamese phrases.
  return options.map((o, i) => [
    { text: o.label, callback_data: Buffer.byteLength(o.id) <= maxCallbackDataBytes ? o.id : `${numberedChoicePrefix}${i + 1}` },
  ]);
}

/** Rate limits and server errors (after auto-retry gave up) and network failures are worth retrying later. */
export function asSendError(error: unknown): ChannelSendError {
  if (error instanceof GrammyError) {
    const transient = error.error_code === 429 || error.error_code >= 500;
    return new ChannelSendError(`Telegram refused ${error.method}: ${error.error_code} ${error.description}`, { cause: error, permanent: !transient });
  }
  if (error instanceof HttpError) return new ChannelSendError(`Telegram unreachable: ${error.message}`, { cause: error, permanent: false });
  return new ChannelSendError('Sending to Telegram failed', { cause: error, permanent: false });
}
