// Warnings, subscriptions and the fan-out ledger on SQLite, and on PostgreSQL when TEST_POSTGRES_URL
// is set (each run in its own schema, dropped afterwards).
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslators } from '../../src/i18n/translator.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { quotePostgresIdentifier } from '../../src/storage/migrator.ts';
import { PrismaOutbox } from '../../src/storage/prisma-outbox.ts';
import { PrismaDeliveryLedger } from '../../src/storage/prisma-warning-deliveries.ts';
import { PrismaWarningRepository } from '../../src/storage/prisma-warning-repository.ts';
import { PrismaSubscriptionStore } from '../../src/storage/prisma-warning-subscriptions.ts';
import { PrismaAuditLog } from '../../src/storage/prisma-audit-log.ts';
import { WarningFanOut } from '../../src/warnings/warning-fan-out.ts';
import { WarningError } from '../../src/warnings/warning-errors.ts';
import { openTempDatabase } from '../support/temp-database.ts';
import { recallContent } from '../warnings/warning-fixture.ts';

const now = new Date('2026-11-23T03:00:00Z');
const clock = () => now;
const pgUrl = process.env.TEST_POSTGRES_URL;
const pgSchema = `bvntd_warnings_${process.pid}_${Date.now().toString(36)}`;

const targets: Array<{ name: string; open: () => Promise<Database & { dispose?: () => Promise<void> }> }> = [
  { name: 'SQLite', open: () => openTempDatabase() },
  ...(pgUrl
    ? [{ name: 'PostgreSQL', open: async () => {
        const url = new URL(pgUrl);
        url.searchParams.set('schema', pgSchema);
        const db = await openDatabase(url.toString());
        // Each test starts empty: the tables of this run's schema are emptied.
        await db.prisma.$executeRawUnsafe(`TRUNCATE "${pgSchema}"."Warning", "${pgSchema}"."WarningRevision", "${pgSchema}"."WarningSubscription", "${pgSchema}"."WarningDelivery", "${pgSchema}"."Outbox", "${pgSchema}"."AuditLog" CASCADE`);
        return db;
      } }]
    : []),
];

