import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warningRoutes } from '../../bot/staff/warning-routes.ts';
import { warningFeedRoutes } from '../../bot/web/warning-feed-routes.ts';
import type { RunningServer } from '../../bot/web/web-server.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import { systemClock } from '../../src/shared/clock.ts';
import type { WarningsModule } from '../../src/warnings/warnings-module.ts';
import { hasChromium, launchChromium, viewports } from '../support/browser.ts';
import { measureWidth, type PhoneWidth } from '../support/page-width.ts';
import { adminLogin, staffDeps, startStaffServer } from '../support/staff-server.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { testWarningsModule } from '../support/warnings-fixture.ts';
import { recallContent } from '../warnings/warning-fixture.ts';

const shots = path.resolve('test-results/console-screenshots');

/** The warning pages on a phone: the form, the warning with its phone preview and figures, the public list. */
describe.runIf(hasChromium)('warning pages on a phone', () => {
  let database: TempDatabase;
  let server: RunningServer;
  let warnings: WarningsModule;
  let browser: Browser;
  let id: string;

  beforeAll(async () => {
    database = await openTempDatabase();
    warnings = testWarningsModule(database.prisma, systemClock);
    const translators = createTranslators();
    const deps = staffDeps(database.prisma, systemClock);
    const feeds = warningFeedRoutes({ warnings: warnings.repository, translators, clock: systemClock, publicUrl: 'http://localhost', hotline: '1800.6838' });
    server = await startStaffServer(database.prisma, systemClock, { sections: [{ path: '/', app: warningRoutes({ ...deps, warnings }) }] }, [{ path: '/canh-bao', app: feeds }]);
    const long = recallContent({ shops: ['Cửa hàng điện máy Hanami chính hãng chi nhánh Nha Trang Khánh Hòa'], translations: { en: { title: 'Hanami HD-200 hair dryer recalled', text: 'Hanami recalls its HD-200 hair dryer: the cord can overheat. Stop using it.' } } });
    const draft = await warnings.repository.create(long, adminLogin.email, new Date());
    id = (await warnings.repository.publish(draft.id, draft.version, adminLogin.email, new Date())).id;
    await warnings.subscriptions.subscribe('telegram', '1', { topics: ['recall'], provinces: [], locale: 'vi' }, 'consent', new Date());
    await warnings.job.runOnce();
    browser = await launchChromium();
    await mkdir(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.dispose();
  });

  it('fits every warning page in the width of a phone', async () => {
    const phone = await (await browser.newContext({ viewport: viewports.phone })).newPage();
    await phone.goto(`${server.url}/staff/login`);
    await phone.fill('input[name=email]', adminLogin.email);
    await phone.fill('input[name=password]', adminLogin.password);
    await Promise.all([phone.waitForURL('**/staff/inbox'), phone.click('button[type=submit]')]);
    const widths: Record<string, PhoneWidth> = {};
    for (const [name, url] of Object.entries({ list: '/staff/warnings', form: '/staff/warnings/new', warning: `/staff/warnings/${id}`, publishers: '/staff/warnings/publishers', public: '/canh-bao' })) {
      await phone.goto(`${server.url}${url}`);
      widths[name] = await phone.evaluate<PhoneWidth>(measureWidth);
      await phone.screenshot({ path: path.join(shots, `warnings-${name}-phone.png`), fullPage: true });
    }
    for (const width of Object.values(widths)) expect(width).toEqual({ width: viewports.phone.width, scrollingTables: [], wide: [] });
    await phone.goto(`${server.url}/staff/warnings/${id}`);
    await expect(phone.locator('.phone .bubble').count()).resolves.toBe(2);
  }, 120_000);
});
