import { describe, expect, it } from 'vitest';
import { HandoffDesk, HandoffDeskError } from '../../src/handoff/handoff-desk.ts';
import type { AuditLine, CloseRecord, DeskConversation, DeskMessage, HandoffDeskStore, InboxItem, StaffReplyRecord } from '../../src/handoff/handoff-desk-store.ts';
import type { Handoff } from '../../src/handoff/handoff-store.ts';
import { createTranslators } from '../../src/i18n/translator.ts';

// The desk's rules without a database: who takes a chat, what a closed one refuses, how a long chat pages.
const conversation: DeskConversation = { id: 'c1', channel: 'zalo', externalId: 'z-1', userName: 'Lan', locale: 'en', stillWaiting: true };

class MemoryDeskStore implements HandoffDeskStore {
  handoff: Handoff = { id: 'h1', conversationId: 'c1', reason: 'requested', status: 'waiting', assignedTo: null, createdAt: new Date('2026-12-01T03:00:00Z'), firstResponseAt: null, closedAt: null };
  readonly chat: DeskMessage[] = Array.from({ length: 5 }, (_, i) => ({ id: `m${i}`, direction: 'in' as const, text: `tin ${i}`, createdAt: new Date(Date.UTC(2026, 11, 1, 3, i)), by: null }));
  readonly replies: StaffReplyRecord[] = [];
  readonly closes: CloseRecord[] = [];
  readonly audits: AuditLine[] = [];

  async open(): Promise<InboxItem[]> {
    return [{ handoff: this.handoff, conversation, lastMessage: null }];
  }
  async recentlyClosed(): Promise<InboxItem[]> {
    return [];
  }
  async waitingCount() {
    return this.handoff.status === 'waiting' ? 1 : 0;
  }
  async find(id: string) {
    return id === this.handoff.id ? { handoff: this.handoff, conversation } : null;
  }
  async messages(_conversationId: string, before: string | undefined, limit: number) {
    const newestFirst = [...this.chat].reverse();
    const at = before ? newestFirst.findIndex((m) => m.id === before) : -1;
    return { messages: newestFirst.slice(at + 1, at + 1 + limit), cursorFound: at >= 0 };
  }
  async messageState() {
    return { count: this.chat.length, latest: this.chat.at(-1)?.id ?? null };
  }
  readonly noted: { text: string; audit: AuditLine }[] = [];
  async notes() {
    return this.noted.map((n, i) => ({ id: `n${i}`, author: n.audit.actor, text: n.text, createdAt: t0 }));
  }
  async addNote(_id: string, note: { text: string }, audit: AuditLine) {
    this.noted.push({ text: note.text, audit });
  }
  async complaintsOf() {
    return [{ reference: 'KN-20261201-ABCDE', status: 'received', createdAt: new Date('2026-12-01T02:00:00Z') }];
  }
  async recordAssignment(_id: string, assignedTo: string | null, audit: AuditLine) {
    if (this.handoff.status === 'closed') return false;
    this.handoff = { ...this.handoff, assignedTo };
    this.audits.push(audit);
    return true;
  }
  async recordReply(reply: StaffReplyRecord) {
    this.replies.push(reply);
    this.handoff = { ...this.handoff, ...reply.handoff };
  }
  async recordClose(close: CloseRecord) {
    this.closes.push(close);
    this.handoff = { ...this.handoff, status: 'closed', closedAt: close.now, assignedTo: close.assignedTo };
  }
  async audit(line: AuditLine) {
    this.audits.push(line);
  }
}

const t0 = new Date('2026-12-01T03:10:00Z');
const t1 = new Date('2026-12-01T03:20:00Z');

