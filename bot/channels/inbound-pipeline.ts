import type { InboundJournal, JournalEntry } from '../../src/dialogue/inbound-journal.ts';
import type { ChannelName, EngineResult, InboundMessage, Reply } from '../../src/dialogue/messages.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import { TurnLockTimeoutError } from '../../src/dialogue/turn-locks.ts';
import type { Clock } from '../../src/shared/clock.ts';
import type { Logger } from '../../src/shared/logger.ts';
import { processLoopSlots } from '../../src/shared/loop-slots.ts';
import { Semaphore } from '../../src/shared/semaphore.ts';
import { isTransientDatabaseError } from '../../src/storage/storage-errors.ts';
import { ChannelSendError } from './channel-errors.ts';
import type { OutgoingPart } from './outgoing.ts';

/** The dialogue engine's entry point (or a stand-in with the same contract, e.g. the load baseline). */
export type MessageHandler = (message: InboundMessage) => Promise<EngineResult>;

/** What a platform adapter provides: how replies look there and how to send them. */
export interface ChannelTransport {
  /** The engine's replies as this platform's messages, in order. Must be deterministic. */
  parts(replies: readonly Reply[], locale: Locale): OutgoingPart[];
  send(chatId: string, part: OutgoingPart): Promise<void>;
  typing(chatId: string): Promise<void>;
}

export interface InboundPipelineDeps {
  readonly channel: ChannelName;
  readonly journal: InboundJournal;
  readonly handle: MessageHandler;
  /**
   * Asked before a message takes a turn slot (the per-chat limit): null lets it through; otherwise
   * the message is settled with these replies and never reaches the handler.
   */
  readonly admit?: (message: InboundMessage) => readonly Reply[] | null;
  readonly transport: ChannelTransport;
  readonly translators: (locale: Locale) => Translator;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly hotline: string;
  /** Show "typing" when a turn takes longer than this (0: at once, default 1 s); fast replies need none. */
  readonly typingDelayMs?: number;
  /** Turns handled at once by this channel (default 8); the rest wait, journaled, in arrival order. */
  readonly maxConcurrentTurns?: number;
  /** This instance's id: it claims the updates it handles, so no other instance handles them too. */
  readonly owner: string;
  /** Told of every message sent in a turn: the channel's send budget, which paced proactive sends share. */
  readonly onSent?: () => void;
  /** How long a claim outlives an instance that died while handling the update (default 2 min). */
  readonly claimTtlMs?: number;
}

export type ProcessOutcome = 'sent' | 'duplicate' | 'ignored';

/**
 * Replies sent and not yet recorded, at most this many at once in the process, every channel's
 * together: a crash repeats at most these (the platform may have taken each one). Without the bound
 * it was the turns sending at once, and a process that waited for a core let several turns' sends
 * go out in one burst (7 repeated at one SIGKILL of a loaded PostgreSQL run; the issue allows 5).
 */
export const maxUnrecordedSends = 4;
const unrecordedSends = new Semaphore(maxUnrecordedSends);

/** Telegram shows "typing" for about five seconds per call. */
const typingRepeatMs = 4_500;
/**
 * Typing indicators are cosmetic: when many turns are slow at once (a load peak), they would only
 * add API calls to the queue that makes the turns slow, so at most this many are sent per second.
 */
const typingPerSecond = 20;


/**
 * What both chat channels do with one update, exactly once across redeliveries and restarts:
 * skip it when already delivered, otherwise let the engine handle it (a replayed update gets the
 * stored replies back) and send the parts not yet sent, recording each one as it goes out.
 */
