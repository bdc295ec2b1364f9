import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoSeed } from '../../scripts/demo-seed.ts';
import type { RunningServer } from '../../bot/web/web-server.ts';
import { PrismaStaffAccounts } from '../../src/storage/prisma-staff-accounts.ts';
import { PrismaDemoData } from '../../src/storage/prisma-demo-data.ts';
import { clearDemoData, isDemoDatabase, markDemoDatabase, NotADemoDatabaseError } from '../../src/staff/demo-database.ts';
import { StaffAccounts } from '../../src/staff/staff-accounts.ts';
import { knowledgeDir } from '../support/knowledge.ts';
import { adminLogin, StaffClient, startStaffServer } from '../support/staff-server.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';

// Item 3: demo:seed runs only with --demo, never writes into a database holding real records unless it
// is marked as a demo, marks the database, prints random passwords, and the console shows DEMO DATA.
const now = new Date('2026-11-23T10:00:00+07:00');
const opened: TempDatabase[] = [];
const fresh = async () => {
  const db = await openTempDatabase();
  opened.push(db);
  return db;
};
afterAll(async () => {
  for (const db of opened) await db.dispose();
});

async function seed(db: TempDatabase, args: string[]) {
  let out = '';
  let err = '';
  const code = await runDemoSeed(args, { databaseUrl: db.url, knowledgeDir, now, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const printedPasswords = (out: string) => [...out.matchAll(/^ {2}(admin|agent) {2}(\S+@\S+) {2}(\S+)$/gm)].map((m) => ({ role: m[1]!, email: m[2]!, password: m[3]! }));

describe('demo:seed guards', () => {
  it('does nothing without --demo', async () => {
    const db = await fresh();
    const run = await seed(db, []);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--demo');
    expect(await db.prisma.conversation.count()).toBe(0);
    expect(await db.prisma.staffUser.count()).toBe(0);
    expect(await isDemoDatabase(new PrismaDemoData(db.prisma))).toBe(false);
  });

  it('refuses a chosen admin password: the accounts get random ones', async () => {
    const db = await fresh();
    const run = await seed(db, ['--demo', '--admin-password', 'demo-mat-khau-2026']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--admin-password is refused');
    expect(await db.prisma.staffUser.count()).toBe(0);
  });

  it('refuses a database that holds real records and is not marked as a demo, and leaves it as it was', async () => {
    const db = await fresh();
    await new StaffAccounts(new PrismaStaffAccounts(db.prisma)).create({ ...adminLogin, role: 'admin' }, 'cli', now);
    const before = { users: await db.prisma.staffUser.findMany(), audit: await db.prisma.auditLog.count() };
    const run = await seed(db, ['--demo']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('not marked as a demo');
    expect(run.err).toContain('1 staff accounts');
    expect(await db.prisma.staffUser.findMany()).toEqual(before.users);
    expect(await db.prisma.auditLog.count()).toBe(before.audit);
    expect(await db.prisma.conversation.count()).toBe(0);
    expect(await isDemoDatabase(new PrismaDemoData(db.prisma))).toBe(false);
    await expect(clearDemoData(new PrismaDemoData(db.prisma))).rejects.toThrow(NotADemoDatabaseError);
    expect(await db.prisma.staffUser.count()).toBe(1);
  });

  it('clears only a database marked as a demo', async () => {
    const db = await fresh();
    await new StaffAccounts(new PrismaStaffAccounts(db.prisma)).create({ ...adminLogin, role: 'admin' }, 'demo-seed', now);
    await db.prisma.conversation.create({ data: { channel: 'web', externalId: 'demo-web-1' } });
    await markDemoDatabase(new PrismaDemoData(db.prisma), now);
    await clearDemoData(new PrismaDemoData(db.prisma));
    expect(await db.prisma.staffUser.count()).toBe(0);
    expect(await db.prisma.conversation.count()).toBe(0);
    expect(await isDemoDatabase(new PrismaDemoData(db.prisma))).toBe(true);
  });
});

describe('a demo database', () => {
  let db: TempDatabase;
  let first: { code: number; out: string; err: string };
  let server: RunningServer;

  beforeAll(async () => {
    db = await fresh();
    first = await seed(db, ['--demo', '--seed', '7']);
    server = await startStaffServer(db.prisma, { now: () => now });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('is marked as a demo and gets random passwords, printed once', async () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(await isDemoDatabase(new PrismaDemoData(db.prisma))).toBe(true);
    expect((await db.prisma.setting.findUniqueOrThrow({ where: { key: 'demo' } })).value).toBe('true');
    const accounts = printedPasswords(first.out);
    expect(accounts.map((a) => a.role)).toEqual(['admin', 'agent']);
    const [admin, agent] = accounts;
    expect(admin!.password).not.toBe(agent!.password);
    for (const { password } of accounts) {
      expect(password).not.toContain('demo-mat-khau');
      expect(password.length).toBeGreaterThanOrEqual(16);
    }
    expect((await new StaffClient(server.url).login({ email: admin!.email, password: admin!.password })).status).toBe(303);
    expect((await new StaffClient(server.url).login({ email: admin!.email, password: 'demo-mat-khau-2026' })).status).toBe(401);
  });

  it('shows a DEMO DATA banner on every page, the login form included', async () => {
    const [admin] = printedPasswords(first.out);
    const anonymous = new StaffClient(server.url);
    expect((await anonymous.page('/staff/login')).html).toContain('DEMO DATA');
    const client = new StaffClient(server.url);
    await client.login(admin!);
    for (const path of ['/staff/inbox', '/staff/accounts', '/staff/audit', '/staff/password']) {
      const { status, html } = await client.page(path);
      expect(status, path).toBe(200);
      expect(html, path).toMatch(/<body>\s*<div class="demo-banner" role="alert"><strong>DEMO DATA<\/strong>/);
      expect(html, path).toContain('Dữ liệu mẫu');
    }
    // Not on files or JSON.
    expect(await (await client.request('/staff/assets/console.css')).text()).not.toContain('DEMO DATA');
    expect(await (await client.request('/staff/inbox/api/state')).text()).not.toContain('DEMO DATA');
  });

  it('may be seeded again, with new passwords', { timeout: 120_000 }, async () => {
    const again = await seed(db, ['--demo', '--seed', '7']);
    expect(again.code).toBe(0);
    const [before] = printedPasswords(first.out);
    const [after] = printedPasswords(again.out);
    expect(after!.password).not.toBe(before!.password);
    expect(await db.prisma.staffUser.count()).toBe(2);
    expect((await new StaffClient(server.url).login(before!)).status).toBe(401);
    expect((await new StaffClient(server.url).login(after!)).status).toBe(303);
  });
});

describe('a real database', () => {
  it('shows no banner', async () => {
    const db = await fresh();
    const server = await startStaffServer(db.prisma, { now: () => now });
    try {
      const client = new StaffClient(server.url);
      expect((await client.page('/staff/login')).html).not.toContain('DEMO DATA');
      await client.login(adminLogin);
      expect((await client.page('/staff/inbox')).html).not.toContain('demo-banner');
    } finally {
      await server.close();
    }
  });
});
