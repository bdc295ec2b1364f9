import { describe, expect, it } from 'vitest';
import { ChannelSendError } from '../../../bot/channels/channel-errors.ts';
import type { ChannelTransport } from '../../../bot/channels/inbound-pipeline.ts';
import { OutboxDispatcher, type OutboxDispatcherDeps } from '../../../bot/channels/outbox-dispatcher.ts';
import { sendOutboxParts } from '../../../bot/channels/outbox-parts.ts';
import { SendPace } from '../../../bot/channels/send-pace.ts';
import type { ChannelName, Reply } from '../../../src/dialogue/messages.ts';
import type { Outbox, OutboxItem } from '../../../src/dialogue/outbox.ts';
import { createTranslators } from '../../../src/i18n/translator.ts';
import { silentLogger } from '../../../src/shared/logger.ts';

/** An outbox in memory: enough of the claim/mark contract for the dispatcher's own logic. */
class MemoryOutbox implements Outbox {
  readonly items: Array<OutboxItem & { delivered: boolean }> = [];
  private next = 0;
  async enqueue(channel: ChannelName, externalId: string, reply: Reply, now: Date): Promise<void> {
    this.items.push({ id: String(this.next++), channel, externalId, reply, createdAt: now, attempts: 0, sentParts: 0, delivered: false });
  }
  async pending(): Promise<OutboxItem[]> {
    return this.items.filter((i) => !i.delivered);
  }
  async pendingFor(): Promise<OutboxItem[]> {
    return [];
  }
  async claim(_channel: ChannelName, _owner: string, limit: number): Promise<OutboxItem[]> {
    return this.items.filter((i) => !i.delivered).slice(0, limit);
  }
  async renew(): Promise<boolean> {
    return true;
  }
  async markPartsSent(id: string, sentParts: number): Promise<void> {
    const item = this.items.find((i) => i.id === id)!;
    this.items[this.items.indexOf(item)] = { ...item, sentParts };
  }
  async markDelivered(id: string): Promise<void> {
    this.items.find((i) => i.id === id)!.delivered = true;
  }
  async markFailed(id: string): Promise<void> {
    const item = this.items.find((i) => i.id === id)!;
    this.items[this.items.indexOf(item)] = { ...item, attempts: item.attempts + 1 };
  }
}

const now = new Date('2026-11-23T03:00:00Z');
/** A Telegram dispatcher on the memory outbox at a fixed time, with the test's own options. */
const dispatcherFor = (outbox: Outbox, options: Pick<OutboxDispatcherDeps, 'deliver'> & Partial<OutboxDispatcherDeps>) =>
  new OutboxDispatcher({ outbox, channel: 'telegram', clock: { now: () => now }, logger: silentLogger, owner: 'me', ...options });

describe('OutboxDispatcher with several chats at once', () => {
  it('sends to chats in parallel but keeps each chat in order', async () => {
    const outbox = new MemoryOutbox();
    for (let n = 0; n < 3; n++) for (const chat of ['a', 'b', 'c', 'd']) await outbox.enqueue('telegram', chat, { text: `${chat}${n}` }, now);
    const sent: string[] = [];
    let inFlight = 0;
    let most = 0;
    const dispatcher = dispatcherFor(outbox, {
      concurrency: 3,
      deliver: async (item) => {
        most = Math.max(most, ++inFlight);
        // Chat a answers slowest: a sequential dispatcher would hold everyone behind it.
        await new Promise((r) => setTimeout(r, item.externalId === 'a' ? 15 : 1));
        sent.push(item.reply.text);
        inFlight--;
      },
    });
    await dispatcher.dispatchOnce();
    await dispatcher.settled();
    expect(most).toBe(3);
    for (const chat of ['a', 'b', 'c', 'd']) expect(sent.filter((s) => s.startsWith(chat))).toEqual([`${chat}0`, `${chat}1`, `${chat}2`]);
    expect(outbox.items.every((i) => i.delivered)).toBe(true);
  });
});

