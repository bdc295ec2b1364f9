import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaAuditLog } from '../../src/storage/prisma-audit-log.ts';
import { PrismaInboundJournal } from '../../src/storage/prisma-inbound-journal.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';
import { pngImage } from '../support/evidence-bytes.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The attack of issue 12: after /xoadulieu, staff notes, the status audit detail, the outbox, raw
// journal payloads, the user name written back by the confirming press, the privacy.erase entry and
// the SQLite file and its WAL all still held the person. Each fragment below is one of those copies.
const chatId = '770011';
const fragments = {
  phone: '0912345678',
  phoneWritten: '0912 345 678',
  email: 'lan.nguyen@example.com',
  name: 'Nguyễn Thị Lan',
  username: 'lan_nguyen88',
  story: 'Nồi hỏng sau 3 tuần',
  chatStory: 'nồi chiên Sao Mai bốc khói',
  staffNote: 'Đã gọi chị Lan',
  outboxReply: 'Chào chị Lan, Hội đã nhận hồ sơ',
  evidence: 'AgAD-photo-1',
  chatNote: 'Chị Lan hẹn gọi lại lúc 9 giờ',
  // Inside the bytes of a photo uploaded in the web chat (issue 14): the file must go too.
  uploadedPhoto: 'hoa-don-lan-nguyen-2490000',
};
const reference = 'KN-20261120-7QH2D';

let app: TestApp;
let conversationId: string;
let erasedReply: string;
const journal = () => new PrismaInboundJournal(app.db);
const claim = { owner: 'test-instance', ttlMs: 60_000 };
const from = { id: 770011, is_bot: false, first_name: 'Lan', last_name: 'Nguyễn Thị', username: fragments.username };
const chat = { id: 770011, first_name: 'Lan', last_name: 'Nguyễn Thị', username: fragments.username, type: 'private' };

/** A Telegram update journaled as the channel does, handled by the engine under its key, then marked delivered. */
async function telegramTurn(updateId: number, update: Record<string, unknown>, message: { text: string; choice?: string }) {
  const key = String(updateId);
  await journal().record('telegram', [{ key, payload: JSON.stringify({ update_id: updateId, ...update }) }], app.clock.now(), claim);
  const result = await app.engine.handle({ channel: 'telegram', externalId: chatId, userName: fragments.name, updateKey: key, updateKeyIsNew: true, ...message });
  await journal().markSent('telegram', key, result.replies.length, true, app.clock.now());
  return result;
}

function databaseFiles(): Array<{ name: string; bytes: Buffer }> {
  const file = path.join(app.dir, 'app.db');
  return [file, `${file}-wal`, `${file}-journal`].filter((f) => existsSync(f)).map((f) => ({ name: path.basename(f), bytes: readFileSync(f) }));
}

beforeAll(async () => {
  app = await createTestApp();
  const first = await telegramTurn(9001, { message: { message_id: 1, date: 1_763_600_000, chat, from, text: `Tôi là ${fragments.name}, số ${fragments.phoneWritten}, ${fragments.email}. Cái ${fragments.chatStory}` } }, {
    text: `Tôi là ${fragments.name}, số ${fragments.phoneWritten}, ${fragments.email}. Cái ${fragments.chatStory}`,
  });
  conversationId = first.conversationId;
  // An edit the bot ignores: journaled and settled without a turn, so it names no conversation.
  await journal().record('telegram', [{ key: '9002', payload: JSON.stringify({ update_id: 9002, edited_message: { message_id: 1, date: 1_763_600_000, edit_date: 1_763_600_100, chat, from, text: `số mới ${fragments.phone}` } }) }], app.clock.now(), claim);
  await journal().markSent('telegram', '9002', 0, true, app.clock.now());
  // Another chat's update that happens to quote this chat's id in its text: it is not theirs to erase.
  await journal().record('telegram', [{ key: '9100', payload: JSON.stringify({ update_id: 9100, message: { message_id: 7, date: 1_763_600_000, chat: { id: 880022, type: 'private' }, text: `chat ${chatId}` } }) }], app.clock.now(), claim);
  await journal().markSent('telegram', '9100', 0, true, app.clock.now());

  await app.complaints.repository.create(complaintRecord({ reference, status: 'received' }), conversationId);
  // A status change with a staff note, audited the way the console does it.
  const note = `${fragments.staffNote} ${fragments.phone}, email ${fragments.email}`;
  await app.complaints.repository.transition(reference, 'acknowledged', { actor: 'agent@hoi.vn', note, now: app.clock.now() });
  await new PrismaAuditLog(app.db).record({ actor: 'agent@hoi.vn', action: 'complaint.status', target: reference, detail: { from: 'received', to: 'acknowledged', note } }, app.clock.now());
  await new PrismaAuditLog(app.db).record({ actor: 'agent@hoi.vn', action: 'complaint.view', target: reference }, app.clock.now());
  // An internal note on the chat's hand-off, written by staff in the console.
  const handoff = await app.db.handoff.create({ data: { conversationId, reason: 'requested', status: 'active', createdAt: app.clock.now() } });
  await app.handoffDesk.addNote(handoff.id, 'agent@hoi.vn', `${fragments.chatNote}, ${fragments.phone}`, app.clock.now());
  // The chat subscribed to warnings (its consent is recorded with it).
  await app.db.warningSubscription.create({ data: { channel: 'telegram', externalId: chatId, consentText: 'Đồng ý nhận cảnh báo', consentAt: app.clock.now() } });
  // A staff reply still waiting for the channel's dispatcher.
  await app.outbox.enqueue('telegram', chatId, { text: `${fragments.outboxReply} ${reference}` }, app.clock.now());

  // A photo uploaded as evidence, kept by the evidence store beside the conversation.
  await app.evidence.store.save({ conversationId, mimeType: 'image/png', bytes: pngImage(16, [10, 20, 30], fragments.uploadedPhoto) }, app.clock.now());

  await telegramTurn(9003, { message: { message_id: 2, date: 1_763_600_200, chat, from, text: '/xoadulieu' } }, { text: '/xoadulieu' });
  const done = await telegramTurn(9004, { callback_query: { id: 'cb-1', from, data: 'privacy.confirm', message: { message_id: 3, date: 1_763_600_210, chat, text: '…' } } }, { text: '', choice: 'privacy.confirm' });
  erasedReply = done.replies[0]!.text;
});

