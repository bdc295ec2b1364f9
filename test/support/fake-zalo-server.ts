import { nodeJsonPost } from '../../bot/zalo/json-post.ts';
import { FakeBotApi, FakeChatServer } from './fake-bot-api.ts';

export interface ZaloSent {
  readonly chatId: string;
  readonly text: string;
}

export interface ZaloTestUpdate {
  readonly event_name: string;
  readonly message: Record<string, unknown>;
}

/**
 * A Zalo Bot API on 127.0.0.1 (docs/zalo-bot-api.md): getUpdates hands out ONE update per call or
 * answers 408 when the long poll ends idle; webhooks are POSTed with X-Bot-Api-Secret-Token, wrapped
 * in {ok, result} or bare; every sendMessage is recorded (text over 2,000 characters is refused).
 */
export class FakeZaloServer extends FakeChatServer<ZaloSent> {
  readonly api: FakeBotApi;
  webhook: { url: string; secret: string } | null = null;
  private readonly queue: ZaloTestUpdate[] = [];
  private nextMessageId = 1;

  constructor(readonly token = '1234567:zalo-TEST-token') {
    super();
    this.api = new FakeBotApi(token, {
      getMe: () => ok({ id: '9000', account_name: 'bvntd_zalo_bot', account_type: 'BASIC', can_join_groups: true }),
      getUpdates: (params, signal) => this.getUpdates(params, signal),
      setWebhook: (params) => {
        this.webhook = { url: String(params.url), secret: String(params.secret_token) };
        return ok({ url: this.webhook.url, updated_at: Date.now() });
      },
      deleteWebhook: () => {
        this.webhook = null;
        return ok({ url: '', updated_at: Date.now() });
      },
      getWebhookInfo: () => (this.webhook ? ok({ url: this.webhook.url, updated_at: Date.now() }) : fail(404, 'Not Found')),
      sendChatAction: () => ok(true),
      sendMessage: (params) => {
        const text = String(params.text ?? '');
        if (text.length < 1 || text.length > 2000) return fail(400, 'Bad Request: text must be 1-2000 characters');
        this.recordSent({ chatId: String(params.chat_id), text });
        return ok({ message_id: `bot-${this.nextMessageId++}`, date: Date.now() });
      },
    });
  }

  /** A text message from user `chatId` (its own chat), not yet delivered. */
  textUpdate(chatId: string, text: string, extra: Record<string, unknown> = {}): ZaloTestUpdate {
    return {
      event_name: 'message.text.received',
      message: {
        from: { id: chatId, display_name: `User ${chatId}`, is_bot: false },
        chat: { id: chatId, chat_type: 'PRIVATE' },
        text,
        message_id: `m${this.nextMessageId++}`,
        date: Date.now(),
        ...extra,
      },
    };
  }

  /** Queues an update for getUpdates. */
  enqueue(update: ZaloTestUpdate): ZaloTestUpdate {
    this.queue.push(update);
    this.api.wakePollers();
    return update;
  }

  /** POSTs an update to the webhook the bot set; returns the HTTP status. */
  async postWebhook(update: unknown, options: { secret?: string | null; wrapped?: boolean; rawBody?: string } = {}): Promise<number> {
    if (!this.webhook) throw new Error('the bot set no webhook');
    const secret = options.secret === undefined ? this.webhook.secret : options.secret;
    const body = options.rawBody ?? JSON.stringify(options.wrapped === false ? update : { ok: true, result: update });
    const headers: Record<string, string> = secret === null ? {} : { 'X-Bot-Api-Secret-Token': secret };
    if (options.rawBody === undefined) {
      // node:http rather than fetch: the load script posts thousands of these and must stay light.
      return (await nodeJsonPost(this.webhook.url, body, { signal: AbortSignal.timeout(30_000), headers })).status;
    }
    // Raw bodies test refusals (413 closes the connection mid-upload): fetch still reads the answer.
    const res = await fetch(this.webhook.url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    await res.arrayBuffer();
    return res.status;
  }

  private async getUpdates(params: Record<string, unknown>, signal: AbortSignal) {
    const timeoutMs = Number(params.timeout ?? 30) * 1000;
    await this.api.longPoll(() => this.queue.length > 0, timeoutMs, signal);
    // Handed out once: Zalo has no offset, a fetched update is gone even if the bot then dies.
    const update = signal.aborted ? undefined : this.queue.shift();
    return update ? ok(update) : fail(408, 'Request Timeout');
  }
}

function ok(result: unknown) {
  return { body: { ok: true, result } };
}

function fail(code: number, description: string) {
  return { body: { ok: false, error_code: code, description } };
}
