import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramChannel } from '../../bot/telegram/telegram-channel.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { PrismaInboundJournal } from '../../src/storage/prisma-inbound-journal.ts';
import { PrismaLeases } from '../../src/storage/prisma-leases.ts';
import { PrismaOutbox } from '../../src/storage/prisma-outbox.ts';
import { PrismaDeliveryLedger } from '../../src/storage/prisma-warning-deliveries.ts';
import { WarningFanOut } from '../../src/warnings/warning-fan-out.ts';
import { eventually } from '../support/eventually.ts';
import { FakeTelegramServer } from '../support/fake-telegram-server.ts';
import { telegramTestChannel } from '../support/telegram-test-channel.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { testWarningsModule } from '../support/warnings-fixture.ts';
import { recallContent } from './warning-fixture.ts';

/**
 * A warning reaches each subscriber once through the real Telegram channel (outbox dispatchers of
 * two instances at once, paced), although fan-out crashes half-way and is resumed after a restart,
 * one instance stops mid-delivery and another starts, and the platform fails some sends.
 */
describe('warning delivery, exactly once', () => {
  let database: TempDatabase;
  let server: FakeTelegramServer;
  const channels: TelegramChannel[] = [];
  const subscribers = 60;

  beforeEach(async () => {
    database = await openTempDatabase();
    server = new FakeTelegramServer();
    await server.listen();
  });
  afterEach(async () => {
    await Promise.all(channels.splice(0).map((c) => c.stop()));
    await server.close();
    await database.dispose();
  });

  function channel(db: Database, instanceId: string): TelegramChannel {
    const c = telegramTestChannel(server, {
      handle: () => Promise.reject(new Error('no inbound message is expected in this test')),
      journal: new PrismaInboundJournal(db.prisma),
      outbox: new PrismaOutbox(db.prisma),
      instanceId,
      leases: new PrismaLeases(db.prisma),
      outboxIntervalMs: 20,
      outboxSending: { perSecond: 200, concurrency: 4 },
    });
    channels.push(c);
    return c;
  }

  it('survives a crash in fan-out, a restart, two instances and failed sends', async () => {
    const first = testWarningsModule(database.prisma, systemClock, 'instance-a');
    for (let i = 0; i < subscribers; i++) await first.subscriptions.subscribe('telegram', String(7000 + i), { topics: ['recall'], provinces: [], locale: 'vi' }, 'consent', new Date());
    const draft = await first.repository.create(recallContent(), 'admin@x.vn', new Date());
    const warning = await first.repository.publish(draft.id, draft.version, 'admin@x.vn', new Date());

    // Fan-out dies after its second batch (a crash, a deploy).
    const ledger = new PrismaDeliveryLedger(database.prisma);
    let batches = 0;
    const dying = Object.assign(Object.create(ledger) as PrismaDeliveryLedger, {
      queue: (...args: Parameters<PrismaDeliveryLedger['queue']>) => (++batches > 2 ? Promise.reject(new Error('killed')) : ledger.queue(...args)),
    });
    await expect(new WarningFanOut({ warnings: first.repository, ledger: dying, translators: createTranslators(), logger: silentLogger, batchSize: 10 }).run(warning, () => new Date())).rejects.toThrow('killed');
    expect(await database.prisma.outbox.count()).toBe(20);

    // Two instances deliver what is queued; the platform fails some sends.
    for (let i = 0; i < 3; i++) server.api.failNext('sendMessage', { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } });
    const a = channel(database, 'instance-a');
    const b = channel(database, 'instance-b');
    await Promise.all([a.start(), b.start()]);

    // "Restart": the database is opened again, fan-out resumes on another instance's job.
    const reopened = await openDatabase(database.url);
    try {
      const second = testWarningsModule(reopened.prisma, systemClock, 'instance-c');
      await second.job.runOnce();
      expect((await second.repository.get(warning.id))!.audience).toBe(subscribers);
      // Instance A stops mid-delivery; C starts on the reopened database.
      await a.stop();
      await channel(reopened, 'instance-c').start();
      await server.api.waitUntil(() => new Set(server.sent.map((m) => m.chatId)).size === subscribers, 20_000, 'every subscriber reached');
      await new Promise((r) => setTimeout(r, 300));
      const perChat = new Map<string, number>();
      for (const m of server.sent) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
      expect([...perChat.values()].every((n) => n === 1)).toBe(true);
      expect(server.sent[0]!.text).toContain('Thu hồi máy sấy tóc Hanami HD-200');
      // The three refused sends were tried again (by grammY's retry or the outbox's), not dropped.
      expect(server.callsOf('sendMessage')).toHaveLength(subscribers + 3);
      await eventually(async () => expect(await second.ledger.figures(warning.id, 12)).toMatchObject({ queued: subscribers, delivered: subscribers, pending: 0, failed: 0 }));
    } finally {
      await Promise.all(channels.splice(0).map((c) => c.stop()));
      await reopened.close();
    }
  });
});
