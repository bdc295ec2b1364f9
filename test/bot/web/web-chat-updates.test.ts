import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webChatRoutes } from '../../../bot/web/web-chat-routes.ts';
import { createWebServer, listen, type RunningServer } from '../../../bot/web/web-server.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { PrismaOutbox } from '../../../src/storage/prisma-outbox.ts';
import { createTestApp } from '../../support/test-app.ts';
import type { TestApp } from '../../support/test-app.ts';

describe('web chat: proactive messages by polling GET /api/chat/updates', () => {
  let app: TestApp;
  let server: RunningServer;
  let outbox: PrismaOutbox;

  beforeAll(async () => {
    app = await createTestApp();
    outbox = new PrismaOutbox(app.db);
    server = await listen(createWebServer({ logger: silentLogger, mounts: [{ path: '/api/chat', app: webChatRoutes({ engine: app.engine, store: app.store, outbox, translators: app.translators }) }] }), 0, '127.0.0.1');
  });

  afterAll(async () => {
    await server?.close();
    await app?.dispose();
  });

  it("hands a session its own staff replies until the page acknowledges them, and nobody else's", async () => {
    const opened = await fetch(`${server.url}/api/chat/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: '/nhanvien' }) });
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const sessionId = cookie.split('=')[1]!;
    await outbox.enqueue('web', sessionId, { text: 'Chào bạn, tôi là nhân viên Hội.' }, new Date());
    await outbox.enqueue('web', 'another-session', { text: 'Không phải của bạn.' }, new Date());
    const updates = async (headers: Record<string, string>) => (await (await fetch(`${server.url}/api/chat/updates`, { headers })).json()) as { replies: Array<{ id: string; text: string }> };
    const ack = (headers: Record<string, string>, ids: string[]) =>
      fetch(`${server.url}/api/chat/updates/ack`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ ids }) }).then((r) => r.json());
    expect(await updates({})).toEqual({ replies: [] });
    const first = await updates({ cookie });
    expect(first.replies.map((r) => r.text)).toEqual(['Chào bạn, tôi là nhân viên Hội.']);
    // A prefetch, or an answer that never reached the page, consumes nothing.
    expect((await updates({ cookie })).replies.map((r) => r.text)).toEqual(['Chào bạn, tôi là nhân viên Hội.']);
    const [theirs] = await outbox.pendingFor('web', 'another-session', 10);
    expect(await ack({ cookie }, [first.replies[0]!.id, theirs!.id])).toEqual({ acknowledged: 1 });
    expect(await updates({ cookie })).toEqual({ replies: [] });
    expect(await outbox.pendingFor('web', 'another-session', 10)).toHaveLength(1);
  });
});
