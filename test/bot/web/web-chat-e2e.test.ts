import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffConsole } from '../../../bot/staff/staff-console.ts';
import { attachmentsPath, webChatRoutes } from '../../../bot/web/web-chat-routes.ts';
import { createWebServer, listen, type RunningServer } from '../../../bot/web/web-server.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { accessibilityViolations } from '../../support/axe.ts';
import { hasChromium, launchChromium, viewports } from '../../support/browser.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { StaffAccounts } from '../../../src/staff/staff-accounts.ts';
import { pngImage } from '../../support/evidence-bytes.ts';

/** An <img> as the page sees it (the project's TypeScript has no DOM library). */
type LoadedImage = { readonly complete: boolean; readonly naturalWidth: number };

/** Screenshots for a person to look at (test-results/ is gitignored). */
const shots = path.resolve('test-results/web-chat-screenshots');
const agent = { email: 'agent@hoibvntd.vn', password: 'nhan-vien-hoi-2026' };

/** The web chat page in a real browser on a phone-sized screen, under its real CSP. */
describe.runIf(hasChromium)('web chat in a real browser', () => {
  let app: TestApp;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    const chat = webChatRoutes({ engine: app.engine, store: app.store, outbox: app.outbox, translators: app.translators, standing: (id) => app.handoffStandings.of(id), uploads: app.evidence });
    server = await listen(createWebServer({ logger: silentLogger, ownBodyLimit: [`/api/chat${attachmentsPath}`], mounts: [{ path: '/api/chat', app: chat }, { path: '/staff', app: staffConsole(app) }] }), 0, '127.0.0.1');
    await new StaffAccounts(app.staffStores.accounts).create({ ...agent, role: 'agent' }, 'test', app.clock.now());
    await mkdir(shots, { recursive: true });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: viewports.phone })).newPage();
    // A CSP violation or a script error shows up here.
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
  }, 120_000);
  afterAll(async () => {
    process.stdout.write(`web chat screenshots: ${shots}\n`);
    await browser?.close();
    await server?.close();
    await app?.dispose();
  });

  /** The last buttons are inside the visible conversation, above the text box. */
  const lastButtonsVisible = async () => {
    const button = page.locator('.options button:not([disabled])').last();
    const box = await button.boundingBox();
    const composer = await page.locator('#composer').boundingBox();
    return box !== null && composer !== null && box.y + box.height <= composer.y + 1;
  };

  it('greets with buttons that are not hidden under the text box, and survives a reload', async () => {
    await page.goto(server.url);
    await page.locator('.options button').first().waitFor();
    expect(await lastButtonsVisible()).toBe(true);
    await page.reload();
    await page.locator('.options button').first().waitFor();
    // The automatic /start is not shown as typed by the user.
    expect(await page.locator('.msg.me').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('sends once on a double Enter, retires old buttons, and keeps the new ones in view', async () => {
    await page.locator('#text').fill('shop không cho đổi hàng lỗi thì làm sao');
    await page.locator('#text').press('Enter');
    await page.locator('#text').press('Enter');
    // Polled from here, not inside the page: the page's CSP (no eval) refuses a string predicate polled there.
    await expect.poll(async () => (await page.locator('.msg.bot').count()) >= 2 && (await page.locator('.typing').count()) === 0, { timeout: 30_000 }).toBe(true);
    expect(await page.locator('.msg.me').count()).toBe(1);
    expect(await page.locator('.options button:not([disabled])').count()).toBeLessThanOrEqual(await page.locator('.msg.bot').last().locator('.options button').count());
    expect(problems).toEqual([]);
  });

  it('passes the automated accessibility pass with a conversation on screen (labels, contrast, names)', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('speaks English around the chat too once the user asks for English', async () => {
    await page.locator('#text').fill('english');
    await page.locator('#text').press('Enter');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await expect(page.locator('header.top h1').textContent()).resolves.toBe('Consumer protection assistant');
    await expect(page.locator('#send').textContent()).resolves.toBe('Send');
    await expect(page.locator('#text').getAttribute('placeholder')).resolves.toContain('Type a question');
    expect(problems).toEqual([]);
  });

  it('shows a user waiting for staff where they stand, in their language, and the banner passes the accessibility pass', async () => {
    await page.locator('#text').fill('/human');
    await page.locator('#text').press('Enter');
    await page.locator('#waiting:not([hidden])').waitFor();
    await expect(page.locator('#waiting').textContent()).resolves.toMatch(/^Waiting for staff: you are number 1 in the queue/);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('attaches a photo from the phone during a complaint, and staff see it on the complaint page', async () => {
    // A fresh browser: the conversation above is waiting for staff.
    const phone = await (await browser.newContext({ viewport: viewports.phone })).newPage();
    phone.on('pageerror', (e) => problems.push(e.message));
    const bubbles = () => phone.locator('.msg.bot:not(.typing)').count();
    const say = async (text: string) => {
      const before = await bubbles();
      await phone.locator('#text').fill(text);
      await phone.locator('#text').press('Enter');
      await expect.poll(async () => (await bubbles()) > before && (await phone.locator('.typing').count()) === 0, { timeout: 30_000 }).toBe(true);
    };
    await phone.goto(server.url);
    await phone.locator('.options button').first().waitFor();
    await say('Tôi muốn khiếu nại shop Mây Store trên Shopee: hôm qua mua váy giá 350k, nhận về bị rách, muốn hoàn tiền');
    // The paper clip opens the file chooser (the camera on a phone); the photo goes with what is typed.
    const before = await bubbles();
    await phone.locator('#text').fill('ảnh váy bị rách');
    const [chooser] = await Promise.all([phone.waitForEvent('filechooser'), phone.locator('#attach').click()]);
    expect(await phone.locator('#attach-file').getAttribute('accept')).toBe('image/*,application/pdf');
    await chooser.setFiles({ name: 'vay-rach.png', mimeType: 'image/png', buffer: pngImage(160, [190, 60, 60]) });
    await expect.poll(async () => (await bubbles()) > before && (await phone.locator('.typing').count()) === 0, { timeout: 30_000 }).toBe(true);
    await expect(phone.locator('.msg.me').last().locator('.attached').textContent()).resolves.toBe('vay-rach.png');
    expect(await phone.locator('.msg.me img.thumb').evaluate((img) => (img as unknown as LoadedImage).naturalWidth)).toBe(160);
    await expect(phone.locator('.msg.bot').last().textContent()).resolves.toMatch(/Đã lưu 1 tệp\/ảnh làm bằng chứng/);
    expect(await accessibilityViolations(phone)).toEqual([]);
    await phone.screenshot({ path: path.join(shots, 'attach-photo-phone.png') });
    for (const text of ['Phan Thị Yến', '0912345678', 'Đà Nẵng', 'đúng rồi', 'đồng ý cả hai']) await say(text);
    const { reference } = await app.db.complaint.findFirstOrThrow({ where: { channel: 'web' } });

    // The agent, on a phone too, opens the complaint: the photo is there as a thumbnail that opens it.
    const console = await (await browser.newContext({ viewport: viewports.phone })).newPage();
    await console.goto(`${server.url}/staff/login`);
    await console.fill('input[name=email]', agent.email);
    await console.fill('input[name=password]', agent.password);
    await Promise.all([console.waitForURL('**/staff/inbox'), console.click('button[type=submit]')]);
    await console.goto(`${server.url}/staff/complaints/${reference}`);
    const thumb = console.locator('img.evidence-thumb');
    await thumb.scrollIntoViewIfNeeded();
    await expect.poll(() => thumb.evaluate((img) => (img as unknown as LoadedImage).complete && (img as unknown as LoadedImage).naturalWidth), { timeout: 10_000 }).toBe(160);
    expect(await thumb.evaluate((img) => img.closest('a')!.getAttribute('href'))).toBe(`/staff/complaints/${reference}/evidence/0`);
    await thumb.screenshot({ path: path.join(shots, 'evidence-thumb-phone.png') });
    await console.screenshot({ path: path.join(shots, 'complaint-evidence-phone.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);
});
