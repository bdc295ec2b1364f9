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
    server = await listen(createWebServer({ logger: silentLogger, mounts: [{ path: '/api/chat', app: webChatRoutes({ engine: app.engine, store: app.store, outbox, translators: app.translators, standing: (id) => app.handoffStandings.of(id) }) }] }), 0, '127.0.0.1');
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
    expect((await updates({ cookie })).replies).toEqual([]);
    expect(await outbox.pendingFor('web', 'another-session', 10)).toHaveLength(1);
  });

  it('marks a staff member\'s words as theirs and keeps the bot\'s own buttons', async () => {
    const opened = await fetch(`${server.url}/api/chat/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: '/nhanvien' }) });
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const sessionId = cookie.split('=')[1]!;
    await outbox.enqueue('web', sessionId, { text: 'Em là An, nhân viên Hội.', from: 'staff' }, new Date());
    await outbox.enqueue('web', sessionId, { text: 'Bạn thấy sự hỗ trợ thế nào?', options: [{ id: 'handoff.rate.5', label: '5 · Rất tốt' }] }, new Date());
    const { replies } = (await (await fetch(`${server.url}/api/chat/updates`, { headers: { cookie } })).json()) as { replies: Array<{ text: string; from?: string; options: unknown[] }> };
    expect(replies.map((r) => [r.text, r.from ?? 'bot', r.options.length])).toEqual([
      ['Em là An, nhân viên Hội.', 'staff', 0],
      ['Bạn thấy sự hỗ trợ thế nào?', 'bot', 1],
    ]);
  });

  it('gives the page its own words in the conversation\'s language, or the browser\'s before there is one', async () => {
    const strings = async (headers: Record<string, string>) => (await (await fetch(`${server.url}/api/chat/strings`, { headers })).json()) as { locale: string; strings: Record<string, string> };
    expect((await strings({})).strings.send).toBe('Gửi');
    expect((await strings({ 'accept-language': 'en-GB,en;q=0.9' })).locale).toBe('en');
    const opened = await fetch(`${server.url}/api/chat/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'english' }) });
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const english = await strings({ cookie, 'accept-language': 'vi' });
    expect(english).toMatchObject({ locale: 'en', strings: { send: 'Send', sub: 'Answers from Law 19/2023/QH15 · National hotline 1800.6838' } });
  });

  it('tells a user waiting for staff where they stand with every poll, and nothing once no one is awaited', async () => {
    const opened = await fetch(`${server.url}/api/chat/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'xin chào' }) });
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const poll = async () => ((await (await fetch(`${server.url}/api/chat/updates`, { headers: { cookie } })).json()) as { waiting: string | null }).waiting;
    expect(await poll()).toBeNull();
    await fetch(`${server.url}/api/chat/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ text: '/nhanvien' }) });
    expect(await poll()).toMatch(/^Đang chờ nhân viên: bạn ở vị trí thứ \d+/);
    await fetch(`${server.url}/api/chat/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ text: 'hủy' }) });
    expect(await poll()).toBeNull();
  });
});
