import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxDispatcher } from '../../../bot/channels/outbox-dispatcher.ts';
import type { OutboxItem } from '../../../src/dialogue/outbox.ts';
import { systemClock } from '../../../src/shared/clock.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { PrismaOutbox } from '../../../src/storage/prisma-outbox.ts';
import { openTempDatabase, type TempDatabase } from '../../support/temp-database.ts';

// Two instances' dispatchers on one database, in real time with a claim of 300 ms: what the 60 s
// claim does when a platform answers slowly (a rate limit retried for 30 s, a stalled connection).
describe('OutboxDispatcher claims across instances', () => {
  let database: TempDatabase;
  beforeAll(async () => {
    database = await openTempDatabase();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('sends an item whose claim ran out while it waited only if its claim is still this instance’s, and keeps the claim of one being sent', async () => {
    const outbox = new PrismaOutbox(database.prisma, database.records);
    const start = new Date();
    await outbox.enqueue('telegram', 'slow', { text: 'to the slow chat' }, start);
    await outbox.enqueue('telegram', 'next', { text: 'to the next chat' }, new Date(start.getTime() + 1));
    const sent: string[] = [];
    let releaseSlow!: () => void;
    const slowAnswered = new Promise<void>((resolve) => (releaseSlow = resolve));
    const dispatcher = (owner: string) =>
      new OutboxDispatcher({
        outbox,
        channel: 'telegram',
        clock: systemClock,
        logger: silentLogger,
        owner,
        claimTtlMs: 300,
        // One lane: the second item waits behind the first, its claim running out meanwhile.
        concurrency: 1,
        deliver: async (item: OutboxItem, partSent) => {
          if (item.externalId === 'slow') await slowAnswered;
          sent.push(`${owner}: ${item.reply.text}`);
          await partSent(1, 1);
        },
      });
    const a = dispatcher('a');
    const b = dispatcher('b');
    const aRound = a.dispatchOnce();
    // Past both claims' first 300 ms: the waiting item's has run out, the one being sent was renewed.
    await new Promise((r) => setTimeout(r, 450));
    // b claims what it can: the item a is still sending must not be among it.
    const bRound = b.dispatchOnce();
    await new Promise((r) => setTimeout(r, 100));
    expect(sent).toEqual(['b: to the next chat']);
    releaseSlow();
    await Promise.all([aRound, bRound]);
    await Promise.all([a.settled(), b.settled()]);
    // Each item went out once: a's turn for the second came after b had claimed and sent it.
    expect(sent.sort()).toEqual(['a: to the slow chat', 'b: to the next chat']);
    expect(await outbox.pending('telegram', 10)).toEqual([]);
  });
});
