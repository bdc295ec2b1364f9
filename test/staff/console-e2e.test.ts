import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffConsole } from '../../bot/staff/staff-console.ts';
import { TelegramChannel } from '../../bot/telegram/telegram-channel.ts';
import { createWebServer, listen, type RunningServer } from '../../bot/web/web-server.ts';
import { ComplaintRepository } from '../../src/complaints/complaint-repository.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { StaffAccounts } from '../../src/staff/staff-accounts.ts';
import { PrismaInboundJournal } from '../../src/storage/prisma-inbound-journal.ts';
import { PrismaOutbox } from '../../src/storage/prisma-outbox.ts';
import { hasChromium, launchChromium, viewports } from '../support/browser.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';
import { eventually } from '../support/eventually.ts';
import { FakeTelegramServer } from '../support/fake-telegram-server.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

/** Screenshots of every console page, kept for a person to look at (the path is printed). */
const shots = path.join(os.tmpdir(), 'bvntd-console-screenshots');
const admin = { email: 'admin@hoibvntd.vn', password: 'quan-tri-vien-2026' };
const chatId = 424_242;

describe.runIf(hasChromium)('staff console in a real browser', () => {
  let app: TestApp;
  let telegram: FakeTelegramServer;
  let channel: TelegramChannel;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    app = await createTestApp();
    telegram = new FakeTelegramServer();
    await telegram.listen();
    channel = new TelegramChannel({
      token: telegram.token,
      apiRoot: telegram.url,
      handle: (m) => app.engine.handle(m),
      journal: new PrismaInboundJournal(app.db),
      outbox: new PrismaOutbox(app.db),
      translators: app.translators,
      clock: systemClock,
      logger: silentLogger,
      hotline: '1800.6838',
      typingDelayMs: 0,
      pollingTimeoutSeconds: 1,
      outboxIntervalMs: 50,
    });
    await channel.start();
    server = await listen(createWebServer({ logger: silentLogger, mounts: [{ path: '/staff', app: staffConsole(app) }] }), 0, '127.0.0.1');
    await new StaffAccounts(app.db).create({ ...admin, role: 'admin' }, 'test', app.clock.now());
    // A complaint the business is negotiating, filed this year (the test app's clock is 23/11/2026).
    const complaints = new ComplaintRepository(app.db);
    await complaints.create(complaintRecord({ narrative: 'Nồi hỏng <script>alert(1)</script> sau 3 tuần.' }), null);
    for (const status of ['acknowledged', 'sent_to_business', 'negotiating'] as const) {
      await complaints.transition('KN-20261120-7QH2D', status, { actor: admin.email, now: new Date('2026-11-21T09:00:00+07:00') });
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: viewports.laptop });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await channel?.stop();
    await telegram?.close();
    await app?.dispose();
    process.stdout.write(`console screenshots: ${shots}\n`);
  });

  const shoot = async (name: string) => {
    await page.screenshot({ path: path.join(shots, `${name}-laptop.png`), fullPage: true });
    await page.setViewportSize(viewports.phone);
    await page.screenshot({ path: path.join(shots, `${name}-phone.png`), fullPage: true });
    await page.setViewportSize(viewports.laptop);
  };
  const resolvedCount = async () => Number(await page.locator('[data-kpi="Tỷ lệ giải quyết thành công"]').evaluate((el) => el.parentElement!.querySelector('.small')!.textContent!.match(/\d+/)![0]));

  it('logs in, answers an escalated Telegram chat, closes it, resolves a complaint and exports CSV', async () => {
    // A consumer asks for a person on the fake Telegram server.
    telegram.sendText(chatId, 'cho tôi gặp nhân viên', { from: { id: chatId, is_bot: false, first_name: 'Lan' } });
    const [ack] = await telegram.waitForSent(chatId, 1);
    expect(ack!.text).toContain('vị trí thứ 1');

    await page.goto(`${server.url}/staff/inbox`);
    expect(page.url()).toBe(`${server.url}/staff/login`);
    await shoot('01-login');
    await page.fill('input[name=email]', admin.email);
    await page.fill('input[name=password]', admin.password);
    await Promise.all([page.waitForURL('**/staff/inbox'), page.click('button[type=submit]')]);
    await expect(page.locator('.list .item').first().textContent()).resolves.toContain('Telegram');
    await shoot('02-inbox');

    await Promise.all([page.waitForURL('**/staff/inbox/*'), page.click('.list .item a')]);
    await expect(page.locator('.transcript').textContent()).resolves.toContain('cho tôi gặp nhân viên');
    await page.fill('textarea[name=text]', 'Chào chị Lan, em là nhân viên Hội. Chị gửi giúp em ảnh hóa đơn nhé.');
    await Promise.all([page.waitForURL('**ok=sent'), page.click('form.reply button[type=submit]')]);
    await shoot('03-chat');
    await eventually(() => expect(telegram.sentTo(chatId).map((m) => m.text)).toContain('Chào chị Lan, em là nhân viên Hội. Chị gửi giúp em ảnh hóa đơn nhé.'));

    await Promise.all([page.waitForURL('**/staff/inbox?ok=closed'), page.click('form.close button')]);
    await eventually(() => expect(telegram.sentTo(chatId).at(-1)!.text).toContain('Nhân viên đã kết thúc'));
    expect((await app.db.conversation.findFirstOrThrow({ where: { channel: 'telegram' } })).state).toBe('idle');

    await page.goto(`${server.url}/staff/dashboard`);
    const before = await resolvedCount();
    await page.goto(`${server.url}/staff/complaints?status=negotiating`);
    await shoot('04-complaints');
    await Promise.all([page.waitForURL('**/staff/complaints/KN-*'), page.click('a[href="/staff/complaints/KN-20261120-7QH2D"]')]);
    await expect(page.locator('.narrative').first().textContent()).resolves.toContain('<script>alert(1)</script>');
    await shoot('05-complaint');
    await page.selectOption('select[name=status]', 'resolved_monetary');
    await page.fill('form.reply textarea[name=note]', 'Cửa hàng đã hoàn tiền 2.490.000 đ.');
    await Promise.all([page.waitForURL('**ok=statusChanged'), page.click('form.reply button[type=submit]')]);
    await page.goto(`${server.url}/staff/dashboard`);
    expect(await resolvedCount()).toBe(before + 1);
    // Chart.js marks every canvas it drew on; the page has four charts.
    await page.waitForFunction("typeof Chart !== 'undefined' && [...document.querySelectorAll('canvas')].filter((c) => Chart.getChart(c)).length === 4");
    await shoot('06-dashboard');

    await page.goto(`${server.url}/staff/complaints`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href^="/staff/complaints.csv"]')]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('reference,status,channel');
    expect(csv).toContain('KN-20261120-7QH2D,resolved_monetary');
    // No consent to share with agencies: the phone and e-mail leave the console masked.
    expect(csv).toContain('09******78');
    expect(csv).not.toContain('0912345678');

    for (const [name, url] of [['07-programme', '/staff/programme'], ['08-directory', '/staff/directory'], ['09-holidays', '/staff/holidays'], ['10-audit', '/staff/audit'], ['11-accounts', '/staff/accounts']] as const) {
      await page.goto(`${server.url}${url}`);
      await shoot(name);
    }
    const audit = await page.goto(`${server.url}/staff/audit`).then(() => page.locator('table.audit').textContent());
    for (const action of ['Trả lời người dùng', 'Kết thúc hỗ trợ', 'Đổi trạng thái khiếu nại', 'Xuất CSV khiếu nại', 'Đăng nhập']) expect(audit).toContain(action);
  });
});
