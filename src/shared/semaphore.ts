/**
 * At most `limit` tasks at once; the others wait in arrival order. The chat channels run turns
 * through one: the engine is CPU-bound on one thread, so beyond a few turns at a time more
 * concurrency adds no throughput, only a longer event-loop backlog between a platform accepting a
 * message and the bot recording that it was sent (the window in which a crash repeats it).
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a semaphore needs a positive integer limit, not ${limit}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, so a burst of new arrivals cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  /** Tasks running and waiting right now (readiness and tests). */
  get load(): { readonly active: number; readonly waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
