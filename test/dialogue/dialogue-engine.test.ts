import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DialogueEngine, maxInputLength } from '../../src/dialogue/dialogue-engine.ts';
import type { DialogueFlow, FlowContext, FlowTurn } from '../../src/dialogue/flow.ts';
import type { InboundMessage } from '../../src/dialogue/messages.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { PrismaConversationStore } from '../../src/storage/prisma-conversation-store.ts';
import { ScriptedAnswerer } from '../support/scripted-answerer.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';

/** A two-step flow: asks a name, then a city, then ends; enough to test state across turns and restarts. */
class SurveyFlow implements DialogueFlow {
  readonly name = 'survey';
  readonly commands = ['survey'];
  readonly menu = { id: 'menu.survey', labelKey: 'core.menu.help' };
  detect(text: string): number {
    return text.includes('khảo sát') ? 0.9 : 0;
  }
  async start(): Promise<FlowTurn> {
    return { replies: [{ text: 'Tên bạn?' }], state: 'survey.name', stateData: {} };
  }
  async handle(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    if (ctx.conversation.state === 'survey.name') return { replies: [{ text: `Chào ${message.text}. Tỉnh?` }], state: 'survey.city', stateData: { name: message.text } };
    const data = ctx.conversation.stateData as { name: string };
    return { replies: [{ text: `${data.name} ở ${message.text}. Xong.` }], state: 'idle' };
  }
}

const translators = createTranslators();
const contacts = { hotline: '1800.6838', province: 'Bình Dương' };
let database: TempDatabase;
let answerer: ScriptedAnswerer;

function engineOn(db: TempDatabase['prisma'], flows: DialogueFlow[] = []): DialogueEngine {
  return new DialogueEngine({ store: new PrismaConversationStore(db), answerer, translators, clock: fixedClock(new Date('2026-11-23T02:00:00Z')), logger: silentLogger, flows, contacts });
}

