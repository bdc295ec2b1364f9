import type { Clock } from '../shared/clock.ts';
import { KeyedMutex } from '../shared/keyed-mutex.ts';
import type { Leases } from '../shared/leases.ts';

/** Serialises one conversation's turns: in this process, and across instances when they share a database. */
export interface TurnLocks {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** One process (SQLite: a single instance): an in-memory queue per conversation. */
export class LocalTurnLocks implements TurnLocks {
  private readonly mutex = new KeyedMutex();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.mutex.run(key, task);
  }
}

export class TurnLockTimeoutError extends Error {
  override readonly name = 'TurnLockTimeoutError';
}

export interface LeasedTurnLocksOptions {
  readonly leases: Leases;
  readonly owner: string;
  readonly clock: Clock;
  /** How long a lease outlives a turn whose process died (default 30 s). */
  readonly ttlMs?: number;
  /** How long a turn waits for another instance's turn of the same conversation (default 20 s). */
  readonly waitMs?: number;
}

/**
 * Several instances on one PostgreSQL: the in-process queue first (so this process asks for each
 * lease once at a time), then a lease on the conversation, polled while another instance holds it.
 * A timed-out wait throws a transient error: the channel leaves the update owed and retries it.
 */
export class LeasedTurnLocks implements TurnLocks {
  private readonly local = new LocalTurnLocks();

  constructor(private readonly options: LeasedTurnLocksOptions) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.local.run(key, async () => {
      const name = `turn:${key}`;
      await this.take(name);
      try {
        return await task();
      } finally {
        await this.options.leases.release(name, this.options.owner);
      }
    });
  }

  private async take(name: string): Promise<void> {
    const { leases, owner, clock } = this.options;
    const ttlMs = this.options.ttlMs ?? 30_000;
    const deadline = Date.now() + (this.options.waitMs ?? 20_000);
    for (let attempt = 0; ; attempt++) {
      if (await leases.acquire(name, owner, ttlMs, clock.now())) return;
      if (Date.now() >= deadline) throw new TurnLockTimeoutError(`another instance kept ${name} for longer than the wait`);
      // Short at first (a turn takes tens of milliseconds), with jitter so waiters do not move in step.
      await new Promise((r) => setTimeout(r, Math.min(500, 10 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random())));
    }
  }
}
