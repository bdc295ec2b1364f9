import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/staff/totp.ts';
import { adminLogin, agentLogin, StaffClient, useStaffServer, type StaffServerFixture } from '../support/staff-server.ts';

// Item 4: a stolen or phished password alone must not open the console of someone who set up a
// second factor (and, when the deployment says so, of any admin); codes are good once and guessing
// them is throttled like passwords; an admin can unlock an account strangers' guesses throttled.
const policy = { perEmailAndIp: 3, perIp: 20, perAccount: 10, windowMs: 15 * 60_000 };

/** Sets up the second factor for a signed-in client; returns the key and the recovery codes. */
async function enrol(fixture: StaffServerFixture, client: StaffClient): Promise<{ secret: string; recovery: string[] }> {
  await client.page('/staff/security');
  const setup = await client.post('/staff/security/totp', {});
  const page = await setup.text();
  const secret = /secret=([A-Z2-7]+)/.exec(page)![1]!;
  client.csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
  expect((await client.post('/staff/security/totp/confirm', { code: '000000' })).status).toBe(400);
  // A form without the field fails the validator and draws the enrolment page again the same way.
  expect((await client.post('/staff/security/totp/confirm', {})).status).toBe(400);
  const done = await (await client.post('/staff/security/totp/confirm', { code: totpCode(secret, fixture.now) })).text();
  const recovery = [...done.matchAll(/<li>([A-Z2-7]{5}-[A-Z2-7]{5})<\/li>/g)].map((m) => m[1]!);
  return { secret, recovery };
}

/** Posts a code on the code form, keeping the fresh CSRF value each drawing of the form carries. */
async function postCode(client: StaffClient, code: string): Promise<number> {
  const res = await client.post('/staff/login/code', { code });
  const token = /name="_csrf" value="([^"]+)"/.exec(await res.text());
  if (token) client.csrf = token[1]!;
  return res.status;
}

/** Password, then the code form: returns the client holding the pending login. */
async function passwordStep(fixture: StaffServerFixture, credentials: { email: string; password: string }, client = new StaffClient(fixture.server.url)) {
  const res = await client.login(credentials);
  const html = await res.text();
  client.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? client.csrf;
  return { client, res, html };
}