afterAll(async () => {
  await app?.dispose();
});

describe('/xoadulieu removes every copy of the person', () => {
  it('confirms, and ends the open complaint as withdrawn so it leaves the work queue', async () => {
    expect(erasedReply).toContain('Đã xóa');
    expect(erasedReply).toContain('1 khiếu nại đang xử lý đã kết thúc');
    const shell = await app.db.complaint.findUniqueOrThrow({ where: { reference }, include: { events: true } });
    expect(shell).toMatchObject({ anonymised: true, conversationId: null, status: 'withdrawn', consumerPhone: null, consumerEmail: null, category: 'bao-hanh' });
    expect(JSON.parse(shell.record)).toMatchObject({ status: 'withdrawn', evidence: [] });
    expect(shell.events.map((e) => e.note)).toEqual(['', '', '']);
    expect(shell.events.at(-1)).toMatchObject({ fromStatus: 'acknowledged', toStatus: 'withdrawn', actor: 'consumer' });
    expect(await app.complaints.repository.awaitingReminder('2027-01-01', ['received', 'acknowledged', 'sent_to_business'])).toEqual([]);
  });

  it('keeps no staff note in the audit log, and the erasure entry names no complaint', async () => {
    const entries = await new PrismaAuditLog(app.db).list({ limit: 50 });
    const status = entries.find((e) => e.action === 'complaint.status')!;
    expect(status.detail).toEqual({ from: 'received', to: 'acknowledged', erased: true });
    const erase = entries.find((e) => e.action === 'privacy.erase')!;
    expect(erase.target).toBe(conversationId);
    expect(Object.keys(erase.detail).sort()).toEqual(['assessments', 'complaints', 'messages', 'withdrawn']);
    expect(erase.detail).toMatchObject({ complaints: 1, withdrawn: 1, assessments: 0 });
    expect(JSON.stringify(erase)).not.toContain(reference);
  });

  it('leaves no journaled payload, stored reply, outbox item, user name or channel id of the chat', async () => {
    const rows = await app.db.inboundUpdate.findMany({ where: { channel: 'telegram' }, orderBy: { key: 'asc' } });
    // Delivered updates of the chat are gone; the confirming one keeps its key (it is answered once) and nothing else.
    expect(rows.map((r) => [r.key, r.payload === '' ? 'empty' : 'payload'])).toEqual([['9004', 'empty'], ['9100', 'payload']]);
    expect(await app.db.outbox.count()).toBe(0);
    const conversation = await app.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.userName).toBeNull();
    expect(conversation.externalId).not.toContain(chatId);
    // The next message starts afresh, as a new conversation.
    const next = await app.engine.handle({ channel: 'telegram', externalId: chatId, userName: 'Lan', text: '/start' });
    expect(next.conversationId).not.toBe(conversationId);
  });

  it('removes the uploaded files\' bytes', async () => {
    expect(await app.db.evidenceFile.count()).toBe(0);
  });

  it('ends the chat\'s warnings subscription', async () => {
    expect(await app.db.warningSubscription.count({ where: { channel: 'telegram', externalId: chatId } })).toBe(0);
  });

  it('leaves none of the fragments in the SQLite file or its WAL', () => {
    const files = databaseFiles();
    expect(files.map((f) => f.name)).toContain('app.db');
    const found = files.flatMap((f) => Object.entries(fragments).filter(([, text]) => f.bytes.includes(Buffer.from(text, 'utf8'))).map(([what]) => `${what} in ${f.name}`));
    expect(found).toEqual([]);
  });
});
