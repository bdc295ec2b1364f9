import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatUserLimit } from '../../../bot/channels/chat-user-limit.ts';
import { InboundPipeline, maxUnrecordedSends, type ChannelTransport, type MessageHandler } from '../../../bot/channels/inbound-pipeline.ts';
import type { OutgoingPart } from '../../../bot/channels/outgoing.ts';
import type { EngineResult, InboundMessage } from '../../../src/dialogue/messages.ts';
import { createTranslators } from '../../../src/i18n/translator.ts';
import { systemClock } from '../../../src/shared/clock.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { type Database, openDatabase } from '../../../src/storage/database.ts';
import { PrismaInboundJournal } from '../../../src/storage/prisma-inbound-journal.ts';

class RecordingTransport implements ChannelTransport {
  readonly sent: Array<{ chatId: string; text: string }> = [];
  parts(replies: EngineResult['replies']): OutgoingPart[] {
    return replies.map((r) => ({ kind: 'text', text: r.text }));
  }
  async send(chatId: string, part: OutgoingPart): Promise<void> {
    this.sent.push({ chatId, text: part.kind === 'text' ? part.text : '' });
  }
  async typing(): Promise<void> {}
}

/** Prisma's error for a transaction that could not start in time (a pool exhausted under load). */
function p2028(): Error {
  return Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' });
}

