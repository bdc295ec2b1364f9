import { describe, expect, it } from 'vitest';
import { LeasedTurnLocks, TurnLockTimeoutError } from '../../src/dialogue/turn-locks.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { MemoryLeases } from '../support/memory-leases.ts';

describe('LeasedTurnLocks', () => {
  it('serialises one conversation across two instances sharing the leases', async () => {
    const leases = new MemoryLeases();
    const a = new LeasedTurnLocks({ leases, owner: 'a', clock: systemClock });
    const b = new LeasedTurnLocks({ leases, owner: 'b', clock: systemClock });
    const events: string[] = [];
    const turn = (name: string) => async () => {
      events.push(`${name} start`);
      await new Promise((r) => setTimeout(r, 30));
      events.push(`${name} end`);
    };
    await Promise.all([a.run('web:1', turn('a1')), b.run('web:1', turn('b1')), a.run('web:1', turn('a2'))]);
    // Never two turns of the conversation at once: each start follows the previous end.
    for (let i = 1; i < events.length; i += 2) expect(events[i]!.replace(' end', '')).toBe(events[i - 1]!.replace(' start', ''));
    expect(leases.held.size).toBe(0);
  });

  it('lets other conversations through while one is held', async () => {
    const leases = new MemoryLeases();
    const a = new LeasedTurnLocks({ leases, owner: 'a', clock: systemClock });
    const b = new LeasedTurnLocks({ leases, owner: 'b', clock: systemClock });
    let release!: () => void;
    const held = a.run('zalo:1', () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 5));
    expect(await b.run('zalo:2', async () => 'other chat')).toBe('other chat');
    release();
    await held;
  });

  it('gives up with a transient error when another instance keeps the conversation too long', async () => {
    const leases = new MemoryLeases();
    await leases.acquire('turn:telegram:9', 'dead-instance', 60_000, new Date());
    const b = new LeasedTurnLocks({ leases, owner: 'b', clock: systemClock, waitMs: 100 });
    await expect(b.run('telegram:9', async () => 'never')).rejects.toBeInstanceOf(TurnLockTimeoutError);
  });

  it('releases the lease when the turn fails', async () => {
    const leases = new MemoryLeases();
    const a = new LeasedTurnLocks({ leases, owner: 'a', clock: systemClock });
    await expect(a.run('web:2', () => Promise.reject(new Error('flow bug')))).rejects.toThrow('flow bug');
    expect(leases.held.size).toBe(0);
  });
});
