// The application on PostgreSQL, in a schema of its own named by DATABASE_URL's ?schema= (as an
// operator would set it), when TEST_POSTGRES_URL is set (.ci/run sets it up). The schema is dropped
// afterwards.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webChatRoutes } from '../../bot/web/web-chat-routes.ts';
import { createWebServer, listen, type RunningServer } from '../../bot/web/web-server.ts';
import { ZaloChannel } from '../../bot/zalo/zalo-channel.ts';
import { ZaloClient } from '../../bot/zalo/zalo-client.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { quotePostgresIdentifier } from '../../src/storage/migrator.ts';
import { PrismaInboundJournal } from '../../src/storage/prisma-inbound-journal.ts';
import { FakeZaloServer } from '../support/fake-zalo-server.ts';
import { freePort } from '../support/free-port.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const baseUrl = process.env.TEST_POSTGRES_URL;

describe.runIf(baseUrl !== undefined && baseUrl !== '')('the application on PostgreSQL with ?schema=', () => {
  const schema = `bvntd_test_${process.pid}_${Date.now().toString(36)}_app`;
  const admin = new pg.Client({ connectionString: baseUrl ?? '' });
  let app: TestApp;
  let zalo: FakeZaloServer;
  let channel: ZaloChannel;
  let server: RunningServer;

  beforeAll(async () => {
    await admin.connect();
    const url = new URL(baseUrl ?? '');
    url.searchParams.set('schema', schema);
    app = await createTestApp({ env: { DATABASE_URL: url.toString() } });
    zalo = new FakeZaloServer();
    await zalo.listen();
    const port = await freePort();
    channel = new ZaloChannel({
      client: new ZaloClient({ token: zalo.token, baseUrl: zalo.url, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 } }),
      handle: (m) => app.engine.handle(m),
      journal: new PrismaInboundJournal(app.db),
      translators: app.translators,
      clock: systemClock,
      instanceId: 'test-instance',
      leases: app.leases,
      logger: silentLogger,
      hotline: '1800.6838',
      webhook: { url: `http://127.0.0.1:${port}/zalo/webhook`, secret: 'zalo-webhook-secret' },
    });
    server = await listen(
      createWebServer({ logger: silentLogger, mounts: [channel.webhookMount()!, { path: '/api/chat', app: webChatRoutes({ engine: app.engine, store: app.store, translators: app.translators }) }] }),
      port,
      '127.0.0.1',
    );
    await channel.start();
  });

  afterAll(async () => {
    try {
      await channel?.stop();
      await server?.close();
      await zalo?.close();
      await app?.dispose();
      await admin.query(`DROP SCHEMA IF EXISTS ${quotePostgresIdentifier(schema)} CASCADE`);
    } finally {
      await admin.end();
    }
  });

  it('answers a Zalo message with NUL in its text and sender name, and records the delivery in that schema', async () => {
    const update = zalo.textUpdate('pg-1', 'shop\u0000 không xuất hóa đơn\u0000 có được không');
    expect(await zalo.postWebhook({ ...update, message: { ...update.message, from: { id: 'pg-1', display_name: 'Lan\u0000', is_bot: false } } })).toBe(200);
    await zalo.waitForSent('pg-1', 1);
    await channel.idle();
    expect(zalo.sentTo('pg-1')[0]!.text).toMatch(/Điều 29/);
    const rows = await admin.query(`SELECT "key", "sentCount", "deliveredAt" IS NOT NULL AS delivered, "payload" FROM ${quotePostgresIdentifier(schema)}."InboundUpdate" WHERE "channel" = 'zalo'`);
    expect(rows.rows).toMatchObject([{ key: `pg-1:${String(update.message.message_id)}:message.text.received`, delivered: true }]);
    expect(rows.rows[0].sentCount).toBe(zalo.sentTo('pg-1').length);
    // The raw update is stored as JSON text, where NUL is the escape \u0000: replayable as received.
    expect(JSON.parse(rows.rows[0].payload as string).message.text).toBe('shop\u0000 không xuất hóa đơn\u0000 có được không');
    const conversation = await app.db.conversation.findFirstOrThrow({ where: { channel: 'zalo', externalId: 'pg-1' }, include: { messages: { where: { direction: 'in' } } } });
    expect(conversation.userName).toBe('Lan');
    expect(conversation.messages.map((m) => m.text)).toEqual(['shop không xuất hóa đơn có được không']);
  });

  it('answers a web-chat message with NUL (it was HTTP 500)', async () => {
    const response = await fetch(`${server.url}/api/chat/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'bảo hành\u0000 điện thoại mấy tháng?\u0001', messageId: 'pg-web-1' }),
    });
    expect(response.status).toBe(200);
    const session = /bvntd_chat=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')![1]!;
    const conversation = await app.db.conversation.findFirstOrThrow({ where: { channel: 'web', externalId: session }, include: { messages: { where: { direction: 'in' } } } });
    expect(conversation.messages.map((m) => m.text)).toEqual(['bảo hành điện thoại mấy tháng?']);
  });
});
