import type { Clock } from '../../src/shared/clock.ts';
import type { Leases } from '../../src/shared/leases.ts';
import type { Logger } from '../../src/shared/logger.ts';

export interface LeaderLeaseOptions {
  readonly leases: Leases;
  /** What is led, e.g. "telegram:polling". */
  readonly name: string;
  readonly owner: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long a dead leader blocks the others (default 20 s); renewed every third of it. */
  readonly ttlMs?: number;
  /** Called when this instance becomes the leader. */
  readonly lead: () => Promise<void> | void;
  /** Called when it stops being the leader (lost the lease, or stopping). */
  readonly resign: () => Promise<void>;
}

/**
 * Something exactly one instance may do at a time (Telegram allows one getUpdates consumer per
 * bot): the instance holding the lease does it and renews the lease; the others try again every
 * renewal period and take over once a dead leader's lease runs out.
 */
export class LeaderLease {
  private timer: NodeJS.Timeout | undefined;
  private leading = false;
  private stopped = false;
  private step: Promise<void> = Promise.resolve();

  constructor(private readonly options: LeaderLeaseOptions) {}

  /** Resolves after the first attempt, so a single instance is polling when start() returns. */
  async start(): Promise<void> {
    await this.tick();
    const ttlMs = this.options.ttlMs ?? 20_000;
    this.timer = setInterval(() => void (this.step = this.step.then(() => this.tick())), Math.floor(ttlMs / 3));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.step;
    if (this.leading) {
      this.leading = false;
      await this.options.resign();
      await this.options.leases.release(this.options.name, this.options.owner);
    }
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    const { leases, name, owner, clock, logger } = this.options;
    let held: boolean;
    try {
      held = await leases.acquire(name, owner, this.options.ttlMs ?? 20_000, clock.now());
    } catch (error) {
      // The database is unreachable: whether the lease still holds cannot be known, so this
      // instance stops leading rather than risk two leaders.
      logger.error({ err: error, lease: name }, 'could not renew a lease');
      held = false;
    }
    if (held && !this.leading) {
      this.leading = true;
      logger.info({ lease: name, owner }, 'this instance took the lease');
      await this.options.lead();
    } else if (!held && this.leading) {
      this.leading = false;
      logger.warn({ lease: name, owner }, 'this instance lost the lease');
      await this.options.resign();
    }
  }
}
