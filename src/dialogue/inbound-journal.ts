import type { ChannelName } from './messages.ts';

/** One platform update as received, before anything was done with it. */
export interface JournalEntry {
  /** The deduplication key: Telegram update_id, Zalo chat id + message_id + event name. */
  readonly key: string;
  /** The raw update (JSON), replayed through the channel after a restart. */
  readonly payload: string;
}

export interface DeliveryState {
  /** Outgoing platform messages of this update's replies already sent. */
  readonly sentCount: number;
  /** Every outgoing message was sent (or delivery was given up): a redelivery sends nothing. */
  readonly delivered: boolean;
}

/**
 * The inbound side of exactly-once delivery. A channel journals each update before the platform
 * considers it handled (before the next getUpdates, before answering a webhook), records each
 * outgoing message as it is sent, and replays what is still owed after a restart. The engine's
 * turn (state + replies) is saved under the same key, so a replay re-sends stored replies instead
 * of handling the message again.
 */
/** Which instance handles an update, and for how long that claim holds if the instance dies. */
export interface JournalClaim {
  readonly owner: string;
  readonly ttlMs: number;
}

export interface InboundJournal {
  /** Journals updates not seen before, claimed for `claim.owner`; returns the keys that were new. */
  record(channel: ChannelName, entries: readonly JournalEntry[], now: Date, claim: JournalClaim): Promise<Set<string>>;
  /**
   * Claims a journaled update for handling: false when it was delivered already or another instance
   * holds an unexpired claim on it (it is being handled there). The update's one handler at a time,
   * across redeliveries, replays and instances.
   */
  claim(channel: ChannelName, key: string, now: Date, claim: JournalClaim): Promise<boolean>;
  /** null when the key was never journaled. */
  state(channel: ChannelName, key: string): Promise<DeliveryState | null>;
  /** The journaled update under this key (its raw payload), or null. Not for the hot path. */
  find(channel: ChannelName, key: string): Promise<JournalEntry | null>;
  /** Records progress after each outgoing message; `delivered` once the last one went out. */
  markSent(channel: ChannelName, key: string, sentCount: number, delivered: boolean, now: Date): Promise<void>;
  /**
   * Journaled updates still owed a delivery, oldest first, received before `receivedBefore`, leaving
   * out those another instance than `owner` has an unexpired claim on.
   */
  undelivered(channel: ChannelName, receivedBefore: Date, limit: number, owner: string, now: Date): Promise<JournalEntry[]>;
}
