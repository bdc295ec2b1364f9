import { mkdir, readFile } from 'node:fs/promises';
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
import { accessibilityViolations } from '../support/axe.ts';
import { measureWidth, type PhoneWidth } from '../support/page-width.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';
import { eventually } from '../support/eventually.ts';
import { FakeTelegramServer } from '../support/fake-telegram-server.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { PrismaComplaintStore } from '../../src/storage/prisma-complaint-store.ts';

/** Screenshots of every console page, kept for a person to look at (the path is printed; test-results/ is gitignored). */
const shots = path.resolve('test-results/console-screenshots');
const admin = { email: 'admin@hoibvntd.vn', password: 'quan-tri-vien-2026' };
const agent = { email: 'agent@hoibvntd.vn', password: 'nhan-vien-hoi-2026' };
const chatId = 424_242;


/** Of the selectors (the first element of each, or the first containing the text), those wholly inside the window. */
const onScreen = (selectors: string[], text?: string) => `${JSON.stringify(selectors)}.filter((selector) => {
  const el = [...document.querySelectorAll(selector)].find((e) => e.textContent.includes(${JSON.stringify(text ?? '')}));
  const box = el && el.getBoundingClientRect();
  return !!box && box.top >= 0 && box.bottom <= window.innerHeight;
})`;

