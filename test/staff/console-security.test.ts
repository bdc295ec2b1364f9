import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../bot/web/web-server.ts';
import { DialogueEngine } from '../../src/dialogue/dialogue-engine.ts';
import { HandoffFlow } from '../../src/handoff/handoff-flow.ts';
import { defaultWorkingHours, parseWorkingHours } from '../../src/handoff/working-hours.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { PrismaConversationStore } from '../../src/storage/prisma-conversation-store.ts';
import { PrismaHandoffQueue, PrismaHolidaySource } from '../../src/storage/prisma-handoff-queue.ts';
import { ScriptedAnswerer } from '../support/scripted-answerer.ts';
import { adminLogin, agentLogin, StaffClient, startStaffServer } from '../support/staff-server.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';

let database: TempDatabase;
let server: RunningServer;
let now: Date;
const clock: Clock = { now: () => now };

beforeEach(async () => {
  now = new Date('2026-11-23T10:00:00+07:00');
  database = await openTempDatabase();
  server = await startStaffServer(database.prisma, clock, { throttle: { perEmailAndIp: 3, perIp: 20, perAccount: 10, windowMs: 15 * 60_000 } });
});
afterEach(async () => {
  await server.close();
  await database.dispose();
});

async function escalatedChat(text: string): Promise<string> {
  const engine = new DialogueEngine({
    store: new PrismaConversationStore(database.prisma),
    answerer: new ScriptedAnswerer(),
    translators: createTranslators(),
    clock,
    logger: silentLogger,
    flows: [new HandoffFlow({ queue: new PrismaHandoffQueue(database.prisma), holidays: new PrismaHolidaySource(database.prisma), hours: parseWorkingHours(defaultWorkingHours, 'Asia/Ho_Chi_Minh'), clock })],
    contacts: { hotline: '1800.6838', province: 'Bình Dương' },
  });
  await engine.handle({ channel: 'web', externalId: 'w-1', text: '/nhanvien', userName: '<img src=x onerror=alert(1)>' });
  await engine.handle({ channel: 'web', externalId: 'w-1', text });
  return (await database.prisma.handoff.findFirstOrThrow()).id;
}

const pages = ['/staff', '/staff/inbox', '/staff/inbox/abcdefghij1234', '/staff/inbox/api/state', '/staff/accounts', '/staff/audit', '/staff/complaints', '/staff/complaints.csv', '/staff/dashboard', '/staff/reports/yearly.pdf', '/staff/directory', '/staff/holidays', '/staff/programme', '/staff/no-such-page'];
const actions = ['/staff/logout', '/staff/inbox/abcdefghij1234/reply', '/staff/inbox/abcdefghij1234/close', '/staff/accounts', '/staff/holidays', '/staff/directory', '/staff/complaints/abcdefghij1234/status'];

