import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaloChannel } from '../../../bot/zalo/zalo-channel.ts';
import { ZaloClient } from '../../../bot/zalo/zalo-client.ts';
import { systemClock } from '../../../src/shared/clock.ts';
import { createChannelTestBed, freePort, type ChannelTestBed } from '../../support/channel-harness.ts';
import { FakeZaloServer } from '../../support/fake-zalo-server.ts';
import { stateSnapshot } from '../../support/state-snapshot.ts';

const citation = /Điều \d+ Luật Bảo vệ quyền lợi người tiêu dùng 2023 \(19\/2023\/QH15\)/;
const secret = 'zalo-webhook-secret';

async function startChannel(bed: ChannelTestBed, server: FakeZaloServer, webhook?: { url: string; secret: string }): Promise<ZaloChannel> {
  const channel = new ZaloChannel({
    client: new ZaloClient({ token: server.token, baseUrl: server.url, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 } }),
    handle: (m) => bed.app.engine.handle(m),
    journal: bed.journal,
    outbox: bed.outbox,
    translators: bed.app.translators,
    clock: systemClock,
    logger: bed.logger({ ZALO_BOT_TOKEN: server.token }),
    hotline: '1800.6838',
    pollingTimeoutSeconds: 1,
    outboxIntervalMs: 50,
    ...(webhook ? { webhook } : {}),
  });
  if (webhook) await bed.webServer(Number(new URL(webhook.url).port), [channel.webhookMount()!]);
  await channel.start();
  return channel;
}

describe('Zalo channel over real HTTP (getUpdates long polling)', () => {
  let bed: ChannelTestBed;
  let server: FakeZaloServer;
  let channel: ZaloChannel;
  let chat = 100;

  beforeAll(async () => {
    bed = await createChannelTestBed();
    server = new FakeZaloServer();
    await server.listen();
    channel = await startChannel(bed, server);
  });

  afterAll(async () => {
    await channel?.stop();
    await server?.close();
    await bed?.dispose();
  });

  const say = async (chatId: string, text: string, expected = 1) => {
    const before = server.sentTo(chatId).length;
    server.enqueue(server.textUpdate(chatId, text));
    return (await server.waitForSent(chatId, before + expected)).slice(before);
  };

  it('answers a law question with a citation and numbered options', async () => {
    const id = `z${++chat}`;
    server.enqueue(server.textUpdate(id, 'bảo hành sửa 3 lần vẫn hỏng thì có được đổi cái mới không'));
    // A long answer comes in several messages; the numbered options close the last one.
    await server.api.waitUntil(() => server.sentTo(id).some((m) => /\n1\. .+\n2\. .+$/.test(m.text)), 15_000, 'the options');
    const parts = server.sentTo(id).map((m) => m.text);
    expect(parts[0]).toMatch(citation);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
  });

  it('carries a complaint through typed option numbers, each message under 2,000 characters', async () => {
    const id = `z${++chat}`;
    await say(id, '/khieunai');
    const [want] = await say(id, 'Tôi mua điện thoại trên Shopee của shop ABC ngày 10/10/2026 giá 5.000.000 đồng, máy bị lỗi màn hình, shop không chịu đổi trả');
    expect(want!.text).toContain('1. Hoàn tiền');
    await say(id, '1');
    await say(id, 'Nguyễn Văn An, 0912345678');
    const [summary] = await say(id, 'Bình Dương');
    expect(summary!.text).toContain('1. Đúng rồi, gửi đi');
    await say(id, '1');
    server.enqueue(server.textUpdate(id, '1'));
    await server.api.waitUntil(() => server.sentTo(id).some((m) => m.text.includes('không gửi được qua kênh này')), 15_000, 'the file notice');
    const texts = server.sentTo(id).map((m) => m.text);
    expect(texts.some((t) => /Mã hồ sơ của bạn: KN-\d{8}-\w+/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('ĐƠN YÊU CẦU THƯƠNG LƯỢNG'))).toBe(true);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(2000);
    expect(await bed.app.db.complaint.count()).toBe(1);
  });

  it('answers a message delivered twice only once, and ignores unknown events', async () => {
    const id = `z${++chat}`;
    const update = server.textUpdate(id, '/hotline');
    server.enqueue(update);
    server.enqueue({ event_name: 'message.reaction.received', message: { anything: true } });
    server.enqueue(update);
    server.enqueue(server.textUpdate(id, '/help'));
    const sent = await server.waitForSent(id, 2);
    await channel.idle();
    expect(sent.map((m) => m.text.split('\n')[0])).toEqual(['Bạn có thể liên hệ:', 'Cách dùng:']);
    expect(server.sentTo(id)).toHaveLength(2);
  });

  it('replies to a photo and keeps its URL as evidence', async () => {
    const id = `z${++chat}`;
    server.enqueue({ event_name: 'message.image.received', message: { ...server.textUpdate(id, '').message, text: undefined, photo: 'https://photo.example/hoa-don.jpg' } });
    const [reply] = await server.waitForSent(id, 1);
    expect(reply!.text).toContain('Tôi đã nhận được ảnh');
    const stored = await bed.app.db.message.findFirstOrThrow({ where: { conversation: { externalId: id }, direction: 'in' } });
    expect(stored.payload).toContain('https://photo.example/hoa-don.jpg');
  });

  it('delivers outbox messages in the chat', async () => {
    const id = `z${++chat}`;
    await bed.outbox.enqueue('zalo', id, { text: 'Nhân viên: đã nhận hồ sơ của bạn.', options: [{ id: 'x', label: 'Xem tình trạng' }] }, new Date());
    const [message] = await server.waitForSent(id, 1);
    expect(message!.text).toBe('Nhân viên: đã nhận hồ sơ của bạn.\n1. Xem tình trạng');
  });
});

