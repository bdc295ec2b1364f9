import type { Warning, WarningContent, WarningRevision, WarningStatus } from './warning.ts';

/**
 * Where warnings and their history are kept. Every change writes a revision and an audit entry in
 * the same transaction as the change itself, so the history can never miss a step.
 */
export interface WarningRepository {
  create(content: WarningContent, actor: string, now: Date): Promise<Warning>;
  /** Fails with `stale_version` when someone else changed it since `expectedVersion` was read. */
  edit(id: string, content: WarningContent, expectedVersion: number, actor: string, now: Date): Promise<Warning>;
  /** Publishes the version the person previewed; `stale_version` when it changed since. */
  publish(id: string, expectedVersion: number, actor: string, now: Date): Promise<Warning>;
  withdraw(id: string, reason: string, actor: string, now: Date): Promise<Warning>;
  get(id: string): Promise<Warning | null>;
  list(filter: { status?: WarningStatus; limit: number }): Promise<Warning[]>;
  /** Published (not withdrawn) warnings, newest first: feeds and answers pick the current ones. */
  published(limit: number): Promise<Warning[]>;
  history(id: string): Promise<WarningRevision[]>;
  /** Published warnings whose fan-out has not finished yet (after a restart, or a crash mid-way). */
  awaitingFanOut(): Promise<Warning[]>;
}
