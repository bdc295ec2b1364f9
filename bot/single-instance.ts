import type { Clock } from '../src/shared/clock.ts';
import type { Leases } from '../src/shared/leases.ts';
import type { Logger } from '../src/shared/logger.ts';
import { LeaderLease } from './channels/leader-lease.ts';

export class SecondInstanceError extends Error {
  override readonly name = 'SecondInstanceError';
}

const leaseName = 'instance:sqlite';

/**
 * SQLite serves one instance: two processes on one file would each believe they own every claim.
 * The server holds this lease while it runs and renews it; a second one is refused at start-up with
 * the reason. After a crash the next start waits at most for the lease to run out (`ttlMs`), and
 * not at all when it restarts under the same INSTANCE_ID (host and port by default).
 */
export async function holdSingleInstance(options: {
  readonly leases: Leases;
  readonly instanceId: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly ttlMs?: number;
}): Promise<{ release(): Promise<void> }> {
  const { leases, instanceId, clock, logger } = options;
  const ttlMs = options.ttlMs ?? 15_000;
  const deadline = Date.now() + ttlMs + 2_000;
  let waiting = false;
  while (!(await leases.acquire(leaseName, instanceId, ttlMs, clock.now()))) {
    if (Date.now() > deadline) {
      throw new SecondInstanceError(
        'Another instance is running on this SQLite database. SQLite serves one instance: stop the other one, or use PostgreSQL (DATABASE_URL=postgresql://…) to run several (docs/deployment.md).',
      );
    }
    if (!waiting) logger.warn({ lease: leaseName }, 'the SQLite database is held by another instance, or by one that stopped without releasing it; waiting for its lease to run out');
    waiting = true;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  // Held from here on like any lease one instance leads: renewed, logged if lost, released on stop.
  const held = new LeaderLease({ leases, name: leaseName, owner: instanceId, clock, logger, ttlMs, lead: () => undefined, resign: async () => undefined });
  await held.start();
  return { release: () => held.stop() };
}