afterAll(async () => {
  if (!pgUrl) return;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${quotePostgresIdentifier(pgSchema)} CASCADE`);
  await admin.end();
});

describe.each(targets)('warnings on $name', ({ open }) => {
  let database: Database & { dispose?: () => Promise<void> };
  let warnings: PrismaWarningRepository;
  let subscriptions: PrismaSubscriptionStore;
  let ledger: PrismaDeliveryLedger;

  beforeEach(async () => {
    database = await open();
    warnings = new PrismaWarningRepository(database.prisma);
    subscriptions = new PrismaSubscriptionStore(database.prisma);
    ledger = new PrismaDeliveryLedger(database.prisma);
  });
  afterEach(async () => {
    await (database.dispose ? database.dispose() : database.close());
  });

  it('keeps every step in the history and the audit log, and refuses a stale edit', async () => {
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    const draft = await warnings.create(recallContent(), 'admin@x.vn', at(0));
    const edited = await warnings.edit(draft.id, recallContent({ title: 'Thu hồi máy sấy tóc Hanami HD-200 và HD-210' }), draft.version, 'agent@x.vn', at(1));
    await expect(warnings.edit(draft.id, recallContent(), draft.version, 'admin@x.vn', at(2))).rejects.toMatchObject({ code: 'stale_version' });
    await expect(warnings.publish(edited.id, draft.version, 'admin@x.vn', at(3))).rejects.toMatchObject({ code: 'stale_version' });
    const published = await warnings.publish(edited.id, edited.version, 'admin@x.vn', at(3));
    await expect(warnings.publish(edited.id, published.version, 'admin@x.vn', at(4))).rejects.toBeInstanceOf(WarningError);
    await warnings.withdraw(published.id, 'Nhà sản xuất đính chính', 'admin@x.vn', at(5));
    const history = await warnings.history(draft.id);
    expect(history.map((h) => [h.version, h.action, h.actor])).toEqual([
      [1, 'create', 'admin@x.vn'],
      [2, 'edit', 'agent@x.vn'],
      [3, 'publish', 'admin@x.vn'],
      [4, 'withdraw', 'admin@x.vn'],
    ]);
    expect(history[0]!.content.title).toBe('Thu hồi máy sấy tóc Hanami HD-200 do nguy cơ cháy nổ');
    expect(history[3]!.note).toBe('Nhà sản xuất đính chính');
    const audit = await new PrismaAuditLog(database.prisma).list({ action: 'warning.', limit: 10 });
    expect(audit.map((a) => a.action).reverse()).toEqual(['warning.create', 'warning.edit', 'warning.publish', 'warning.withdraw']);
    expect(audit.find((a) => a.action === 'warning.edit')!.detail.changed).toEqual(['title']);
    expect(await warnings.published(10)).toEqual([]);
  });

  it('records consent, changes settings, stops, and erases on request', async () => {
    const sub = await subscriptions.subscribe('telegram', '42', { topics: ['recall', 'scam'], provinces: [], locale: 'vi' }, 'Nếu đồng ý…', now);
    expect(sub).toMatchObject({ active: true, consentText: 'Nếu đồng ý…', consentAt: now, topics: ['recall', 'scam'] });
    await subscriptions.update(sub.id, { topics: ['scam'], provinces: ['Khánh Hòa'], locale: 'en' }, now);
    expect(await subscriptions.find('telegram', '42')).toMatchObject({ topics: ['scam'], provinces: ['Khánh Hòa'], locale: 'en' });
    await subscriptions.unsubscribe(sub.id, now);
    expect(await subscriptions.find('telegram', '42')).toMatchObject({ active: false, withdrawnAt: now });
    expect(await subscriptions.countActive()).toEqual({});
    expect(await subscriptions.deleteFor('telegram', '42')).toBe(1);
    expect(await subscriptions.find('telegram', '42')).toBeNull();
  });

  it('fans a warning out once per matching subscriber, however often and however concurrently it runs', async () => {
    for (let i = 0; i < 30; i++) {
      await subscriptions.subscribe(i % 2 ? 'zalo' : 'telegram', `chat${i}`, { topics: i % 5 === 0 ? ['scam'] : ['recall'], provinces: i % 3 === 0 ? ['Hà Nội'] : [], locale: i % 4 === 0 ? 'en' : 'vi' }, 'ok', now);
    }
    const translated = recallContent({ provinces: ['Khánh Hòa'], translations: { en: { title: 'Hanami HD-200 hair dryer recalled', text: 'Hanami recalls its HD-200 hair dryer: the cord can overheat.' } } });
    const warning = await warnings.publish((await warnings.create(translated, 'admin@x.vn', now)).id, 1, 'admin@x.vn', now);
    const fanOut = (batchSize: number) => new WarningFanOut({ warnings, ledger, translators: createTranslators(), logger: silentLogger, batchSize });
    // Two instances at once with small batches, then a third run after "a restart".
    await Promise.all([fanOut(4).run(warning, clock), fanOut(7).run(warning, clock)]);
    expect(await fanOut(50).run(warning, clock)).toBe(0);
    // recall followers (not i%5==0) outside Hà Nội-only (not i%3==0): i in 0..29
    const expected = [...Array(30).keys()].filter((i) => i % 5 !== 0 && i % 3 !== 0);
    const outbox = await database.prisma.outbox.findMany({ orderBy: { externalId: 'asc' } });
    expect(outbox.map((o) => o.externalId).sort()).toEqual(expected.map((i) => `chat${i}`).sort());
    const english = outbox.filter((o) => o.payload.includes('hair dryer recalled')).map((o) => o.externalId).sort();
    expect(english).toEqual(expected.filter((i) => i % 4 === 0).map((i) => `chat${i}`).sort());
    expect((await warnings.get(warning.id))!.audience).toBe(expected.length);
    expect(await warnings.awaitingFanOut()).toEqual([]);

    // The outbox delivers them; figures follow.
    const box = new PrismaOutbox(database.prisma);
    const [first, second] = await box.claim('telegram', 'me', 2, 60_000, now);
    await box.markDelivered(first!.id, now);
    await box.markFailed(second!.id, new Date(now.getTime() + 1000));
    const figures = await ledger.figures(warning.id, 12);
    expect(figures).toMatchObject({ queued: expected.length, delivered: 1, pending: expected.length - 1, failed: 0, retries: 1 });
    expect(figures.byChannel.telegram!.delivered).toBe(1);

    // Withdrawn: what was not sent never leaves.
    expect(await ledger.cancelPending(warning.id)).toBe(expected.length - 1);
    expect(await database.prisma.outbox.count({ where: { deliveredAt: null } })).toBe(0);
  });
});
