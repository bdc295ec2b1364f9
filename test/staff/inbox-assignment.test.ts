import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoutes } from '../../bot/staff/dashboard-routes.ts';
import type { RunningServer } from '../../bot/web/web-server.ts';
import { currentCriteriaFile, loadCriteria } from '../../src/assessment/criteria-loader.ts';
import { ComplaintRepository } from '../../src/complaints/complaint-repository.ts';
import { ComplaintTaxonomy } from '../../src/complaints/complaint-taxonomy.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';
import { knowledgeDir } from '../support/knowledge.ts';
import { adminLogin, agentLogin, StaffClient, staffDeps, startStaffServer, testIssuer } from '../support/staff-server.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { PrismaAssessmentStore } from '../../src/storage/prisma-assessment-store.ts';
import { PrismaComplaintStore } from '../../src/storage/prisma-complaint-store.ts';

// An agent's day with two colleagues: who takes which chat, the views that follow from it, the
// user's complaints one click from the chat, and the waiting count the new-chat notice reads.
const clock = fixedClock(new Date('2026-11-27T10:00:00+07:00'));
let database: TempDatabase;
let server: RunningServer;
let agent: StaffClient;
let admin: StaffClient;
let lan: string;
let minh: string;

async function waitingChat(externalId: string, userName: string, asked: string, at: string): Promise<{ conversationId: string; handoffId: string }> {
  const conversation = await database.prisma.conversation.create({ data: { channel: 'zalo', externalId, userName, state: 'handoff.waiting' } });
  await database.prisma.message.create({ data: { conversationId: conversation.id, direction: 'in', text: asked, createdAt: new Date(at) } });
  // The bot's own hand-off text comes last: the inbox must still show what the user asked.
  await database.prisma.message.create({ data: { conversationId: conversation.id, direction: 'out', text: 'Đã chuyển cho nhân viên, bạn ở vị trí thứ 1.', createdAt: new Date(Date.parse(at) + 1000) } });
  const handoff = await database.prisma.handoff.create({ data: { conversationId: conversation.id, reason: 'requested', createdAt: new Date(at) } });
  return { conversationId: conversation.id, handoffId: handoff.id };
}

beforeAll(async () => {
  database = await openTempDatabase();
  const taxonomy = ComplaintTaxonomy.load(path.join(knowledgeDir, 'complaints'));
  const dashboard = dashboardRoutes({ ...staffDeps(database.prisma, clock), taxonomy, issuer: testIssuer, criteria: () => loadCriteria(path.join(knowledgeDir, currentCriteriaFile)), assessments: new PrismaAssessmentStore(database.prisma) });
  server = await startStaffServer(database.prisma, clock, { sections: [{ path: '/', app: dashboard }] });
  const first = await waitingChat('z-lan', 'Lan', 'Shop không trả tiền cọc 0912 345 678', '2026-11-27T09:00:00+07:00');
  lan = first.handoffId;
  minh = (await waitingChat('z-minh', 'Minh', 'Máy giặt hỏng sau 2 tuần', '2026-11-27T09:30:00+07:00')).handoffId;
  await new ComplaintRepository(new PrismaComplaintStore(database.prisma)).create(complaintRecord({ reference: 'KN-20261127-LANAA' }), first.conversationId);
  agent = new StaffClient(server.url);
  await agent.login(agentLogin);
  admin = new StaffClient(server.url);
  await admin.login(adminLogin);
});

afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

const names = (html: string) => [...html.matchAll(/<span class="who">([^<]+)<\/span>/g)].map((m) => m[1]).filter((n) => n === 'Lan' || n === 'Minh');

