import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase, parseDatabaseUrl } from '../../src/storage/database.ts';
import { DatabaseError, MigrationError } from '../../src/storage/storage-errors.ts';

let workDir: string;
const opened: Database[] = [];

beforeEach(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'bvntd-database-'));
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.close()));
  rmSync(workDir, { recursive: true, force: true });
});

async function open(url: string, options?: Parameters<typeof openDatabase>[1]): Promise<Database> {
  const database = await openDatabase(url, options);
  opened.push(database);
  return database;
}

describe('parseDatabaseUrl', () => {
  it('resolves relative SQLite paths against the working directory', () => {
    expect(parseDatabaseUrl('file:./data/bot.db', '/srv/app')).toEqual({ provider: 'sqlite', filePath: '/srv/app/data/bot.db' });
    expect(parseDatabaseUrl('file:data/bot.db?connection_limit=1', '/srv/app')).toEqual({
      provider: 'sqlite',
      filePath: '/srv/app/data/bot.db',
    });
    expect(parseDatabaseUrl('file:/var/lib/bot.db', '/srv/app')).toEqual({ provider: 'sqlite', filePath: '/var/lib/bot.db' });
    expect(parseDatabaseUrl('file:./x.db')).toEqual({ provider: 'sqlite', filePath: path.resolve(process.cwd(), 'x.db') });
  });

  it("takes PostgreSQL's schema from Prisma's ?schema= and keeps it out of the libpq URL", () => {
    expect(parseDatabaseUrl('postgresql://bot:secret@db:5432/bvntd?schema=tenant_a&sslmode=require')).toEqual({
      provider: 'postgresql',
      connectionString: 'postgresql://bot:secret@db:5432/bvntd?sslmode=require',
      schema: 'tenant_a',
    });
    expect(parseDatabaseUrl('postgres://db/bvntd')).toMatchObject({ provider: 'postgresql', schema: undefined });
  });

  it('rejects unsupported URLs without echoing passwords', () => {
    expect(() => parseDatabaseUrl('file::memory:')).toThrow(DatabaseError);
    let message = '';
    try {
      parseDatabaseUrl('mysql://root:hunter2@db/bvntd');
    } catch (error) {
      expect(error).toBeInstanceOf(DatabaseError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/Unsupported database URL/);
    expect(message).not.toContain('hunter2');
  });
});

describe('openDatabase (SQLite)', () => {
  it('creates the folder, migrates, and round-trips through Prisma', async () => {
    const filePath = path.join(workDir, 'nested', 'deeper', 'bot.db');
    const database = await open(`file:${filePath}`);
    expect(database.provider).toBe('sqlite');
    expect(database.migrations?.applied).toContain('0001_init');
    expect(existsSync(filePath)).toBe(true);

    const conversation = await database.prisma.conversation.create({
      data: { channel: 'telegram', externalId: '42', messages: { create: [{ direction: 'in', text: 'Tôi bị lừa khi mua hàng online' }] } },
      include: { messages: true },
    });
    expect(conversation.state).toBe('idle');
    expect(conversation.messages[0]?.text).toBe('Tôi bị lừa khi mua hàng online');

    await database.close();
    opened.splice(opened.indexOf(database), 1);
    const reopened = await open(`file:${filePath}`);
    expect(reopened.migrations).toEqual({ applied: [], alreadyApplied: database.migrations?.applied });
    expect(await reopened.prisma.message.count()).toBe(1);
  });

  it('sets the pragmas a concurrent chat-bot needs on its connection', async () => {
    const database = await open(`file:${path.join(workDir, 'bot.db')}`, { busyTimeoutMs: 4321 });
    const pragma = async (name: string) =>
      Object.values((await database.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0] ?? {})[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('foreign_keys')).toBe(1n);
    expect(await pragma('synchronous')).toBe(1n); // NORMAL
    expect(await pragma('busy_timeout')).toBe(4321n);
  });

  it('enforces foreign keys and cascades deletes', async () => {
    const database = await open(`file:${path.join(workDir, 'bot.db')}`);
    await expect(
      database.prisma.message.create({ data: { conversationId: 'missing', direction: 'in', text: 'x' } }),
    ).rejects.toThrow();
    const conversation = await database.prisma.conversation.create({
      data: { channel: 'web', externalId: 's1', messages: { create: { direction: 'in', text: 'x' } } },
    });
    await database.prisma.conversation.delete({ where: { id: conversation.id } });
    expect(await database.prisma.message.count()).toBe(0);
  });

  it('leaves the schema alone with migrate: false', async () => {
    const database = await open(`file:${path.join(workDir, 'empty.db')}`, { migrate: false });
    expect(database.migrations).toBeUndefined();
    await expect(database.prisma.conversation.count()).rejects.toThrow();
  });

  it('reports a broken migrations folder as a MigrationError before opening', async () => {
    await expect(open(`file:${path.join(workDir, 'bot.db')}`, { migrationsDir: path.join(workDir, 'absent') })).rejects.toThrow(
      MigrationError,
    );
  });
});