describe('HandoffDesk', () => {
  it('gives a chat to the first staff member who answers and keeps it theirs when a colleague adds a reply', async () => {
    const store = new MemoryDeskStore();
    const desk = new HandoffDesk(store, createTranslators());
    await desk.reply('h1', 'an@hoibvntd.vn', '  Chào chị Lan  ', t0);
    await desk.reply('h1', 'binh@hoibvntd.vn', 'Em bổ sung thêm', t1);
    expect(store.replies.map((r) => [r.text, r.handoff])).toEqual([
      ['Chào chị Lan', { status: 'active', firstResponseAt: t0, assignedTo: 'an@hoibvntd.vn' }],
      ['Em bổ sung thêm', { status: 'active', firstResponseAt: t0, assignedTo: 'an@hoibvntd.vn' }],
    ]);
    expect(store.replies[1]!.audit).toEqual({ actor: 'binh@hoibvntd.vn', action: 'handoff.reply', target: 'c1', detail: { handoffId: 'h1', length: 15 } });
  });

  it('says goodbye in the conversation’s language on close and refuses replies afterwards', async () => {
    const store = new MemoryDeskStore();
    const desk = new HandoffDesk(store, createTranslators());
    await desk.close('h1', 'an@hoibvntd.vn', t0);
    expect(store.closes[0]).toMatchObject({ assignedTo: 'an@hoibvntd.vn', audit: { action: 'handoff.close', target: 'c1' } });
    const en = createTranslators()('en');
    expect(store.closes[0]!.farewell.text).toBe(`${en.t('handoff.closedByStaff')}\n${en.t('handoff.rating.question')}`);
    expect(store.closes[0]!.farewell.options?.map((o) => o.id)).toEqual(['handoff.rate.1', 'handoff.rate.2', 'handoff.rate.3', 'handoff.rate.4', 'handoff.rate.5']);
    expect(store.closes[0]!.next).toEqual({ state: 'handoff.rating', stateData: { handoffId: 'h1' } });
    // Notes stay possible on a closed chat: staff write up what happened afterwards.
    await desk.addNote('h1', 'an@hoibvntd.vn', '  Đã gọi lại cho chị Lan  ', t1);
    expect(store.noted.map((n) => [n.text, n.audit.action])).toEqual([['Đã gọi lại cho chị Lan', 'handoff.note']]);
    await expect(desk.addNote('h1', 'an@hoibvntd.vn', '   ', t1)).rejects.toThrow();
    await expect(desk.reply('h1', 'an@hoibvntd.vn', 'còn đây không', t1)).rejects.toMatchObject({ code: 'closed' });
    await expect(desk.close('h1', 'an@hoibvntd.vn', t1)).rejects.toBeInstanceOf(HandoffDeskError);
    await expect(desk.detail('nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('opens a long chat on its newest messages, pages back with `before`, and audits the reader', async () => {
    const store = new MemoryDeskStore();
    const desk = new HandoffDesk(store, createTranslators());
    const latest = await desk.detail('h1', { limit: 2, reader: 'an@hoibvntd.vn', now: t0 });
    expect(latest.transcript.map((m) => m.id)).toEqual(['m3', 'm4']);
    expect(latest).toMatchObject({ older: 'm3', newer: false });
    const earlier = await desk.detail('h1', { limit: 2, before: 'm3' });
    expect(earlier.transcript.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(earlier).toMatchObject({ older: 'm1', newer: true });
    const first = await desk.detail('h1', { limit: 2, before: 'm1' });
    expect(first).toMatchObject({ older: null, newer: true });
    expect(first.transcript.map((m) => m.id)).toEqual(['m0']);
    expect(store.audits).toEqual([{ actor: 'an@hoibvntd.vn', action: 'handoff.view', target: 'h1', detail: { handoffId: 'h1' } }]);
    expect(latest.complaints.map((c) => c.reference)).toEqual(['KN-20261201-ABCDE']);
  });

  it('lets staff take a chat, take it over from a colleague, or put it back, with the views counted for each', async () => {
    const store = new MemoryDeskStore();
    const desk = new HandoffDesk(store, createTranslators());
    expect((await desk.inboxFor('an@hoibvntd.vn', 'unassigned')).counts).toEqual({ all: 1, mine: 0, unassigned: 1 });
    await desk.take('h1', 'an@hoibvntd.vn', t0);
    await desk.take('h1', 'an@hoibvntd.vn', t0);
    expect((await desk.inboxFor('an@hoibvntd.vn', 'mine')).items.map((i) => i.handoff.id)).toEqual(['h1']);
    expect((await desk.inboxFor('binh@hoibvntd.vn', 'mine')).items).toEqual([]);
    await desk.take('h1', 'binh@hoibvntd.vn', t1);
    await desk.release('h1', 'binh@hoibvntd.vn', t1);
    await desk.release('h1', 'binh@hoibvntd.vn', t1);
    expect(store.audits.map((a) => [a.actor, a.action, a.detail.from])).toEqual([
      ['an@hoibvntd.vn', 'handoff.assign', null],
      ['binh@hoibvntd.vn', 'handoff.assign', 'an@hoibvntd.vn'],
      ['binh@hoibvntd.vn', 'handoff.release', 'binh@hoibvntd.vn'],
    ]);
    await desk.close('h1', 'an@hoibvntd.vn', t1);
    await expect(desk.take('h1', 'an@hoibvntd.vn', t1)).rejects.toMatchObject({ code: 'closed' });
  });
});