describe('TOTP second factor', () => {
  const fixture = useStaffServer(beforeEach, afterEach, { throttle: policy });

  it('switches off only with a current code: an empty or wrong one is refused', async () => {
    const agent = new StaffClient(fixture.server.url);
    expect((await agent.login(agentLogin)).status).toBe(303);
    const { secret } = await enrol(fixture, agent);
    await agent.page('/staff/security');
    expect((await agent.post('/staff/security/totp/remove', {})).status).toBe(400);
    expect((await agent.post('/staff/security/totp/remove', { code: '000000' })).status).toBe(400);
    const stored = await fixture.database.prisma.staffUser.findUniqueOrThrow({ where: { email: agentLogin.email }, select: { totpSecret: true } });
    expect(stored.totpSecret).not.toBeNull();
    const removed = await agent.post('/staff/security/totp/remove', { code: totpCode(secret, new Date(fixture.now.getTime() + 30_000)) });
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe('/staff/security?ok=removed');
  });

  it('enrols with a key shown once, then asks every login for a code, each good once', async () => {
    const agent = new StaffClient(fixture.server.url);
    const other = new StaffClient(fixture.server.url);
    expect((await agent.login(agentLogin)).status).toBe(303);
    expect((await other.login(agentLogin)).status).toBe(303);
    const { secret, recovery } = await enrol(fixture, agent);
    expect(recovery).toHaveLength(10);
    // Stored sealed: the database alone (a dump, a backup) does not hold the key.
    const stored = await fixture.database.prisma.staffUser.findUniqueOrThrow({ where: { email: agentLogin.email }, select: { totpSecret: true, totpPendingSecret: true } });
    expect(stored.totpSecret).toMatch(/^sealed:v1:/);
    expect(stored.totpSecret).not.toContain(secret);
    expect(stored.totpPendingSecret).toBeNull();
    // The key is not shown again, and only its owner's session survived the change.
    const security = (await agent.page('/staff/security')).html;
    expect(security).not.toContain(secret);
    expect(security).toContain('Xác thực hai lớp đang bật từ');
    expect(security).toContain('Còn 10 mã khôi phục chưa dùng.');
    expect((await other.request('/staff/inbox')).status).toBe(303);
    expect(await fixture.database.prisma.auditLog.count({ where: { action: 'staff.totp.enable', target: agentLogin.email } })).toBe(1);

    // The right password alone opens nothing: a code form, and no session.
    fixture.now = new Date(fixture.now.getTime() + 60_000);
    const first = await passwordStep(fixture, agentLogin);
    expect(first.res.status).toBe(200);
    expect(first.html).toContain('autocomplete="one-time-code"');
    expect((await first.client.request('/staff/inbox')).status).toBe(303);
    const code = totpCode(secret, fixture.now);
    expect(await postCode(first.client, code)).toBe(303);
    expect((await first.client.request('/staff/inbox')).status).toBe(200);

    // The same code again (seen over a shoulder, or by a phishing proxy) is refused.
    const replay = await passwordStep(fixture, agentLogin);
    expect(await postCode(replay.client, code)).toBe(401);
    // A recovery code works, once.
    expect(await postCode(replay.client, recovery[0]!.toLowerCase())).toBe(303);
    const again = await passwordStep(fixture, agentLogin);
    expect(await postCode(again.client, recovery[0]!)).toBe(401);
    const logins = await fixture.database.prisma.auditLog.findMany({ where: { action: 'staff.login', actor: agentLogin.email }, orderBy: { createdAt: 'asc' } });
    expect(logins.map((l) => JSON.parse(l.detail).secondFactor ?? 'password')).toEqual(['password', 'password', 'totp', 'recovery']);
  });

  it('takes a key stored in clear before sealing, and seals it at its first use', async () => {
    const agent = new StaffClient(fixture.server.url);
    expect((await agent.login(agentLogin)).status).toBe(303);
    const { secret } = await enrol(fixture, agent);
    await fixture.database.prisma.staffUser.update({ where: { email: agentLogin.email }, data: { totpSecret: secret, totpLastStep: null } });
    fixture.now = new Date(fixture.now.getTime() + 60_000);
    const step = await passwordStep(fixture, agentLogin);
    expect(await postCode(step.client, totpCode(secret, fixture.now))).toBe(303);
    const stored = await fixture.database.prisma.staffUser.findUniqueOrThrow({ where: { email: agentLogin.email }, select: { totpSecret: true } });
    expect(stored.totpSecret).toMatch(/^sealed:v1:/);
  });

  it('counts code guesses against the login limits: a known password does not reset them', async () => {
    const agent = new StaffClient(fixture.server.url);
    await agent.login(agentLogin);
    await enrol(fixture, agent);
    const passwords: number[] = [];
    const codes: number[] = [];
    for (let round = 0; round < 3; round++) {
      const step = await passwordStep(fixture, agentLogin);
      passwords.push(step.res.status);
      for (let i = 0; i < 3; i++) codes.push(await postCode(step.client, String(100000 + round * 10 + i)));
    }
    // The right password (1) and two wrong codes use up the pair's 3; the third code is refused
    // unchecked, and so are the next right passwords: no new code form to guess on.
    expect(passwords).toEqual([200, 429, 429]);
    expect(codes.slice(0, 3)).toEqual([401, 401, 429]);
    expect(await fixture.database.prisma.auditLog.count({ where: { action: 'staff.login.failed', detail: { contains: 'second_factor' } } })).toBe(2);
  });

  it('a code form left for five minutes asks for the password again', async () => {
    const agent = new StaffClient(fixture.server.url);
    await agent.login(agentLogin);
    const { secret } = await enrol(fixture, agent);
    const step = await passwordStep(fixture, agentLogin);
    fixture.now = new Date(fixture.now.getTime() + 5 * 60_000 + 1000);
    const late = await step.client.post('/staff/login/code', { code: totpCode(secret, fixture.now) });
    expect(late.status).toBe(401);
    expect(await late.text()).toContain('name="password"');
  });

  it('an admin removes the factor of someone who lost their phone, ending their sessions, audited', async () => {
    const agent = new StaffClient(fixture.server.url);
    await agent.login(agentLogin);
    await enrol(fixture, agent);
    const admin = new StaffClient(fixture.server.url);
    await admin.login(adminLogin);
    const accounts = await admin.page('/staff/accounts');
    const id = /action="\/staff\/accounts\/([^/]+)\/second-factor\/remove"/.exec(accounts.html)![1]!;
    expect((await admin.post(`/staff/accounts/${id}/second-factor/remove`, {})).headers.get('location')).toBe('/staff/accounts?ok=secondFactorRemoved');
    expect((await agent.request('/staff/inbox')).status).toBe(303);
    expect((await new StaffClient(fixture.server.url).login(agentLogin)).status).toBe(303);
    expect(await fixture.database.prisma.auditLog.count({ where: { action: 'staff.totp.reset', actor: adminLogin.email, target: agentLogin.email } })).toBe(1);
  });
});

