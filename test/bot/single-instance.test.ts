import { describe, expect, it } from 'vitest';
import { holdSingleInstance, SecondInstanceError } from '../../bot/single-instance.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { MemoryLeases } from '../support/memory-leases.ts';

describe('one instance on SQLite', () => {
  it('refuses a second instance, and takes over once the first released the database', async () => {
    const leases = new MemoryLeases();
    const first = await holdSingleInstance({ leases, instanceId: 'host:3000', clock: systemClock, logger: silentLogger, ttlMs: 300 });
    await expect(holdSingleInstance({ leases, instanceId: 'host:3001', clock: systemClock, logger: silentLogger, ttlMs: 300 })).rejects.toBeInstanceOf(SecondInstanceError);
    await first.release();
    const second = await holdSingleInstance({ leases, instanceId: 'host:3001', clock: systemClock, logger: silentLogger, ttlMs: 300 });
    await second.release();
  });

  it('starts at once when restarted under the same id after a crash', async () => {
    const leases = new MemoryLeases();
    await leases.acquire('instance:sqlite', 'host:3000', 60_000, new Date()); // killed, never released
    const started = Date.now();
    const again = await holdSingleInstance({ leases, instanceId: 'host:3000', clock: systemClock, logger: silentLogger });
    expect(Date.now() - started).toBeLessThan(1_000);
    await again.release();
  });
});
