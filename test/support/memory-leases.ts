import type { Leases } from '../../src/shared/leases.ts';

/** Leases in memory with the database's semantics, for unit tests of what uses them. */
export class MemoryLeases implements Leases {
  readonly held = new Map<string, { owner: string; expiresAt: number }>();

  async acquire(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const current = this.held.get(name);
    if (current && current.owner !== owner && current.expiresAt >= now.getTime()) return false;
    this.held.set(name, { owner, expiresAt: now.getTime() + ttlMs });
    return true;
  }

  async release(name: string, owner: string): Promise<void> {
    if (this.held.get(name)?.owner === owner) this.held.delete(name);
  }
}
