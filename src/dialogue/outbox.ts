import type { ChannelName, Reply } from './messages.ts';

/** A message the bot sends without being asked in that turn: a staff reply, a deadline reminder. */
export interface OutboxItem {
  readonly id: string;
  readonly channel: ChannelName;
  readonly externalId: string;
  readonly reply: Reply;
  readonly createdAt: Date;
  readonly attempts: number;
  /** Platform messages of it already sent by an earlier attempt (a reply split in parts): only the rest go out. */
  readonly sentParts: number;
}

/**
 * Proactive messages go through the database: the writer (staff console, reminder job) enqueues,
 * each channel's dispatcher delivers and marks them, so nothing is lost across restarts and nothing
 * is sent twice by two processes.
 */
export interface Outbox {
  enqueue(channel: ChannelName, externalId: string, reply: Reply, now: Date): Promise<void>;
  /** Undelivered items, oldest first; with `maxAttempts`, those that failed that often are left out. */
  pending(channel: ChannelName, limit: number, maxAttempts?: number): Promise<OutboxItem[]>;
  /** Undelivered items for one chat, oldest first (the web chat collects its own by polling). */
  pendingFor(channel: ChannelName, externalId: string, limit: number): Promise<OutboxItem[]>;
  /**
   * Takes up to `limit` due items for `owner` to send, each until now + ttlMs, oldest first. An item
   * another instance has claimed, or one waiting for its retry time, is not handed out; a claim of
   * an instance that died runs out and the item is claimed again.
   */
  claim(channel: ChannelName, owner: string, limit: number, ttlMs: number, now: Date, maxAttempts?: number): Promise<OutboxItem[]>;
  /**
   * Extends `owner`'s claim on an item to now + ttlMs, right before it is sent and while it is being
   * sent; false when the claim is no longer `owner`'s (it ran out while the item waited and another
   * instance claimed it, or the item was delivered): the item must not be sent then.
   */
  renew(id: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  /**
   * Records that the first `sentParts` platform messages of an item went out, right after the
   * platform took the last of them: a retry, a restart or another instance sends only the rest.
   */
  markPartsSent(id: string, sentParts: number): Promise<void>;
  markDelivered(id: string, now: Date): Promise<void>;
  /** Releases the claim after a failed send; the item is due again at `retryAt`. */
  markFailed(id: string, retryAt: Date): Promise<void>;
}