describe('staff console security', () => {
  it('answers nothing under /staff without a session except the login form and static assets', async () => {
    const handoffId = await escalatedChat('số của tôi là 0912345678');
    const anonymous = new StaffClient(server.url);
    for (const path of [...pages, `/staff/inbox/${handoffId}`]) {
      const res = await anonymous.request(path);
      const body = await res.text();
      expect([303, 401], path).toContain(res.status);
      if (res.status === 303) expect(res.headers.get('location'), path).toBe('/staff/login');
      expect(body, path).not.toContain('0912345678');
    }
    for (const path of actions) {
      const res = await anonymous.request(path, { method: 'POST', body: new URLSearchParams({ text: 'x' }) });
      expect(res.status, path).toBe(401);
    }
    expect((await anonymous.request('/staff/login')).status).toBe(200);
    expect((await anonymous.request('/staff/assets/console.css')).status).toBe(200);
    expect(await database.prisma.outbox.count()).toBe(0);
  });

  it('logs in with an HttpOnly SameSite=Strict session cookie and sends strict security headers', async () => {
    const client = new StaffClient(server.url);
    await client.page('/staff/login');
    const res = await client.post('/staff/login', adminLogin);
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('bvntd_staff='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const inbox = await client.request('/staff/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(inbox.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(inbox.headers.get('x-frame-options')).toBe('DENY');
    expect(inbox.headers.get('cache-control')).toBe('no-store');
    // The session token is stored hashed: the cookie value is not a key of the sessions table.
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(await database.prisma.staffSession.findUnique({ where: { id: token } })).toBeNull();
  });

  it('rejects posts without the CSRF token, with a wrong one, or from another origin', async () => {
    const handoffId = await escalatedChat('xin chào');
    const client = new StaffClient(server.url);
    await client.login(agentLogin);
    await client.page(`/staff/inbox/${handoffId}`);
    expect((await client.post(`/staff/inbox/${handoffId}/reply`, { text: 'a' }, null)).status).toBe(403);
    expect((await client.post(`/staff/inbox/${handoffId}/reply`, { text: 'a' }, 'forged-token')).status).toBe(403);
    const crossSite = await client.request(`/staff/inbox/${handoffId}/reply`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: new URLSearchParams({ text: 'a', _csrf: client.csrf }),
    });
    expect(crossSite.status).toBe(403);
    // A browser that sends Sec-Fetch-Site but no Origin is judged by it (hono/csrf): cross-site is refused.
    const fetchSite = (site: string) =>
      client.request(`/staff/inbox/${handoffId}/reply`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': site }, body: new URLSearchParams({ text: 'a', _csrf: client.csrf }) });
    expect((await fetchSite('cross-site')).status).toBe(403);
    expect((await fetchSite('same-site')).status).toBe(403);
    expect(await database.prisma.outbox.count()).toBe(0);
    // The login form has its own double-submit token.
    const fresh = new StaffClient(server.url);
    expect((await fresh.post('/staff/login', adminLogin, 'made-up')).status).toBe(403);
    // And with the token, the same post goes through.
    expect((await client.post(`/staff/inbox/${handoffId}/reply`, { text: 'Chào bạn' })).status).toBe(303);
    expect(await database.prisma.outbox.count()).toBe(1);
  });

  it('masks contacts in the inbox list and audits reading a transcript', async () => {
    const handoffId = await escalatedChat('gọi tôi số (091) 234 5678 hoặc lan.nguyen@example.com');
    const client = new StaffClient(server.url);
    await client.login(agentLogin);
    const { html: list } = await client.page('/staff/inbox');
    expect(list).not.toContain('234 5678');
    expect(list).not.toContain('lan.nguyen@');
    const { html: chat } = await client.page(`/staff/inbox/${handoffId}`);
    expect(chat).toContain('(091) 234 5678');
    const audit = await database.prisma.auditLog.findMany({ where: { action: 'handoff.view' } });
    expect(audit.map((a) => a.target)).toEqual([handoffId]);
  });

  it('renders script injected by a consumer as inert text', async () => {
    const handoffId = await escalatedChat('<script>alert("xss")</script> hàng lỗi');
    const client = new StaffClient(server.url);
    await client.login(agentLogin);
    for (const path of ['/staff/inbox', `/staff/inbox/${handoffId}`]) {
      const { html } = await client.page(path);
      expect(html, path).not.toContain('<script>alert');
      expect(html, path).not.toContain('<img src=x');
    }
    const { html } = await client.page(`/staff/inbox/${handoffId}`);
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; hàng lỗi');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('throttles repeated wrong passwords per e-mail and address, even when the right one follows', async () => {
    const client = new StaffClient(server.url);
    for (let i = 0; i < 3; i++) expect((await client.login({ email: adminLogin.email, password: 'wrong password' })).status).toBe(401);
    const blocked = await client.login(adminLogin);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('thử lại sau');
    // Another account from the same address is still allowed.
    expect((await new StaffClient(server.url).login(agentLogin)).status).toBe(303);
    // After the window the right password works again.
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await client.login(adminLogin)).status).toBe(303);
    const actions = (await database.prisma.auditLog.findMany()).map((a) => a.action);
    expect(actions.filter((a) => a === 'staff.login.failed')).toHaveLength(3);
    expect(actions).toContain('staff.login.throttled');
  });

  it('keeps account management for admins', async () => {
    const agent = new StaffClient(server.url);
    await agent.login(agentLogin);
    expect((await agent.request('/staff/accounts')).status).toBe(403);
    await agent.page('/staff/inbox');
    expect((await agent.post('/staff/accounts', { email: 'x@y.vn', password: 'long enough pw', role: 'admin' })).status).toBe(403);
    const admin = new StaffClient(server.url);
    await admin.login(adminLogin);
    const { html } = await admin.page('/staff/accounts');
    expect(html).toContain(agentLogin.email);
    expect((await admin.post('/staff/accounts', { email: 'moi@hoibvntd.vn', password: 'mot-mat-khau-dai', role: 'agent' })).headers.get('location')).toContain('ok=accountCreated');
    const created = await database.prisma.staffUser.findUniqueOrThrow({ where: { email: 'moi@hoibvntd.vn' } });
    expect(created.passwordHash).toMatch(/^\$argon2id\$/);
    await admin.post(`/staff/accounts/${created.id}/active`, { active: 'false' });
    expect((await new StaffClient(server.url).login({ email: 'moi@hoibvntd.vn', password: 'mot-mat-khau-dai' })).status).toBe(401);
    const { html: audit } = await admin.page('/staff/audit?action=staff');
    expect(audit).toContain('Tạo tài khoản');
    expect(audit).toContain('Khóa tài khoản');
  });
});