describe('second factor required of admins (STAFF_TOTP_REQUIRED_FOR_ADMINS)', () => {
  const fixture = useStaffServer(beforeEach, afterEach, { throttle: policy, totpRequiredForAdmins: true });

  it('sends an admin without one to set it up, and lets nothing else through until then; agents may choose', async () => {
    const admin = new StaffClient(fixture.server.url);
    expect((await admin.login(adminLogin)).status).toBe(303);
    const inbox = await admin.request('/staff/inbox');
    expect(inbox.status).toBe(303);
    expect(inbox.headers.get('location')).toBe('/staff/security?required=1');
    await admin.page('/staff/security');
    expect((await admin.post('/staff/accounts', { email: 'new@hoibvntd.vn', password: 'mot cau rat dai de nho', role: 'admin' })).status).toBe(403);
    expect(await fixture.database.prisma.staffUser.count({ where: { email: 'new@hoibvntd.vn' } })).toBe(0);
    await enrol(fixture, admin);
    expect((await admin.request('/staff/accounts')).status).toBe(200);
    const agent = new StaffClient(fixture.server.url);
    await agent.login(agentLogin);
    expect((await agent.request('/staff/inbox')).status).toBe(200);
  });
});

describe('unlocking an account strangers throttled', () => {
  const fixture = useStaffServer(beforeEach, afterEach, { throttle: policy, trustedProxies: ['127.0.0.1'] });

  it('lets the real person in from a new browser at once, and is audited', async () => {
    // A stranger guesses the agent's password from twelve addresses: the account's own limit is used up.
    for (let i = 0; i < 12; i++) {
      const stranger = new StaffClient(fixture.server.url);
      await stranger.page('/staff/login');
      await stranger.request('/staff/login', { method: 'POST', body: new URLSearchParams({ ...agentLogin, password: `guess ${i} guess`, _csrf: stranger.csrf }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': `10.7.0.${i}` } });
    }
    const newLaptop = () => {
      const client = new StaffClient(fixture.server.url);
      return client.page('/staff/login').then(() => client.request('/staff/login', { method: 'POST', body: new URLSearchParams({ ...agentLogin, _csrf: client.csrf }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '10.8.0.1' } }));
    };
    expect((await newLaptop()).status).toBe(429);
    const admin = new StaffClient(fixture.server.url);
    await admin.login(adminLogin);
    const accounts = await admin.page('/staff/accounts');
    expect(accounts.html).toContain('Đang bị chặn đăng nhập');
    const row = accounts.html.split('<tr>').find((r) => r.includes(agentLogin.email))!;
    const id = /action="\/staff\/accounts\/([^/]+)\/unlock"/.exec(row)![1]!;
    expect((await admin.post(`/staff/accounts/${id}/unlock`, {})).headers.get('location')).toBe('/staff/accounts?ok=unlocked');
    expect((await newLaptop()).status).toBe(303);
    expect(await fixture.database.prisma.auditLog.count({ where: { action: 'staff.unlock', actor: adminLogin.email, target: agentLogin.email } })).toBe(1);
    // The guesses stay on record.
    expect(await fixture.database.prisma.loginAttempt.count({ where: { email: agentLogin.email, cleared: true } })).toBe(12);
  });

  it('says the account is not found for an id no account has, and unlocks nothing', async () => {
    const admin = new StaffClient(fixture.server.url);
    await admin.login(adminLogin);
    await admin.page('/staff/accounts');
    expect((await admin.post('/staff/accounts/no-such-account/unlock', {})).headers.get('location')).toBe('/staff/accounts?error=account.notFound');
    expect(await fixture.database.prisma.auditLog.count({ where: { action: 'staff.unlock' } })).toBe(0);
  });
});
