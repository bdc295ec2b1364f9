import type { ChannelName, Reply } from '../dialogue/messages.ts';
import type { Subscription } from './subscription.ts';

/** One subscriber's copy of a warning, about to go to the outbox. */
export interface QueuedDelivery {
  readonly subscriptionId: string;
  readonly channel: ChannelName;
  readonly externalId: string;
  readonly locale: string;
  readonly reply: Reply;
}

/** How far a warning got: queued, sent, still owed, given up on (after the outbox's last retry). */
export interface DeliveryFigures {
  readonly queued: number;
  readonly delivered: number;
  readonly pending: number;
  readonly failed: number;
  /** Failed attempts that were retried (429s, timeouts, 5xx), over every copy. */
  readonly retries: number;
  readonly firstDeliveredAt: Date | null;
  readonly lastDeliveredAt: Date | null;
  readonly byChannel: Readonly<Record<string, { queued: number; delivered: number; pending: number; failed: number }>>;
}

/**
 * Fan-out's record of who was queued a warning. Each batch is written with its outbox items in one
 * transaction, and (warning, subscriber) is unique: a fan-out that crashed, or ran on two instances at
 * once, queues nobody twice; the outbox's claims then send each item once.
 */
export interface DeliveryLedger {
  /**
   * The next `limit` active subscriptions in id order after `after` (some may have been queued this
   * warning already: `queue` leaves those out); `next` is the cursor for the following call, null
   * when every subscription was read.
   */
  subscribers(after: string | null, limit: number): Promise<{ page: Subscription[]; next: string | null }>;
  /** Queues the batch; returns how many were new (0 when another instance queued them first). */
  queue(warningId: string, deliveries: readonly QueuedDelivery[], now: Date): Promise<number>;
  /** Marks fan-out finished with the number of subscribers the warning was queued for. */
  finish(warningId: string, now: Date): Promise<number>;
  /** A withdrawn warning's copies not yet sent are taken out of the outbox. Returns how many. */
  cancelPending(warningId: string): Promise<number>;
  figures(warningId: string, maxAttempts: number): Promise<DeliveryFigures>;
}