describe('Zalo channel in webhook mode', () => {
  let bed: ChannelTestBed;
  let server: FakeZaloServer;
  let channel: ZaloChannel;
  let chat = 200;

  beforeAll(async () => {
    bed = await createChannelTestBed();
    server = new FakeZaloServer();
    await server.listen();
    channel = await startChannel(bed, server, { url: `http://127.0.0.1:${await freePort()}/zalo/webhook`, secret });
  });

  afterAll(async () => {
    await channel?.stop();
    await server?.close();
    await bed?.dispose();
  });

  it('accepts both body shapes and answers a law question with a citation', async () => {
    expect(server.webhook).toEqual({ url: expect.stringMatching(/\/zalo\/webhook$/), secret });
    const id = `w${++chat}`;
    expect(await server.postWebhook(server.textUpdate(id, 'shop không xuất hóa đơn có được không'), { wrapped: true })).toBe(200);
    expect(await server.postWebhook(server.textUpdate(id, '/hotline'), { wrapped: false })).toBe(200);
    const [answer, hotline] = await server.waitForSent(id, 2);
    expect(answer!.text).toMatch(citation);
    expect(hotline!.text).toContain('1800.6838');
  });

  it('answers a redelivered message once', async () => {
    const id = `w${++chat}`;
    const update = server.textUpdate(id, '/hotline');
    expect(await Promise.all([server.postWebhook(update), server.postWebhook(update)])).toEqual([200, 200]);
    expect(await server.postWebhook(update, { wrapped: false })).toBe(200);
    await channel.idle();
    expect(server.sentTo(id)).toHaveLength(1);
  });

  it('refuses a wrong secret (403), malformed JSON (400) and an oversized body (413); ignores unknown events; none changes state', async () => {
    const id = `w${++chat}`;
    const update = server.textUpdate(id, '/hotline');
    const before = await stateSnapshot(bed.app.db);
    expect(await server.postWebhook(update, { secret: 'not-the-secret' })).toBe(403);
    expect(await server.postWebhook(update, { secret: null })).toBe(403);
    expect(await server.postWebhook(undefined, { rawBody: '{"event_name": "message.text.received", ' })).toBe(400);
    expect(await server.postWebhook(undefined, { rawBody: '{"hello": "world"}' })).toBe(400);
    expect(await server.postWebhook({ ...update, message: { text: 'no sender, no chat' } })).toBe(400);
    expect(await server.postWebhook(undefined, { rawBody: JSON.stringify({ ...update, padding: 'x'.repeat(300_000) }) })).toBe(413);
    expect(await server.postWebhook({ event_name: 'follow.received', follower: { id: id } })).toBe(200);
    await channel.idle();
    expect(await stateSnapshot(bed.app.db)).toEqual(before);
    expect(server.sentTo(id)).toEqual([]);
  });
});