describe('the inbound pipeline', () => {
  let dir: string;
  let database: Database;
  let journal: PrismaInboundJournal;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bvntd-pipeline-'));
    database = await openDatabase(`file:${path.join(dir, 'p.db')}`);
    journal = new PrismaInboundJournal(database.prisma);
  });

  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pipelineWith = (handle: MessageHandler, transport = new RecordingTransport()) => ({
    transport,
    pipeline: new InboundPipeline({ channel: 'telegram', journal, handle, transport, translators: createTranslators(), clock: systemClock, logger: silentLogger, hotline: '1800.6838', owner: 'test', typingDelayMs: 60_000 }),
  });
  const message = (text: string): InboundMessage => ({ channel: 'telegram', externalId: '42', text });
  const answer = (text: string): EngineResult => ({ conversationId: 'c', locale: 'vi', replies: [{ text }], duplicate: false });

  it('leaves a turn that failed for a passing reason owed, with no apology, and answers it on the retry', async () => {
    let calls = 0;
    const { pipeline, transport } = pipelineWith(async () => {
      calls += 1;
      if (calls === 1) throw p2028();
      return answer('Trả lời');
    });
    await pipeline.record([{ key: '1001', payload: '{}' }]);
    await pipeline.process('1001', '42', message('hỏi')).catch((error: unknown) => pipeline.fail('1001', '42', 'vi', error));
    expect(transport.sent).toEqual([]);
    expect(await journal.state('telegram', '1001')).toEqual({ sentCount: 0, delivered: false });
    expect((await pipeline.owed(new Date(Date.now() + 1), 10)).map((e) => e.key)).toContain('1001');
    expect(await pipeline.process('1001', '42', message('hỏi'))).toBe('sent');
    expect(transport.sent).toEqual([{ chatId: '42', text: 'Trả lời' }]);
  });

  it('apologises for a bug and settles the update, so it cannot loop', async () => {
    const { pipeline, transport } = pipelineWith(() => Promise.reject(new TypeError('a flow bug')));
    await pipeline.record([{ key: '1002', payload: '{}' }]);
    await pipeline.process('1002', '42', message('hỏi')).catch((error: unknown) => pipeline.fail('1002', '42', 'vi', error));
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]!.text).toMatch(/^Xin lỗi, hệ thống/);
    expect(await journal.state('telegram', '1002')).toMatchObject({ delivered: true });
  });

  it('handles an update delivered twice at once only once, and does not list it as owed meanwhile', async () => {
    let release!: () => void;
    let calls = 0;
    const { pipeline, transport } = pipelineWith(async () => {
      calls += 1;
      await new Promise<void>((r) => (release = r));
      return answer('Một lần');
    });
    await pipeline.record([{ key: '1003', payload: '{}' }]);
    const first = pipeline.process('1003', '42', message('hỏi'));
    await new Promise((r) => setTimeout(r, 20));
    expect(await pipeline.process('1003', '42', message('hỏi'))).toBe('duplicate');
    expect((await pipeline.owed(new Date(Date.now() + 1), 10)).map((e) => e.key)).not.toContain('1003');
    release();
    expect(await first).toBe('sent');
    expect(calls).toBe(1);
    expect(transport.sent.filter((m) => m.text === 'Một lần')).toHaveLength(1);
  });

  it('leaves an update claimed by another instance to it', async () => {
    await journal.record('telegram', [{ key: '1004', payload: '{}' }], new Date(), { owner: 'other-instance', ttlMs: 60_000 });
    const { pipeline, transport } = pipelineWith(async () => answer('Không được gửi'));
    expect(await pipeline.process('1004', '42', message('hỏi'))).toBe('duplicate');
    expect(transport.sent).toEqual([]);
    expect((await pipeline.owed(new Date(Date.now() + 1), 10)).map((e) => e.key)).not.toContain('1004');
  });

  it('turns a flooding chat away before it takes a turn slot: no handler, no typing, one polite line, every update settled', async () => {
    const limit = new ChatUserLimit({ translators: createTranslators(), clock: systemClock, perMinute: 2 });
    const handled: string[] = [];
    const transport = new RecordingTransport();
    let typing = 0;
    transport.typing = async () => void (typing += 1);
    const pipeline = new InboundPipeline({
      channel: 'telegram', journal, handle: async (m) => (handled.push(m.text), answer(`re ${m.text}`)), admit: (m) => limit.admit(m), transport,
      translators: createTranslators(), clock: systemClock, logger: silentLogger, hotline: '1800.6838', owner: 'test', typingDelayMs: 0,
    });
    const keys = ['2001', '2002', '2003', '2004', '2005'];
    await pipeline.record(keys.map((key) => ({ key, payload: '{}' })));
    const outcomes = [];
    for (const [i, key] of keys.entries()) outcomes.push(await pipeline.process(key, '77', { channel: 'telegram', externalId: '77', text: `m${i}` }));
    expect(handled).toEqual(['m0', 'm1']);
    expect(outcomes).toEqual(['sent', 'sent', 'sent', 'ignored', 'ignored']);
    expect(transport.sent.map((m) => m.text)).toEqual(['re m0', 're m1', 'Bạn gửi nhanh quá, hệ thống cần nghỉ một chút. Bạn đợi khoảng một phút rồi gửi tiếp nhé.']);
    expect(typing).toBeLessThanOrEqual(2);
    for (const key of keys) expect(await journal.state('telegram', key)).toMatchObject({ delivered: true });
    expect((await pipeline.owed(new Date(Date.now() + 1), 50)).map((e) => e.key).filter((k) => keys.includes(k))).toEqual([]);
  });

  it('leaves the updates a flood sends out of the INSERT that journals their batch: nothing of them kept, no write each, the limit asked once', async () => {
    let asked = 0;
    const limit = new ChatUserLimit({ translators: createTranslators(), clock: systemClock, perMinute: 2 });
    const marks: string[] = [];
    const counting = new (class extends PrismaInboundJournal {
      override markSent(...args: Parameters<PrismaInboundJournal['markSent']>) {
        marks.push(args[1]);
        return super.markSent(...args);
      }
    })(database.prisma);
    const handled: string[] = [];
    const transport = new RecordingTransport();
    const pipeline = new InboundPipeline({
      channel: 'telegram', journal: counting, handle: async (m) => (handled.push(m.text), answer(`re ${m.text}`)), admit: (m) => (asked += 1, limit.admit(m)), transport,
      translators: createTranslators(), clock: systemClock, logger: silentLogger, hotline: '1800.6838', owner: 'test', typingDelayMs: 60_000,
    });
    const keys = ['3001', '3002', '3003', '3004', '3005', '3006'];
    const items = keys.map((key, i) => ({ entry: { key, payload: `{"text":"m${i} 0912345678"}` }, message: { channel: 'telegram' as const, externalId: '78', text: `m${i}` } }));
    await pipeline.recordScreened(items);
    // The platform sends the batch again (as after a failed INSERT): the limit is not asked twice.
    await pipeline.recordScreened(items);
    const outcomes = [];
    for (const { entry, message } of items) outcomes.push((await pipeline.screen(entry.key, '78', message)) ?? (await pipeline.process(entry.key, '78', message, { admitted: true })));
    expect(asked).toBe(6);
    expect(handled).toEqual(['m0', 'm1']);
    expect(outcomes).toEqual(['sent', 'sent', 'sent', 'ignored', 'ignored', 'ignored']);
    expect(transport.sent.map((m) => m.text)).toEqual(['re m0', 're m1', 'Bạn gửi nhanh quá, hệ thống cần nghỉ một chút. Bạn đợi khoảng một phút rồi gửi tiếp nhé.']);
    // The three dropped ones were never written: no row, no markSent, nothing of their text kept.
    expect(marks.filter((k) => ['3004', '3005', '3006'].includes(k))).toEqual([]);
    for (const key of ['3001', '3002', '3003']) expect(await journal.state('telegram', key)).toMatchObject({ delivered: true });
    for (const key of ['3004', '3005', '3006']) expect(await journal.find('telegram', key)).toBeNull();
    expect((await journal.find('telegram', '3001'))?.payload).toContain('m0');
    expect((await pipeline.owed(new Date(Date.now() + 1), 50)).map((e) => e.key).filter((k) => keys.includes(k))).toEqual([]);
  });

  it('writes nothing for a batch that is all flood: the update stream moves on without an INSERT', async () => {
    const limit = new ChatUserLimit({ translators: createTranslators(), clock: systemClock, perMinute: 1 });
    let inserts = 0;
    const counting = new (class extends PrismaInboundJournal {
      override record(...args: Parameters<PrismaInboundJournal['record']>) {
        inserts += 1;
        return super.record(...args);
      }
    })(database.prisma);
    const pipeline = new InboundPipeline({
      channel: 'telegram', journal: counting, handle: async (m) => answer(`re ${m.text}`), admit: (m) => limit.admit(m), transport: new RecordingTransport(),
      translators: createTranslators(), clock: systemClock, logger: silentLogger, hotline: '1800.6838', owner: 'test', typingDelayMs: 60_000,
    });
    const batch = (from: number) => Array.from({ length: 5 }, (_, i) => ({ entry: { key: String(from + i), payload: '{}' }, message: { channel: 'telegram' as const, externalId: '79', text: `m${i}` } }));
    // The first batch holds the one admitted message and the polite refusal's; the second is all flood.
    await pipeline.recordScreened(batch(4001));
    expect(inserts).toBe(1);
    await pipeline.recordScreened(batch(4101));
    expect(inserts).toBe(1);
    for (const { entry } of batch(4101)) expect(await journal.find('telegram', entry.key)).toBeNull();
  });

  it('records each send before the next turn computes: turns started together do not run back to back while answers wait unread', async () => {
    // What happened, in order: a turn starting its work, the platform answering a send (at once,
    // as on loopback; the bot reads the answer in a later turn of the event loop), its record.
    const events: string[] = [];
    const journaling = new (class extends PrismaInboundJournal {
      override async markSent(...args: Parameters<PrismaInboundJournal['markSent']>) {
        await super.markSent(...args);
        events.push(`recorded ${args[1]}`);
      }
    })(database.prisma);
    const platform: ChannelTransport = {
      parts: (replies) => replies.map((r) => ({ kind: 'text', text: r.text })),
      send: (_chatId, part) => {
        events.push(`answered ${part.kind === 'text' ? part.text : ''}`);
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
      typing: async () => {},
    };
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const pipeline = new InboundPipeline({
      channel: 'telegram', journal: journaling, transport: platform, translators: createTranslators(), clock: systemClock, logger: silentLogger, hotline: '1800.6838', owner: 'test', typingDelayMs: 60_000,
      // The engine's work is synchronous computing: nothing in it lets the event loop read a socket.
      handle: async (m) => {
        events.push('turn');
        busy(15);
        return answer(m.text);
      },
    });
    const keys = Array.from({ length: 12 }, (_, i) => String(4001 + i));
    await pipeline.record(keys.map((key) => ({ key, payload: '{}' })));
    await Promise.all(keys.map((key) => pipeline.process(key, `c${key}`, { channel: 'telegram', externalId: `c${key}`, text: key })));
    // Between a platform's answer and its record, at most one other turn's work (the one already
    // under way when the answer came); without a turn of the loop each, all eight slots' turns ran.
    for (const key of keys) {
      const between = events.slice(events.indexOf(`answered ${key}`), events.indexOf(`recorded ${key}`)).filter((e) => e === 'turn');
      expect(between.length, `turns between the answer to ${key} and its record`).toBeLessThanOrEqual(1);
    }
    expect(events.filter((e) => e === 'turn')).toHaveLength(12);
  });
  it('has at most a few replies sent and not yet recorded at once, whatever the turns sending together: a crash repeats no more', async () => {
    let outstanding = 0;
    let most = 0;
    const platform: ChannelTransport = {
      parts: (replies) => replies.map((r) => ({ kind: 'text', text: r.text })),
      send: async () => {
        most = Math.max(most, ++outstanding);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      typing: async () => {},
    };
    const recording = new (class extends PrismaInboundJournal {
      override async markSent(...args: Parameters<PrismaInboundJournal['markSent']>) {
        await super.markSent(...args);
        outstanding -= 1;
      }
    })(database.prisma);
    const pipeline = new InboundPipeline({
      channel: 'telegram', journal: recording, transport: platform, translators: createTranslators(), clock: systemClock, logger: silentLogger, hotline: '1800.6838', owner: 'test', typingDelayMs: 60_000,
      maxConcurrentTurns: 16, handle: async (m) => answer(m.text),
    });
    const keys = Array.from({ length: 16 }, (_, i) => String(5001 + i));
    await pipeline.record(keys.map((key) => ({ key, payload: '{}' })));
    await Promise.all(keys.map((key) => pipeline.process(key, `c${key}`, { channel: 'telegram', externalId: `c${key}`, text: key })));
    expect(most).toBe(maxUnrecordedSends);
    expect(maxUnrecordedSends).toBeLessThanOrEqual(5);
    for (const key of keys) expect(await journal.state('telegram', key)).toMatchObject({ delivered: true });
  });
});
