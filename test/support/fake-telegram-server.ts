import type { Message, Update } from 'grammy/types';
import { FakeBotApi, FakeChatServer } from './fake-bot-api.ts';

/** A message the bot sent, as Telegram would show it. */
export interface SentMessage {
  readonly chatId: string;
  readonly messageId: number;
  /** Text, or "[document <name>]" for a file. */
  readonly text: string;
  /** Inline keyboard buttons: [label, callback data]. */
  readonly buttons: ReadonlyArray<readonly [string, string]>;
  /** Where a keyboard's buttons can be pressed from. */
  readonly message: Message;
  /** Sent with allow_paid_broadcast (a paid broadcast, billed in Telegram Stars). */
  readonly paidBroadcast: boolean;
}

export const fakeBot = { id: 777_000_001, username: 'bvntd_test_bot', first_name: 'BVNTD' };

/**
 * A Telegram Bot API on 127.0.0.1 with the methods the bot uses: updates by getUpdates long polling
 * (offset confirms, as Telegram does) or POSTed to the webhook the bot set, and every message the
 * bot sends recorded per chat.
 */
export class FakeTelegramServer extends FakeChatServer<SentMessage> {
  readonly api: FakeBotApi;
  webhook: { url: string; secret: string | undefined } | null = null;
  private readonly queue: Update[] = [];
  private nextUpdateId = 100_000;
  /** The offset of the last getUpdates: updates from it on have not been confirmed yet. */
  private confirmedBelow = 0;
  private nextMessageId = 1;

  constructor(readonly token = '123456:TEST-telegram-token') {
    super();
    this.api = new FakeBotApi(token, {
      getMe: () => ok({ ...fakeBot, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false }),
      getUpdates: (params, signal) => this.getUpdates(params, signal),
      deleteWebhook: () => {
        this.webhook = null;
        return ok(true);
      },
      setWebhook: (params) => {
        this.webhook = { url: String(params.url), secret: params.secret_token === undefined ? undefined : String(params.secret_token) };
        return ok(true);
      },
      setMyCommands: () => ok(true),
      sendChatAction: () => ok(true),
      answerCallbackQuery: () => ok(true),
      sendMessage: (params) => ok(this.record(params, String(params.text))),
      sendDocument: (params) => {
        const file = Object.values(params).find((v): v is { fileName: string } => typeof v === 'object' && v !== null && 'fileName' in v);
        return ok(this.record(params, `[document ${file?.fileName ?? '?'}]`));
      },
    });
  }

  /** A private-chat text message from user `chatId`, queued for getUpdates. Returns the update. */
  sendText(chatId: number, text: string, extra: Partial<Message> = {}): Update {
    return this.enqueue({ message: this.message(chatId, { text, ...extra }) as Update['message'] });
  }

  /** Presses a button of a message the bot sent. */
  press(sent: SentMessage, label: string): Update {
    const button = sent.buttons.find(([l]) => l === label);
    if (!button) throw new Error(`no button "${label}" under message ${sent.messageId}: ${sent.buttons.map(([l]) => l).join(', ')}`);
    const chatId = Number(sent.chatId);
    return this.enqueue({
      callback_query: { id: `cq${this.nextUpdateId}`, from: user(chatId), chat_instance: 'ci', data: button[1], message: sent.message as never },
    });
  }

  /** Builds a message (for groups, photos, ...) without queuing it. */
  message(chatId: number, fields: Partial<Message>, chat: Partial<Message['chat']> = {}): Message {
    return {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: `User${chatId}`, ...chat } as Message['chat'],
      from: user(chatId),
      ...fields,
    } as Message;
  }

  /** Queues an update for getUpdates (a new update_id unless the update carries one). */
  enqueue(update: Omit<Update, 'update_id'> & { update_id?: number }): Update {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId++ } as Update;
    this.queue.push(full);
    this.api.wakePollers();
    return full;
  }

  /** Delivers an update to the webhook the bot set, as Telegram does; returns the HTTP status. */
  async postWebhook(update: unknown, options: { secret?: string; rawBody?: string } = {}): Promise<number> {
    if (!this.webhook) throw new Error('the bot set no webhook');
    const secret = options.secret ?? this.webhook.secret;
    const res = await fetch(this.webhook.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(secret === undefined ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }) },
      body: options.rawBody ?? JSON.stringify(update),
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** Updates queued and not yet confirmed by a later getUpdates offset (the bot's backlog). */
  get backlog(): number {
    return this.queue.filter((u) => u.update_id >= this.confirmedBelow).length;
  }

  newUpdateId(): number {
    return this.nextUpdateId++;
  }

  private record(params: Record<string, unknown>, text: string) {
    const chatId = String(params.chat_id);
    const messageId = this.nextMessageId++;
    const markup = params.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } | undefined;
    const message = {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(chatId), type: 'private', first_name: `User${chatId}` },
      from: { ...fakeBot, is_bot: true },
      text,
      ...(markup ? { reply_markup: markup } : {}),
    } as Message;
    const buttons = (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data] as const);
    this.recordSent({ chatId, messageId, text, buttons, message, paidBroadcast: params.allow_paid_broadcast === true });
    return message;
  }

  private async getUpdates(params: Record<string, unknown>, signal: AbortSignal) {
    const offset = Number(params.offset ?? 0);
    this.confirmedBelow = Math.max(this.confirmedBelow, offset);
    const limit = Math.min(100, Number(params.limit ?? 100));
    const timeoutMs = Number(params.timeout ?? 0) * 1000;
    // An offset confirms every update before it: Telegram never sends those again.
    if (offset > 0) {
      for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.update_id < offset) this.queue.splice(i, 1);
    }
    const ready = () => this.queue.filter((u) => u.update_id >= offset).slice(0, limit);
    await this.api.longPoll(() => ready().length > 0, timeoutMs, signal);
    return ok(ready());
  }
}

function user(id: number) {
  return { id, is_bot: false, first_name: `User${id}`, language_code: 'vi' };
}

function ok(result: unknown) {
  return { body: { ok: true, result } };
}
