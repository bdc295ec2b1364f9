import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatUserLimit } from '../../../bot/channels/chat-user-limit.ts';
import { ZaloChannel } from '../../../bot/zalo/zalo-channel.ts';
import { ZaloClient } from '../../../bot/zalo/zalo-client.ts';
import type { InboundMessage } from '../../../src/dialogue/messages.ts';
import { systemClock } from '../../../src/shared/clock.ts';
import { createChannelTestBed, freePort, type ChannelTestBed } from '../../support/channel-harness.ts';
import { eventually } from '../../support/eventually.ts';
import { FakeZaloServer, type ZaloTestUpdate } from '../../support/fake-zalo-server.ts';
import { stateSnapshot } from '../../support/state-snapshot.ts';

const citation = /Điều \d+ Luật Bảo vệ quyền lợi người tiêu dùng 2023 \(19\/2023\/QH15\)/;
const secret = 'zalo-webhook-secret';
const perChatLimit = 6;

async function startChannel(bed: ChannelTestBed, server: FakeZaloServer, webhook?: { url: string; secret: string }, limit?: ChatUserLimit): Promise<ZaloChannel> {
  const channel = new ZaloChannel({
    client: new ZaloClient({ token: server.token, baseUrl: server.url, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 } }),
    handle: (m) => bed.app.engine.handle(m),
    journal: bed.journal,
    outbox: bed.outbox,
    translators: bed.app.translators,
    clock: systemClock,
    instanceId: 'test-instance',
    leases: bed.app.leases,
    logger: bed.logger({ ZALO_BOT_TOKEN: server.token }),
    hotline: '1800.6838',
    pollingTimeoutSeconds: 1,
    outboxIntervalMs: 50,
    ...(webhook ? { webhook } : {}),
    ...(limit ? { admit: (m: InboundMessage) => limit.admit(m) } : {}),
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

  it('answers two chats whose messages share a message id: the key names the chat', async () => {
    const [a, b] = [`z${++chat}`, `z${++chat}`];
    server.enqueue(server.textUpdate(a, '/hotline', { message_id: 'shared-id-1' }));
    server.enqueue(server.textUpdate(b, '/help', { message_id: 'shared-id-1' }));
    const [toA] = await server.waitForSent(a, 1);
    const [toB] = await server.waitForSent(b, 1);
    expect(toA!.text).toContain('1800.6838');
    expect(toB!.text.split('\n')[0]).toBe('Cách dùng:');
    await channel.idle();
    const keys = await bed.app.db.inboundUpdate.findMany({ where: { channel: 'zalo', key: { contains: 'shared-id-1' } }, select: { key: true, deliveredAt: true } });
    expect(keys.map((k) => k.key).sort()).toEqual([`${a}:shared-id-1:message.text.received`, `${b}:shared-id-1:message.text.received`]);
    expect(keys.every((k) => k.deliveredAt !== null)).toBe(true);
  });

  it('strips NUL and other control characters from the text and the sender name before storing them', async () => {
    const id = `z${++chat}`;
    const update = server.textUpdate(id, 'bảo hành\u0000 điện thoại\u0007 mấy tháng?\r\nxin cảm ơn\tạ');
    server.enqueue({ ...update, message: { ...update.message, from: { id, display_name: 'Lan\u0000\u001b', is_bot: false } } });
    await server.waitForSent(id, 1);
    await channel.idle();
    const conversation = await bed.app.db.conversation.findFirstOrThrow({ where: { channel: 'zalo', externalId: id }, include: { messages: { where: { direction: 'in' } } } });
    expect(conversation.userName).toBe('Lan');
    expect(conversation.messages.map((m) => m.text)).toEqual(['bảo hành điện thoại mấy tháng?\nxin cảm ơn\tạ']);
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

  it('resumes a staff reply split in two at the part Zalo refused: the part it took is not sent again', async () => {
    const id = `z${++chat}`;
    const first = `Về khiếu nại của chị: ${'cửa hàng đã nhận hồ sơ và hẹn trả lời. '.repeat(35)}`.trim();
    const second = `Bước tiếp theo: ${'chị giữ hóa đơn và chờ cuộc gọi của cán bộ. '.repeat(30)}`.trim();
    server.api.failNext('sendMessage', { body: { ok: false, error_code: 400, description: 'Bad Request: try again' } }, (c) => c.params.chat_id === id && String(c.params.text).startsWith('Bước tiếp theo'));
    await bed.outbox.enqueue('zalo', id, { text: `${first}\n\n${second}`, from: 'staff', locale: 'vi' }, new Date());
    const sent = await server.waitForSent(id, 2, 20_000);
    await eventually(async () => expect(await bed.outbox.pending('zalo', 10)).toHaveLength(0), 5_000);
    expect(sent.map((m) => m.text.slice(0, 14))).toEqual(['👤 Nhân viên h', 'Bước tiếp theo']);
    expect(server.sentTo(id)).toHaveLength(2);
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
    // Generous enough for the other tests' chats; the flood test sends more from one chat.
    const limit = new ChatUserLimit({ translators: bed.app.translators, clock: systemClock, perMinute: perChatLimit });
    channel = await startChannel(bed, server, { url: `http://127.0.0.1:${await freePort()}/zalo/webhook`, secret }, limit);
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

  it('journals only what it answers: the dropped messages are accepted (200) but never written, nor looked up, nor queued behind the chat', async () => {
    const id = `w${++chat}`;
    // Just after start every message is looked up under the key of earlier versions; a dropped one is not.
    const lookups = vi.spyOn(bed.journal, 'find');
    for (let i = 0; i < perChatLimit + 10; i++) expect(await server.postWebhook(server.textUpdate(id, '/hotline'))).toBe(200);
    await channel.idle();
    expect(lookups).toHaveBeenCalledTimes(perChatLimit + 1);
    lookups.mockRestore();
    // The answers and the polite line; the other nine cost no row (and so no write to settle one).
    expect(server.sentTo(id)).toHaveLength(perChatLimit + 1);
    expect(await bed.app.db.inboundUpdate.count({ where: { channel: 'zalo', key: { startsWith: `${id}:` } } })).toBe(perChatLimit + 1);
    expect(await bed.app.db.inboundUpdate.count({ where: { channel: 'zalo', deliveredAt: null } })).toBe(0);
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

/**
 * Updates journaled by versions whose key was `message_id:event_name` (no chat): after the upgrade
 * an owed one is finished under its own key, and a redelivery of one is not answered again, while a
 * message of another chat that shares its id is answered.
 */
describe('Zalo channel started on a journal with keys of the earlier format', () => {
  let bed: ChannelTestBed;
  let server: FakeZaloServer;
  let channel: ZaloChannel;
  const hourAgo = Date.now() - 3_600_000;
  const oldKey = (messageId: string) => `${messageId}:message.text.received`;
  let delivered: ZaloTestUpdate;
  let owed: ZaloTestUpdate;
  let halfSent: ZaloTestUpdate;

  beforeAll(async () => {
    bed = await createChannelTestBed();
    server = new FakeZaloServer();
    await server.listen();
    const t0 = new Date(hourAgo);
    // Answered in full by the earlier version.
    delivered = server.textUpdate('old-1', '/hotline', { message_id: 'old-msg-1', date: hourAgo });
    await bed.journal.record('zalo', [{ key: oldKey('old-msg-1'), payload: JSON.stringify(delivered) }], t0, { owner: 'test-instance', ttlMs: 60_000 });
    await bed.app.engine.handle({ channel: 'zalo', externalId: 'old-1', text: '/hotline', updateKey: oldKey('old-msg-1') });
    await bed.journal.markSent('zalo', oldKey('old-msg-1'), 1, true, t0);
    // Journaled, then the earlier version died before handling it.
    owed = server.textUpdate('old-2', '/hotline', { message_id: 'old-msg-2', date: hourAgo });
    await bed.journal.record('zalo', [{ key: oldKey('old-msg-2'), payload: JSON.stringify(owed) }], t0, { owner: 'test-instance', ttlMs: 60_000 });
    // Handled (the turn is saved under the old key), then it died before sending.
    halfSent = server.textUpdate('old-3', '/hotline', { message_id: 'old-msg-3', date: hourAgo });
    await bed.journal.record('zalo', [{ key: oldKey('old-msg-3'), payload: JSON.stringify(halfSent) }], t0, { owner: 'test-instance', ttlMs: 60_000 });
    await bed.app.engine.handle({ channel: 'zalo', externalId: 'old-3', text: '/hotline', updateKey: oldKey('old-msg-3') });
    channel = await startChannel(bed, server, { url: `http://127.0.0.1:${await freePort()}/zalo/webhook`, secret });
  });

  afterAll(async () => {
    await channel?.stop();
    await server?.close();
    await bed?.dispose();
  });

  it('finishes what was owed under the old keys at start-up, once, without handling a message again', async () => {
    await channel.idle();
    expect(server.sentTo('old-1')).toEqual([]);
    expect(server.sentTo('old-2').map((m) => m.text.split('\n')[0])).toEqual(['Bạn có thể liên hệ:']);
    expect(server.sentTo('old-3').map((m) => m.text.split('\n')[0])).toEqual(['Bạn có thể liên hệ:']);
    // old-3's turn was not run again: its one inbound message and one reply.
    expect(await bed.app.db.message.count({ where: { conversation: { externalId: 'old-3' } } })).toBe(2);
    const rows = await bed.app.db.inboundUpdate.findMany({ where: { channel: 'zalo' }, select: { key: true, deliveredAt: true } });
    expect(rows.map((r) => r.key).sort()).toEqual([oldKey('old-msg-1'), oldKey('old-msg-2'), oldKey('old-msg-3')]);
    expect(rows.every((r) => r.deliveredAt !== null)).toBe(true);
  });

  it('does not answer a redelivery of an update journaled under an old key', async () => {
    await channel.idle();
    const before = await stateSnapshot(bed.app.db);
    for (const update of [delivered, owed, halfSent]) expect(await server.postWebhook(update)).toBe(200);
    await channel.idle();
    expect(server.sentTo('old-1')).toHaveLength(0);
    expect(server.sentTo('old-2')).toHaveLength(1);
    expect(server.sentTo('old-3')).toHaveLength(1);
    expect(await stateSnapshot(bed.app.db)).toEqual(before);
  });

  it('answers another chat whose message has the id of an old-key update', async () => {
    expect(await server.postWebhook(server.textUpdate('new-1', '/hotline', { message_id: 'old-msg-1', date: hourAgo }))).toBe(200);
    const [reply] = await server.waitForSent('new-1', 1);
    expect(reply!.text).toContain('1800.6838');
    await channel.idle();
    expect(await bed.journal.state('zalo', 'new-1:old-msg-1:message.text.received')).toEqual({ sentCount: 1, delivered: true });
  });
});
