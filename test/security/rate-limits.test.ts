import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits } from '../../bot/web/rate-limits.ts';
import { webChatRoutes } from '../../bot/web/web-chat-routes.ts';
import { createWebServer, listen, type RunningServer } from '../../bot/web/web-server.ts';
import { Hono } from 'hono';
import { silentLogger } from '../../src/shared/logger.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Item 2: a flood from one session or address is answered 429 with a polite text before it reaches
// the engine; other users are not held back.
const policy = { chatPerSession: 10, chatPerAddress: 25, loginPerAddress: 5, webhookPerAddress: 8 };
let app: TestApp;
let server: RunningServer;
let webhookCalls = 0;

beforeAll(async () => {
  app = await createTestApp();
  const webhook = new Hono().post('/hook', (c) => {
    webhookCalls++;
    return c.json({ ok: true });
  });
  const login = new Hono().post('/login', (c) => c.text('form'));
  server = await listen(
    createWebServer({
      logger: silentLogger,
      limits: rateLimits(policy, { trustedProxies: [], t: app.translators('vi') }),
      mounts: [
        { path: '/api/chat', app: webChatRoutes({ engine: app.engine, store: app.store, translators: app.translators }) },
        { path: '/staff', app: login },
        { path: '/telegram', app: webhook },
      ],
    }),
    0,
    '127.0.0.1',
  );
});
afterAll(async () => {
  await server?.close();
  await app?.dispose();
});

const say = (cookie?: string) =>
  fetch(`${server.url}/api/chat/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ text: 'xin chào' }) });

describe('rate limits', () => {
  it('answers a flooding chat session 429 with a polite text and a Retry-After, and lets another session talk', async () => {
    const first = await say();
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const statuses = [first.status];
    let refused: Response | undefined;
    for (let i = 0; i < 14; i++) {
      const r = await say(cookie);
      statuses.push(r.status);
      if (r.status === 429) refused ??= r;
    }
    // The first message, sent before the browser had a session, counted against its address.
    expect(statuses.filter((s) => s === 200)).toHaveLength(11);
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused!.json()) as { message: string }).message).toMatch(/gửi nhanh quá/);
    const other = await say();
    expect(other.status).toBe(200);
  });

  it('holds one address to its own limit across sessions', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await say()).status);
    // 11 messages earlier plus these from the same loopback address: the address limit (25) is reached.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it('limits login posts and webhook calls per address, not the pages', async () => {
    const logins: number[] = [];
    for (let i = 0; i < 7; i++) logins.push((await fetch(`${server.url}/staff/login`, { method: 'POST' })).status);
    expect(logins.filter((s) => s === 429)).toHaveLength(2);
    const hooks: number[] = [];
    for (let i = 0; i < 10; i++) hooks.push((await fetch(`${server.url}/telegram/hook`, { method: 'POST' })).status);
    expect(hooks.filter((s) => s === 429)).toHaveLength(2);
    expect(webhookCalls).toBe(8);
  });
});
