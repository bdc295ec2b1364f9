import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminLogin, agentLogin, StaffClient, useStaffServer } from '../support/staff-server.ts';

// Item 2: the password policy in the console (admins' forms and everyone's own change), and the
// change of one's own password: current password, the new one twice, CSRF, audit, throttle.
const fx = useStaffServer(beforeEach, afterEach);

const newPassword = 'Con mèo ngủ trên mái nhà';
const hashOf = async (email: string) => (await fx.database.prisma.staffUser.findUniqueOrThrow({ where: { email } })).passwordHash;
const actions = async () => (await fx.database.prisma.auditLog.findMany({ orderBy: { createdAt: 'asc' } })).map((a) => a.action);

async function change(client: StaffClient, fields: { current: string; next: string; repeat?: string }) {
  await client.page('/staff/password');
  const res = await client.post('/staff/password', { current: fields.current, next: fields.next, repeat: fields.repeat ?? fields.next });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

describe('changing one’s own password', () => {
  it('is offered on every page to every role', async () => {
    const agent = new StaffClient(fx.server.url);
    await agent.login(agentLogin);
    const { html } = await agent.page('/staff/inbox');
    expect(html).toContain('href="/staff/password"');
    const form = await agent.page('/staff/password');
    expect(form.status).toBe(200);
    for (const field of ['name="_csrf"', 'name="current"', 'name="next"', 'name="repeat"', 'autocomplete="new-password"']) expect(form.html).toContain(field);
  });

  it('refuses a post without the CSRF token, with a forged one or from another origin', async () => {
    const agent = new StaffClient(fx.server.url);
    await agent.login(agentLogin);
    const before = await hashOf(agentLogin.email);
    await agent.page('/staff/password');
    const fields = { current: agentLogin.password, next: newPassword, repeat: newPassword };
    expect((await agent.post('/staff/password', fields, null)).status).toBe(403);
    expect((await agent.post('/staff/password', fields, 'forged-token')).status).toBe(403);
    const crossSite = await agent.request('/staff/password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: new URLSearchParams({ ...fields, _csrf: agent.csrf }),
    });
    expect(crossSite.status).toBe(403);
    expect(await hashOf(agentLogin.email)).toBe(before);
    expect(await actions()).not.toContain('staff.password.change');
  });

  it('refuses weak, mismatched or unchanged new passwords with a clear message and changes nothing', async () => {
    const agent = new StaffClient(fx.server.url);
    await agent.login(agentLogin);
    const before = await hashOf(agentLogin.email);
    for (const weak of ['1234567890', 'password12', ' '.repeat(10)]) {
      const res = await change(agent, { current: agentLogin.password, next: weak });
      expect(res.status, JSON.stringify(weak)).toBe(400);
      expect(res.html).toContain('Mật khẩu cần ít nhất 12 ký tự');
    }
    expect((await change(agent, { current: agentLogin.password, next: 'Password2026!' })).html).toContain('danh sách mật khẩu phổ biến');
    expect((await change(agent, { current: agentLogin.password, next: 'qwertyuiopasdf' })).html).toContain('quá dễ đoán');
    expect((await change(agent, { current: agentLogin.password, next: newPassword, repeat: `${newPassword}!` })).html).toContain('Hai lần nhập mật khẩu mới không giống nhau');
    expect((await change(agent, { current: agentLogin.password, next: agentLogin.password })).html).toContain('phải khác mật khẩu hiện tại');
    expect(await hashOf(agentLogin.email)).toBe(before);
  });

  it('asks for the current password, counts a wrong one towards the throttle and audits it', async () => {
    const agent = new StaffClient(fx.server.url);
    await agent.login(agentLogin);
    const before = await hashOf(agentLogin.email);
    for (let i = 0; i < 3; i++) {
      const res = await change(agent, { current: 'not my password at all', next: newPassword });
      expect(res.status).toBe(400);
      expect(res.html).toContain('Mật khẩu hiện tại không đúng');
    }
    // Three wrong guesses: the fourth try is throttled even with the right password. They were made in
    // a signed-in session, so they are counted with the account's recognised devices, not against a
    // stranger's browser (login-throttle.ts), and the other way round.
    const blocked = await change(agent, { current: agentLogin.password, next: newPassword });
    expect(blocked.status).toBe(429);
    expect(blocked.html).toContain('thử lại sau');
    expect(await hashOf(agentLogin.email)).toBe(before);
    expect((await actions()).filter((a) => a === 'staff.password.change.failed')).toHaveLength(3);
    const { html } = await (async () => {
      const admin = new StaffClient(fx.server.url);
      await admin.login(adminLogin);
      return admin.page('/staff/audit?action=staff');
    })();
    expect(html).toContain('Đổi mật khẩu: nhập sai mật khẩu hiện tại');
  });

  it('changes it, audits it, keeps this session and ends the account’s other sessions', async () => {
    const agent = new StaffClient(fx.server.url);
    await agent.login(agentLogin);
    const elsewhere = new StaffClient(fx.server.url);
    await elsewhere.login(agentLogin);
    expect((await elsewhere.request('/staff/inbox')).status).toBe(200);

    const res = await change(agent, { current: agentLogin.password, next: newPassword });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/staff/password?ok=changed');
    expect((await agent.page(res.location!)).html).toContain('Đã đổi mật khẩu');
    expect((await agent.request('/staff/inbox')).status).toBe(200);
    expect((await elsewhere.request('/staff/inbox')).headers.get('location')).toBe('/staff/login');

    const audit = await fx.database.prisma.auditLog.findFirstOrThrow({ where: { action: 'staff.password.change' } });
    expect(audit.actor).toBe(agentLogin.email);
    expect(audit.detail).not.toContain(newPassword);
    expect((await new StaffClient(fx.server.url).login(agentLogin)).status).toBe(401);
    expect((await new StaffClient(fx.server.url).login({ email: agentLogin.email, password: newPassword })).status).toBe(303);
  });
});

describe('admins’ account forms', () => {
  it('refuse short, common and predictable passwords, saying which', async () => {
    const admin = new StaffClient(fx.server.url);
    await admin.login(adminLogin);
    await admin.page('/staff/accounts');
    for (const [password, flash, text] of [
      ['password12', 'password.tooShort', 'ít nhất 12 ký tự'],
      ['1234567890', 'password.tooShort', 'ít nhất 12 ký tự'],
      [' '.repeat(10), 'password.tooShort', 'ít nhất 12 ký tự'],
      ['iloveyou2026!', 'password.common', 'danh sách mật khẩu phổ biến'],
      ['123456789012', 'password.predictable', 'quá dễ đoán'],
    ] as const) {
      const res = await admin.post('/staff/accounts', { email: 'moi@hoibvntd.vn', password, role: 'agent' });
      expect(res.headers.get('location'), JSON.stringify(password)).toBe(`/staff/accounts?error=${flash}`);
      expect((await admin.page(res.headers.get('location')!)).html).toContain(text);
    }
    expect(await fx.database.prisma.staffUser.findUnique({ where: { email: 'moi@hoibvntd.vn' } })).toBeNull();

    const agent = await fx.database.prisma.staffUser.findUniqueOrThrow({ where: { email: agentLogin.email } });
    const reset = await admin.post(`/staff/accounts/${agent.id}/password`, { password: 'password12' });
    expect(reset.headers.get('location')).toBe('/staff/accounts?error=password.tooShort');
    expect(await hashOf(agentLogin.email)).toBe(agent.passwordHash);
    expect((await admin.post(`/staff/accounts/${agent.id}/password`, { password: newPassword })).headers.get('location')).toContain('ok=passwordReset');
  });
});
