import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminLogin, agentLogin, StaffClient, useStaffServer } from '../support/staff-server.ts';

// Item 1: login limits that cannot be raced, that a stranger cannot use to lock the real person out,
// that believe X-Forwarded-For only from a configured proxy, and whose refusals do not flood the audit log.
const policy = { perEmailAndIp: 3, perIp: 20, perAccount: 10, windowMs: 15 * 60_000 };
const behindProxy = useStaffServer(beforeEach, afterEach, { throttle: policy, trustedProxies: ['127.0.0.1'] });

/** A client that has loaded the form (its CSRF cookie) and posts from `address` through the proxy. */
async function attempt(email: string, password: string, address?: string, client = new StaffClient(behindProxy.server.url)): Promise<{ client: StaffClient; send: () => Promise<Response> }> {
  await client.page('/staff/login');
  const body = new URLSearchParams({ email, password, _csrf: client.csrf });
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', ...(address ? { 'X-Forwarded-For': address } : {}) };
  return { client, send: () => client.request('/staff/login', { method: 'POST', body, headers }) };
}
const audit = async (action: string) => (await behindProxy.database.prisma.auditLog.findMany({ where: { action } })).length;

describe('login throttling', () => {
  it('checks at most the limit of 60 simultaneous wrong passwords for one account and address, and audits the refusals once', async () => {
    const prepared = await Promise.all(Array.from({ length: 60 }, () => attempt(adminLogin.email, 'wrong password 123')));
    const statuses = (await Promise.all(prepared.map((p) => p.send()))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(57);
    expect(await audit('staff.login.failed')).toBe(3);
    expect(await audit('staff.login.throttled')).toBe(1);
  });

  it('lets 39 wrong guesses sent with the right one check only the limit', async () => {
    const guesses = await Promise.all([...Array.from({ length: 39 }, () => attempt(adminLogin.email, 'wrong password 123')), attempt(adminLogin.email, adminLogin.password)]);
    const statuses = (await Promise.all(guesses.map((g) => g.send()))).map((r) => r.status);
    const checked = statuses.filter((s) => s === 401 || s === 303).length;
    expect(checked).toBe(3);
  });

  it('limits one account over many addresses: 95 guesses from 19 addresses check at most the account limit', async () => {
    const guesses = await Promise.all(Array.from({ length: 95 }, (_, i) => attempt(adminLogin.email, `guess number ${i}`, `10.0.0.${i % 19}`)));
    const statuses = (await Promise.all(guesses.map((g) => g.send()))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(policy.perAccount);
    expect(await audit('staff.login.failed')).toBeLessThanOrEqual(policy.perAccount);
  });

  it('does not let a stranger lock the real admin out: a recognised device still signs in', async () => {
    // The admin signed in from this browser yesterday.
    const admin = new StaffClient(behindProxy.server.url);
    expect((await (await attempt(adminLogin.email, adminLogin.password, '10.1.1.1', admin)).send()).status).toBe(303);
    await admin.request('/staff/logout', { method: 'POST', body: new URLSearchParams({ _csrf: (await admin.page('/staff/inbox')) && admin.csrf }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    // A stranger behind the same office NAT floods the address and the account.
    for (let i = 0; i < 25; i++) await (await attempt(i % 2 ? adminLogin.email : agentLogin.email, `nope nope ${i}`, i < 12 ? '10.1.1.1' : `10.2.2.${i}`)).send();
    expect((await (await attempt(adminLogin.email, adminLogin.password, '10.1.1.1')).send()).status).toBe(429);
    expect((await (await attempt(adminLogin.email, adminLogin.password, '10.1.1.1', admin)).send()).status).toBe(303);
  });

  it('believes X-Forwarded-For only from a configured proxy, reading it from the right', async () => {
    // From the trusted proxy, each address has its own pair limit.
    for (const address of ['10.9.0.1', '10.9.0.2']) {
      for (let i = 0; i < 3; i++) expect((await (await attempt(agentLogin.email, 'wrong password 123', address)).send()).status).toBe(401);
    }
    // A client that writes its own X-Forwarded-For in front of the proxy's entry is still counted by the proxy's entry.
    const spoofed = await attempt(agentLogin.email, 'wrong password 123', '1.2.3.4, 10.9.0.1');
    expect((await spoofed.send()).status).toBe(429);
  });
});

describe('the audit page', () => {
  it('pages through the log, newest first, a hundred rows at a time', async () => {
    const base = behindProxy.now.getTime();
    await behindProxy.database.prisma.auditLog.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({ actor: `guess${i}@example.com`, action: 'staff.login.failed', target: '', detail: '{}', createdAt: new Date(base - (i + 1) * 1000) })),
    });
    const admin = new StaffClient(behindProxy.server.url);
    await (await attempt(adminLogin.email, adminLogin.password, '10.3.3.3', admin)).send();
    const first = await admin.page('/staff/audit?action=staff.login.failed');
    expect(first.html.match(/<tr class=/g)).toHaveLength(100);
    expect(first.html).toContain('guess0@example.com');
    const older = /href="(\/staff\/audit\?[^"]*before=[^"]+)"/.exec(first.html)?.[1]?.replace(/&amp;/g, '&');
    expect(older).toBeDefined();
    const second = await admin.page(older!);
    expect(second.html.match(/<tr class=/g)).toHaveLength(50);
    expect(second.html).toContain('guess149@example.com');
    expect(second.html).not.toContain('guess0@example.com<');
  });
});

describe('login throttling without a trusted proxy', () => {
  const direct = useStaffServer(beforeEach, afterEach, { throttle: policy });
  it('ignores X-Forwarded-For: a client cannot pick the address it is counted by', async () => {
    for (let i = 0; i < 4; i++) {
      const client = new StaffClient(direct.server.url);
      await client.page('/staff/login');
      const response = await client.request('/staff/login', {
        method: 'POST',
        body: new URLSearchParams({ email: agentLogin.email, password: 'wrong password 123', _csrf: client.csrf }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': `172.16.0.${i}` },
      });
      expect(response.status).toBe(i < 3 ? 401 : 429);
    }
  });
});
