import type { ChannelName } from '../../src/dialogue/messages.ts';
import type { Outbox, OutboxItem } from '../../src/dialogue/outbox.ts';
import type { Clock } from '../../src/shared/clock.ts';
import type { Logger } from '../../src/shared/logger.ts';
import { backoffDelay } from './backoff.ts';
import { ChannelSendError } from './channel-errors.ts';
import { PollingLoop } from './polling-loop.ts';
import type { SendPace } from './send-pace.ts';
import { Semaphore } from '../../src/shared/semaphore.ts';

export interface OutboxDispatcherDeps {
  readonly outbox: Outbox;
  readonly channel: ChannelName;
  /**
   * Sends one item to its chat, its parts from `item.sentParts` on, awaiting `partSent` after each
   * one the platform took (sendOutboxParts does both); throws when the platform did not take one.
   */
  readonly deliver: (item: OutboxItem, partSent: PartSent) => Promise<void>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** This instance's id: the owner of the items it claims. */
  readonly owner: string;
  readonly intervalMs?: number;
  readonly batchSize?: number;
  /** After this many failed attempts an item is left for staff to see, not retried. */
  readonly maxAttempts?: number;
  /** The platform's send rate (a warning's broadcast stays under it); unpaced when absent. */
  readonly pace?: SendPace;
  /** The pace of broadcast copies (Reply.broadcast) when they have their own budget (Telegram's paid broadcasts); `pace` otherwise. */
  readonly broadcastPace?: SendPace;
  /**
   * Chats sent to at once (default 1). A chat's own items stay in order, one after another; the
   * platform's round trip, not the rate, bounds a sequential send (10 a second at 100 ms).
   */
  readonly concurrency?: number;
  /**
   * The platform said the chat cannot be reached at all (the user blocked the bot, the chat is
   * gone): whatever keeps sending to it (a warnings subscription) stops. The item itself is retried
   * as usual, up to maxAttempts, in case the user unblocks the bot meanwhile.
   */
  readonly onUnreachable?: (chat: { readonly channel: ChannelName; readonly externalId: string }, now: Date) => Promise<void>;
  /** How long a claim holds without renewal (default 60 s); renewed every third of it while an item is sent. */
  readonly claimTtlMs?: number;
}

/**
 * Records that an item's first `sentParts` of `total` parts went out. The record follows the
 * platform's answer at once: a kill between the two is the only way a part can go out twice.
 */
export type PartSent = (sentParts: number, total: number) => Promise<void>;

/** After this many failed attempts an item is left for staff to see (the console counts it as failed). */
export const defaultOutboxMaxAttempts = 12;

/** How long a claimed item is this instance's to send, unless renewed; a send takes well under a second. */
const defaultClaimTtlMs = 60_000;

/**
 * Delivers a channel's proactive messages (staff replies, deadline reminders) from the outbox:
 * claims due items (so another instance does not send them too), sends them, marks each delivered.
 * A failed item is released with a retry time, exponential in its attempts and kept in the database,
 * up to `maxAttempts`.
 */
