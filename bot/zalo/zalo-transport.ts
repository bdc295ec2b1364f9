import type { Reply } from '../../src/dialogue/messages.ts';
import { splitMessage } from '../../src/dialogue/message-splitter.ts';
import { withNumberedOptions } from '../../src/dialogue/numbered-options.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import { ChannelSendError } from '../channels/channel-errors.ts';
import type { ChannelTransport } from '../channels/inbound-pipeline.ts';
import type { OutgoingPart } from '../channels/outgoing.ts';
import { ZaloApiError, type ZaloClient } from './zalo-client.ts';

/** Zalo's limit for one text message or caption. */
export const zaloMaxText = 2000;

/** Replies as Zalo messages: options as a numbered list (Zalo has no buttons), text split under 2,000. */
export class ZaloTransport implements ChannelTransport {
  constructor(
    private readonly client: ZaloClient,
    private readonly translators: (locale: Locale) => Translator,
  ) {}

  parts(replies: readonly Reply[], locale: Locale): OutgoingPart[] {
    return replies.flatMap((reply) => {
      const texts = splitMessage(withNumberedOptions(reply), zaloMaxText);
      // The Bot API sends photos by URL only: a generated file cannot be delivered here.
      if (reply.file) texts.push(this.translators(locale).t('channels.fileUnavailable', { fileName: reply.file.fileName }));
      return texts.map((text): OutgoingPart => ({ kind: 'text', text }));
    });
  }

  async send(chatId: string, part: OutgoingPart): Promise<void> {
    if (part.kind !== 'text') throw new ChannelSendError('Zalo cannot send files', { permanent: true });
    try {
      await this.client.sendMessage(chatId, part.text);
    } catch (error) {
      const transient = !(error instanceof ZaloApiError) || error.transient;
      throw new ChannelSendError(error instanceof Error ? error.message : 'Sending to Zalo failed', { cause: error, permanent: !transient });
    }
  }

  async typing(chatId: string): Promise<void> {
    await this.client.sendChatAction(chatId, 'typing');
  }
}
