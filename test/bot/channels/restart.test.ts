import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/storage/database.ts';
import { startBotProcess, type BotProcess } from '../../support/bot-process.ts';
import { FakeTelegramServer, type SentMessage } from '../../support/fake-telegram-server.ts';
import { FakeZaloServer } from '../../support/fake-zalo-server.ts';
import { knowledgeDir } from '../../support/knowledge.ts';
import { createTestApp, sharedDataDir } from '../../support/test-app.ts';

/**
 * The real bot (bot/main.ts in a child process) on both channels, killed with SIGKILL while it is
 * sending a reply in the middle of a complaint, then started again: the flow resumes where it was,
 * the reply that was not sent is sent once, the parts that were sent are not sent again, and what
 * the user wrote while the bot was down is answered after it, in order.
 */
describe('kill -9 and restart in the middle of a flow (Telegram and Zalo)', () => {
  let dir: string;
  let telegram: FakeTelegramServer;
  let zalo: FakeZaloServer;
  let bot: BotProcess | null = null;
  let env: Record<string, string>;

  beforeAll(async () => {
    // Builds the shared search index once, so the bot process only loads it.
    await (await createTestApp()).dispose();
    dir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-restart-'));
    telegram = new FakeTelegramServer();
    zalo = new FakeZaloServer();
    await Promise.all([telegram.listen(), zalo.listen()]);
    env = {
      DATABASE_URL: `file:${path.join(dir, 'bot.db')}`,
      DATA_DIR: sharedDataDir,
      KNOWLEDGE_DIR: knowledgeDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_BASE: zalo.url,
    };
  });

  afterAll(async () => {
    bot?.child.kill('SIGKILL');
    await Promise.all([telegram?.close(), zalo?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('resumes the complaint with nothing lost or sent twice', async () => {
    bot = await startBotProcess(env);
    const tg = 4242;
    const zl = 'zalo-4242';
    const tgStep = async (send: () => void, expected = 1) => {
      const before = telegram.sentTo(tg).length;
      send();
      return (await telegram.waitForSent(tg, before + expected, 30_000)).slice(before);
    };
    const zlStep = async (text: string, expected = 1) => {
      const before = zalo.sentTo(zl).length;
      zalo.enqueue(zalo.textUpdate(zl, text));
      return (await zalo.waitForSent(zl, before + expected, 30_000)).slice(before);
    };
    const story = 'Tôi mua điện thoại trên Shopee của shop ABC ngày 10/10/2026 giá 5.000.000 đồng, máy bị lỗi màn hình, shop không chịu đổi trả';

    await tgStep(() => telegram.sendText(tg, '/khieunai'));
    const [want] = await tgStep(() => telegram.sendText(tg, story));
    await tgStep(() => telegram.press(want!, 'Hoàn tiền'));
    await tgStep(() => telegram.sendText(tg, 'Nguyễn Văn An, 0912345678'));
    await zlStep('/khieunai');
    await zlStep(story);
    await zlStep('1');
    await zlStep('Trần Thị Bình, 0987654321');

    // The province completes the draft; the bot saves the turn, then dies while sending the summary.
    const summary = (text: unknown) => String(text).includes('Tóm tắt khiếu nại');
    const tgStalled = telegram.api.stallNext('sendMessage', (c) => String(c.params.chat_id) === String(tg) && summary(c.params.text));
    const zlStalled = zalo.api.stallNext('sendMessage', (c) => c.params.chat_id === zl && summary(c.params.text));
    telegram.sendText(tg, 'Bình Dương');
    zalo.enqueue(zalo.textUpdate(zl, 'Bình Dương'));
    await Promise.all([tgStalled, zlStalled]);
    bot.child.kill('SIGKILL');
    expect(await bot.exited).toBeNull();

    // Zalo has no acknowledgement: an update handed to a connection that just died is gone, as on
    // the real platform. Write only once the fake has seen the killed bot's poll end.
    await zalo.api.waitUntil(() => zalo.api.waitingPolls === 0, 10_000, 'the killed poll to close');
    // Written while the bot is down: answered after the summary it still owes.
    telegram.sendText(tg, '/hotline');
    zalo.enqueue(zalo.textUpdate(zl, '/hotline'));
    const tgBefore = telegram.sentTo(tg).length;
    const zlBefore = zalo.sentTo(zl).length;
    bot = await startBotProcess(env);
    const tgAfter = (await telegram.waitForSent(tg, tgBefore + 2, 30_000)).slice(tgBefore);
    const zlAfter = (await zalo.waitForSent(zl, zlBefore + 2, 30_000)).slice(zlBefore);
    expect(summary(tgAfter[0]!.text) && tgAfter[1]!.text.startsWith('Bạn có thể liên hệ:')).toBe(true);
    expect(summary(zlAfter[0]!.text) && zlAfter[1]!.text.startsWith('Bạn có thể liên hệ:')).toBe(true);

    // Second crash, in the middle of a multi-part reply: the filed complaint's reference went out,
    // the last part did not. After the restart only that part is sent.
    const [consent] = await tgStep(() => telegram.press(lastWithButtons(tgAfter), 'Đúng rồi, gửi đi'));
    // The /hotline reply offered no options, so a typed "1" would no longer mean "confirm": type the words.
    await zlStep('đúng rồi');
    const tgDocStalled = telegram.api.stallNext('sendDocument', (c) => String(c.params.chat_id) === String(tg));
    const zlNoticeStalled = zalo.api.stallNext('sendMessage', (c) => c.params.chat_id === zl && String(c.params.text).includes('không gửi được qua kênh này'));
    telegram.press(consent!, consent!.buttons[0]![0]);
    zalo.enqueue(zalo.textUpdate(zl, '1'));
    await Promise.all([tgDocStalled, zlNoticeStalled]);
    bot.child.kill('SIGKILL');
    await bot.exited;
    bot = await startBotProcess(env);
    await telegram.api.waitUntil(() => telegram.sentTo(tg).some((m) => m.text.startsWith('[document ')), 30_000, 'the PDF');
    await zalo.api.waitUntil(() => zalo.sentTo(zl).some((m) => m.text.includes('không gửi được qua kênh này')), 30_000, 'the file notice');

    // A clean stop (SIGTERM) after everything was delivered.
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    bot = null;

    for (const texts of [telegram.sentTo(tg).map((m) => m.text), zalo.sentTo(zl).map((m) => m.text)]) {
      const count = (pattern: RegExp) => texts.filter((t) => pattern.test(t)).length;
      expect(count(/Tôi sẽ giúp bạn soạn đơn khiếu nại/)).toBe(1);
      expect(count(/Bạn muốn doanh nghiệp giải quyết thế nào/)).toBe(1);
      expect(count(/Tóm tắt khiếu nại của bạn/)).toBe(1);
      expect(count(/^Bạn có thể liên hệ:/)).toBe(1);
      expect(count(/bạn đồng ý cho chúng tôi chia sẻ/)).toBe(1);
      expect(count(/Mã hồ sơ của bạn: KN-/)).toBe(1);
      expect(count(/ĐƠN YÊU CẦU THƯƠNG LƯỢNG/)).toBe(1);
      expect(count(/^\[document |không gửi được qua kênh này/)).toBe(1);
      expect(new Set(texts.filter((t) => t.length > 200)).size).toBe(texts.filter((t) => t.length > 200).length);
    }
    const database = await openDatabase(env.DATABASE_URL!);
    try {
      expect(await database.prisma.complaint.count()).toBe(2);
      expect(await database.prisma.inboundUpdate.count({ where: { deliveredAt: null, channel: { in: ['telegram', 'zalo'] } } })).toBe(0);
    } finally {
      await database.close();
    }
  }, 180_000);
});

function lastWithButtons(messages: readonly SentMessage[]): SentMessage {
  const found = messages.findLast((m) => m.buttons.length > 0);
  if (!found) throw new Error(`no message with buttons among: ${messages.map((m) => m.text.slice(0, 40)).join(' / ')}`);
  return found;
}
