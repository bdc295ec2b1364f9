import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Bot, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { Hono } from 'hono';
import { z } from 'zod';
import type { JournalEntry } from '../../src/dialogue/inbound-journal.ts';
import type { InboundMessage } from '../../src/dialogue/messages.ts';
import type { Locale } from '../../src/i18n/translator.ts';
import { ChannelStartError } from '../channels/channel-errors.ts';
import { sendOutboxParts } from '../channels/outbox-parts.ts';
import { backgroundLoops, type ChannelPacing, channelPacing, type ChatChannelOptions, createPipeline } from '../channels/channel-options.ts';
import type { InboundPipeline } from '../channels/inbound-pipeline.ts';
import type { OutboxDispatcher } from '../channels/outbox-dispatcher.ts';
import type { PollingLoop } from '../channels/polling-loop.ts';
import { replayOwed, type Replay } from '../channels/replay-owed.ts';
import { LeaderLease } from '../channels/leader-lease.ts';
import { readWebhook } from '../channels/webhook-request.ts';
import { TelegramTransport } from './telegram-transport.ts';
import { toInbound } from './telegram-updates.ts';

export interface TelegramChannelOptions extends ChatChannelOptions {
  readonly token: string;
  /** The Bot API root (tests point it at a loopback server). */
  readonly apiRoot: string;
}

/** The commands shown in Telegram's menu, described in the user's language. */
export const telegramCommands = ['start', 'help', 'hoi', 'khieunai', 'doanhnghiep', 'nhanvien', 'canhbao', 'hotline', 'quyenriengtu', 'xoadulieu'] as const;

const allowedUpdates = ['message', 'callback_query'] as const;
const secretHeader = 'X-Telegram-Bot-Api-Secret-Token';
const webhookUpdateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });

/**
 * Telegram through grammY: long polling with @grammyjs/runner (one chat's updates in order, chats in
 * parallel) or a webhook; every update is journaled before Telegram considers it delivered (inside
 * getUpdates, before the next call confirms it; before the webhook answers), then handled by the
 * shared pipeline. One error boundary: bot.catch.
 */
export class TelegramChannel {
  readonly bot: Bot;
  private readonly pipeline: InboundPipeline;
  private readonly transport: TelegramTransport;
  private readonly pacing: ChannelPacing | undefined;
  private readonly loops: Array<OutboxDispatcher | PollingLoop> = [];
  private runner: RunnerHandle | null = null;
  private polling: LeaderLease | null = null;
  private stopping = false;
  /**
   * Each update read once: journaling screens it, then the limit's middleware and the handler need
   * it again. Keyed by the update object grammY hands along; one it did not (a copy) is read anew.
   */
  private readonly inbound = new WeakMap<Update, ReturnType<typeof toInbound>>();

