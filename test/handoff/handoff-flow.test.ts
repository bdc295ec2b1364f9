import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DialogueEngine } from '../../src/dialogue/dialogue-engine.ts';
import type { InboundMessage } from '../../src/dialogue/messages.ts';
import { PrismaHandoffDeskStore } from '../../src/storage/prisma-handoff-desk-store.ts';
import { HandoffDesk } from '../../src/handoff/handoff-desk.ts';
import { HandoffFlow } from '../../src/handoff/handoff-flow.ts';
import { defaultWorkingHours, parseWorkingHours } from '../../src/handoff/working-hours.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { PrismaConversationStore } from '../../src/storage/prisma-conversation-store.ts';
import { PrismaHandoffQueue, PrismaHolidaySource } from '../../src/storage/prisma-handoff-queue.ts';
import { PrismaOutbox } from '../../src/storage/prisma-outbox.ts';
import { ScriptedAnswerer } from '../support/scripted-answerer.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';

const translators = createTranslators();
// Monday 23/11/2026, 10:00 in Hồ Chí Minh City: working hours.
const monday10 = new Date('2026-11-23T10:00:00+07:00');
let database: TempDatabase;
let answerer: ScriptedAnswerer;
let now: Date;
const clock: Clock = { now: () => now };

function engine(): DialogueEngine {
  const flow = new HandoffFlow({
    queue: new PrismaHandoffQueue(database.prisma),
    holidays: new PrismaHolidaySource(database.prisma),
    hours: parseWorkingHours(defaultWorkingHours, 'Asia/Ho_Chi_Minh'),
    clock,
  });
  return new DialogueEngine({ store: new PrismaConversationStore(database.prisma), answerer, translators, clock, logger: silentLogger, flows: [flow], contacts: { hotline: '1800.6838', province: 'Bình Dương' } });
}

