import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramChannel, telegramCommands } from '../../../bot/telegram/telegram-channel.ts';
import { systemClock } from '../../../src/shared/clock.ts';
import { createChannelTestBed, type ChannelTestBed } from '../../support/channel-harness.ts';
import { eventually } from '../../support/eventually.ts';
import { FakeTelegramServer, fakeBot, type SentMessage } from '../../support/fake-telegram-server.ts';

const citation = /(khoản \d+ )?Điều \d+ Luật Bảo vệ quyền lợi người tiêu dùng 2023 \(19\/2023\/QH15\)/;

describe('Telegram channel over real HTTP (long polling)', () => {
  let bed: ChannelTestBed;
  let server: FakeTelegramServer;
  let channel: TelegramChannel;
  let chat = 5000;

  beforeAll(async () => {
    bed = await createChannelTestBed();
    server = new FakeTelegramServer();
    await server.listen();
    channel = new TelegramChannel({
      token: server.token,
      apiRoot: server.url,
      handle: (m) => (m.text === 'boom' ? Promise.reject(new Error(`database unreachable with ${server.token}`)) : bed.app.engine.handle(m)),
      journal: bed.journal,
      outbox: bed.outbox,
      translators: bed.app.translators,
      clock: systemClock,
      instanceId: 'test-instance',
      leases: bed.app.leases,
      logger: bed.logger({ TELEGRAM_BOT_TOKEN: server.token }),
      hotline: '1800.6838',
      typingDelayMs: 0,
      pollingTimeoutSeconds: 1,
      outboxIntervalMs: 50,
    });
    await channel.start();
  });

  afterAll(async () => {
    await channel?.stop();
    await server?.close();
    await bed?.dispose();
  });

  it('registers the commands menu in Vietnamese and English', () => {
    const calls = server.callsOf('setMyCommands');
    const vi = calls.find((c) => c.params.language_code === undefined)!.params.commands as Array<{ command: string; description: string }>;
    expect(vi.map((c) => c.command)).toEqual([...telegramCommands]);
    expect(vi.find((c) => c.command === 'khieunai')?.description).toBe('Soạn khiếu nại');
    expect(calls.some((c) => c.params.language_code === 'en')).toBe(true);
  });

  it('answers a law question with a citation, showing "typing" while it works', async () => {
    const id = ++chat;
    server.sendText(id, 'bảo hành sửa 3 lần vẫn hỏng thì có được đổi cái mới không');
    const [answer] = await server.waitForSent(id, 1);
    expect(answer!.text).toMatch(citation);
    expect(answer!.buttons.length).toBeGreaterThan(0);
    // The indicator is sent without waiting for it, so it may land just after the answer.
    await server.api.waitUntil(() => server.callsOf('sendChatAction').some((c) => String(c.params.chat_id) === String(id) && c.params.action === 'typing'), 5_000, 'typing');
  });

  it('carries a complaint from /khieunai to its reference and PDF, with buttons', async () => {
    const id = ++chat;
    const step = async (send: () => void, expected: number) => {
      const before = server.sentTo(id).length;
      send();
      const sent = await server.waitForSent(id, before + expected);
      return sent.slice(before);
    };
    await step(() => server.sendText(id, '/khieunai'), 1);
    const [want] = await step(() => server.sendText(id, 'Tôi mua điện thoại trên Shopee của shop ABC ngày 10/10/2026 giá 5.000.000 đồng, máy bị lỗi màn hình, shop không chịu đổi trả'), 1);
    expect(want!.buttons.map(([label]) => label)).toContain('Hoàn tiền');
    await step(() => server.press(want!, 'Hoàn tiền'), 1);
    await step(() => server.sendText(id, 'Nguyễn Văn An, 0912345678'), 1);
    const summary = await step(() => server.sendText(id, 'Bình Dương'), 1);
    const confirm = lastWithButtons(summary);
    const [consent] = await step(() => server.press(confirm, 'Đúng rồi, gửi đi'), 1);
    const done = await step(() => server.press(consent!, consent!.buttons[0]![0]), 3);
    expect(done[0]!.text).toMatch(/Mã hồ sơ của bạn: KN-\d{8}-\w+/);
    expect(done.map((m) => m.text)).toContainEqual(expect.stringMatching(/^\[document don-yeu-cau-thuong-luong-KN-.+\.pdf\]$/));
    // Each button press was acknowledged, so Telegram stops the spinner.
    expect(server.callsOf('answerCallbackQuery').length).toBeGreaterThanOrEqual(3);
    expect(await bed.app.db.complaint.count()).toBe(1);
  });

  it('replies sensibly to photos, documents, stickers, voice and locations, keeping file ids', async () => {
    const id = ++chat;
    const media = [
      { photo: [{ file_id: 'small', file_unique_id: 's', width: 90, height: 90 }, { file_id: 'big-photo', file_unique_id: 'b', width: 900, height: 900 }] },
      { document: { file_id: 'doc-1', file_unique_id: 'd', file_name: 'hoa-don.pdf', mime_type: 'application/pdf' } },
      { sticker: { file_id: 'st-1', file_unique_id: 'st', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } },
      { voice: { file_id: 'vo-1', file_unique_id: 'v', duration: 3 } },
      { location: { latitude: 10.98, longitude: 106.65 } },
    ];
    for (const [i, fields] of media.entries()) {
      server.enqueue({ message: server.message(id, fields as never) as never });
      await server.waitForSent(id, i + 1);
    }
    const texts = server.sentTo(id).map((m) => m.text);
    for (const [i, what] of ['ảnh', 'tệp', 'nhãn dán', 'tin nhắn thoại', 'vị trí'].entries()) expect(texts[i]).toContain(`Tôi đã nhận được ${what}`);
    const conversation = await bed.app.db.conversation.findFirstOrThrow({ where: { channel: 'telegram', externalId: String(id) } });
    const inbound = await bed.app.db.message.findMany({ where: { conversationId: conversation.id, direction: 'in' }, orderBy: { createdAt: 'asc' } });
    expect(inbound[0]!.payload).toContain('big-photo');
    expect(inbound[1]!.payload).toContain('hoa-don.pdf');
    expect(inbound[4]!.payload).toContain('geo:10.98,106.65');
  });

  it('in a group answers only when mentioned or replied to', async () => {
    const group = -100_000 - ++chat;
    const groupChat = { id: group, type: 'supergroup', title: 'Nhóm' } as const;
    const say = (text: string, extra: object = {}) => server.enqueue({ message: server.message(7, { text, ...extra } as never, groupChat as never) as never });
    say('bảo hành sửa 3 lần vẫn hỏng thì có được đổi cái mới không');
    const mention = `@${fakeBot.username}`;
    say(`${mention} bảo hành mấy lần không sửa được`, { entities: [{ type: 'mention', offset: 0, length: mention.length }] });
    const [first] = await server.waitForSent(group, 1);
    say('còn đổi trả thì sao', { reply_to_message: first!.message });
    await server.waitForSent(group, 2);
    const handled = await bed.app.db.message.count({ where: { conversation: { externalId: String(group) }, direction: 'in' } });
    expect(handled).toBe(2);
  });

  it('has one error boundary: the user is told politely and the token stays out of the logs', async () => {
    const id = ++chat;
    server.sendText(id, 'boom');
    const [sorry] = await server.waitForSent(id, 1);
    expect(sorry!.text).toContain('Xin lỗi, hệ thống đang gặp sự cố');
    const failure = bed.logs.find((l) => l.includes('update failed'));
    expect(failure).toContain('database unreachable with ***');
    expect(bed.logs.join('\n')).not.toContain(server.token);
  });

  it('retries a rate-limited send after retry_after and delivers it once', async () => {
    const id = ++chat;
    server.api.failNext('sendMessage', { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } }, (c) => String(c.params.chat_id) === String(id));
    server.sendText(id, '/hotline');
    const sent = await server.waitForSent(id, 1);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('1800.6838');
  });

  it('delivers proactive outbox messages (staff replies) to the chat', async () => {
    const id = ++chat;
    await bed.outbox.enqueue('telegram', String(id), { text: 'Nhân viên: chúng tôi đã liên hệ cửa hàng.' }, new Date());
    const [message] = await server.waitForSent(id, 1);
    expect(message!.text).toBe('Nhân viên: chúng tôi đã liên hệ cửa hàng.');
    await eventually(async () => expect(await bed.outbox.pending('telegram', 10)).toHaveLength(0));
  });

  it('resumes a staff reply split in two at the part Telegram refused: the part it took is not sent again', async () => {
    const id = ++chat;
    const first = `Về khiếu nại của anh: ${'cửa hàng đã nhận hồ sơ và hẹn trả lời. '.repeat(70)}`.trim();
    const second = `Bước tiếp theo: ${'anh giữ hóa đơn và chờ cuộc gọi của cán bộ. '.repeat(60)}`.trim();
    server.api.failNext('sendMessage', { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: try again' } }, (c) => String(c.params.chat_id) === String(id) && String(c.params.text).startsWith('Bước tiếp theo'));
    await bed.outbox.enqueue('telegram', String(id), { text: `${first}\n\n${second}`, from: 'staff', locale: 'vi' }, new Date());
    // The refusal is retried a couple of seconds later (the outbox's backoff), from the second part.
    const sent = await server.waitForSent(id, 2, 20_000);
    await eventually(async () => expect(await bed.outbox.pending('telegram', 10)).toHaveLength(0), 5_000);
    expect(sent.map((m) => m.text.slice(0, 14))).toEqual(['👤 Nhân viên h', 'Bước tiếp theo']);
    expect(server.sentTo(id)).toHaveLength(2);
    expect(server.callsOf('sendMessage').filter((c) => String(c.params.chat_id) === String(id) && String(c.params.text).startsWith('Bước tiếp theo'))).toHaveLength(2);
  });
});

function lastWithButtons(messages: readonly SentMessage[]): SentMessage {
  const found = messages.findLast((m) => m.buttons.length > 0);
  if (!found) throw new Error(`no message with buttons among: ${messages.map((m) => m.text).join(' / ')}`);
  return found;
}
