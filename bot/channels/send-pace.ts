import { sleep } from './backoff.ts';

/**
 * A token bucket: at most `perSecond` sends a second on average, bursts of `burst` (default: 40 ms
 * worth of sends, at least one). Any one-second window then holds at most 1.04 x perSecond + 1 sends,
 * so a rate set under the platform's limit stays under it (a burst of 5 at 25/s, a fifth of a second,
 * met 429s against a limit of 30), while a timer that fires late does not lose its send. Platforms limit
 * a bot's sending (Telegram about 30 messages a second across chats); a broadcast paced under the
 * limit gets no 429s, where an unpaced one gets a storm of them and their retry waits.
 */
export class SendPace {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly perSecond: number,
    private readonly burst = Math.max(1, Math.floor(perSecond * 0.04)),
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(perSecond > 0)) throw new RangeError(`a send pace needs a positive rate, not ${perSecond}`);
    this.tokens = this.burst;
    this.last = this.now();
  }

  /**
   * Counts a send made without waiting (a reply within a turn, which must not queue behind a
   * broadcast) against the same budget: the platform's limit covers every message the bot sends, so
   * paced sends slow down while people are being answered. The debt is bounded to a second's worth,
   * so a burst of replies delays paced sends by a second at most once it has passed.
   */
  spend(): void {
    this.refill();
    this.tokens = Math.max(-this.perSecond, this.tokens - 1);
  }

  /** Resolves when the next send may go; callers are served in arrival order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn;
    return turn;
  }

  private async wait(): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) * 1000) / this.perSecond));
    }
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) * this.perSecond) / 1000);
    this.last = t;
  }
}