const msg = (text: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({ channel: 'telegram', externalId: 'chat-7', text, receivedAt: now, ...extra });

beforeEach(async () => {
  database = await openTempDatabase();
  answerer = new ScriptedAnswerer();
  now = monday10;
});
afterEach(async () => {
  await database.dispose();
});

describe('hand-off to a person', () => {
  it('acknowledges with the queue position and expected wait, for /nhanvien, the menu and plain words', async () => {
    const bot = engine();
    const first = await bot.handle(msg('/nhanvien'));
    expect(first.replies[0]!.text).toContain('vị trí thứ 1');
    expect(first.replies[0]!.text).toContain('khoảng 5 phút');
    const second = await bot.handle(msg('cho tôi gặp nhân viên', { externalId: 'chat-8' }));
    expect(second.replies[0]!.text).toContain('vị trí thứ 2');
    expect(second.replies[0]!.text).toContain('khoảng 10 phút');
    const third = await bot.handle(msg('', { externalId: 'chat-9', choice: 'menu.human' }));
    expect(third.replies[0]!.text).toContain('vị trí thứ 3');
    expect(await database.prisma.handoff.count({ where: { status: 'waiting' } })).toBe(3);
    // Asking again does not queue the user twice.
    await bot.handle(msg('/nhanvien', { externalId: 'chat-9' }));
    expect(await database.prisma.handoff.count()).toBe(3);
  });

  it('stays silent while handed off, reminding a waiting user of the queue at most every ten minutes', async () => {
    const bot = engine();
    await bot.handle(msg('/nhanvien'));
    const quiet = await bot.handle(msg('bảo hành điện thoại mấy tháng?'));
    expect(quiet.replies).toEqual([]);
    expect(answerer.requests).toHaveLength(0);
    now = new Date(monday10.getTime() + 11 * 60_000);
    const reminder = await bot.handle(msg('còn ai không?'));
    expect(reminder.replies[0]!.text).toContain('vị trí thứ 1');
    expect(answerer.requests).toHaveLength(0);
  });

  it('delivers staff replies through the outbox to the same chat and gives the chat back to the bot on close', async () => {
    const bot = engine();
    const { conversationId } = await bot.handle(msg('/nhanvien', { userName: 'Lan' }));
    const desk = new HandoffDesk(new PrismaHandoffDeskStore(database.prisma), translators);
    const [item] = await desk.inbox();
    expect(item!.conversation).toMatchObject({ id: conversationId, channel: 'telegram', userName: 'Lan', stillWaiting: true });

    now = new Date(monday10.getTime() + 4 * 60_000);
    await desk.reply(item!.handoff.id, 'an@hoibvntd.vn', 'Chào chị Lan, em là An.', now);
    const pending = await new PrismaOutbox(database.prisma).pending('telegram', 10);
    expect(pending.map((p) => [p.externalId, p.reply.text])).toEqual([['chat-7', 'Chào chị Lan, em là An.']]);
    const { item: active, transcript } = await desk.detail(item!.handoff.id);
    expect(active.handoff).toMatchObject({ status: 'active', assignedTo: 'an@hoibvntd.vn' });
    expect(transcript.at(-1)).toMatchObject({ direction: 'staff', by: 'an@hoibvntd.vn' });

    // An active hand-off is not reminded of a queue: the bot says nothing at all.
    now = new Date(monday10.getTime() + 30 * 60_000);
    expect((await bot.handle(msg('cảm ơn em, chị gửi ảnh hóa đơn nhé'))).replies).toEqual([]);

    await desk.close(item!.handoff.id, 'an@hoibvntd.vn', now);
    const closing = await new PrismaOutbox(database.prisma).pending('telegram', 10);
    expect(closing.at(-1)!.reply.text).toContain('Nhân viên đã kết thúc');
    expect(closing.at(-1)!.reply.options?.map((o) => o.label)).toEqual(['1 · Chưa tốt', '2', '3', '4', '5 · Rất tốt']);
    const conversation = await database.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.state).toBe('handoff.rating');
    // A question instead of a rating is simply answered: the rating question never blocks the bot.
    const answered = await bot.handle(msg('bảo hành bao lâu?'));
    expect(answered.replies[0]!.text).toContain('Điều 30');
    expect((await database.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })).state).toBe('idle');
    expect((await database.prisma.handoff.findFirstOrThrow()).rating).toBeNull();
    const audit = await database.prisma.auditLog.findMany({ orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['handoff.reply', 'handoff.close']);
    // The next user's wait is now measured: 4 minutes, with fewer than three samples still the default.
    expect(await new PrismaHandoffQueue(database.prisma).recentWaits(5)).toEqual([4]);
  });

  it('records the rating the user gives after staff close the chat, tapped or typed, once', async () => {
    const bot = engine();
    const desk = new HandoffDesk(new PrismaHandoffDeskStore(database.prisma), translators);
    await bot.handle(msg('/nhanvien', { userName: 'Lan' }));
    await bot.handle(msg('/nhanvien', { externalId: 'chat-8' }));
    const items = await desk.inbox();
    for (const item of items) await desk.close(item.handoff.id, 'an@hoibvntd.vn', now);
    const tapped = await bot.handle(msg('', { choice: 'handoff.rate.5' }));
    expect(tapped.replies[0]!.text).toContain('Cảm ơn bạn đã đánh giá');
    // Typed as a number on the list the close message showed ("2" is its second button, also rating 2).
    const typed = await bot.handle(msg('2', { externalId: 'chat-8' }));
    expect(typed.replies[0]!.text).toContain('rất tiếc');
    const ratings = await database.prisma.handoff.findMany({ include: { conversation: true }, orderBy: { createdAt: 'asc' } });
    expect(ratings.map((h) => [h.conversation.externalId, h.rating])).toEqual([['chat-7', 5], ['chat-8', 2]]);
    // A stale rating button pressed later changes nothing: the first answer stands.
    expect(await new PrismaHandoffQueue(database.prisma).rate(ratings[0]!.id, 1, now)).toBe(false);
    expect(answerer.requests).toHaveLength(0);
  });

  it('says when someone will answer outside working hours, skipping holidays from the Holiday table', async () => {
    now = new Date('2026-11-27T18:00:00+07:00');
    await database.prisma.holiday.create({ data: { date: '2026-11-30', name: 'Nghỉ bù' } });
    const reply = await engine().handle(msg('/nhanvien'));
    expect(reply.replies[0]!.text).toContain('ngoài giờ làm việc (Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00)');
    expect(reply.replies[0]!.text).toContain('từ 7:30 Thứ Ba ngày 1/12');
  });

  it('lets the user withdraw with "hủy"', async () => {
    const bot = engine();
    await bot.handle(msg('/nhanvien'));
    const withdrawn = await bot.handle(msg('hủy'));
    expect(withdrawn.replies[0]!.text).toContain('Đã hủy yêu cầu gặp nhân viên');
    expect(await database.prisma.handoff.count({ where: { status: 'closed' } })).toBe(1);
    expect((await bot.handle(msg('bảo hành bao lâu?'))).replies[0]!.text).toContain('Điều 30');
  });

  it('withdraws the request when /start or /huy takes the user out of the queue', async () => {
    const bot = engine();
    await bot.handle(msg('/nhanvien'));
    const restarted = await bot.handle(msg('/start'));
    expect(restarted.replies[0]!.text).toContain('Đã hủy yêu cầu gặp nhân viên');
    expect(restarted.replies[1]!.text).toMatch(/^Xin chào/);
    expect(await database.prisma.handoff.count({ where: { status: 'waiting' } })).toBe(0);
    await bot.handle(msg('/nhanvien'));
    expect((await bot.handle(msg('/huy'))).replies.map((r) => r.text).join('\n')).toContain('Đã hủy yêu cầu gặp nhân viên');
    expect(await database.prisma.handoff.count({ where: { status: 'waiting' } })).toBe(0);
    // Asking for a person again while waiting keeps the same request.
    await bot.handle(msg('/nhanvien'));
    await bot.handle(msg('/nhanvien'));
    expect(await database.prisma.handoff.count({ where: { status: 'waiting' } })).toBe(1);
  });

  it('offers a person to an upset user, and records why the hand-off happened', async () => {
    const bot = engine();
    const offer = await bot.handle(msg('Bực mình quá, làm ăn kiểu gì vậy!!!'));
    expect(offer.replies[0]!.options!.map((o) => o.id)).toEqual(['menu.human', 'menu.ask']);
    expect(await database.prisma.handoff.count()).toBe(0);
    await bot.handle(msg('1'));
    expect((await database.prisma.handoff.findFirstOrThrow()).reason).toBe('upset');

    const unsure = await bot.handle(msg('thủ tục hành chính abc xyz', { externalId: 'chat-2' }));
    expect(unsure.replies[0]!.options!.map((o) => o.id)).toContain('menu.human');
    await bot.handle(msg('', { externalId: 'chat-2', choice: 'menu.human' }));
    const reasons = (await database.prisma.handoff.findMany({ include: { conversation: true } })).map((h) => [h.conversation.externalId, h.reason]);
    expect(reasons.sort()).toEqual([['chat-2', 'low_confidence'], ['chat-7', 'upset']]);
  });

  it('still answers an angry question instead of only offering a person', async () => {
    const bot = engine();
    const answer = await bot.handle(msg('bực mình quá, bảo hành có được đổi máy không?'));
    expect(answer.replies[0]!.text).toContain('Điều 30');
  });
});