export class InboundPipeline {
  /**
   * Keys journaled (and claimed) by this process and not processed yet, with when: their state is
   * known without a query, and the claim made with the INSERT still holds while it is young.
   */
  private readonly fresh = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  /** The per-chat limit's answer for keys asked while journaling (recordScreened), for screen() to use once. */
  private readonly screened = new Map<string, readonly Reply[] | null>();
  /** Keys the limit dropped while journaling their batch (and left out of its INSERT): nothing to write. */
  private readonly settledAtRecord = new Set<string>();
  private typingBudget = { second: 0, left: typingPerSecond };
  private readonly recording: Array<{ entries: readonly JournalEntry[]; resolve: (created: Set<string>) => void; reject: (error: unknown) => void }> = [];
  private readonly turns: Semaphore;
  private readonly claim: { readonly owner: string; readonly ttlMs: number };

  constructor(private readonly deps: InboundPipelineDeps) {
    this.turns = new Semaphore(deps.maxConcurrentTurns ?? 8);
    this.claim = { owner: deps.owner, ttlMs: deps.claimTtlMs ?? 120_000 };
  }

  /** Whether the claim this process made when journaling `key` still holds (a margin of half its life). */
  private claimedHere(key: string, now: Date): boolean {
    const journaledAt = this.fresh.get(key);
    return journaledAt !== undefined && now.getTime() - journaledAt < this.claim.ttlMs / 2;
  }

  /**
   * Journals updates as received; call before the platform may consider them handled. Calls made
   * in the same turn of the event loop (concurrent webhook requests) share one INSERT.
   */
  record(entries: readonly JournalEntry[]): Promise<Set<string>> {
    return new Promise((resolve, reject) => {
      this.recording.push({ entries, resolve, reject });
      if (this.recording.length === 1) setImmediate(() => void this.flushRecords());
    });
  }

  /**
   * Journals a batch as record() does, asking the per-chat limit about each message first. One it
   * drops is settled in memory and never written: a flood on a single update stream (Telegram
   * polling, where the flood's updates come before everyone else's) then costs no write at all.
   * The limit is asked once per key: a batch the platform sends again after a failed INSERT reuses
   * the answers, and screen() takes them instead of asking again.
   */
  async recordScreened(items: ReadonlyArray<{ readonly entry: JournalEntry; readonly message: InboundMessage | null }>): Promise<Set<string>> {
    const admit = this.deps.admit;
    // A dropped update is not written at all: a batch of nothing but flood (most batches while one
    // chat floods a single update stream) then costs no INSERT, and the stream moves on at once.
    // Should the platform send such an update again after a crash, the limit is asked afresh.
    const kept: JournalEntry[] = [];
    for (const { entry, message } of items) {
      const refused = admit && message ? this.screenOnce(entry.key, message) : null;
      if (refused?.length === 0) this.settledAtRecord.add(entry.key);
      else kept.push(entry);
    }
    return kept.length > 0 ? await this.record(kept) : new Set();
  }

  /**
   * Whether the per-chat limit drops this message without a word, so that it will be neither
   * written nor answered: a channel can then skip work it would do before journaling it (Zalo's
   * lookup of a former key). The answer is kept for recordScreened and screen(), like theirs.
   */
  dropsUnanswered(key: string, message: InboundMessage): boolean {
    return this.deps.admit !== undefined && this.screenOnce(key, message)?.length === 0;
  }

  /** The limit's answer for a key, asked once; screen() takes it (and forgets it) when the message is handled. */
  private screenOnce(key: string, message: InboundMessage): readonly Reply[] | null {
    let refused = this.screened.get(key);
    if (refused === undefined) {
      refused = this.deps.admit?.(message) ?? null;
      this.screened.set(key, refused);
    }
    return refused;
  }