export class OutboxDispatcher {
  private readonly loop: PollingLoop;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly lanes: Semaphore;
  private readonly claimTtlMs: number;
  /** Each chat's last send still under way: a chat's next item waits for it, so a chat stays in order. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly deps: OutboxDispatcherDeps) {
    this.claimTtlMs = deps.claimTtlMs ?? defaultClaimTtlMs;
    // A batch holds enough for every lane for a second or so (one claim query per batch, not per
    // send), but no more than the pace sends in a third of the claim's lifetime: an item whose claim
    // ran out before its turn came (another instance may have taken it) is skipped, not sent twice.
    const withinClaim = deps.pace ? Math.max(1, Math.floor((deps.pace.perSecond * this.claimTtlMs) / 3_000)) : Number.POSITIVE_INFINITY;
    this.batchSize = deps.batchSize ?? Math.min(withinClaim, Math.max(20, (deps.concurrency ?? 1) * 10));
    this.maxAttempts = deps.maxAttempts ?? defaultOutboxMaxAttempts;
    this.lanes = new Semaphore(Math.max(1, deps.concurrency ?? 1));
    this.loop = new PollingLoop({
      name: `${deps.channel}-outbox`,
      step: () => this.dispatchOnce(),
      intervalMs: deps.intervalMs ?? 1_000,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      logger: deps.logger,
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Stops claiming, then waits for the sends under way. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.settled();
  }

  /** Resolves once every send started so far has finished. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight.values());
  }

  /**
   * One round; true when a full batch was due (there may be more). It returns once every chat of the
   * batch has a lane, not when the last send is done: the next claim then overlaps the last sends,
   * so the lanes do not stand idle while the database is asked for more.
   */
  async dispatchOnce(): Promise<boolean> {
    const { outbox, channel, clock } = this.deps;
    const due = await outbox.claim(channel, this.deps.owner, this.batchSize, this.claimTtlMs, clock.now(), this.maxAttempts);
    const lanesTaken: Promise<void>[] = [];
    for (const [chat, items] of byChat(due)) {
      let laneTaken!: () => void;
      lanesTaken.push(new Promise<void>((resolve) => (laneTaken = resolve)));
      const previous = this.inFlight.get(chat) ?? Promise.resolve();
      const run = previous
        .then(() =>
          this.lanes.run(async () => {
            laneTaken();
            for (const item of items) await this.send(item);
          }),
        )
        // The database refused a mark (it stays claimed, and is due again when the claim runs out).
        .catch((error: unknown) => {
          laneTaken();
          this.deps.logger.error({ err: error, channel, chat }, 'outbox delivery could not be recorded');
        });
      this.inFlight.set(chat, run);
      void run.finally(() => {
        if (this.inFlight.get(chat) === run) this.inFlight.delete(chat);
      });
    }
    await Promise.all(lanesTaken);
    return due.length === this.batchSize;
  }

  private async send(item: OutboxItem): Promise<void> {
    const { outbox, channel, clock, logger, owner } = this.deps;
    await (item.reply.broadcast && this.deps.broadcastPace ? this.deps.broadcastPace : this.deps.pace)?.take();
    // An item can wait long after its claim (its chat's earlier sends, the lanes, the pace, a platform
    // answering slowly): once its claim ran out another instance may have claimed and sent it, so it
    // goes out only if the claim is still this instance's, renewed for the send and while it lasts.
    if (!(await outbox.renew(item.id, owner, this.claimTtlMs, clock.now()))) {
      logger.warn({ channel, outboxId: item.id }, 'outbox item no longer claimed by this instance when its turn came; not sent');
      return;
    }
    const heartbeat = setInterval(() => {
      outbox.renew(item.id, owner, this.claimTtlMs, clock.now()).catch((error: unknown) => logger.warn({ err: error, channel, outboxId: item.id }, 'could not renew an outbox claim'));
    }, this.claimTtlMs / 3);
    heartbeat.unref();
    try {
      await this.sendClaimed(item);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async sendClaimed(item: OutboxItem): Promise<void> {
    const { outbox, channel, clock, logger } = this.deps;
    let delivered = false;
    const partSent: PartSent = async (sentParts, total) => {
      if (sentParts < total) return outbox.markPartsSent(item.id, sentParts);
      delivered = true;
      await outbox.markDelivered(item.id, clock.now());
    };
    try {
      await this.deps.deliver(item, partSent);
      // An item with nothing left to send (all its parts went out before a crash) is settled here.
      if (!delivered) await outbox.markDelivered(item.id, clock.now());
    } catch (error) {
      if (error instanceof ChannelSendError && error.permanent && this.deps.onUnreachable) {
        await this.deps.onUnreachable({ channel, externalId: item.externalId }, clock.now()).catch((hookError: unknown) => {
          logger.error({ err: hookError, channel, outboxId: item.id }, 'could not stop sending to an unreachable chat');
        });
      }
      const retryInMs = backoffDelay(item.attempts, 2_000, 10 * 60_000);
      await outbox.markFailed(item.id, new Date(clock.now().getTime() + retryInMs));
      logger.error({ err: error, channel, outboxId: item.id, attempts: item.attempts + 1, retryInMs }, 'outbox delivery failed');
    }
  }
}

/** Items per chat in the order claimed (oldest first): Map.groupBy, which Node 20 lacks. */
function byChat(items: readonly OutboxItem[]): Map<string, OutboxItem[]> {
  const chats = new Map<string, OutboxItem[]>();
  for (const item of items) chats.set(item.externalId, [...(chats.get(item.externalId) ?? []), item]);
  return chats;
}
