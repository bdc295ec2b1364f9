import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../src/shared/secret-box.ts';
import type { Hono } from 'hono';
import { listen, createWebServer, type RunningServer } from '../../bot/web/web-server.ts';
import { createStaffApp, type StaffAppOptions } from '../../bot/staff/staff-app.ts';
import type { StaffDeps } from '../../bot/staff/staff-env.ts';
import { HandoffDesk } from '../../src/handoff/handoff-desk.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { LocalCalendar } from '../../src/shared/local-calendar.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { StaffAccounts } from '../../src/staff/staff-accounts.ts';
import { prismaStaffStores } from '../../src/storage/prisma-staff-stores.ts';
import type { ReportIssuer } from '../../src/staff/yearly-report.ts';
import type { Db } from '../../src/storage/database.ts';
import { PrismaAuditLog } from '../../src/storage/prisma-audit-log.ts';
import { PrismaCannedReplies } from '../../src/storage/prisma-canned-replies.ts';
import { PrismaHandoffDeskStore } from '../../src/storage/prisma-handoff-desk-store.ts';
import { PrismaProactiveMessages } from '../../src/storage/prisma-proactive-messages.ts';
import { openTempDatabase, type TempDatabase } from './temp-database.ts';

export const adminLogin = { email: 'admin@hoibvntd.vn', password: 'quan-tri-vien-2026' };
export const agentLogin = { email: 'agent@hoibvntd.vn', password: 'nhan-vien-2026!' };

/** The unit named on the yearly report in tests: the defaults for Khánh Hòa. */
export const testIssuer: ReportIssuer = { name: 'Hội Bảo vệ quyền lợi người tiêu dùng Khánh Hòa', parent: null, province: 'Khánh Hòa', recipient: 'Sở Công Thương Khánh Hòa', signerTitle: 'Chủ tịch', signerName: null };

/** What the console's routes receive, built over a test database as the composition root builds it. */
/** The tests' key for sealing TOTP secrets: one per run, as a key file would be per data directory. */
export const testSecrets = new SecretBox(randomBytes(32));

export function staffDeps(db: Db, clock: Clock): StaffDeps {
  const translators = createTranslators();
  const staffStores = prismaStaffStores(db);
  return { staffStores, staffAccounts: new StaffAccounts(staffStores.accounts), audit: new PrismaAuditLog(db), desk: new HandoffDesk(new PrismaHandoffDeskStore(db), translators), cannedReplies: new PrismaCannedReplies(db), proactive: new PrismaProactiveMessages(db), translators, clock, logger: silentLogger, timeZone: 'Asia/Ho_Chi_Minh', calendar: new LocalCalendar('Asia/Ho_Chi_Minh'), secureCookies: false };
}

/** The console on a loopback port over the given database, with one admin and one agent. */
export async function startStaffServer(db: Db, clock: Clock, options: Partial<StaffAppOptions> = {}, extraMounts: { path: string; app: Hono }[] = []): Promise<RunningServer> {
  const accounts = new StaffAccounts(prismaStaffStores(db).accounts);
  if (!(await db.staffUser.findUnique({ where: { email: adminLogin.email } }))) {
    await accounts.create({ ...adminLogin, role: 'admin' }, 'test', clock.now());
    await accounts.create({ ...agentLogin, role: 'agent' }, 'test', clock.now());
  }
  const staff = createStaffApp({ ...staffDeps(db, clock), ...options, secrets: options.secrets ?? testSecrets });
  return listen(createWebServer({ logger: silentLogger, mounts: [...extraMounts, { path: '/staff', app: staff }] }), 0, '127.0.0.1');
}

/** A browser-like client: keeps cookies, reads CSRF tokens from pages, never follows redirects. */
export class StaffClient {
  private readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (value === '' || /Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async page(path: string): Promise<{ status: number; html: string }> {
    const res = await this.request(path);
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html);
    if (token) this.csrf = token[1]!;
    return { status: res.status, html };
  }

  post(path: string, fields: Record<string, string>, csrf: string | null = this.csrf): Promise<Response> {
    const body = new URLSearchParams(csrf === null ? fields : { ...fields, _csrf: csrf });
    return this.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  }

  async login(credentials: { email: string; password: string }): Promise<Response> {
    await this.page('/staff/login');
    return this.post('/staff/login', credentials);
  }
}

/** A staff console on a temporary database per test, with a clock the test moves; hooks registered by the caller's describe. */
export interface StaffServerFixture {
  readonly database: TempDatabase;
  readonly server: RunningServer;
  now: Date;
}

export function useStaffServer(beforeEachHook: (fn: () => Promise<void>) => void, afterEachHook: (fn: () => Promise<void>) => void, options: Partial<StaffAppOptions> = { throttle: { perEmailAndIp: 3, perIp: 20, perAccount: 10, windowMs: 15 * 60_000 } }): StaffServerFixture {
  const fixture = { now: new Date('2026-11-23T10:00:00+07:00') } as { database: TempDatabase; server: RunningServer; now: Date };
  const clock: Clock = { now: () => fixture.now };
  beforeEachHook(async () => {
    fixture.now = new Date('2026-11-23T10:00:00+07:00');
    fixture.database = await openTempDatabase();
    fixture.server = await startStaffServer(fixture.database.prisma, clock, options);
  });
  afterEachHook(async () => {
    await fixture.server.close();
    await fixture.database.dispose();
  });
  return fixture;
}
