/**
 * Named leases shared by every instance on one database: one holder at a time until the lease
 * expires, renewed by its holder, taken over by another instance once expired. They make "once
 * cluster-wide" hold for a conversation's turn, the reminder job and Telegram long polling,
 * without a coordinator process. Owners are instance ids (INSTANCE_ID), so a restarted instance
 * takes its own leases back at once instead of waiting for them to expire.
 */
export interface Leases {
  /** Takes or renews `name` for `owner` until now + ttlMs; false while another owner holds it. */
  acquire(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Gives the lease up if `owner` holds it (a no-op otherwise). */
  release(name: string, owner: string): Promise<void>;
}
