// The same erasure on PostgreSQL (TEST_POSTGRES_URL; .ci/run sets it), in a schema of its own.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateOfChat } from '../../bot/channels/journal-chat.ts';
import { ComplaintRepository } from '../../src/complaints/complaint-repository.ts';
import { anonymiseComplaintRecord } from '../../src/privacy/complaint-shell.ts';
import { PrismaAuditLog } from '../../src/storage/prisma-audit-log.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { quotePostgresIdentifier } from '../../src/storage/migrator.ts';
import { PrismaPersonalDataStore } from '../../src/storage/prisma-personal-data.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';
import { PrismaComplaintStore } from '../../src/storage/prisma-complaint-store.ts';

const baseUrl = process.env.TEST_POSTGRES_URL;

describe.runIf(baseUrl !== undefined && baseUrl !== '')('erasure on PostgreSQL', () => {
  const schema = `bvntd_test_erase_${process.pid}_${Date.now().toString(36)}`;
  let database: Database;
  const now = new Date('2026-11-23T03:00:00Z');

  beforeAll(async () => {
    const url = new URL(baseUrl!);
    url.searchParams.set('schema', schema);
    database = await openDatabase(url.toString());
  });

  afterAll(async () => {
    await database?.close();
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${quotePostgresIdentifier(schema)} CASCADE`);
    await admin.end();
  });

  it('clears every copy, as on SQLite', async () => {
    const db = database.prisma;
    const conversation = await db.conversation.create({ data: { channel: 'telegram', externalId: '770011', userName: 'Nguyễn Thị Lan' } });
    await db.message.create({ data: { conversationId: conversation.id, direction: 'in', text: 'số tôi 0912345678' } });
    await db.inboundUpdate.createMany({
      data: [
        { channel: 'telegram', key: '1', conversationId: conversation.id, payload: '{"message":{"chat":{"id":770011}}}', replies: '[{"text":"Lan"}]', status: 'done', deliveredAt: now },
        { channel: 'telegram', key: '2', payload: '{"edited_message":{"chat":{"id":770011},"text":"0912345678"}}', status: 'done', deliveredAt: now },
        { channel: 'telegram', key: '3', payload: '{"message":{"chat":{"id":1},"text":"770011"}}', status: 'done', deliveredAt: now },
      ],
    });
    await db.outbox.create({ data: { channel: 'telegram', externalId: '770011', payload: '[{"text":"Chào chị Lan"}]' } });
    const repository = new ComplaintRepository(new PrismaComplaintStore(db));
    await repository.create(complaintRecord({ reference: 'KN-20261120-PGPG1' }), conversation.id);
    await repository.transition('KN-20261120-PGPG1', 'acknowledged', { actor: 'agent@hoi.vn', note: 'Đã gọi chị Lan 0912345678', now });
    await new PrismaAuditLog(db).record({ actor: 'agent@hoi.vn', action: 'complaint.status', target: 'KN-20261120-PGPG1', detail: { from: 'received', to: 'acknowledged', note: 'Đã gọi chị Lan 0912345678' } }, now);

    const report = await new PrismaPersonalDataStore(db, { anonymise: anonymiseComplaintRecord, provider: 'postgresql', updateOfChat }).erase(conversation.id, now);
    expect(report).toEqual({ messages: 1, complaints: 1, withdrawn: 1, assessments: 0 });
    expect((await db.inboundUpdate.findMany({ orderBy: { key: 'asc' } })).map((r) => r.key)).toEqual(['3']);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.complaintEvent.count({ where: { note: { contains: '0912' } } })).toBe(0);
    const shell = await db.complaint.findUniqueOrThrow({ where: { reference: 'KN-20261120-PGPG1' } });
    expect(shell).toMatchObject({ status: 'withdrawn', anonymised: true, conversationId: null });
    const audit = await db.auditLog.findMany();
    expect(JSON.stringify(audit)).not.toContain('0912345678');
    expect(audit.find((a) => a.action === 'privacy.erase')!.detail).not.toContain('KN-');
    expect(await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({ userName: null });
    expect(await db.conversation.count({ where: { externalId: '770011' } })).toBe(0);
  });
});
