import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webChatRoutes } from '../../../bot/web/web-chat-routes.ts';
import { createWebServer, listen, type RunningServer } from '../../../bot/web/web-server.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { accessibilityViolations } from '../../support/axe.ts';
import { hasChromium, launchChromium, viewports } from '../../support/browser.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

/** The web chat page in a real browser on a phone-sized screen, under its real CSP. */
describe.runIf(hasChromium)('web chat in a real browser', () => {
  let app: TestApp;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    server = await listen(createWebServer({ logger: silentLogger, mounts: [{ path: '/api/chat', app: webChatRoutes({ engine: app.engine, store: app.store, outbox: app.outbox, translators: app.translators, standing: (id) => app.handoffStandings.of(id) }) }] }), 0, '127.0.0.1');
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: viewports.phone })).newPage();
    // A CSP violation or a script error shows up here.
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
  }, 120_000);
  afterAll(async () => {
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
});
