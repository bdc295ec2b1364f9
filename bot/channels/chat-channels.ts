import type { Hono } from 'hono';
import type { Config } from '../../src/config/config.ts';
import type { InboundJournal } from '../../src/dialogue/inbound-journal.ts';
import type { Outbox } from '../../src/dialogue/outbox.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import type { Clock } from '../../src/shared/clock.ts';
import type { Leases } from '../../src/shared/leases.ts';
import type { Logger } from '../../src/shared/logger.ts';
import { TelegramChannel } from '../telegram/telegram-channel.ts';
import { ZaloChannel } from '../zalo/zalo-channel.ts';
import { ZaloClient } from '../zalo/zalo-client.ts';
import type { MessageHandler } from './inbound-pipeline.ts';
import type { ChannelName, InboundMessage, Reply } from '../../src/dialogue/messages.ts';

export interface ChatChannelsDeps {
  readonly config: Config;
  readonly handle: MessageHandler;
  /** A chat the platform says cannot be reached (blocked the bot): stop what keeps sending to it. */
  readonly onUnreachable?: (chat: { readonly channel: ChannelName; readonly externalId: string }, now: Date) => Promise<void>;
  /** The per-chat limit (ChatUserLimit), asked before a message takes a turn slot. */
  readonly admit?: (message: InboundMessage) => readonly Reply[] | null;
  readonly journal: InboundJournal;
  readonly outbox: Outbox;
  readonly translators: (locale: Locale) => Translator;
  readonly logger: Logger;
  /** The application's clock: the journal's timestamps drive replays and claims. */
  readonly clock: Clock;
  readonly leases: Leases;
  /** Owner of this instance's claims and leases (see instanceIdOf). */
  readonly instanceId: string;
}

export interface ChatChannels {
  /** Channel names whose token is set. */
  readonly names: readonly string[];
  /** Webhook routes to mount on the web server before it listens. */
  readonly mounts: ReadonlyArray<{ readonly path: string; readonly app: Hono }>;
  /** Starts every channel (after the web server listens: Telegram may post at once). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Every chat channel whose token is configured; none when no token is set. */
export function createChatChannels(deps: ChatChannelsDeps): ChatChannels {
  const { config, logger } = deps;
  const common = {
    handle: deps.handle,
    ...(deps.admit ? { admit: deps.admit } : {}),
    ...(deps.onUnreachable ? { onUnreachable: deps.onUnreachable } : {}),
    journal: deps.journal,
    outbox: deps.outbox,
    translators: deps.translators,
    clock: deps.clock,
    logger,
    hotline: config.HOTLINE_NATIONAL,
    instanceId: deps.instanceId,
    leases: deps.leases,
    maxConcurrentTurns: config.TURN_CONCURRENCY,
  };
  const channels: Array<{ name: string; channel: TelegramChannel | ZaloChannel }> = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    const webhook = config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET } : undefined;
    channels.push({
      name: 'telegram',
      channel: new TelegramChannel({ ...common, outboxSending: { perSecond: config.TELEGRAM_SEND_RATE, concurrency: config.OUTBOX_CONCURRENCY, ...(config.TELEGRAM_PAID_BROADCAST_RATE > 0 ? { broadcastPerSecond: config.TELEGRAM_PAID_BROADCAST_RATE } : {}) }, token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, ...(webhook ? { webhook } : {}) }),
    });
  }
  if (config.ZALO_BOT_TOKEN) {
    const webhook = config.ZALO_WEBHOOK_URL && config.ZALO_WEBHOOK_SECRET ? { url: config.ZALO_WEBHOOK_URL, secret: config.ZALO_WEBHOOK_SECRET } : undefined;
    const client = new ZaloClient({ token: config.ZALO_BOT_TOKEN, baseUrl: config.ZALO_API_BASE });
    channels.push({ name: 'zalo', channel: new ZaloChannel({ ...common, outboxSending: { perSecond: config.ZALO_SEND_RATE, concurrency: config.OUTBOX_CONCURRENCY }, client, ...(webhook ? { webhook } : {}) }) });
  }
  const started: Array<TelegramChannel | ZaloChannel> = [];
  return {
    names: channels.map((c) => c.name),
    mounts: channels.flatMap((c) => c.channel.webhookMount() ?? []),
    async start() {
      for (const { channel } of channels) {
        await channel.start();
        started.push(channel);
      }
    },
    async stop() {
      await Promise.all(started.splice(0).map((c) => c.stop()));
    },
  };
}