describe('the inbox with assignment', () => {
  it('shows what the user asked, masked, and every chat as unassigned at first', async () => {
    const inbox = await agent.page('/staff/inbox');
    expect(names(inbox.html)).toEqual(['Lan', 'Minh']);
    expect(inbox.html).toContain('Shop không trả tiền cọc');
    expect(inbox.html).not.toContain('0912 345 678');
    expect(inbox.html).not.toContain('vị trí thứ 1');
    expect(inbox.html).toContain('Tất cả (2)');
    expect(inbox.html).toContain('Của tôi (0)');
    expect(inbox.html).toContain('Chưa ai nhận (2)');
  });

  it('lets an agent take a chat, which leaves the unassigned view and shows under "mine"', async () => {
    const chat = await agent.page(`/staff/inbox/${lan}`);
    expect(chat.html).toContain('Nhận xử lý');
    const res = await agent.post(`/staff/inbox/${lan}/assign`, { action: 'take' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/inbox/${lan}?ok=taken`);
    const mine = await agent.page('/staff/inbox?show=mine');
    expect(names(mine.html)).toEqual(['Lan']);
    const unassigned = await agent.page('/staff/inbox?show=unassigned');
    expect(names(unassigned.html)).toEqual(['Minh']);
    const adminView = await admin.page('/staff/inbox');
    expect(adminView.html).toContain(`${agentLogin.email} đang xử lý`);
  });

  it('lets a colleague take over and put the chat back, and records each step', async () => {
    await admin.page(`/staff/inbox/${lan}`);
    expect((await admin.post(`/staff/inbox/${lan}/assign`, { action: 'take' })).headers.get('location')).toContain('ok=taken');
    expect(names((await agent.page('/staff/inbox?show=mine')).html)).toEqual([]);
    await admin.page(`/staff/inbox/${lan}`);
    expect((await admin.post(`/staff/inbox/${lan}/assign`, { action: 'release' })).headers.get('location')).toContain('ok=released');
    const audit = await database.prisma.auditLog.findMany({ where: { action: { in: ['handoff.assign', 'handoff.release'] } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => [a.actor, a.action, JSON.parse(a.detail).from])).toEqual([
      [agentLogin.email, 'handoff.assign', null],
      [adminLogin.email, 'handoff.assign', agentLogin.email],
      [adminLogin.email, 'handoff.release', adminLogin.email],
    ]);
    const page = await admin.page('/staff/audit');
    expect(page.html).toContain(`Nhận thay ${agentLogin.email}.`);
  });

  it('links the chat to the complaints the user filed', async () => {
    const chat = await agent.page(`/staff/inbox/${lan}`);
    expect(chat.html).toContain('href="/staff/complaints/KN-20261127-LANAA"');
    expect((await agent.page(`/staff/inbox/${minh}`)).html).not.toContain('/staff/complaints/KN-');
  });

  it('refuses a stray form and a closed chat', async () => {
    await agent.page(`/staff/inbox/${minh}`);
    expect((await agent.post(`/staff/inbox/${minh}/assign`, { action: 'steal' })).headers.get('location')).toBe(`/staff/inbox/${minh}`);
    await agent.post(`/staff/inbox/${minh}/close`, { confirm: 'yes' });
    await agent.page(`/staff/inbox/${minh}`);
    expect((await agent.post(`/staff/inbox/${minh}/assign`, { action: 'take' })).headers.get('location')).toBe(`/staff/inbox/${minh}?error=alreadyClosed`);
  });

  it('gives every page the waiting count and the notice text the new-chat notice shows', async () => {
    const page = await agent.page('/staff/complaints');
    expect(page.html).toContain('data-new-chat');
    expect(page.html).toContain('src="/staff/assets/console.js"');
    const state = (await (await agent.request('/staff/inbox/api/state')).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ open: 1, waiting: 1, newestWaiting: Date.parse('2026-11-27T09:00:00+07:00'), notice: 'Có 1 cuộc trò chuyện đang chờ nhân viên.' });
  });
});

describe('internal notes and canned replies', () => {
  it('keeps a note with the chat for staff only, audited', async () => {
    await agent.page(`/staff/inbox/${lan}`);
    const res = await agent.post(`/staff/inbox/${lan}/note`, { text: 'Đã gọi lại, chị Lan sẽ gửi hóa đơn.' });
    expect(res.headers.get('location')).toBe(`/staff/inbox/${lan}?ok=noted`);
    const chat = await admin.page(`/staff/inbox/${lan}`);
    expect(chat.html).toContain('Đã gọi lại, chị Lan sẽ gửi hóa đơn.');
    expect(chat.html).toContain(agentLogin.email);
    // Never queued for the user.
    expect(await database.prisma.outbox.count({ where: { payload: { contains: 'hóa đơn' } } })).toBe(0);
    await agent.page(`/staff/inbox/${lan}`);
    expect((await agent.post(`/staff/inbox/${lan}/note`, { text: '  ' })).headers.get('location')).toBe(`/staff/inbox/${lan}?error=emptyNote`);
    expect(await database.prisma.auditLog.count({ where: { action: 'handoff.note' } })).toBe(1);
  });

  it('lets admins keep canned replies that fill the reply box on a chat, and agents only use them', async () => {
    await admin.page('/staff/inbox/canned');
    expect((await admin.post('/staff/inbox/canned', { id: '', title: 'Xin hóa đơn', text: 'Anh/chị vui lòng gửi ảnh hóa đơn mua hàng giúp em.' })).headers.get('location')).toBe('/staff/inbox/canned?ok=saved');
    const saved = await database.prisma.cannedReply.findFirstOrThrow();
    const list = await agent.page('/staff/inbox/canned');
    expect(list.html).toContain('Xin hóa đơn');
    expect(list.html).not.toContain('id="canned-form"');
    expect((await agent.post('/staff/inbox/canned', { id: '', title: 'x', text: 'y' })).status).toBe(403);
    const chat = await agent.page(`/staff/inbox/${lan}`);
    expect(chat.html).toContain(`href="/staff/inbox/${lan}?template=${saved.id}#reply"`);
    const filled = await agent.page(`/staff/inbox/${lan}?template=${saved.id}`);
    expect(filled.html).toMatch(/<textarea id="reply-text"[^>]*>Anh\/chị vui lòng gửi ảnh hóa đơn mua hàng giúp em\.<\/textarea>/);
    await admin.page(`/staff/inbox/canned?edit=${saved.id}`);
    await admin.post('/staff/inbox/canned', { id: saved.id, title: 'Xin hóa đơn', text: 'Anh/chị gửi giúp em ảnh hóa đơn nhé.' });
    expect((await database.prisma.cannedReply.findUniqueOrThrow({ where: { id: saved.id } })).text).toBe('Anh/chị gửi giúp em ảnh hóa đơn nhé.');
    await admin.page('/staff/inbox/canned');
    expect((await admin.post(`/staff/inbox/canned/${saved.id}/delete`, {})).headers.get('location')).toBe('/staff/inbox/canned?ok=deleted');
    expect(await database.prisma.cannedReply.count()).toBe(0);
    const audit = await admin.page('/staff/audit');
    expect(audit.html).toContain('Mẫu “Xin hóa đơn”.');
  });
});

describe('satisfaction after a hand-off', () => {
  it('shows the users’ ratings on the dashboard', async () => {
    await database.prisma.handoff.update({ where: { id: minh }, data: { rating: 4, ratedAt: new Date('2026-11-27T10:00:00+07:00') } });
    const dashboard = await agent.page('/staff/dashboard?year=2026');
    expect(dashboard.html).toContain('Mức hài lòng');
    expect(dashboard.html).toContain('4/5');
    expect(dashboard.html).toContain('1 lượt đánh giá sau hỗ trợ (1: 0 · 2: 0 · 3: 0 · 4: 1 · 5: 0)');
  });
});
