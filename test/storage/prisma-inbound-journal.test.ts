import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/storage/database.ts';
import { PrismaInboundJournal } from '../../src/storage/prisma-inbound-journal.ts';
import { DatabaseError } from '../../src/storage/storage-errors.ts';

describe('PrismaInboundJournal on SQLite', () => {
  let dir: string;
  let database: Database;
  let journal: PrismaInboundJournal;
  const t0 = new Date('2026-11-23T03:00:00Z');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bvntd-journal-'));
    database = await openDatabase(`file:${path.join(dir, 'j.db')}`);
    journal = new PrismaInboundJournal(database.prisma);
  });

  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records each key once and says which were new', async () => {
    expect(await journal.record('telegram', [{ key: '11', payload: '{"n":11}' }, { key: '10', payload: '{"n":10}' }], t0, { owner: 'test-instance', ttlMs: 60_000 })).toEqual(new Set(['11', '10']));
    expect(await journal.record('telegram', [{ key: '10', payload: '{}' }, { key: '12', payload: '{"n":12}' }], t0, { owner: 'test-instance', ttlMs: 60_000 })).toEqual(new Set(['12']));
    expect(await journal.record('zalo', [{ key: '10', payload: '{}' }], t0, { owner: 'test-instance', ttlMs: 60_000 })).toEqual(new Set(['10']));
    expect(await journal.state('telegram', '10')).toEqual({ sentCount: 0, delivered: false });
    expect(await journal.state('telegram', '99')).toBeNull();
    expect(await journal.find('telegram', '11')).toEqual({ key: '11', payload: '{"n":11}' });
    expect(await journal.find('telegram', '99')).toBeNull();
  });

  it('tracks parts sent, then delivery; lists what is owed oldest first, batches in update order', async () => {
    await journal.markSent('telegram', '11', 1, false, t0);
    expect(await journal.state('telegram', '11')).toEqual({ sentCount: 1, delivered: false });
    expect((await journal.undelivered('telegram', new Date(t0.getTime() + 1), 10, 'test-instance', t0)).map((e) => e.key)).toEqual(['10', '11', '12']);
    await journal.markSent('telegram', '11', 2, true, t0);
    expect(await journal.state('telegram', '11')).toEqual({ sentCount: 2, delivered: true });
    const owed = await journal.undelivered('telegram', new Date(t0.getTime() + 1), 10, 'test-instance', t0);
    expect(owed).toEqual([
      { key: '10', payload: '{"n":10}' },
      { key: '12', payload: '{"n":12}' },
    ]);
    expect(await journal.undelivered('telegram', t0, 10, 'test-instance', t0)).toEqual([]);
  });

  it('refuses to mark an update it never journaled', async () => {
    await expect(journal.markSent('telegram', 'never', 1, true, t0)).rejects.toBeInstanceOf(DatabaseError);
  });
});
