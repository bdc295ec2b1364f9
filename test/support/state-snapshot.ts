import type { Db } from '../../src/storage/database.ts';

/** Row counts of everything a delivered update can change: equal snapshots mean nothing happened. */
export async function stateSnapshot(db: Db): Promise<Record<string, number>> {
  const [conversations, messages, inboundUpdates, outbox] = await Promise.all([
    db.conversation.count(),
    db.message.count(),
    db.inboundUpdate.count(),
    db.outbox.count(),
  ]);
  return { conversations, messages, inboundUpdates, outbox };
}
