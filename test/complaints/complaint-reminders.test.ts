import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runComplaintReminders } from '../../src/complaints/complaint-reminders.ts';
import { ComplaintRepository } from '../../src/complaints/complaint-repository.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import { PrismaOutbox } from '../../src/storage/prisma-outbox.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { sampleRecord } from './sample-record.ts';
import { PrismaComplaintStore } from '../../src/storage/prisma-complaint-store.ts';
import { PrismaConversationAddresses } from '../../src/storage/prisma-complaint-tables.ts';

let db: TempDatabase;
let outbox: PrismaOutbox;
const translators = createTranslators();
// acknowledgeBy 2025-03-13, negotiateBy 2025-03-19 (sample record)
const at = (day: string) => new Date(`${day}T09:00:00+07:00`);
const run = (day: string) => runComplaintReminders({ repository: new ComplaintRepository(new PrismaComplaintStore(db.prisma)), conversations: new PrismaConversationAddresses(db.prisma), outbox, translators, hotline: '1800.6838', now: at(day) });

beforeAll(async () => {
  db = await openTempDatabase();
  outbox = new PrismaOutbox(db.prisma);
  const conversation = await db.prisma.conversation.create({ data: { channel: 'zalo', externalId: 'zalo-user-1' } });
  const repo = new ComplaintRepository(new PrismaComplaintStore(db.prisma));
  await repo.create(sampleRecord(), conversation.id);
  await repo.create(sampleRecord({ reference: 'KN-20250310-NEGOT' }), conversation.id);
  await repo.transition('KN-20250310-NEGOT', 'acknowledged', { actor: 'staff@hoi.vn', now: at('2025-03-11') });
  await repo.transition('KN-20250310-NEGOT', 'negotiating', { actor: 'staff@hoi.vn', now: at('2025-03-11') });
});
afterAll(() => db.dispose());

describe('deadline reminders', () => {
  it('says nothing before a deadline has passed', async () => {
    expect(await run('2025-03-13')).toEqual({ acknowledge: 0, negotiate: 0 });
    expect(await outbox.pending('zalo', 10)).toHaveLength(0);
  });

  it('reminds once when the acknowledgement deadline passes, through the outbox', async () => {
    expect(await run('2025-03-14')).toEqual({ acknowledge: 1, negotiate: 0 });
    expect(await run('2025-03-17')).toEqual({ acknowledge: 0, negotiate: 0 });
    const [item] = await outbox.pending('zalo', 10);
    expect(item?.externalId).toBe('zalo-user-1');
    expect(item?.reply.text).toMatch(/KN-20250310-7QH2D/);
    expect(item?.reply.text).toMatch(/13\/3\/2025.*khoản 2 Điều 31/);
  });

  it('offers the next steps once the negotiation deadline passes, and never for a case under negotiation', async () => {
    expect(await run('2025-03-20')).toEqual({ acknowledge: 0, negotiate: 1 });
    expect(await run('2025-03-21')).toEqual({ acknowledge: 0, negotiate: 0 });
    const texts = (await outbox.pending('zalo', 10)).map((i) => i.reply.text);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(/hỗ trợ thương lượng: Hội Bảo vệ quyền lợi người tiêu dùng thành phố Đà Nẵng/);
    expect(texts[1]).toMatch(/Hòa giải/);
    expect(texts[1]).toMatch(/Tòa án/);
    expect(texts.some((t) => t.includes('KN-20250310-NEGOT'))).toBe(false);
  });
});