describe.runIf(hasChromium)('staff console in a real browser', () => {
  let app: TestApp;
  let telegram: FakeTelegramServer;
  let channel: TelegramChannel;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  /** The same session on a phone: each page is opened there afresh at 390 px, as a phone would load it. */
  let phone: Page;

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
      instanceId: 'test-instance',
      leases: app.leases,
      logger: silentLogger,
      hotline: '1800.6838',
      typingDelayMs: 0,
      pollingTimeoutSeconds: 1,
      outboxIntervalMs: 50,
    });
    await channel.start();
    server = await listen(createWebServer({ logger: silentLogger, mounts: [{ path: '/staff', app: staffConsole(app) }] }), 0, '127.0.0.1');
    await new StaffAccounts(app.staffStores.accounts).create({ ...admin, role: 'admin' }, 'test', app.clock.now());
    await new StaffAccounts(app.staffStores.accounts).create({ ...agent, role: 'agent' }, 'test', app.clock.now());
    // A complaint the business is negotiating, filed this year (the test app's clock is 23/11/2026).
    const complaints = new ComplaintRepository(new PrismaComplaintStore(app.db));
    await complaints.create(complaintRecord({ narrative: 'Nồi hỏng <script>alert(1)</script> sau 3 tuần.' }), null);
    for (const status of ['acknowledged', 'sent_to_business', 'negotiating'] as const) {
      await complaints.transition('KN-20261120-7QH2D', status, { actor: admin.email, now: new Date('2026-11-21T09:00:00+07:00') });
    }
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: viewports.laptop });
    page = await context.newPage();
    phone = await context.newPage();
    await phone.setViewportSize(viewports.phone);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await channel?.stop();
    await telegram?.close();
    await app?.dispose();
    process.stdout.write(`console screenshots: ${shots}\n`);
    process.stdout.write(`at ${viewports.phone.width} px: ${JSON.stringify(onPhone)}\n`);
  });

  const onPhone: Record<string, PhoneWidth> = {};
  /** Serious and critical WCAG A/AA violations axe-core finds on each page shot. */
  const a11y: Record<string, string[]> = {};
  const shoot = async (name: string) => {
    await page.screenshot({ path: path.join(shots, `${name}-laptop.png`), fullPage: true });
    a11y[name] = await accessibilityViolations(page);
    await phone.goto(page.url());
    onPhone[name] = await phone.evaluate<PhoneWidth>(measureWidth);
    await phone.screenshot({ path: path.join(shots, `${name}-phone.png`), fullPage: true });
  };
  const resolvedCount = async () => Number(await page.locator('[data-kpi="Tỷ lệ giải quyết thành công"]').evaluate((el) => el.parentElement!.querySelector('.small')!.textContent!.match(/\d+/)![0]));

  // Fourteen pages opened twice (laptop and phone), with screenshots: more than the default 30 s on a busy two-core machine.
  it('logs in, answers an escalated Telegram chat, closes it, resolves a complaint and exports CSV', async () => {
    // A consumer asks for a person on the fake Telegram server.
    telegram.sendText(chatId, 'cho tôi gặp nhân viên', { from: { id: chatId, is_bot: false, first_name: 'Lan' } });
    const [ack] = await telegram.waitForSent(chatId, 1);
    expect(ack!.text).toContain('vị trí thứ 1');

    await page.goto(`${server.url}/staff/inbox`);
    expect(page.url()).toBe(`${server.url}/staff/login`);
    await shoot('01-login');
    // The phone's copy of the form took the login cookie: the laptop draws a fresh form.
    await page.reload();
    await page.fill('input[name=email]', admin.email);
    await page.fill('input[name=password]', admin.password);
    await Promise.all([page.waitForURL('**/staff/inbox'), page.click('button[type=submit]')]);
    await expect(page.locator('.list .item').first().textContent()).resolves.toContain('Telegram');
    await shoot('02-inbox');

    // An earlier conversation, longer than a page of the chat (200 messages), so the page scrolls and links to older ones.
    const conversation = await app.db.conversation.findFirstOrThrow({ where: { channel: 'telegram' } });
    const earlier = Date.parse('2026-11-01T08:00:00+07:00');
    await app.db.message.createMany({ data: Array.from({ length: 240 }, (_, i) => ({ conversationId: conversation.id, direction: i % 2 ? 'out' : 'in', text: `Tin trước đó số ${i + 1}.`, createdAt: new Date(earlier + i * 60_000) })) });

    await Promise.all([page.waitForURL('**/staff/inbox/*'), page.click('.list .item a')]);
    await expect(page.locator('.transcript').textContent()).resolves.toContain('cho tôi gặp nhân viên');
    await page.fill('#reply-text', 'Chào chị Lan, em là nhân viên Hội. Chị gửi giúp em ảnh hóa đơn nhé.');
    await Promise.all([page.waitForURL('**ok=sent'), page.click('form.reply button[type=submit]')]);
    // After the reply the page is at its end: the reply just sent, the outcome and the reply box are on screen.
    const chatEnd = ['.transcript .msg:last-child', '.flash', '#reply-text', 'details.close summary'];
    const inView = (p: Page) => p.evaluate<string[]>(onScreen(chatEnd));
    // (The console's clock is the test app's fixed 23/11, the Telegram side's is today's: the reply sorts just before the request.)
    const replyShown = async (p: Page) => (await p.evaluate<string[]>(onScreen(['.transcript .msg'], 'Chị gửi giúp em ảnh hóa đơn'))).length === 1;
    expect(await replyShown(page)).toBe(true);
    expect(await inView(page)).toEqual(chatEnd);
    expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(0);
    await shoot('03-chat');
    expect(await inView(phone)).toEqual(chatEnd);
    expect(await replyShown(phone)).toBe(true);
    // What the agent sees without scrolling, on both screens.
    await page.screenshot({ path: path.join(shots, '03-chat-on-screen-laptop.png') });
    await phone.screenshot({ path: path.join(shots, '03-chat-on-screen-phone.png') });
    await expect(page.locator('a[href="/staff/inbox"]', { hasText: 'Về hộp thư' }).count()).resolves.toBe(1);
    // On Telegram everything comes from the bot's account: a staff member's words arrive under their label.
    await eventually(() => expect(telegram.sentTo(chatId).map((m) => m.text)).toContain('👤 Nhân viên hỗ trợ:\nChào chị Lan, em là nhân viên Hội. Chị gửi giúp em ảnh hóa đơn nhé.'));

    // Older messages are a page away; that page stays where the reader is and is not reloaded under them.
    await expect(page.locator('p.older a').textContent()).resolves.toBe('Xem tin cũ hơn');
    await Promise.all([page.waitForURL('**before=*'), page.click('p.older a')]);
    // 243 messages: the second page starts the chat.
    await expect(page.locator('.transcript .msg').first().textContent()).resolves.toContain('Tin trước đó số 1.');
    expect(await page.locator('p.older').count()).toBe(0);
    expect(await page.locator('[data-autorefresh]').count()).toBe(0);
    expect(await page.evaluate<number>('window.scrollY')).toBe(0);
    await shoot('03-chat-older');
    await Promise.all([page.waitForURL((url) => !url.search.includes('before')), page.click('p.newer a')]);

    // Closing asks first: the button only opens the question, the confirmation closes.
    await expect(page.locator('details.close form').isVisible()).resolves.toBe(false);
    await page.click('details.close summary');
    await expect(page.locator('details.close form').textContent()).resolves.toContain('Kết thúc hỗ trợ cho Lan?');
    await Promise.all([page.waitForURL('**/staff/inbox?ok=closed'), page.click('details.close button[name=confirm]')]);
    await eventually(() => expect(telegram.sentTo(chatId).at(-1)!.text).toContain('Nhân viên đã kết thúc'));
    // The goodbye asks once how the help was; the user's tap is recorded and the bot takes the chat back.
    const goodbye = telegram.sentTo(chatId).at(-1)!;
    expect(goodbye.buttons.map(([label]) => label)).toEqual(['1 · Chưa tốt', '2', '3', '4', '5 · Rất tốt']);
    telegram.press(goodbye, '5 · Rất tốt');
    await eventually(() => expect(telegram.sentTo(chatId).at(-1)!.text).toContain('Cảm ơn bạn đã đánh giá'));
    expect((await app.db.handoff.findFirstOrThrow({ where: { conversation: { channel: 'telegram' } } })).rating).toBe(5);
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
    // Polled from here, not inside the page: the console's CSP (no eval) refuses a string predicate polled there.
    await expect.poll(() => page.evaluate<boolean>("typeof Chart !== 'undefined' && [...document.querySelectorAll('canvas')].filter((c) => Chart.getChart(c)).length === 4"), { timeout: 30_000 }).toBe(true);
    await shoot('06-dashboard');

    await page.goto(`${server.url}/staff/complaints`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href^="/staff/complaints.csv"]')]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF' + 'Mã hồ sơ;Trạng thái;Kênh tiếp nhận;Ngày giờ tiếp nhận;Họ tên người tiêu dùng;Điện thoại;Email;Tỉnh/thành người tiêu dùng;Doanh nghiệp;Địa chỉ doanh nghiệp;Sàn/nền tảng;Sản phẩm, dịch vụ;Lĩnh vực;Vấn đề;Ngày mua;Số tiền (đồng);Hình thức mua;Lời kể của người tiêu dùng;Yêu cầu;Bằng chứng;Căn cứ pháp lý;Luật áp dụng;Cơ quan gợi ý;Đồng ý chia sẻ với doanh nghiệp;Đồng ý chia sẻ với cơ quan;Hạn doanh nghiệp xác nhận;Hạn doanh nghiệp thương lượng;Hướng xử lý');
    expect(csv).toContain('KN-20261120-7QH2D;Đã giải quyết (bồi hoàn tiền);Telegram;20/11/2026 09:15;');
    const [codes] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="format=codes"]')]);
    expect(await readFile((await codes.path())!, 'utf8')).toContain('KN-20261120-7QH2D,resolved_monetary,telegram,');
    // No consent to share with agencies: the phone and e-mail leave the console masked.
    expect(csv).toContain('09******78');
    expect(csv).not.toContain('0912345678');

    for (const [name, url] of [['07-programme', '/staff/programme'], ['08-directory', '/staff/directory'], ['09-holidays', '/staff/holidays'], ['10-audit', '/staff/audit'], ['11-accounts', '/staff/accounts'], ['12-password', '/staff/password'], ['13-not-found', '/staff/khong-co-trang-nay']] as const) {
      await page.goto(`${server.url}${url}`);
      await shoot(name);
    }
    const audit = await page.goto(`${server.url}/staff/audit`).then(() => page.locator('table.audit').textContent());
    // No page is wider than a phone, and no table hides a column in a frame that scrolls sideways.
    for (const [name, { width, scrollingTables, wide }] of Object.entries(onPhone)) expect({ name, width, scrollingTables, wide }).toEqual({ name, width: viewports.phone.width, scrollingTables: [], wide: [] });
    expect(Object.keys(onPhone)).toHaveLength(14);
    // Every page passes the automated accessibility pass (labels, contrast, names, landmarks' roles).
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((name) => [name, []])));

    // An agent opening an admin page: the console's own 403 page, in Vietnamese, as narrow as a phone.
    const agentPhone = await (await browser.newContext({ viewport: viewports.phone })).newPage();
    await agentPhone.goto(`${server.url}/staff/login`);
    await agentPhone.fill('input[name=email]', agent.email);
    await agentPhone.fill('input[name=password]', agent.password);
    await Promise.all([agentPhone.waitForURL('**/staff/inbox'), agentPhone.click('button[type=submit]')]);
    const forbidden = await agentPhone.goto(`${server.url}/staff/accounts`);
    expect(forbidden!.status()).toBe(403);
    await expect(agentPhone.locator('h1').textContent()).resolves.toBe('Không có quyền truy cập');
    await expect(agentPhone.locator('nav.nav a').count()).resolves.toBe(8);
    expect(await agentPhone.evaluate<PhoneWidth>(measureWidth)).toEqual({ width: viewports.phone.width, scrollingTables: [], wide: [] });
    await agentPhone.screenshot({ path: path.join(shots, '15-forbidden-phone.png'), fullPage: true });
    for (const action of ['Trả lời người dùng', 'Kết thúc hỗ trợ', 'Đổi trạng thái khiếu nại', 'Xuất danh sách khiếu nại', 'Đăng nhập']) expect(audit).toContain(action);
  }, 120_000);
});
