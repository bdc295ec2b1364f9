import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DialogueEngine } from '../../src/dialogue/dialogue-engine.ts';
import type { InboundMessage } from '../../src/dialogue/messages.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import { ComplaintRepository } from '../../src/complaints/complaint-repository.ts';
import { anonymiseComplaintRecord } from '../../src/privacy/complaint-shell.ts';
import { PrivacyFlow } from '../../src/privacy/privacy-flow.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { PrismaAuditLog } from '../../src/storage/prisma-audit-log.ts';
import { PrismaConversationStore } from '../../src/storage/prisma-conversation-store.ts';
import { PrismaPersonalDataStore } from '../../src/storage/prisma-personal-data.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';
import { ScriptedAnswerer } from '../support/scripted-answerer.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { PrismaComplaintStore } from '../../src/storage/prisma-complaint-store.ts';

let database: TempDatabase;
const now = new Date('2026-11-23T10:00:00+07:00');

function engine(): DialogueEngine {
  return new DialogueEngine({
    store: new PrismaConversationStore(database.prisma),
    answerer: new ScriptedAnswerer(),
    translators: createTranslators(),
    clock: fixedClock(now),
    logger: silentLogger,
    flows: [new PrivacyFlow(new PrismaPersonalDataStore(database.prisma, { anonymise: anonymiseComplaintRecord, provider: 'sqlite' }), { journalRetentionDays: 7, uploadRetentionDays: 30 })],
    contacts: { hotline: '1800.6838', province: 'Bình Dương' },
  });
}
const msg = (text: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({ channel: 'zalo', externalId: 'z-1', text, receivedAt: now, ...extra });

beforeEach(async () => {
  database = await openTempDatabase();
});
afterEach(async () => {
  await database.dispose();
});

async function conversationWithComplaint(bot: DialogueEngine): Promise<string> {
  const { conversationId } = await bot.handle(msg('bảo hành nồi chiên bao lâu? số tôi 0912345678'));
  await new ComplaintRepository(new PrismaComplaintStore(database.prisma)).create(complaintRecord({ reference: 'KN-20261120-7QH2D' }), conversationId);
  return conversationId;
}

describe('privacy commands', () => {
  it('/quyenriengtu explains what is stored and why', async () => {
    const reply = await engine().handle(msg('/quyenriengtu'));
    expect(reply.replies[0]!.text).toContain('Điều 15–20');
    expect(reply.replies[0]!.text).toContain('/xoadulieu');
    // How long raw platform updates are kept (JOURNAL_RETENTION_DAYS) is stated.
    expect(reply.replies[0]!.text).toContain('chỉ được giữ 7 ngày');
    // And what happens to photos and files sent in the web chat (UPLOAD_RETENTION_DAYS).
    expect(reply.replies[0]!.text).toContain('tệp không thuộc khiếu nại nào tự động xóa sau 30 ngày');
  });

  it('/xoadulieu keeps everything unless the user confirms', async () => {
    const bot = engine();
    await conversationWithComplaint(bot);
    const ask = await bot.handle(msg('/xoadulieu'));
    expect(ask.replies[0]!.text).toContain('1 khiếu nại');
    expect(ask.replies[0]!.options!.map((o) => o.id)).toEqual(['privacy.confirm', 'privacy.keep']);
    const kept = await bot.handle(msg('thôi để sau'));
    expect(kept.replies[0]!.text).toContain('giữ nguyên');
    expect((await database.prisma.complaint.findFirstOrThrow()).consumerPhone).toBe('0912345678');
  });

  it('erases messages and personal data, keeps an anonymised complaint shell, and audits it', async () => {
    const bot = engine();
    const conversationId = await conversationWithComplaint(bot);
    await bot.handle(msg('/xoadulieu'));
    const done = await bot.handle(msg('', { choice: 'privacy.confirm' }));
    expect(done.replies[0]!.text).toContain('Đã xóa');
    const shell = await database.prisma.complaint.findFirstOrThrow();
    expect(shell).toMatchObject({ reference: 'KN-20261120-7QH2D', consumerPhone: null, consumerEmail: null, anonymised: true, conversationId: null, status: 'withdrawn', consumerProvince: 'Hồ Chí Minh', category: 'bao-hanh' });
    expect(shell.record).not.toMatch(/0912345678|Lan|Nồi hỏng|AgAD/);
    // The shell is still a valid record: the complaint module lists and exports it for statistics.
    const listed = await new ComplaintRepository(new PrismaComplaintStore(database.prisma)).list({});
    expect(listed.items.map((c) => [c.record.reference, c.anonymised, c.record.amountVnd])).toEqual([['KN-20261120-7QH2D', true, 2_490_000]]);
    // Only the confirmation turn itself remains in the transcript, and it holds nothing personal.
    const messages = await database.prisma.message.findMany({ where: { conversationId } });
    expect(messages.map((m) => m.text).join(' ')).not.toContain('0912345678');
    const [entry] = await new PrismaAuditLog(database.prisma).list({ action: 'privacy', limit: 5 });
    expect(entry).toMatchObject({ actor: 'consumer', action: 'privacy.erase', target: conversationId });
    // Counts only: naming the complaints would link the anonymous shells to this conversation again.
    expect(entry!.detail).toEqual({ messages: expect.any(Number), complaints: 1, withdrawn: 1, assessments: 0 });
  });
});
