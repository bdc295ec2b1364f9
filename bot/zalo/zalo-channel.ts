import { Hono } from 'hono';
import type { JournalEntry } from '../../src/dialogue/inbound-journal.ts';
import { KeyedMutex } from '../../src/shared/keyed-mutex.ts';
import { ChannelStartError } from '../channels/channel-errors.ts';
import { backgroundLoops, type ChatChannelOptions, createPipeline } from '../channels/channel-options.ts';
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

/**
 * Zalo through the in-repo client: updates arrive by getUpdates long polling or a webhook, are
 * journaled, then handled one chat at a time in order (a per-chat queue that also carries the sends
 * and the outbox), chats in parallel.
 */
export class ZaloChannel {
  private readonly pipeline: InboundPipeline;
  private readonly transport: ZaloTransport;
  private readonly chats = new KeyedMutex();
  private readonly working = new Set<Promise<void>>();
  private readonly loops: Array<OutboxDispatcher | PollingLoop> = [];
  private botName: string | undefined;

  constructor(private readonly options: ZaloChannelOptions) {
    this.transport = new ZaloTransport(options.client, options.translators);
    this.pipeline = createPipeline('zalo', options, this.transport);
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
    await this.pipeline.record([{ key: inbound.key, payload: JSON.stringify(update) }]);
    void this.enqueue(inbound);
    return 'queued';
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
      ...backgroundLoops('zalo', this.options, this.pipeline, replay, (item) =>
        this.chats.run(item.externalId, async () => {
          for (const part of this.transport.parts([item.reply], 'vi')) await this.transport.send(item.externalId, part);
        }),
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
    const update = zaloUpdateSchema.safeParse(JSON.parse(entry.payload));
    const inbound = update.success ? toInbound(update.data, this.botName) : null;
    if (inbound?.kind === 'message') return this.enqueue(inbound);
    // Only handled messages are journaled; anything else there is settled rather than replayed forever.
    await this.pipeline.process(entry.key, '', null);
  }

  /** Handles a message after its chat's earlier ones; the per-chat queue is also the send queue. */
  private enqueue(inbound: Extract<ReturnType<typeof toInbound>, { kind: 'message' }>): Promise<void> {
    const done: Promise<void> = this.chats
      .run(inbound.chatId, async () => {
        try {
          await this.pipeline.process(inbound.key, inbound.chatId, inbound.message);
        } catch (error) {
          await this.pipeline.fail(inbound.key, inbound.chatId, 'vi', error);
        }
      })
      .finally(() => this.working.delete(done));
    this.working.add(done);
    return done;
  }
}
