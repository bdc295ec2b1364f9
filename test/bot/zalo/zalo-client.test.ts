import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaloApiError, ZaloClient } from '../../../bot/zalo/zalo-client.ts';
import { FakeZaloServer } from '../../support/fake-zalo-server.ts';

describe('ZaloClient against a Zalo Bot API on loopback', () => {
  let server: FakeZaloServer;
  let client: ZaloClient;

  beforeAll(async () => {
    server = new FakeZaloServer();
    await server.listen();
    client = new ZaloClient({ token: server.token, baseUrl: `${server.url}/`, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 40 } });
  });

  afterAll(() => server.close());

  it('calls `${base}/bot${token}/${method}` and validates the result', async () => {
    expect(await client.getMe()).toMatchObject({ id: '9000', account_name: 'bvntd_zalo_bot' });
    expect(await client.sendMessage('u1', 'Xin chào')).toMatchObject({ message_id: expect.any(String) });
    expect(server.sentTo('u1')).toEqual([{ chatId: 'u1', text: 'Xin chào' }]);
  });

  it('reads the 408 idle answer of getUpdates as "no update", and one update otherwise', async () => {
    expect(await client.getUpdates(0)).toEqual([]);
    server.enqueue(server.textUpdate('u2', 'hello'));
    const [update] = await client.getUpdates(1);
    expect(update).toMatchObject({ event_name: 'message.text.received', message: { text: 'hello' } });
  });

  it('backs off and retries 429 and 5xx, within a bound', async () => {
    server.api.failNext('sendMessage', { body: { ok: false, error_code: 429, description: 'Quota exceeded' } });
    server.api.failNext('sendMessage', { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } });
    await client.sendMessage('u3', 'sau hai lần lỗi');
    expect(server.sentTo('u3')).toHaveLength(1);
    for (let i = 0; i < 3; i++) server.api.failNext('sendMessage', { body: { ok: false, error_code: 429, description: 'Quota exceeded' } });
    const error = await client.sendMessage('u3', 'bỏ cuộc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect((error as ZaloApiError).code).toBe(429);
    expect(server.sentTo('u3')).toHaveLength(1);
  });

  it('raises a typed error that never contains the token, for refusals, bad answers and no answer', async () => {
    const refused = await client.sendMessage('u4', 'x'.repeat(2001)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ZaloApiError);
    expect((refused as ZaloApiError).transient).toBe(false);
    server.api.failNext('getMe', { body: { ok: true, result: 'not an object' } });
    const malformed = await client.getMe().catch((e: unknown) => e);
    expect(malformed).toMatchObject({ name: 'ZaloApiError', code: 502 });
    const unreachable = new ZaloClient({ token: server.token, baseUrl: 'http://127.0.0.1:9', retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const down = await unreachable.getMe().catch((e: unknown) => e);
    expect(down).toMatchObject({ name: 'ZaloApiError', code: null });
    for (const error of [refused, malformed, down] as Error[]) {
      const everything = `${error.message} ${error.stack} ${String((error.cause as Error | undefined)?.message)} ${String((error.cause as Error | undefined)?.stack)}`;
      expect(everything).not.toContain(server.token);
    }
  });
});
