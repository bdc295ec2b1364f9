import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { webChatRoutes } from '../../../bot/web/web-chat-routes.ts';
import { createWebServer, listen, type RunningServer } from '../../../bot/web/web-server.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

let app: TestApp;
let server: RunningServer;

beforeAll(async () => {
  app = await createTestApp();
  const web = createWebServer({ logger: silentLogger, mounts: [{ path: '/api/chat', app: webChatRoutes({ engine: app.engine, store: app.store, translators: app.translators }) }] });
  server = await listen(web, 0, '127.0.0.1');
});
afterAll(async () => {
  await server?.close();
  await app?.dispose();
});

const chatResponse = z.object({
  locale: z.string(),
  replies: z.array(z.object({ text: z.string(), options: z.array(z.object({ id: z.string(), label: z.string() })) })),
});
const historyResponse = z.object({ messages: z.array(z.object({ direction: z.string(), text: z.string(), at: z.string() })) });

async function history(cookie: string) {
  return historyResponse.parse(await (await fetch(`${server.url}/api/chat/history`, { headers: { Cookie: cookie } })).json());
}

/** A browser-like client that keeps the session cookie. */
class ChatClient {
  cookie = '';
  async send(body: unknown, raw?: string): Promise<Response> {
    const response = await fetch(`${server.url}/api/chat/messages`, {
      method: 'POST',
      // The server closes a connection whose body it refused (413); a browser opens a new one.
      headers: { 'Content-Type': 'application/json', Connection: 'close', ...(this.cookie ? { Cookie: this.cookie } : {}) },
      body: raw ?? JSON.stringify(body),
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return response;
  }

  async chat(body: unknown) {
    return chatResponse.parse(await (await this.send(body)).json());
  }
}

describe('web chat over HTTP', () => {
  it('serves the chat page, its script and its icon', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<script src="/chat.js"');
    expect((await fetch(`${server.url}/chat.js`)).status).toBe(200);
    const icon = await fetch(`${server.url}/favicon.svg`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('greets, answers a teencode question with its citation, and keeps the conversation in a cookie', async () => {
    const client = new ChatClient();
    const hello = await client.chat({ text: '/start' });
    expect(client.cookie).toMatch(/^bvntd_chat=/);
    expect(hello.replies[0]!.options.length).toBeGreaterThan(2);
    const answer = await client.chat({ text: 'shop ko xuat hoa don cho e dc ko' });
    expect(answer.replies[0]!.text).toMatch(/Điều 29/);
    expect(answer.replies[0]!.text).toMatch(/19\/2023\/QH15/);
    // The page's automatic /start is not shown back as if the user had typed it.
    expect((await history(client.cookie)).messages.map((m) => m.direction)).toEqual(['out', 'in', 'out']);
  });

  it('gives back the buttons of the last reply with the history, so a reload mid-step is no dead end', async () => {
    const client = new ChatClient();
    await client.chat({ text: '/start' });
    const raw = (await (await fetch(`${server.url}/api/chat/history`, { headers: { Cookie: client.cookie } })).json()) as { options: Array<{ id: string }> };
    expect(raw.options.length).toBeGreaterThan(2);
  });

  it('reads history without creating a conversation for an unknown session', async () => {
    const before = await app.db.conversation.count();
    expect((await history('bvntd_chat=00000000-0000-4000-8000-000000000000')).messages).toEqual([]);
    expect(await app.db.conversation.count()).toBe(before);
  });

  it('answers a retried message once', async () => {
    const client = new ChatClient();
    const first = await client.chat({ text: 'bảo hành', messageId: 'm-1' });
    const again = await client.chat({ text: 'bảo hành', messageId: 'm-1' });
    expect(again).toEqual(first);
    expect((await history(client.cookie)).messages).toHaveLength(2);
  });

  it('rejects malformed, invalid and oversized bodies without touching any conversation', async () => {
    const client = new ChatClient();
    const before = await app.db.message.count();
    expect((await client.send(undefined, '{"text": ')).status).toBe(400);
    expect((await client.send({ text: 42 })).status).toBe(400);
    expect((await client.send({ text: 'x', admin: true })).status).toBe(400);
    expect((await client.send({ text: 'x', messageId: 'm\u0000-1' })).status).toBe(400);
    expect((await client.send({ text: 'x'.repeat(300_000) })).status).toBe(413);
    expect(await app.db.message.count()).toBe(before);
  });

  it('answers a message with NUL and other control characters, storing the text without them', async () => {
    const client = new ChatClient();
    const response = await client.send({ text: 'shop\u0000 không xuất\u0008 hóa đơn\r\ncó được không', messageId: 'nul-1' });
    expect(response.status).toBe(200);
    expect(chatResponse.parse(await response.json()).replies[0]!.text).toMatch(/Điều 29/);
    const conversation = await app.db.conversation.findFirstOrThrow({ where: { channel: 'web', externalId: client.cookie.split('=')[1]! } });
    const stored = await app.db.message.findFirstOrThrow({ where: { conversationId: conversation.id, direction: 'in' } });
    expect(stored.text).toBe('shop không xuất hóa đơn\ncó được không');
  });

  it('returns the latest 200 messages of a long conversation, oldest first', async () => {
    const client = new ChatClient();
    await client.chat({ text: '/start' });
    const conversation = await app.db.conversation.findFirstOrThrow({ where: { channel: 'web', externalId: client.cookie.split('=')[1]! } });
    const start = Date.parse('2026-11-24T00:00:00Z');
    await app.db.message.createMany({
      data: Array.from({ length: 1_198 }, (_, i) => ({ conversationId: conversation.id, direction: i % 2 === 0 ? 'in' : 'out', text: `tin ${String(i + 3).padStart(4, '0')}`, createdAt: new Date(start + i * 1_000) })),
    });
    const { messages } = await history(client.cookie);
    expect(messages).toHaveLength(200);
    expect(messages.map((m) => m.text)).toEqual(Array.from({ length: 200 }, (_, i) => `tin ${String(1_001 + i).padStart(4, '0')}`));
    expect([...messages].sort((a, b) => a.at.localeCompare(b.at))).toEqual(messages);
  });

  it('answers bad input with a clear message, not an error', async () => {
    const client = new ChatClient();
    for (const text of ['', '🙂🙂🙂', '...???', 'x'.repeat(10_000), 'mua hàng 买东西 online bị lừa']) {
      const response = await client.send({ text });
      expect(response.status).toBe(200);
      const body = chatResponse.parse(await response.json());
      expect(body.replies.length).toBeGreaterThan(0);
      expect(body.replies[0]!.text.length).toBeGreaterThan(10);
    }
  });
});
