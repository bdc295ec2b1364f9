import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerRequest, QaAnswer } from '../../src/answer/answer-types.ts';
import type { ConversationStore } from '../../src/dialogue/conversation-store.ts';
import { DialogueEngine } from '../../src/dialogue/dialogue-engine.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { LoopSlots } from '../../src/shared/loop-slots.ts';
import { PrismaConversationStore } from '../../src/storage/prisma-conversation-store.ts';
import { ScriptedAnswerer } from '../support/scripted-answerer.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';

let database: TempDatabase;
beforeEach(async () => {
  database = await openTempDatabase();
});
afterEach(async () => {
  await database.dispose();
});

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

/**
 * A store whose reads come back as a database server's do: as socket data in a later turn of the
 * event loop (a timer here), several turns' in the same one. SQLite's answers need no such turn.
 */
function overTheNetwork(store: ConversationStore): ConversationStore {
  const later = <T>(value: Promise<T>) => value.then((v) => new Promise<T>((resolve) => setTimeout(() => resolve(v), 0)));
  return {
    findOrCreate: (...args) => later(store.findOrCreate(...args)),
    find: (...args) => later(store.find(...args)),
    handledUpdate: (...args) => later(store.handledUpdate(...args)),
    saveTurn: (...args) => later(store.saveTurn(...args)),
    transcript: (...args) => later(store.transcript(...args)),
  };
}

async function run(computeSlots: LoopSlots | undefined): Promise<string[]> {
  const events: string[] = [];
  // The answer is synchronous computing, as retrieval and composition are; during the first turn's,
  // a platform answers a send made earlier (a timer standing for its socket's data).
  const answerer = new (class extends ScriptedAnswerer {
    override answer(request: AnswerRequest): Promise<QaAnswer> {
      events.push('turn');
      if (events.length === 1) setTimeout(() => events.push('answer read'), 0);
      busy(5);
      return super.answer(request);
    }
  })();
  const engine = new DialogueEngine({
    store: overTheNetwork(new PrismaConversationStore(database.prisma)),
    answerer,
    translators: createTranslators(),
    clock: systemClock,
    logger: silentLogger,
    contacts: { hotline: '1800.6838', province: 'Bình Dương' },
    ...(computeSlots ? { computeSlots } : {}),
  });
  await Promise.all(Array.from({ length: 6 }, (_, i) => engine.handle({ channel: 'web', externalId: `chat-${i}`, text: 'bảo hành thế nào' })));
  return events;
}

describe('DialogueEngine compute slots', () => {
  it('computes each turn in a turn of the event loop of its own once its reads are back, so an answer that arrived meanwhile is read before the next turn computes', async () => {
    const events = await run(new LoopSlots());
    expect(events.filter((e) => e === 'turn')).toHaveLength(6);
    // The platform's answer is read right after the turn that was computing when it came.
    expect(events.indexOf('answer read')).toBe(1);
  });

  it('without slots the turns whose reads came back together compute back to back, the answer unread until all are done', async () => {
    const events = await run(undefined);
    expect(events.indexOf('answer read')).toBeGreaterThan(2);
  });
});
