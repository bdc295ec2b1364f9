import { Hono } from 'hono';
import type { JournalEntry } from '../../src/dialogue/inbound-journal.ts';
import { KeyedMutex } from '../../src/shared/keyed-mutex.ts';
import { ChannelStartError } from '../channels/channel-errors.ts';
import { sendOutboxParts } from '../channels/outbox-parts.ts';
import { backgroundLoops, type ChannelPacing, channelPacing, type ChatChannelOptions, createPipeline } from '../channels/channel-options.ts';
import type { InboundPipeline } from '../channels/inbound-pipeline.ts';
import type { OutboxDispatcher } from '../channels/outbox-dispatcher.ts';
import { PollingLoop } from '../channels/polling-loop.ts';
import { replayOwed, type Replay } from '../channels/replay-owed.ts';
import { readWebhook } from '../channels/webhook-request.ts';
import type { ZaloClient } from './zalo-client.ts';
import { type ZaloUpdate, zaloUpdateBodySchema, zaloUpdateSchema } from './zalo-schemas.ts';
import { ZaloTransport } from './zalo-transport.ts';
import { toInbound } from './zalo-updates.ts';

export interface ZaloChannelOptions extends ChatChannelOptions {
  readonly client: ZaloClient;
}

export type AcceptOutcome = 'queued' | 'ignored' | 'invalid';

const secretHeader = 'X-Bot-Api-Secret-Token';

type ZaloMessageInbound = Extract<ReturnType<typeof toInbound>, { kind: 'message' }>;

/**
 * How long after this channel was created a message may still have been journaled by a previous
 * version under the old key: Zalo's and this machine's clocks differ a little, and a restart may
 * overlap the old process briefly. Short, because messages inside it cost a lookup each.
 */
const legacyKeyWindowMs = 2 * 60_000;

/**
 * Zalo through the in-repo client: updates arrive by getUpdates long polling or a webhook, are
 * journaled, then handled one chat at a time in order (a per-chat queue that also carries the sends
 * and the outbox), chats in parallel.
 */
export class ZaloChannel {
  private readonly pipeline: InboundPipeline;
  private readonly transport: ZaloTransport;
  private readonly pacing: ChannelPacing | undefined;
  private readonly chats = new KeyedMutex();
  private readonly working = new Set<Promise<void>>();
  private readonly loops: Array<OutboxDispatcher | PollingLoop> = [];
  private botName: string | undefined;
  private readonly createdAt: number;

  constructor(private readonly options: ZaloChannelOptions) {
    this.transport = new ZaloTransport(options.client, options.translators);
    this.pacing = channelPacing(options);
    this.pipeline = createPipeline('zalo', options, this.transport, this.pacing);
    this.createdAt = options.clock.now().getTime();
  }

  /**
   * Journals an update and queues it behind its chat's earlier messages. Resolves once it is
   * journaled (so a webhook may answer 200), not when it is handled.
   */
  async accept(update: ZaloUpdate): Promise<AcceptOutcome> {
    const inbound = toInbound(update, this.botName);
    if (inbound.kind === 'unknown-event') {
      this.options.logger.debug({ channel: 'zalo', event: inbound.event }, 'unknown Zalo event ignored');
      return 'ignored';
    }
    if (inbound.kind === 'invalid') {
      this.options.logger.warn({ channel: 'zalo', event: inbound.event, reason: inbound.reason }, 'malformed Zalo message ignored');
      return 'invalid';
    }
    // A message the limit drops is neither written nor answered, so whose update it was does not
    // matter: a flood right after a restart costs no lookup per message either.
    const formerKey = this.pipeline.dropsUnanswered(inbound.key, inbound.message) ? null : await this.formerKey(inbound);
    if (formerKey) {
      // Already journaled by a previous version: processed under that key, so it is not answered twice.
      void this.enqueue({ ...inbound, key: formerKey }, inbound.key);
      return 'queued';
    }
    // Screened as it is journaled: a message over its chat's limit with nothing to answer is settled
    // in memory and never written, so a flood through the webhook costs no write per message.
    await this.pipeline.recordScreened([{ entry: { key: inbound.key, payload: JSON.stringify(update) }, message: inbound.message }]);
    void this.enqueue(inbound);
    return 'queued';
  }

  /**
   * Keys name the chat (`chat_id:message_id:event_name`); earlier versions journaled updates as
   * `message_id:event_name`, and those rows must stay harmless across the upgrade:
   * - replay (start-up and the sweep) processes an entry under the key it was journaled under, so
   *   an owed old entry finds its own saved turn and sent count: nothing is handled or sent twice;
   * - a redelivery of an update an earlier version journaled arrives with the new key. Before
   *   journaling it, the old key is looked up: if it holds this chat's update, that row is the
   *   update's (a delivered one makes this a duplicate). A row of another chat is another message
   *   that happens to share the id, the very case the new key tells apart.
   * Only a message sent before this channel started (plus legacyKeyWindowMs) can have been journaled
   * by an earlier version, so only those, and messages without a date, pay for the lookup.
   */
  private async formerKey(inbound: ZaloMessageInbound): Promise<string | null> {
    if (inbound.sentAt !== undefined && inbound.sentAt >= this.createdAt + legacyKeyWindowMs) return null;
    const entry = await this.options.journal.find('zalo', inbound.legacyKey);
    if (!entry) return null;
    let former: ZaloMessageInbound | null;
    try {
      former = this.inboundOf(entry);
    } catch {
      former = null; // not JSON: nothing this message could be a redelivery of
    }
    return former?.chatId === inbound.chatId ? entry.key : null;
  }

