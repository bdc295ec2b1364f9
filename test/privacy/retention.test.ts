import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { retentionCutoffs, runRetention } from '../../src/privacy/retention.ts';
import { PrismaRetentionStore } from '../../src/storage/prisma-retention.ts';
import { ComplaintRepository } from '../../src/complaints/complaint-repository.ts';
import { uploadFileId } from '../../src/evidence/evidence-store.ts';
import { PrismaEvidenceStore } from '../../src/storage/prisma-evidence-store.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';
import { sampleBytes } from '../support/evidence-bytes.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { PrismaComplaintStore } from '../../src/storage/prisma-complaint-store.ts';

let database: TempDatabase;
const now = new Date('2026-11-23T10:00:00+07:00');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

beforeEach(async () => {
  database = await openTempDatabase();
});
afterEach(async () => {
  await database.dispose();
});

describe('retention of raw platform updates and login attempts', () => {
  it('defaults to 7 days for the journal and 30 for login attempts, and refuses less than a day', () => {
    const config = loadConfig({});
    expect([config.JOURNAL_RETENTION_DAYS, config.LOGIN_ATTEMPT_RETENTION_DAYS]).toEqual([7, 30]);
    expect(() => loadConfig({ JOURNAL_RETENTION_DAYS: '0' })).toThrow(/JOURNAL_RETENTION_DAYS/);
    expect(retentionCutoffs({ journalDays: 7, loginAttemptDays: 30, uploadDays: 30 }, now)).toEqual({ journalBefore: daysAgo(7), loginAttemptsBefore: daysAgo(30), uploadsBefore: daysAgo(30), now });
  });

  it('removes what is older than its period, and keeps a young update or one being handled now', async () => {
    const db = database.prisma;
    await db.inboundUpdate.createMany({
      data: [
        { channel: 'telegram', key: 'old-delivered', payload: '{"from":{"first_name":"Lan"}}', status: 'done', createdAt: daysAgo(8), deliveredAt: daysAgo(8) },
        { channel: 'telegram', key: 'old-abandoned', payload: '{"text":"0912345678"}', status: 'received', createdAt: daysAgo(9) },
        { channel: 'zalo', key: 'old-being-handled', payload: '{}', status: 'processing', createdAt: daysAgo(8), claimedBy: 'b', claimedUntil: new Date(now.getTime() + 60_000) },
        { channel: 'telegram', key: 'young', payload: '{}', status: 'done', createdAt: daysAgo(6), deliveredAt: daysAgo(6) },
      ],
    });
    await db.loginAttempt.createMany({
      data: [
        { email: 'a@hoi.vn', ip: '203.0.113.5', success: false, createdAt: daysAgo(31) },
        { email: 'a@hoi.vn', ip: '203.0.113.5', success: true, createdAt: daysAgo(29) },
      ],
    });
    const removed = await runRetention(new PrismaRetentionStore(db, 'sqlite'), { journalDays: 7, loginAttemptDays: 30, uploadDays: 30 }, now);
    expect(removed).toEqual({ journal: 2, loginAttempts: 1, uploads: 0 });
    expect((await db.inboundUpdate.findMany({ orderBy: { key: 'asc' } })).map((r) => r.key)).toEqual(['old-being-handled', 'young']);
    expect((await db.loginAttempt.findMany()).map((r) => r.success)).toEqual([true]);
  });

  it('removes an old upload no complaint or intake refers to, and keeps evidence with its complaint', async () => {
    const db = database.prisma;
    const { id: conversationId } = await db.conversation.create({ data: { channel: 'web', externalId: 'session-1' } });
    const store = new PrismaEvidenceStore(db);
    const save = (days: number) => store.save({ conversationId, mimeType: 'image/jpeg', bytes: sampleBytes.jpeg() }, daysAgo(days));
    const [orphan, evidence, drafting, young] = [await save(31), await save(31), await save(31), await save(2)];
    await new ComplaintRepository(new PrismaComplaintStore(db)).create(complaintRecord({ evidence: [{ kind: 'photo', fileId: uploadFileId(evidence), fileName: null, mimeType: 'image/jpeg', receivedAt: daysAgo(31).toISOString() }] }), conversationId);
    await db.conversation.update({ where: { id: conversationId }, data: { state: 'complaint.collect', stateData: JSON.stringify({ draft: { evidence: [{ fileId: uploadFileId(drafting) }] } }) } });
    const removed = await runRetention(new PrismaRetentionStore(db, 'sqlite'), { journalDays: 7, loginAttemptDays: 30, uploadDays: 30 }, now);
    expect(removed.uploads).toBe(1);
    expect(await store.exists(orphan)).toBe(false);
    expect((await db.evidenceFile.findMany({ orderBy: { createdAt: 'asc' } })).map((f) => [f.id, f.keptAt !== null])).toEqual(expect.arrayContaining([[evidence, true], [drafting, false], [young, false]]));
    expect(await db.evidenceFile.count()).toBe(3);
  });
});