const msg = (text: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({ channel: 'web', externalId: 'chat-1', text, ...extra });

beforeEach(async () => {
  database = await openTempDatabase();
  answerer = new ScriptedAnswerer();
});
afterEach(async () => {
  await database.dispose();
});

describe('DialogueEngine', () => {
  it('greets with the menu and explains itself on /help and /hotline', async () => {
    const engine = engineOn(database.prisma);
    const hello = await engine.handle(msg('/start', { userName: 'Lan' }));
    expect(hello.replies[0]!.text).toMatch(/^Xin chào Lan!/);
    expect(hello.replies[0]!.options!.map((o) => o.id)).toEqual(['menu.ask', 'menu.hotline', 'menu.help']);
    expect((await engine.handle(msg('/help'))).replies[0]!.text).toContain('/khieunai');
    expect((await engine.handle(msg('/hotline'))).replies[0]!.text).toContain('1800.6838');
  });

  it('answers bad input politely and never calls retrieval for it', async () => {
    const engine = engineOn(database.prisma);
    expect((await engine.handle(msg('   '))).replies[0]!.text).toMatch(/chưa nhận được nội dung/);
    expect((await engine.handle(msg('😀🎉👍'))).replies[0]!.text).toMatch(/chỉ có biểu tượng hoặc dấu câu/);
    expect((await engine.handle(msg('?!...'))).replies[0]!.text).toMatch(/chỉ có biểu tượng hoặc dấu câu/);
    const sticker = await engine.handle(msg('', { attachments: [{ kind: 'sticker', fileId: 'st1' }] }));
    expect(sticker.replies[0]!.text).toMatch(/nhãn dán/);
    expect(answerer.requests).toHaveLength(0);
  });

  it('reads the first part of a huge message, says so, and answers', async () => {
    const engine = engineOn(database.prisma);
    const result = await engine.handle(msg(`bảo hành ${'x'.repeat(10_000)}`));
    expect(result.replies[0]!.text).toContain(`${maxInputLength}`);
    expect(answerer.requests[0]!.question.length).toBe(maxInputLength);
    expect(result.replies[1]!.text).toContain('Điều 30');
  });

  it('answers questions, keeps context for follow-ups and offers help when unsure', async () => {
    const engine = engineOn(database.prisma);
    const first = await engine.handle(msg('bảo hành tính phí vận chuyển có đúng không'));
    expect(first.replies[0]!.text).toContain('Điều 30');
    await engine.handle(msg('còn nếu mua online thì sao?'));
    expect(answerer.requests[1]!.context?.lastQuestion).toBe('bảo hành tính phí vận chuyển có đúng không');
    const unsure = await engine.handle(msg('thời tiết hôm nay'));
    expect(unsure.replies[0]!.options!.map((o) => o.id)).toContain('menu.hotline');
  });

  it('switches to English when asked, and answers an English question in English', async () => {
    const engine = engineOn(database.prisma);
    expect((await engine.handle(msg('Can the shop charge me for warranty shipping?'))).replies[0]!.text).toMatch(/^\[en\]/);
    expect((await engine.handle(msg('English please'))).locale).toBe('en');
    expect((await engine.handle(msg('/start'))).replies[0]!.text).toMatch(/^Hello!/);
    await engine.handle(msg('Tiếng Việt'));
    expect((await engine.handle(msg('/start'))).replies[0]!.text).toMatch(/^Xin chào!/);
  });

  it('maps a typed number to the option offered last', async () => {
    const engine = engineOn(database.prisma);
    await engine.handle(msg('/start'));
    expect((await engine.handle(msg('3'))).replies[0]!.text).toMatch(/^Cách dùng:/);
    expect((await engine.handle(msg('2'))).replies[0]!.text).toContain('1800.6838');
  });

  it('returns the stored replies for a redelivered update and changes nothing', async () => {
    const engine = engineOn(database.prisma);
    const first = await engine.handle(msg('bảo hành', { updateKey: 'u-1' }));
    const again = await engine.handle(msg('bảo hành', { updateKey: 'u-1' }));
    expect(again.duplicate).toBe(true);
    expect(again.replies).toEqual(first.replies);
    expect(answerer.requests).toHaveLength(1);
    expect(await database.prisma.message.count()).toBe(2);
  });

  it('runs flows from commands, menu and detected intent, and resumes them after a restart', async () => {
    const engine = engineOn(database.prisma, [new SurveyFlow()]);
    expect((await engine.handle(msg('tôi muốn khảo sát'))).replies[0]!.text).toBe('Tên bạn?');
    expect((await engine.handle(msg('Lan'))).replies[0]!.text).toBe('Chào Lan. Tỉnh?');

    // A new process: a new client on the same file, a new engine.
    await database.close();
    const reopened = await openDatabase(database.url);
    try {
      const restarted = engineOn(reopened.prisma, [new SurveyFlow()]);
      expect((await restarted.handle(msg('Huế'))).replies[0]!.text).toBe('Lan ở Huế. Xong.');
      const conversation = await reopened.prisma.conversation.findFirstOrThrow();
      expect(conversation.state).toBe('idle');
    } finally {
      await reopened.close();
      database = { ...database, close: async () => {} };
    }
  });

  it('lets the user cancel a flow, and recovers from a state of a flow that no longer exists', async () => {
    const engine = engineOn(database.prisma, [new SurveyFlow()]);
    await engine.handle(msg('/survey'));
    expect((await engine.handle(msg('hủy'))).replies[0]!.text).toMatch(/^Đã hủy/);
    await engine.handle(msg('/survey'));
    const withoutFlow = engineOn(database.prisma);
    expect((await withoutFlow.handle(msg('bảo hành'))).replies[0]!.text).toContain('Điều 30');
    // The reset is written, not only logged: the stored state is idle again.
    const stored = await database.prisma.conversation.findFirstOrThrow({ where: { externalId: 'chat-1' } });
    expect(stored.state).toBe('idle');
  });

  it('handles the messages of one chat in order, even when they arrive together', async () => {
    const engine = engineOn(database.prisma);
    await Promise.all(Array.from({ length: 12 }, (_, i) => engine.handle(msg(`bảo hành ${i}`))));
    const rows = await database.prisma.message.findMany({ where: { direction: 'in' }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.text)).toEqual(Array.from({ length: 12 }, (_, i) => `bảo hành ${i}`));
  });
});