  /** A journaled update as the message it carries; throws when the payload is not JSON. */
  private inboundOf(entry: JournalEntry): ZaloMessageInbound | null {
    const update = zaloUpdateSchema.safeParse(JSON.parse(entry.payload));
    const inbound = update.success ? toInbound(update.data, this.botName) : null;
    return inbound?.kind === 'message' ? inbound : null;
  }

  /** The webhook route to mount on the web server, in webhook mode. */
  webhookMount(): { path: string; app: Hono } | null {
    const webhook = this.options.webhook;
    if (!webhook) return null;
    const app = new Hono();
    app.post('/', async (c) => {
      const read = await readWebhook(c, { header: secretHeader, secret: webhook.secret, refusedStatus: 403, schema: zaloUpdateBodySchema });
      if (!read.ok) return read.response;
      const outcome = await this.accept(read.update);
      if (outcome === 'invalid') return c.json({ error: 'invalid_message' }, 400);
      return c.json({ ok: true });
    });
    return { path: new URL(webhook.url).pathname, app };
  }

  /** Checks the token, replays what a previous run left owed, then receives updates. */
  async start(): Promise<void> {
    const { client, logger } = this.options;
    try {
      this.botName = (await client.getMe()).account_name;
    } catch (error) {
      throw new ChannelStartError('Zalo: the bot token was refused or the Bot API is unreachable', { cause: error });
    }
    const replay: Replay = (entry) => this.replay(entry);
    const replayed = await replayOwed(this.pipeline, replay, new Date(this.options.clock.now().getTime() + 1), logger);
    if (replayed > 0) logger.info({ channel: 'zalo', replayed }, 'replayed updates left owed by the previous run');

    if (this.options.webhook) {
      await client.setWebhook(this.options.webhook.url, this.options.webhook.secret);
    } else {
      // getUpdates does not work while a webhook is set.
      if (await client.getWebhookInfo()) await client.deleteWebhook();
      const timeout = this.options.pollingTimeoutSeconds ?? 30;
      this.loops.push(
        new PollingLoop({
          name: 'zalo-updates',
          step: async (signal) => {
            for (const update of await client.getUpdates(timeout, signal)) await this.accept(update);
            return true;
          },
          intervalMs: 0,
          backoff: { baseMs: 1_000, maxMs: 60_000 },
          logger,
        }),
      );
    }
    this.loops.push(
      ...backgroundLoops('zalo', this.options, this.pipeline, replay, (item, partSent) =>
        this.chats.run(item.externalId, () => sendOutboxParts(this.transport, this.options.translators, item, partSent, (part) => this.transport.send(item.externalId, part))),
        this.pacing,
      ),
    );
    for (const loop of this.loops) loop.start();
    logger.info({ channel: 'zalo', mode: this.options.webhook ? 'webhook' : 'polling' }, 'Zalo channel ready');
  }

  /** Stops receiving and waits for the messages already accepted to be answered. */
  async stop(): Promise<void> {
    await Promise.all(this.loops.map((l) => l.stop()));
    while (this.working.size > 0) await Promise.all([...this.working]);
  }

  /** Resolves when every accepted update so far has been handled (tests, the load script). */
  async idle(): Promise<void> {
    while (this.working.size > 0) await Promise.all([...this.working]);
  }

  private async replay(entry: JournalEntry): Promise<void> {
    const inbound = this.inboundOf(entry);
    // Under the key it was journaled with, which for an update from an earlier version is not the one
    // toInbound builds now (see formerKey).
    if (inbound) return this.enqueue({ ...inbound, key: entry.key });
    // Only handled messages are journaled; anything else there is settled rather than replayed forever.
    await this.pipeline.process(entry.key, '', null);
  }

  /**
   * Handles a message after its chat's earlier ones; the per-chat queue is also the send queue. The
   * per-chat limit is asked before the message joins that queue (as on Telegram, before sequentialize):
   * a flood's refused messages are settled at once instead of waiting, one by one, behind the chat's.
   */
  private enqueue(inbound: ZaloMessageInbound, screenedAs: string = inbound.key): Promise<void> {
    const guarded = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        await this.pipeline.fail(inbound.key, inbound.chatId, 'vi', error);
      }
    };
    const done: Promise<void> = (async () => {
      let admitted = false;
      await guarded(async () => {
        admitted = (await this.pipeline.screen(inbound.key, inbound.chatId, inbound.message, screenedAs)) === null;
      });
      if (admitted) await this.chats.run(inbound.chatId, () => guarded(() => this.pipeline.process(inbound.key, inbound.chatId, inbound.message, { admitted: true })));
    })().finally(() => this.working.delete(done));
    this.working.add(done);
    return done;
  }
}
