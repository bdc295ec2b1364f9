import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warningFeedRoutes } from '../../../bot/web/warning-feed-routes.ts';
import { createWebServer, listen, type RunningServer } from '../../../bot/web/web-server.ts';
import { createTranslators } from '../../../src/i18n/translator.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { PrismaWarningRepository } from '../../../src/storage/prisma-warning-repository.ts';
import { openTempDatabase, type TempDatabase } from '../../support/temp-database.ts';
import { recallContent } from '../../warnings/warning-fixture.ts';

describe('public warnings page and feeds', () => {
  let database: TempDatabase;
  let server: RunningServer;
  const ids: Record<string, string> = {};
  const staff = 'secret.staff@hoibvntd.vn';

  beforeAll(async () => {
    database = await openTempDatabase();
    const repo = new PrismaWarningRepository(database.prisma);
    const at = new Date('2026-11-20T02:00:00Z');
    const publish = async (name: string, content: ReturnType<typeof recallContent>) => {
      const w = await repo.create(content, staff, at);
      ids[name] = (await repo.publish(w.id, w.version, staff, at)).id;
    };
    await publish('current', recallContent({ title: 'Thu hồi máy sấy tóc Hanami <HD-200> & HD-210' }));
    await publish('expired', recallContent({ title: 'Cảnh báo đã hết hạn', validFrom: '2026-01-01', validTo: '2026-06-30' }));
    await publish('withdrawn', recallContent({ title: 'Cảnh báo đã rút' }));
    await repo.withdraw(ids.withdrawn!, 'Nhầm nhãn hiệu', staff, at);
    ids.draft = (await repo.create(recallContent({ title: 'Bản nháp chưa công bố' }), staff, at)).id;
    const feeds = warningFeedRoutes({ warnings: repo, translators: createTranslators(), clock: fixedClock(new Date('2026-11-23T03:00:00Z')), publicUrl: 'https://bvntd.example.vn/', hotline: '1800.6838' });
    server = await listen(createWebServer({ logger: silentLogger, https: true, mounts: [{ path: '/canh-bao', app: feeds }] }), 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await database.dispose();
  });

  it('shows current published warnings only, escaped, with the same security headers as every page', async () => {
    const res = await fetch(`${server.url}/canh-bao`);
    const page = await res.text();
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(page).toContain('Thu hồi máy sấy tóc Hanami &lt;HD-200&gt; &amp; HD-210');
    expect(page).toContain('số 123/TB-CTBVNTD');
    for (const hidden of ['Cảnh báo đã hết hạn', 'Cảnh báo đã rút', 'Bản nháp chưa công bố', staff]) expect(page).not.toContain(hidden);
    expect((await fetch(`${server.url}/canh-bao/${ids.draft}`)).status).toBe(404);
    expect((await fetch(`${server.url}/canh-bao/${ids.withdrawn}`)).status).toBe(404);
    expect((await fetch(`${server.url}/canh-bao/${ids.current}`)).status).toBe(200);
  });

  it('publishes a JSON feed without personal data', async () => {
    const res = await fetch(`${server.url}/canh-bao/feed.json`);
    const raw = await res.text();
    expect(raw).not.toContain(staff);
    const feed = JSON.parse(raw) as { warnings: Array<Record<string, unknown>> };
    expect(feed.warnings.map((w) => w.id)).toEqual([ids.current]);
    expect(Object.keys(feed.warnings[0]!).sort()).toEqual(['brands', 'id', 'kind', 'kindLabel', 'products', 'provinces', 'publishedAt', 'shops', 'source', 'text', 'title', 'translations', 'updatedAt', 'url', 'validFrom', 'validTo']);
    expect(feed.warnings[0]!.url).toBe(`https://bvntd.example.vn/canh-bao/${ids.current}`);
  });

  it('publishes valid RSS 2.0 with escaped text', async () => {
    const res = await fetch(`${server.url}/canh-bao/feed.rss`);
    expect(res.headers.get('content-type')).toContain('application/rss+xml');
    const rss = await res.text();
    expect(rss).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"><channel>/);
    expect(rss.match(/<item>/g)).toHaveLength(1);
    expect(rss).toContain('<title>Thu hồi sản phẩm: Thu hồi máy sấy tóc Hanami &lt;HD-200&gt; &amp; HD-210</title>');
    expect(rss).toContain('<pubDate>Fri, 20 Nov 2026 02:00:00 GMT</pubDate>');
    expect(rss).not.toContain(staff);
  });
});
