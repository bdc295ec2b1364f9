import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelegramChannel } from '../../bot/telegram/telegram-channel.ts';
import { createChannelTestBed, type ChannelTestBed } from '../support/channel-harness.ts';
import { FakeTelegramServer } from '../support/fake-telegram-server.ts';
import { telegramTestChannel } from '../support/telegram-test-channel.ts';
import { recallContent } from './warning-fixture.ts';

/**
 * /canhbao on Telegram with its buttons, then a published warning arriving in that chat through the
 * channel's outbox dispatcher, in English for a chat that switched to English and the warning has it.
 */
describe('warnings on Telegram', () => {
  let bed: ChannelTestBed;
  let server: FakeTelegramServer;
  let channel: TelegramChannel;

  beforeAll(async () => {
    bed = await createChannelTestBed();
    server = new FakeTelegramServer();
    await server.listen();
    channel = telegramTestChannel(server, { handle: (m) => bed.app.engine.handle(m), journal: bed.journal, outbox: bed.outbox, leases: bed.app.leases, instanceId: 'test-instance' });
    await channel.start();
  });
  afterAll(async () => {
    await channel?.stop();
    await server?.close();
    await bed?.dispose();
  });

  const step = async (id: number, send: () => void, expected = 1) => {
    const before = server.sentTo(id).length;
    send();
    return (await server.waitForSent(id, before + expected)).slice(before);
  };

  it('subscribes with buttons and receives the warning once, in the chat language', async () => {
    const vi = 61_001;
    const en = 61_002;
    const [consent] = await step(vi, () => server.sendText(vi, '/canhbao'));
    expect(consent!.buttons.map(([label]) => label)).toEqual(['Đồng ý nhận cảnh báo', 'Không, cảm ơn']);
    const settings = await step(vi, () => server.press(consent!, 'Đồng ý nhận cảnh báo'), 2);
    const menu = settings.at(-1)!;
    expect(menu.buttons.map(([label]) => label)).toContain('✅ Hàng giả, hàng lậu');
    const [changed] = await step(vi, () => server.press(menu, '✅ Hàng giả, hàng lậu'));
    expect(changed!.buttons.map(([label]) => label)).toContain('⬜ Hàng giả, hàng lậu');

    await step(en, () => server.sendText(en, '/en'));
    const [consentEn] = await step(en, () => server.sendText(en, '/canhbao'));
    await step(en, () => server.press(consentEn!, 'Yes, send me warnings'), 2);

    const warnings = bed.app.warnings;
    const draft = await warnings.repository.create(recallContent({ translations: { en: { title: 'Hanami HD-200 hair dryer recalled', text: 'Hanami recalls its HD-200 hair dryer: the cord can overheat.' } } }), 'admin@x.vn', new Date());
    await warnings.desk.publish(draft.id, draft.version, 'admin@x.vn', new Date());
    await warnings.job.runOnce();
    const [toVi] = await server.waitForSent(vi, server.sentTo(vi).length + 1).then((s) => s.slice(-1));
    const [toEn] = await server.waitForSent(en, server.sentTo(en).length + 1).then((s) => s.slice(-1));
    expect(toVi!.text).toContain('⚠️ Thu hồi sản phẩm: Thu hồi máy sấy tóc Hanami HD-200');
    expect(toEn!.text).toContain('⚠️ Product recall: Hanami HD-200 hair dryer recalled');
    await warnings.job.runOnce();
    await new Promise((r) => setTimeout(r, 300));
    expect(server.sentTo(vi).filter((m) => m.text.startsWith('⚠️'))).toHaveLength(1);
  });

  it("sends warnings' copies as paid broadcasts when those have a rate, and nothing else", async () => {
    // The same fake Telegram (its update ids go on), this time with a paid broadcast rate.
    await channel.stop();
    channel = telegramTestChannel(server, {
      handle: (m) => bed.app.engine.handle(m),
      journal: bed.journal,
      outbox: bed.outbox,
      leases: bed.app.leases,
      instanceId: 'test-instance',
      outboxSending: { perSecond: 25, concurrency: 2, broadcastPerSecond: 500 },
    });
    await channel.start();
    const chat = 61_003;
    await bed.outbox.enqueue('telegram', String(chat), { text: 'Cảnh báo: thu hồi', broadcast: true }, new Date());
    await bed.outbox.enqueue('telegram', String(chat), { text: 'Nhân viên trả lời', from: 'staff' }, new Date());
    const sent = await server.waitForSent(chat, 2);
    expect(sent.map((m) => [m.text.includes('thu hồi'), m.paidBroadcast])).toEqual([[true, true], [false, false]]);
    // A turn's reply is never a paid broadcast.
    const [reply] = await step(chat, () => server.sendText(chat, '/hotline'));
    expect(reply!.paidBroadcast).toBe(false);
  });
});
