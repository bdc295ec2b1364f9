import type { Clock } from '../shared/clock.ts';
import type { Leases } from '../shared/leases.ts';
import type { Logger } from '../shared/logger.ts';
import type { WarningFanOut } from './warning-fan-out.ts';

const leaseName = 'job:warning-fan-out';
/** Longer than a fan-out of 100,000 subscribers takes; renewed by the next round if not. */
const leaseTtlMs = 5 * 60_000;

/**
 * Runs fan-out on one instance at a time (a lease), right after a publish and on a timer, so a
 * fan-out a crash or a deploy interrupted is finished by whichever instance runs next.
 */
export class WarningFanOutJob {
  private running: Promise<number> | null = null;
  private again = false;

  constructor(private readonly deps: { readonly fanOut: WarningFanOut; readonly leases: Leases; readonly owner: string; readonly clock: Clock; readonly logger: Logger }) {}

  /** One round: resumes every unfinished fan-out. Returns how many copies were queued. */
  runOnce(): Promise<number> {
    if (this.running) {
      // A publish during a round: the round may have read the list before it; run once more after.
      this.again = true;
      return this.running;
    }
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
    return this.running;
  }

  /** After a publish: start a round in the background (errors are logged; the timer retries). */
  kick(): void {
    this.runOnce().catch((error: unknown) => this.deps.logger.error({ err: error }, 'warning fan-out failed'));
  }

  private async round(): Promise<number> {
    const { leases, owner, clock } = this.deps;
    if (!(await leases.acquire(leaseName, owner, leaseTtlMs, clock.now()))) return 0;
    try {
      return await this.deps.fanOut.resume(() => clock.now());
    } finally {
      await leases.release(leaseName, owner);
    }
  }
}
