import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/storage/database.ts';
import { PrismaInboundJournal } from '../../src/storage/prisma-inbound-journal.ts';
import { PrismaLeases } from '../../src/storage/prisma-leases.ts';
import { PrismaOutbox } from '../../src/storage/prisma-outbox.ts';

// What keeps two instances on one database from doing the same work twice. SQLite here; the
// PostgreSQL run of the same statements is in postgres.test.ts.
describe('claims and leases on SQLite', () => {
  let dir: string;
  let database: Database;
  const t0 = new Date('2026-12-02T03:00:00Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bvntd-claims-'));
    database = await openDatabase(`file:${path.join(dir, 'c.db')}`);
  });

  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a lease has one holder until it runs out; its holder renews it and can give it up', async () => {
    const leases = new PrismaLeases(database.prisma);
    expect(await leases.acquire('job:x', 'a', 10_000, t0)).toBe(true);
    expect(await leases.acquire('job:x', 'b', 10_000, later(5_000))).toBe(false);
    expect(await leases.acquire('job:x', 'a', 10_000, later(5_000))).toBe(true); // renewed to 15 s
    expect(await leases.acquire('job:x', 'b', 10_000, later(12_000))).toBe(false);
    expect(await leases.acquire('job:x', 'b', 10_000, later(16_000))).toBe(true); // a's ran out
    await leases.release('job:x', 'a'); // not a's any more: nothing happens
    expect(await leases.acquire('job:x', 'a', 10_000, later(17_000))).toBe(false);
    await leases.release('job:x', 'b');
    expect(await leases.acquire('job:x', 'a', 10_000, later(17_000))).toBe(true);
  });

  it('of many instances asking for one lease at once, exactly one gets it', async () => {
    const leases = new PrismaLeases(database.prisma);
    const got = await Promise.all(Array.from({ length: 20 }, (_, i) => leases.acquire('turn:web:race', `i${i}`, 10_000, t0)));
    expect(got.filter(Boolean)).toHaveLength(1);
  });

  it('an update journaled by one instance is not handled or replayed by another while the claim holds', async () => {
    const journal = new PrismaInboundJournal(database.prisma);
    const a = { owner: 'a', ttlMs: 60_000 };
    const b = { owner: 'b', ttlMs: 60_000 };
    await journal.record('telegram', [{ key: '500', payload: '{}' }], t0, a);
    expect(await journal.claim('telegram', '500', later(1_000), b)).toBe(false);
    expect(await journal.claim('telegram', '500', later(1_000), a)).toBe(true);
    expect((await journal.undelivered('telegram', later(2_000), 10, 'b', later(2_000))).map((e) => e.key)).toEqual([]);
    expect((await journal.undelivered('telegram', later(2_000), 10, 'a', later(2_000))).map((e) => e.key)).toEqual(['500']);
    // a died: once its claim ran out, b replays the update and claims it.
    expect((await journal.undelivered('telegram', later(70_000), 10, 'b', later(70_000))).map((e) => e.key)).toEqual(['500']);
    expect(await journal.claim('telegram', '500', later(70_000), b)).toBe(true);
    expect(await journal.claim('telegram', '500', later(71_000), a)).toBe(false);
    await journal.markSent('telegram', '500', 1, true, later(72_000));
    expect(await journal.claim('telegram', '500', later(200_000), a)).toBe(false); // delivered: nobody
  });

  it('an outbox item is sent by one instance; a failed one waits for its retry time; a dead claimer is replaced', async () => {
    const outbox = new PrismaOutbox(database.prisma);
    await outbox.enqueue('zalo', 'chat-1', { text: 'Cán bộ: chào chị' }, t0);
    await outbox.enqueue('zalo', 'chat-2', { text: 'Nhắc hạn' }, later(1));
    const [first, second] = await Promise.all([outbox.claim('zalo', 'a', 10, 60_000, later(10)), outbox.claim('zalo', 'b', 10, 60_000, later(10))]);
    expect([...first!, ...second!].map((i) => i.externalId).sort()).toEqual(['chat-1', 'chat-2']);
    const chat1 = [...first!, ...second!].find((i) => i.externalId === 'chat-1')!;
    await outbox.markFailed(chat1.id, later(30_000));
    expect((await outbox.claim('zalo', 'c', 10, 60_000, later(20_000))).map((i) => i.externalId)).toEqual([]);
    expect((await outbox.claim('zalo', 'c', 10, 60_000, later(31_000))).map((i) => i.externalId)).toEqual(['chat-1']);
    // chat-2's claimer died without marking it: after its claim ran out, someone else sends it.
    expect((await outbox.claim('zalo', 'c', 10, 60_000, later(61_000))).map((i) => i.externalId)).toEqual(['chat-2']);
    const again = await outbox.claim('zalo', 'd', 10, 60_000, later(200_000));
    for (const item of again) await outbox.markDelivered(item.id, later(200_001));
    expect(await outbox.claim('zalo', 'e', 10, 60_000, later(500_000))).toEqual([]);
  });

  it('an outbox item that failed after its first part is handed out again knowing that part went out', async () => {
    const outbox = new PrismaOutbox(database.prisma);
    await outbox.enqueue('telegram', 'chat-parts', { text: 'Cán bộ: phần 1 … phần 2' }, t0);
    const [item] = await outbox.claim('telegram', 'a', 10, 60_000, later(10));
    expect(item!.sentParts).toBe(0);
    await outbox.markPartsSent(item!.id, 1);
    await outbox.markFailed(item!.id, later(1_000));
    const [again] = await outbox.claim('telegram', 'b', 10, 60_000, later(2_000));
    expect(again).toMatchObject({ id: item!.id, sentParts: 1, attempts: 1 });
  });
});
