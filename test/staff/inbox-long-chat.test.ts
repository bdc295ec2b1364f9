import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../bot/web/web-server.ts';
import { PrismaHandoffDeskStore } from '../../src/storage/prisma-handoff-desk-store.ts';
import { HandoffDesk, transcriptPageSize } from '../../src/handoff/handoff-desk.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { agentLogin, StaffClient, startStaffServer } from '../support/staff-server.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';

const clock = fixedClock(new Date('2026-11-27T10:00:00+07:00'));
const total = 1_200;
const label = (n: number) => `Tin nhắn số ${String(n).padStart(4, '0')}.`;
const shownIn = (html: string) => [...html.matchAll(/Tin nhắn số (\d{4})\./g)].map((m) => Number(m[1]));
const olderLink = (html: string) => /<p class="older"><a href="([^"]+)">/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null;

let database: TempDatabase;
let server: RunningServer;
let agent: StaffClient;
let handoffId: string;

beforeAll(async () => {
  database = await openTempDatabase();
  server = await startStaffServer(database.prisma, clock);
  const conversation = await database.prisma.conversation.create({ data: { channel: 'telegram', externalId: 'long-chat', userName: 'Lan', state: 'handoff.waiting' } });
  const start = Date.parse('2026-11-20T08:00:00+07:00');
  await database.prisma.message.createMany({
    data: Array.from({ length: total }, (_, i) => ({
      conversationId: conversation.id,
      direction: i % 2 === 0 ? 'in' : 'out',
      text: label(i + 1),
      // Two messages a second: pairs share a timestamp, as a turn's message and reply may.
      createdAt: new Date(start + Math.floor(i / 2) * 1_000),
    })),
  });
  handoffId = (await database.prisma.handoff.create({ data: { conversationId: conversation.id, reason: 'requested' } })).id;
  agent = new StaffClient(server.url);
  await agent.login(agentLogin);
});

afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

describe(`a chat of ${total} messages in the staff inbox`, () => {
  it('opens on the newest messages, in order, and pages back to the first one', async () => {
    const latest = await agent.page(`/staff/inbox/${handoffId}`);
    expect(latest.status).toBe(200);
    expect(shownIn(latest.html)).toEqual(Array.from({ length: transcriptPageSize }, (_, i) => total - transcriptPageSize + 1 + i));
    expect(latest.html).toContain('data-autorefresh="chat"');
    expect(latest.html).not.toContain('Về các tin nhắn mới nhất');
    expect(latest.html).toMatch(/<p class="older"><a href="[^"]+">Xem tin cũ hơn<\/a>/);

    const seen = shownIn(latest.html);
    let link = olderLink(latest.html);
    let pages = 1;
    while (link) {
      const older = await agent.page(link);
      expect(older.status).toBe(200);
      expect(older.html).toContain(`href="/staff/inbox/${handoffId}">Về các tin nhắn mới nhất`);
      // A page of history is not reloaded under the reader.
      expect(older.html).not.toContain('data-autorefresh');
      seen.unshift(...shownIn(older.html));
      link = olderLink(older.html);
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(total / transcriptPageSize));
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('opens the latest page for a "before" that is not a message of this chat', async () => {
    const page = await agent.page(`/staff/inbox/${handoffId}?before=abcdefghij1234`);
    expect(shownIn(page.html).at(-1)).toBe(total);
    expect(page.html).toContain('data-autorefresh="chat"');
  });

  it('tells the auto-refresh about every new message, however long the chat already is', async () => {
    const state = async () => (await agent.request(`/staff/inbox/api/state?handoff=${handoffId}`)).json() as Promise<Record<string, unknown>>;
    const before = await state();
    expect(before).toMatchObject({ messages: total, status: 'waiting' });
    // The user writes again; nothing else changes.
    const conversationId = (await database.prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).conversationId;
    await database.prisma.message.create({ data: { conversationId, direction: 'in', text: 'Còn ai ở đó không?', createdAt: new Date('2026-11-27T10:01:00+07:00') } });
    const written = await state();
    expect(written).toMatchObject({ messages: total + 1, status: 'waiting' });
    expect(written.latest).not.toEqual(before.latest);
    await new HandoffDesk(new PrismaHandoffDeskStore(database.prisma), createTranslators()).reply(handoffId, agentLogin.email, 'Chào chị Lan, em xem lại đơn hàng nhé.', new Date('2026-11-27T10:05:00+07:00'));
    const after = await state();
    expect(after).toMatchObject({ messages: total + 2, status: 'active' });
    expect(after.latest).not.toEqual(written.latest);
    const latest = await agent.page(`/staff/inbox/${handoffId}`);
    expect(latest.html).toMatch(/Còn ai ở đó không\?[\s\S]*Chào chị Lan, em xem lại đơn hàng nhé\./);
    expect(shownIn(latest.html).at(-1)).toBe(total);
  });
});

describe('closing a chat', () => {
  it('asks first: the close button only opens the question, and a post without the confirmation closes nothing', async () => {
    const { html } = await agent.page(`/staff/inbox/${handoffId}`);
    expect(html).toMatch(/<details class="close">\s*<summary class="button secondary">Kết thúc hỗ trợ<\/summary>[\s\S]*Kết thúc hỗ trợ cho Lan\?[\s\S]*<button type="submit" name="confirm" value="yes">Xác nhận kết thúc<\/button>/);
    const unconfirmed = await agent.post(`/staff/inbox/${handoffId}/close`, {});
    expect(unconfirmed.headers.get('location')).toBe(`/staff/inbox/${handoffId}?error=confirmClose`);
    expect((await database.prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status).not.toBe('closed');
    // The outcome is said beside the reply box, where the page opens.
    expect((await agent.page(`/staff/inbox/${handoffId}?error=confirmClose`)).html).toMatch(/<\/ol>[\s\S]*Chưa kết thúc: hãy bấm “Xác nhận kết thúc”[\s\S]*<form method="post" action="[^"]+\/reply"/);
    const confirmed = await agent.post(`/staff/inbox/${handoffId}/close`, { confirm: 'yes' });
    expect(confirmed.headers.get('location')).toBe('/staff/inbox?ok=closed');
    expect((await database.prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status).toBe('closed');
  });
});