describe('OutboxDispatcher and a chat that blocked the bot', () => {
  it('tells whoever keeps sending to it, only on a permanent refusal, and still retries the item', async () => {
    const outbox = new MemoryOutbox();
    await outbox.enqueue('telegram', 'blocked', { text: 'cảnh báo' }, now);
    await outbox.enqueue('telegram', 'flaky', { text: 'cảnh báo' }, now);
    const unreachable: string[] = [];
    const dispatcher = dispatcherFor(outbox, {
      deliver: async (item) => {
        if (item.externalId === 'blocked') throw new ChannelSendError('Telegram refused sendMessage: 403 Forbidden: bot was blocked by the user', { permanent: true });
        throw new ChannelSendError('Telegram unreachable', { permanent: false });
      },
      onUnreachable: async (chat) => void unreachable.push(`${chat.channel}:${chat.externalId}`),
    });
    await dispatcher.dispatchOnce();
    await dispatcher.settled();
    expect(unreachable).toEqual(['telegram:blocked']);
    expect(outbox.items.map((i) => [i.externalId, i.attempts, i.delivered])).toEqual([
      ['blocked', 1, false],
      ['flaky', 1, false],
    ]);
  });
});

describe('OutboxDispatcher with a broadcast budget of its own', () => {
  it("takes a warning copy's turn from the broadcast pace and every other item's from the shared one", async () => {
    const outbox = new MemoryOutbox();
    await outbox.enqueue('telegram', 'a', { text: 'warning', broadcast: true }, now);
    await outbox.enqueue('telegram', 'b', { text: 'staff reply' }, now);
    await outbox.enqueue('telegram', 'c', { text: 'warning', broadcast: true }, now);
    const taken: string[] = [];
    const counting = (name: string) => Object.assign(new SendPace(1000), { take: async () => void taken.push(name) });
    const dispatcher = dispatcherFor(outbox, { pace: counting('shared'), broadcastPace: counting('broadcast'), concurrency: 1, deliver: async () => {} });
    await dispatcher.dispatchOnce();
    await dispatcher.settled();
    expect(taken).toEqual(['broadcast', 'shared', 'broadcast']);
  });
});

describe('OutboxDispatcher and an item sent in several parts', () => {
  // A staff reply long enough to be split: each paragraph is a platform message of its own here.
  const transport: ChannelTransport = {
    parts: (replies) => replies.flatMap((r) => r.text.split('\n\n').map((text) => ({ kind: 'text' as const, text }))),
    send: async () => {},
    typing: async () => {},
  };
  const translators = createTranslators();

  it('records each part as the platform takes it and resumes a failed item at the part that failed, never sending one twice', async () => {
    const outbox = new MemoryOutbox();
    await outbox.enqueue('telegram', 'a', { text: 'phần 1\n\nphần 2\n\nphần 3' }, now);
    const sent: string[] = [];
    const recordedWhenSending: number[] = [];
    let failSecond = true;
    const dispatcher = dispatcherFor(outbox, {
      deliver: (item, partSent) =>
        sendOutboxParts(transport, translators, item, partSent, async (part) => {
          const text = part.kind === 'text' ? part.text : '';
          // What the database says when the next part goes out: every earlier part is recorded already.
          recordedWhenSending.push(outbox.items[0]!.sentParts);
          if (text === 'phần 2' && failSecond) {
            failSecond = false;
            throw new ChannelSendError('Telegram unreachable', { permanent: false });
          }
          sent.push(text);
        }),
    });
    await dispatcher.dispatchOnce();
    await dispatcher.settled();
    expect(outbox.items[0]).toMatchObject({ sentParts: 1, attempts: 1, delivered: false });
    await dispatcher.dispatchOnce();
    await dispatcher.settled();
    expect(sent).toEqual(['phần 1', 'phần 2', 'phần 3']);
    expect(recordedWhenSending).toEqual([0, 1, 1, 2]);
    expect(outbox.items[0]!.delivered).toBe(true);
  });

  it('settles an item whose every part went out before a crash without sending anything', async () => {
    const outbox = new MemoryOutbox();
    await outbox.enqueue('telegram', 'a', { text: 'phần 1\n\nphần 2' }, now);
    await outbox.markPartsSent('0', 2);
    const sent: string[] = [];
    const dispatcher = dispatcherFor(outbox, { deliver: (item, partSent) => sendOutboxParts(transport, translators, item, partSent, async (part) => void sent.push(part.kind)) });
    await dispatcher.dispatchOnce();
    await dispatcher.settled();
    expect(sent).toEqual([]);
    expect(outbox.items[0]!.delivered).toBe(true);
  });
});
