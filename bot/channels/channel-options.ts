import type { InboundJournal } from '../../src/dialogue/inbound-journal.ts';
import type { ChannelName, InboundMessage, Reply } from '../../src/dialogue/messages.ts';
import type { Outbox } from '../../src/dialogue/outbox.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import type { Clock } from '../../src/shared/clock.ts';
import type { Leases } from '../../src/shared/leases.ts';
import type { Logger } from '../../src/shared/logger.ts';
import { InboundPipeline, type ChannelTransport, type MessageHandler } from './inbound-pipeline.ts';
import { OutboxDispatcher } from './outbox-dispatcher.ts';
import { SendPace } from './send-pace.ts';
import type { PollingLoop } from './polling-loop.ts';
import { replayLoop, type Replay } from './replay-owed.ts';

/** What every chat channel is built from, besides its platform's token and client. */
export interface ChatChannelOptions {
  readonly handle: MessageHandler;
  /** The per-chat limit, asked before a message takes a turn slot (InboundPipelineDeps.admit). */
  readonly admit?: (message: InboundMessage) => readonly Reply[] | null;
  readonly journal: InboundJournal;
  readonly outbox?: Outbox;
  readonly translators: (locale: Locale) => Translator;
  /** Real time: the journal's timestamps drive replays. */
  readonly clock: Clock;
  readonly logger: Logger;
  readonly hotline: string;
  /** This instance's id (INSTANCE_ID): owner of its claims and leases. */
  readonly instanceId: string;
  /** Leases shared by the instances on this database (Telegram long polling runs on one of them). */
  readonly leases: Leases;
  readonly maxConcurrentTurns?: number;
  /** Webhook mode when set (the public URL the platform posts to, and its secret); long polling otherwise. */
  readonly webhook?: { readonly url: string; readonly secret: string };
  readonly typingDelayMs?: number;
  readonly pollingTimeoutSeconds?: number;
  readonly outboxIntervalMs?: number;
  /** A chat the platform says cannot be reached (blocked the bot): stop what keeps sending to it. */
  readonly onUnreachable?: (chat: { readonly channel: ChannelName; readonly externalId: string }, now: Date) => Promise<void>;
  /**
   * Proactive sends (warnings, staff replies) a second, and chats sent to at once (TELEGRAM_SEND_RATE…);
   * `broadcastPerSecond`: warnings' copies on a budget of their own (Telegram's paid broadcasts).
   */
  readonly outboxSending?: { readonly perSecond: number; readonly concurrency: number; readonly broadcastPerSecond?: number };
}

/**
 * A channel's send budgets: replies within turns and proactive sends share the platform's limit
 * (turn replies never wait, they are counted; proactive sends wait their turn), and broadcast
 * copies may have a budget of their own. Built once per channel, for its pipeline and its outbox.
 */
export interface ChannelPacing {
  readonly shared: SendPace;
  readonly broadcast?: SendPace;
}

export function channelPacing(options: ChatChannelOptions): ChannelPacing | undefined {
  const sending = options.outboxSending;
  if (!sending) return undefined;
  return { shared: new SendPace(sending.perSecond), ...(sending.broadcastPerSecond ? { broadcast: new SendPace(sending.broadcastPerSecond) } : {}) };
}

export function createPipeline(channel: ChannelName, options: ChatChannelOptions, transport: ChannelTransport, pacing?: ChannelPacing): InboundPipeline {
  return new InboundPipeline({
    channel,
    journal: options.journal,
    handle: options.handle,
    ...(options.admit ? { admit: options.admit } : {}),
    transport,
    translators: options.translators,
    clock: options.clock,
    logger: options.logger,
    hotline: options.hotline,
    owner: options.instanceId,
    ...(pacing ? { onSent: () => pacing.shared.spend() } : {}),
    ...(options.typingDelayMs === undefined ? {} : { typingDelayMs: options.typingDelayMs }),
    ...(options.maxConcurrentTurns === undefined ? {} : { maxConcurrentTurns: options.maxConcurrentTurns }),
  });
}

/** The loops a running channel keeps: outbox delivery (when there is an outbox) and the replay sweep. */
export function backgroundLoops(
  channel: ChannelName,
  options: ChatChannelOptions,
  pipeline: InboundPipeline,
  replay: Replay,
  deliverOutbox: ConstructorParameters<typeof OutboxDispatcher>[0]['deliver'],
  pacing?: ChannelPacing,
): Array<OutboxDispatcher | PollingLoop> {
  const loops: Array<OutboxDispatcher | PollingLoop> = [];
  if (options.outbox) {
    loops.push(
      new OutboxDispatcher({
        outbox: options.outbox,
        channel,
        deliver: deliverOutbox,
        clock: options.clock,
        logger: options.logger,
        owner: options.instanceId,
        ...(options.outboxIntervalMs === undefined ? {} : { intervalMs: options.outboxIntervalMs }),
        ...(options.outboxSending && pacing ? { pace: pacing.shared, concurrency: options.outboxSending.concurrency, ...(pacing.broadcast ? { broadcastPace: pacing.broadcast } : {}) } : {}),
        ...(options.onUnreachable ? { onUnreachable: options.onUnreachable } : {}),
      }),
    );
  }
  loops.push(replayLoop({ name: `${channel}-replay`, pipeline, replay, clock: options.clock, logger: options.logger }));
  return loops;
}
