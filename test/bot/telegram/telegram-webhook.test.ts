import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatUserLimit } from '../../../bot/channels/chat-user-limit.ts';
import { TelegramChannel } from '../../../bot/telegram/telegram-channel.ts';
import type { InboundMessage } from '../../../src/dialogue/messages.ts';
import { systemClock } from '../../../src/shared/clock.ts';
import { createChannelTestBed, freePort, type ChannelTestBed } from '../../support/channel-harness.ts';
import { FakeTelegramServer } from '../../support/fake-telegram-server.ts';
import { stateSnapshot } from '../../support/state-snapshot.ts';

const secret = 'webhook_secret-123';
const perChatLimit = 6;

async function startWebhookChannel(bed: ChannelTestBed, server: FakeTelegramServer, limit: ChatUserLimit): Promise<TelegramChannel> {
  const port = await freePort();
  const channel = new TelegramChannel({
    token: server.token,
    apiRoot: server.url,
    handle: (m) => bed.app.engine.handle(m),
    admit: (m: InboundMessage) => limit.admit(m),
    journal: bed.journal,
    translators: bed.app.translators,
    clock: systemClock,
    instanceId: 'test-instance',
    leases: bed.app.leases,
    logger: bed.logger({ TELEGRAM_BOT_TOKEN: server.token, TELEGRAM_WEBHOOK_SECRET: secret }),
    hotline: '1800.6838',
    webhook: { url: `http://127.0.0.1:${port}/telegram/webhook`, secret },
  });
  await bed.webServer(port, [channel.webhookMount()!]);
  await channel.start();
  return channel;
}

describe('Telegram channel in webhook mode', () => {
  let bed: ChannelTestBed;
  let server: FakeTelegramServer;
  let channel: TelegramChannel;
  let chat = 9000;

  beforeAll(async () => {
    bed = await createChannelTestBed();
    server = new FakeTelegramServer();
    await server.listen();
    // Generous enough for the other tests' chats; the flood test sends more from one chat.
    channel = await startWebhookChannel(bed, server, new ChatUserLimit({ translators: bed.app.translators, clock: systemClock, perMinute: perChatLimit }));
  });

  afterAll(async () => {
    await channel?.stop();
    await server?.close();
    await bed?.dispose();
  });

  it('sets the webhook with its secret and answers a law question with a citation', async () => {
    expect(server.webhook).toEqual({ url: expect.stringMatching(/\/telegram\/webhook$/), secret });
    const id = ++chat;
    const update = { update_id: server.newUpdateId(), message: server.message(id, { text: 'bảo hành mấy lần không sửa được thì đổi được không' }) };
    expect(await server.postWebhook(update)).toBe(200);
    const [answer] = await server.waitForSent(id, 1);
    expect(answer!.text).toMatch(/Điều \d+ Luật Bảo vệ quyền lợi người tiêu dùng 2023 \(19\/2023\/QH15\)/);
  });

  it('answers an update delivered twice (one after the other, or at once) only once', async () => {
    const id = ++chat;
    const update = { update_id: server.newUpdateId(), message: server.message(id, { text: '/hotline' }) };
    expect(await server.postWebhook(update)).toBe(200);
    expect(await server.postWebhook(update)).toBe(200);
    const again = { update_id: server.newUpdateId(), message: server.message(id, { text: '/help' }) };
    expect(await Promise.all([server.postWebhook(again), server.postWebhook(again), server.postWebhook(again)])).toEqual([200, 200, 200]);
    // Every delivery was handled before its 200, so nothing more is on its way.
    expect(server.sentTo(id).map((m) => m.text.split('\n')[0])).toEqual(['Bạn có thể liên hệ:', 'Cách dùng:']);
  });

  it('journals only what it answers: the dropped messages are accepted (200) but never written', async () => {
    const keys: string[] = [];
    ++chat;
    for (let i = 0; i < perChatLimit + 10; i++) {
      const update = { update_id: server.newUpdateId(), message: server.message(chat, { text: '/hotline' }) };
      keys.push(String(update.update_id));
      expect(await server.postWebhook(update)).toBe(200);
    }
    // The answers and the polite line; the other nine cost no row (and so no write to settle one).
    expect(server.sentTo(chat)).toHaveLength(perChatLimit + 1);
    const rows = await bed.app.db.inboundUpdate.findMany({ where: { channel: 'telegram', key: { in: keys } }, select: { deliveredAt: true } });
    expect(rows).toHaveLength(perChatLimit + 1);
    expect(rows.every((r) => r.deliveredAt !== null)).toBe(true);
  });

  it('refuses a wrong secret (401), malformed JSON (400) and an oversized body (413) without touching state', async () => {
    const id = ++chat;
    const update = { update_id: server.newUpdateId(), message: server.message(id, { text: '/hotline' }) };
    const before = await stateSnapshot(bed.app.db);
    expect(await server.postWebhook(update, { secret: 'wrong-secret' })).toBe(401);
    expect(await server.postWebhook(update, { secret: '' })).toBe(401);
    expect(await server.postWebhook(undefined, { rawBody: '{"update_id": 1, "message": ' })).toBe(400);
    expect(await server.postWebhook(undefined, { rawBody: '[1, 2, 3]' })).toBe(400);
    expect(await server.postWebhook(undefined, { rawBody: JSON.stringify({ ...update, padding: 'x'.repeat(300_000) }) })).toBe(413);
    expect(await stateSnapshot(bed.app.db)).toEqual(before);
    expect(server.sentTo(id)).toEqual([]);
  });
});