  private async flushRecords(): Promise<void> {
    const batch = this.recording.splice(0);
    try {
      const now = this.deps.clock.now();
      const created = await this.deps.journal.record(this.deps.channel, batch.flatMap((b) => b.entries), now, this.claim);
      for (const key of created) this.fresh.set(key, now.getTime());
      for (const b of batch) b.resolve(new Set(b.entries.map((e) => e.key).filter((key) => created.has(key))));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }

  /**
   * Journaled updates still owed a delivery that nobody is handling: not accepted by this process
   * (queued or running), not journaled by it a moment ago and about to be, not claimed by another
   * instance. Safe to replay however recent they are.
   */
  async owed(receivedBefore: Date, limit: number): Promise<JournalEntry[]> {
    const now = this.deps.clock.now();
    const entries = await this.deps.journal.undelivered(this.deps.channel, receivedBefore, limit, this.claim.owner, now);
    return entries.filter((e) => !this.inFlight.has(e.key) && !this.claimedHere(e.key, now));
  }

  /**
   * Handles one journaled update. `message` null: nothing for the bot (an edit, a group message
   * not addressed to it); the update is settled without a reply. Callers serialise per chat.
   */
  /**
   * Asks the per-chat limit about a message once: null lets it through (then pass `admitted` to
   * process), otherwise it is settled here at once. A channel that queues a chat's messages one
   * after another (grammY's sequentialize) asks before queueing, so a flood does not fill the queue.
   */
  async screen(key: string, chatId: string, message: InboundMessage, screenedAs: string = key): Promise<ProcessOutcome | null> {
    // `screenedAs`: the key the message was screened under, when it is handled under another one.
    const asked = this.screened.get(screenedAs);
    this.screened.delete(screenedAs);
    const refused = asked !== undefined ? asked : (this.deps.admit?.(message) ?? null);
    if (!refused) return null;
    if (this.settledAtRecord.delete(key)) {
      // Dropped while its batch was journaled, and never written: dropping it needs nothing more.
      this.fresh.delete(key);
      return 'ignored';
    }
    if (this.inFlight.has(key)) return 'duplicate';
    this.inFlight.add(key);
    try {
      return await this.refuse(key, chatId, refused);
    } finally {
      this.inFlight.delete(key);
    }
  }

  async process(key: string, chatId: string, message: InboundMessage | null, options: { readonly admitted?: boolean } = {}): Promise<ProcessOutcome> {
    // Counted from acceptance, not from when a turn slot frees: a queued update is not owed either,
    // and a second delivery of it meanwhile (a webhook retry, the sweep) is the first one's to answer.
    if (this.inFlight.has(key)) return 'duplicate';
    this.inFlight.add(key);
    try {
      const refused = message && this.deps.admit && !options.admitted ? this.deps.admit(message) : null;
      if (refused) return await this.refuse(key, chatId, refused);
      return await this.turns.run(() => this.processNow(key, chatId, message));
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async processNow(key: string, chatId: string, message: InboundMessage | null): Promise<ProcessOutcome> {
    const { journal, channel, clock } = this.deps;
    const now = clock.now();
    // A claim made with the INSERT holds while young; an older key (a redelivery, a replay, a fresh
    // one that queued long behind a load peak) is claimed now, or left to whoever is handling it.
    const claimed = this.claimedHere(key, now);
    const journaledHere = this.fresh.delete(key);
    if (!claimed && !(await journal.claim(channel, key, now, this.claim))) return 'duplicate';
    if (!message) {
      await journal.markSent(channel, key, 0, true, now);
      return 'ignored';
    }
    // The record of earlier sends must not wait behind this turn's computing, nor it behind others'.
    await processLoopSlots.next();
    const result = await this.withTyping(chatId, () => this.deps.handle({ ...message, updateKey: key, ...(journaledHere ? { updateKeyIsNew: true } : {}) }));
    // Only a replayed turn can have parts out already: a new one needs no query.
    const sent = result.duplicate ? (await journal.state(channel, key))?.sentCount ?? 0 : 0;
    const parts = this.deps.transport.parts(result.replies, result.locale);
    await this.deliver(key, chatId, parts, sent);
    return result.duplicate && sent >= parts.length ? 'duplicate' : 'sent';
  }

  /** A message the per-chat limit turned away: settled (with its polite line, if any) without a turn slot. */
  private async refuse(key: string, chatId: string, replies: readonly Reply[]): Promise<ProcessOutcome> {
    const { journal, channel, clock } = this.deps;
    const now = clock.now();
    const claimed = this.claimedHere(key, now);
    this.fresh.delete(key);
    if (replies.length === 0) {
      // Dropped: nothing is sent, so there is nothing to send twice; one write settles it, claimed or not.
      await journal.markSent(channel, key, 0, true, now);
      return 'ignored';
    }
    if (!claimed && !(await journal.claim(channel, key, now, this.claim))) return 'duplicate';
    await this.deliver(key, chatId, this.deps.transport.parts(replies, 'vi'), 0);
    return 'sent';
  }

  /**
   * The channel's error boundary calls this: a transient send failure leaves the update owed (the
   * sweep retries it); anything else is logged, the user is told politely, and the update settled
   * so a message that always fails cannot loop.
   */
  async fail(key: string, chatId: string | null, locale: Locale, error: unknown): Promise<void> {
    const { logger, channel } = this.deps;
    if (error instanceof ChannelSendError && !error.permanent) {
      logger.error({ err: error, channel, key }, 'sending failed; the update stays owed and is retried');
      return;
    }
    // A busy database or another instance holding the conversation: the same turn succeeds a moment
    // later, so it is retried by the sweep rather than answered with an apology and dropped.
    if (error instanceof TurnLockTimeoutError || isTransientDatabaseError(error)) {
      logger.warn({ err: error, channel, key }, 'the turn failed for a passing reason; the update stays owed and is retried');
      return;
    }
    logger.error({ err: error, channel, key }, 'update failed');
    if (chatId && !(error instanceof ChannelSendError)) {
      const text = this.deps.translators(locale).t('channels.error', { hotline: this.deps.hotline });
      try {
        await this.deps.transport.send(chatId, { kind: 'text', text });
      } catch (apologyError) {
        logger.warn({ err: apologyError, channel, key }, 'could not tell the user about the failure');
      }
    }
    await this.deps.journal.markSent(channel, key, 0, true, this.deps.clock.now()).catch((settleError: unknown) => {
      logger.error({ err: settleError, channel, key }, 'could not settle a failed update; it will be replayed');
    });
  }

  private async deliver(key: string, chatId: string, parts: readonly OutgoingPart[], alreadySent: number): Promise<void> {
    const { journal, channel, transport, clock } = this.deps;
    if (alreadySent >= parts.length) {
      await journal.markSent(channel, key, Math.max(alreadySent, parts.length), true, clock.now());
      return;
    }
    for (let i = alreadySent; i < parts.length; i++) {
      await unrecordedSends.run(async () => {
        await transport.send(chatId, parts[i]!);
        this.deps.onSent?.();
        await journal.markSent(channel, key, i + 1, i + 1 === parts.length, clock.now());
      });
    }
  }

  private async withTyping<T>(chatId: string, work: () => Promise<T>): Promise<T> {
    const show = () => {
      const second = Math.floor(Date.now() / 1000);
      if (second !== this.typingBudget.second) this.typingBudget = { second, left: typingPerSecond };
      if (this.typingBudget.left === 0) return;
      this.typingBudget.left -= 1;
      this.deps.transport.typing(chatId).catch((error: unknown) => {
        this.deps.logger.warn({ err: error, channel: this.deps.channel }, 'typing indicator failed');
      });
    };
    let repeat: NodeJS.Timeout | undefined;
    const begin = () => {
      show();
      repeat = setInterval(show, typingRepeatMs);
    };
    const delay = this.deps.typingDelayMs ?? 1_000;
    const first = delay === 0 ? undefined : setTimeout(begin, delay);
    if (delay === 0) begin();
    try {
      return await work();
    } finally {
      clearTimeout(first);
      clearInterval(repeat);
    }
  }
}