  constructor(private readonly options: TelegramChannelOptions) {
    const { logger } = options;
    this.bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
    // Bounded: a rate limit longer than 30 s or a fourth failure gives up; the update stays owed.
    this.bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));
    this.transport = new TelegramTransport(this.bot.api, options.translators);
    this.pacing = channelPacing(options);
    this.pipeline = createPipeline('telegram', options, this.transport, this.pacing);
    this.bot.api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (method === 'getUpdates' && result.ok) {
        const updates = result.result as Update[];
        try {
          await this.pipeline.recordScreened(updates.map((u) => this.toJournal(u)));
        } catch (error) {
          // Failing getUpdates keeps the offset where it was: Telegram sends the batch again.
          logger.error({ err: error }, 'could not journal Telegram updates');
          throw error;
        }
      }
      return result;
    });
    // The per-chat limit is asked before sequentialize queues a message behind its chat's others:
    // a flood settled here never fills the runner's slots that other chats' messages need.
    this.bot.use(async (ctx, next) => {
      const inbound = this.inboundOf(ctx.update);
      if (inbound.kind !== 'ignore' && (await this.pipeline.screen(String(ctx.update.update_id), inbound.chatId, inbound.message))) return;
      await next();
    });
    this.bot.use(sequentialize((ctx) => chatKeyOf(ctx.update)));
    this.bot.use(async (ctx) => {
      const key = String(ctx.update.update_id);
      const inbound = this.inboundOf(ctx.update);
      if (inbound.kind === 'ignore') {
        await this.pipeline.process(key, inbound.chatId ?? '', null);
        return;
      }
      if (inbound.callbackQueryId) {
        // Stops the button's spinner; on a replayed old query Telegram refuses, which changes nothing.
        await ctx.api.answerCallbackQuery(inbound.callbackQueryId).catch((error: unknown) => logger.debug({ err: error }, 'callback query not answered'));
      }
      await this.pipeline.process(key, inbound.chatId, inbound.message, { admitted: true });
    });
    this.bot.catch(async (error) => {
      const update = error.ctx.update;
      const chat = chatKeyOf(update) ?? null;
      const locale: Locale = error.ctx.from?.language_code?.startsWith('en') ? 'en' : 'vi';
      await this.pipeline.fail(String(update.update_id), chat, locale, error.error);
    });
  }

  private inboundOf(update: Update): ReturnType<typeof toInbound> {
    let inbound = this.inbound.get(update);
    if (!inbound) {
      inbound = toInbound(update, this.bot.botInfo);
      this.inbound.set(update, inbound);
    }
    return inbound;
  }

  /** An update as journaled, with the message the per-chat limit screens (none for what the bot ignores). */
  private toJournal(update: Update): { readonly entry: JournalEntry; readonly message: InboundMessage | null } {
    const entry = { key: String(update.update_id), payload: JSON.stringify(update) };
    try {
      const inbound = this.inboundOf(update);
      return { entry, message: inbound.kind === 'ignore' ? null : inbound.message };
    } catch {
      // An update this bot cannot read is journaled unscreened, so that its own handling reaches
      // the error boundary (bot.catch) rather than failing the whole getUpdates or webhook call.
      return { entry, message: null };
    }
  }

  /** The webhook route to mount on the web server, in webhook mode. */
  webhookMount(): { path: string; app: Hono } | null {
    const webhook = this.options.webhook;
    if (!webhook) return null;
    const callback = webhookCallback(this.bot, 'hono', { secretToken: webhook.secret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
    const app = new Hono();
    app.post('/', async (c) => {
      const read = await readWebhook(c, { header: secretHeader, secret: webhook.secret, refusedStatus: 401, schema: webhookUpdateSchema });
      if (!read.ok) return read.response;
      // Screened as it is journaled, as on long polling: a flood's dropped messages are never written.
      await this.pipeline.recordScreened([this.toJournal(read.body as Update)]);
      return callback(c);
    });
    return { path: new URL(webhook.url).pathname, app };
  }

  /** Checks the token, registers the commands, replays what a previous run left owed, then receives updates. */
  async start(): Promise<void> {
    const { logger } = this.options;
    try {
      await this.bot.init();
    } catch (error) {
      throw new ChannelStartError('Telegram: the bot token was refused or the Bot API is unreachable', { cause: error });
    }
    await this.registerCommands();
    const replay: Replay = (entry) => this.bot.handleUpdate(JSON.parse(entry.payload) as Update);
    const replayed = await replayOwed(this.pipeline, replay, new Date(this.options.clock.now().getTime() + 1), logger);
    if (replayed > 0) logger.info({ channel: 'telegram', replayed }, 'replayed updates left owed by the previous run');

    if (this.options.webhook) {
      await this.bot.api.setWebhook(this.options.webhook.url, { secret_token: this.options.webhook.secret, allowed_updates: [...allowedUpdates] });
    } else {
      await this.bot.api.deleteWebhook();
      // Telegram serves getUpdates to one consumer per bot (a second gets 409 Conflict): with several
      // instances on one database, the one holding the lease polls and the others stand by.
      this.polling = new LeaderLease({
        leases: this.options.leases,
        name: 'telegram:polling',
        owner: this.options.instanceId,
        clock: this.options.clock,
        logger,
        lead: () => this.startPolling(),
        resign: async () => {
          const runner = this.runner;
          this.runner = null;
          await runner?.stop();
        },
      });
      await this.polling.start();
    }
    this.loops.push(
      ...backgroundLoops(
        'telegram',
        this.options,
        this.pipeline,
        replay,
        (item, partSent) => {
          // A warning's copy goes as a paid broadcast when those are on (it has their budget then).
          const paid = item.reply.broadcast === true && this.pacing?.broadcast !== undefined;
          return sendOutboxParts(this.transport, this.options.translators, item, partSent, (part) => this.transport.send(item.externalId, part, { paidBroadcast: paid }));
        },
        this.pacing,
      ),
    );
    for (const loop of this.loops) loop.start();
    logger.info({ channel: 'telegram', mode: this.options.webhook ? 'webhook' : 'polling', bot: this.bot.botInfo.username }, 'Telegram channel ready');
  }

  private startPolling(): void {
    const runner = run(this.bot, {
      runner: {
        fetch: { timeout: this.options.pollingTimeoutSeconds ?? 30, allowed_updates: [...allowedUpdates] },
        retryInterval: 'exponential',
        maxRetryTime: Number.MAX_SAFE_INTEGER,
        silent: true,
      },
      // The pipeline bounds the turns handled at once; this only bounds updates held in memory.
      sink: { concurrency: 500 },
    });
    this.runner = runner;
    void runner.task()?.then(() => {
      if (!this.stopping && this.runner === runner) this.options.logger.error({ channel: 'telegram' }, 'Telegram long polling stopped unexpectedly');
    });
  }

  /** Stops receiving, waits for updates being handled, stops the background loops. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.polling?.stop();
    await this.runner?.stop();
    await Promise.all(this.loops.map((l) => l.stop()));
  }

  private async registerCommands(): Promise<void> {
    const commandsIn = (locale: Locale) => telegramCommands.map((command) => ({ command, description: this.options.translators(locale).t(`channels.command.${command}`) }));
    try {
      await this.bot.api.setMyCommands(commandsIn('vi'));
      await this.bot.api.setMyCommands(commandsIn('en'), { language_code: 'en' });
    } catch (error) {
      // The menu is a convenience: the bot answers typed commands without it.
      this.options.logger.warn({ err: error }, 'could not register Telegram commands');
    }
  }
}

function chatKeyOf(update: Update): string | undefined {
  const chat = update.message?.chat ?? update.callback_query?.message?.chat ?? update.edited_message?.chat ?? update.my_chat_member?.chat;
  return chat ? String(chat.id) : undefined;
}
