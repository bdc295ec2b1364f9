import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webChatRoutes } from '../../bot/web/web-chat-routes.ts';
import { createWebServer, listen, type RunningServer } from '../../bot/web/web-server.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Item 3: the web chat's session is the only key to a transcript that may hold a complaint. The
// server alone chooses its id, the cookie is Secure under https and lives 30 days after the last
// message, the user can end it, and every page carries the security headers (HSTS under https).
let app: TestApp;
let plain: RunningServer;
let secure: RunningServer;

beforeAll(async () => {
  app = await createTestApp();
  const routes = (secureCookies: boolean) => webChatRoutes({ engine: app.engine, store: app.store, translators: app.translators, secureCookies });
  plain = await listen(createWebServer({ logger: silentLogger, mounts: [{ path: '/api/chat', app: routes(false) }] }), 0, '127.0.0.1');
  secure = await listen(createWebServer({ logger: silentLogger, https: true, mounts: [{ path: '/api/chat', app: routes(true) }] }), 0, '127.0.0.1');
});
afterAll(async () => {
  await plain?.close();
  await secure?.close();
  await app?.dispose();
});

const post = (server: RunningServer, text: string, cookie?: string) =>
  fetch(`${server.url}/api/chat/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ text }) });
const cookieOf = (response: Response) => response.headers.get('set-cookie') ?? '';
const idOf = (setCookie: string) => /bvntd_chat=([^;]*)/.exec(setCookie)?.[1] ?? '';

describe('the web chat session', () => {
  it('replaces an id the client chose with one the server issues', async () => {
    const planted = 'bvntd_chat=00000000-0000-4000-8000-000000000000';
    const response = await post(plain, 'xin chào', planted);
    const issued = idOf(cookieOf(response));
    expect(issued).toMatch(/^[0-9a-f-]{36}$/);
    expect(issued).not.toBe('00000000-0000-4000-8000-000000000000');
    expect(await app.store.find('web', '00000000-0000-4000-8000-000000000000')).toBeNull();
    // The issued id is kept on the next message.
    const again = await post(plain, 'bảo hành là gì', `bvntd_chat=${issued}`);
    expect(idOf(cookieOf(again))).toBe(issued);
  });

  it('lives 30 days after the last message, HttpOnly, and Secure under https', async () => {
    const plainCookie = cookieOf(await post(plain, 'xin chào'));
    expect(plainCookie).toMatch(/Max-Age=2592000/);
    expect(plainCookie).toMatch(/HttpOnly/);
    expect(plainCookie).not.toMatch(/Secure/);
    expect(cookieOf(await post(secure, 'xin chào'))).toMatch(/Secure/);
  });

  it('ends on /ketthuc or the button: the cookie is cleared and the old id opens nothing', async () => {
    const cookie = `bvntd_chat=${idOf(cookieOf(await post(plain, 'xin chào')))}`;
    const history = async () => ((await (await fetch(`${plain.url}/api/chat/history`, { headers: { cookie } })).json()) as { messages: unknown[] }).messages;
    expect((await history()).length).toBeGreaterThan(0);
    const ended = await post(plain, '/ketthuc', cookie);
    expect(cookieOf(ended)).toMatch(/bvntd_chat=;.*Max-Age=0/);
    expect(((await ended.json()) as { replies: Array<{ text: string }> }).replies[0]?.text).toMatch(/Đã kết thúc phiên/);
    // The old id no longer opens the conversation, even from a copy of the cookie.
    expect(await history()).toEqual([]);
    // The button's endpoint ends a session the same way.
    const other = `bvntd_chat=${idOf(cookieOf(await post(plain, 'xin chào')))}`;
    const button = await fetch(`${plain.url}/api/chat/end`, { method: 'POST', headers: { cookie: other } });
    expect(cookieOf(button)).toMatch(/Max-Age=0/);
    expect(((await (await fetch(`${plain.url}/api/chat/history`, { headers: { cookie: other } })).json()) as { messages: unknown[] }).messages).toEqual([]);
  });

  it('/xoadulieu on the web chat also drops the staff reply waiting for the session, and the session with it', async () => {
    const session = idOf(cookieOf(await post(plain, 'Tôi là Trần Văn Bình, số 0987 654 321, shop không bảo hành')));
    const cookie = `bvntd_chat=${session}`;
    // A staff reply queued for this browser, not collected yet.
    await app.outbox.enqueue('web', session, { text: 'Chào anh Bình, số 0987 654 321 của anh đã được ghi nhận' }, app.clock.now());
    await post(plain, '/xoadulieu', cookie);
    const confirm = await fetch(`${plain.url}/api/chat/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ text: '', choice: 'privacy.confirm' }) });
    expect(((await confirm.json()) as { replies: Array<{ text: string }> }).replies[0]?.text).toMatch(/^Đã xóa/);
    expect(await app.db.outbox.count({ where: { channel: 'web', externalId: session } })).toBe(0);
    // The cookie opens nothing any more: no history, no updates, and the next message starts afresh.
    expect(((await (await fetch(`${plain.url}/api/chat/history`, { headers: { cookie } })).json()) as { messages: unknown[] }).messages).toEqual([]);
    expect(JSON.stringify(await (await fetch(`${plain.url}/api/chat/updates`, { headers: { cookie } })).json())).not.toContain('0987');
    expect(await app.db.message.count({ where: { text: { contains: '0987 654 321' } } })).toBe(0);
  });

  it('serves every answer with CSP, no framing, and HSTS only under https', async () => {
    const page = await fetch(`${plain.url}/`);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('strict-transport-security')).toBeNull();
    const api = await post(secure, 'xin chào');
    expect(api.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(api.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});
