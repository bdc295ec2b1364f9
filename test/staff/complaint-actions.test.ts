import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintRoutes } from '../../bot/staff/complaint-routes.ts';
import type { RunningServer } from '../../bot/web/web-server.ts';
import { ComplaintRepository } from '../../src/complaints/complaint-repository.ts';
import { ComplaintTaxonomy } from '../../src/complaints/complaint-taxonomy.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { PrismaOutbox } from '../../src/storage/prisma-outbox.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';
import { knowledgeDir, loadRealKnowledgeBase } from '../support/knowledge.ts';
import { agentLogin, StaffClient, staffDeps, startStaffServer, testIssuer } from '../support/staff-server.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { PrismaComplaintStore } from '../../src/storage/prisma-complaint-store.ts';
import { PrismaComplaintTranscripts } from '../../src/storage/prisma-complaint-tables.ts';

// A status change can tell the consumer, in their chat and their language, in words staff may edit.
const clock = fixedClock(new Date('2026-11-27T10:00:00+07:00'));
let database: TempDatabase;
let server: RunningServer;
let agent: StaffClient;

beforeAll(async () => {
  database = await openTempDatabase();
  const taxonomy = ComplaintTaxonomy.load(path.join(knowledgeDir, 'complaints'));
  const complaints = complaintRoutes({ ...staffDeps(database.prisma, clock), taxonomy, complaints: new ComplaintRepository(new PrismaComplaintStore(database.prisma)), transcripts: new PrismaComplaintTranscripts(database.prisma), knowledgeBase: await loadRealKnowledgeBase(), issuer: testIssuer });
  server = await startStaffServer(database.prisma, clock, { sections: [{ path: '/', app: complaints }] });
  const repo = new ComplaintRepository(new PrismaComplaintStore(database.prisma));
  const vi = await database.prisma.conversation.create({ data: { channel: 'zalo', externalId: 'z-lan', locale: 'vi' } });
  const en = await database.prisma.conversation.create({ data: { channel: 'telegram', externalId: '4242', locale: 'en' } });
  await repo.create(complaintRecord({ reference: 'KN-20261120-VIAAA' }), vi.id);
  await repo.create(complaintRecord({ reference: 'KN-20261120-ENAAA' }), en.id);
  await repo.create(complaintRecord({ reference: 'KN-20261120-NOCHT' }), null);
  agent = new StaffClient(server.url);
  await agent.login(agentLogin);
});

afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

const outbox = () => new PrismaOutbox(database.prisma);

describe('telling the consumer of a new status', () => {
  it('sends the edited text, with the status in the consumer’s words, to their chat, and keeps it in the transcript', async () => {
    const page = await agent.page('/staff/complaints/KN-20261120-VIAAA');
    expect(page.html).toContain('name="notify" value="yes" checked');
    expect(page.html).toContain('Khiếu nại KN-20261120-VIAAA của bạn đã được cập nhật: {status}.');
    const res = await agent.post('/staff/complaints/KN-20261120-VIAAA/status', { status: 'acknowledged', note: '', notify: 'yes', message: 'Chào chị, hồ sơ KN-20261120-VIAAA {status}; cửa hàng sẽ gọi chị trong tuần.' });
    expect(res.headers.get('location')).toBe('/staff/complaints/KN-20261120-VIAAA?ok=statusNotified');
    const [sent] = await outbox().pendingFor('zalo', 'z-lan', 10);
    expect(sent!.reply.text).toBe('Chào chị, hồ sơ KN-20261120-VIAAA doanh nghiệp đã xác nhận; cửa hàng sẽ gọi chị trong tuần.');
    const conversation = await database.prisma.conversation.findFirstOrThrow({ where: { externalId: 'z-lan' } });
    expect(await database.prisma.message.count({ where: { conversationId: conversation.id, direction: 'out' } })).toBe(1);
    expect(await database.prisma.auditLog.count({ where: { action: 'complaint.notify', target: 'KN-20261120-VIAAA' } })).toBe(1);
  });

  it('writes in English to an English chat, and sends nothing when the box is not ticked', async () => {
    const page = await agent.page('/staff/complaints/KN-20261120-ENAAA');
    expect(page.html).toContain('Your complaint KN-20261120-ENAAA has been updated: {status}.');
    await agent.post('/staff/complaints/KN-20261120-ENAAA/status', { status: 'acknowledged', note: '', notify: 'yes', message: '' });
    expect((await outbox().pendingFor('telegram', '4242', 10)).map((i) => i.reply.text)).toEqual([expect.stringContaining('has been updated: acknowledged by the business')]);
    await agent.page('/staff/complaints/KN-20261120-ENAAA');
    const quiet = await agent.post('/staff/complaints/KN-20261120-ENAAA/status', { status: 'negotiating', note: '', message: 'không gửi' });
    expect(quiet.headers.get('location')).toBe('/staff/complaints/KN-20261120-ENAAA?ok=statusChanged');
    expect(await outbox().pendingFor('telegram', '4242', 10)).toHaveLength(1);
  });

  it('says so when a case has no chat to write to', async () => {
    const page = await agent.page('/staff/complaints/KN-20261120-NOCHT');
    expect(page.html).not.toContain('name="notify"');
    expect(page.html).toContain('Không gửi tin được cho người tiêu dùng');
  });
});

describe('forwarding a case to its agency', () => {
  it('offers the letter as a PDF and the same content as e-mail text, with contacts only by consent', async () => {
    const page = await agent.page('/staff/complaints/KN-20261120-NOCHT');
    expect(page.html).toContain('href="/staff/complaints/KN-20261120-NOCHT/forward.pdf"');
    expect(page.html).toContain('V/v chuyển hồ sơ khiếu nại KN-20261120-NOCHT');
    const record = complaintRecord();
    expect(page.html).toContain(`Kính gửi: ${record.suggestedAgency}`);
    // The fixture's consumer agreed to share with the business only, not with agencies.
    expect(record.consent.shareWithAgency).toBe(false);
    expect(page.html).toContain('người tiêu dùng chưa đồng ý chia sẻ thông tin liên hệ với cơ quan');
    const pdf = await agent.request('/staff/complaints/KN-20261120-NOCHT/forward.pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await database.prisma.auditLog.count({ where: { action: 'complaint.forwardLetter', target: 'KN-20261120-NOCHT' } })).toBe(1);
  });
});
