import path from 'node:path';
import { createAssessmentFlow } from '../../../src/assessment/assessment-setup.ts';
import type { AssessmentFlow } from '../../../src/assessment/assessment-flow.ts';
import { type ProfileQuestion, profileQuestions } from '../../../src/assessment/business-profile.ts';
import { currentCriteriaFile, loadCriteria } from '../../../src/assessment/criteria-loader.ts';
import type { Criteria } from '../../../src/assessment/criteria-schema.ts';
import { questionsOf } from '../../../src/assessment/item-questions.ts';
import { DialogueEngine } from '../../../src/dialogue/dialogue-engine.ts';
import { unnumberedLabel } from '../../../src/dialogue/numbered-options.ts';
import type { ChannelName, EngineResult, InboundMessage, Reply } from '../../../src/dialogue/messages.ts';
import { createTranslators, type Locale } from '../../../src/i18n/translator.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import type { Db } from '../../../src/storage/database.ts';
import { PrismaAssessmentStore } from '../../../src/storage/prisma-assessment-store.ts';
import { PrismaConversationStore } from '../../../src/storage/prisma-conversation-store.ts';
import { knowledgeDir, loadRealKnowledgeBase } from '../../support/knowledge.ts';
import { ScriptedAnswerer } from '../../support/scripted-answerer.ts';

export const translators = createTranslators();
export const criteriaPromise: Promise<Criteria> = loadCriteria(path.join(knowledgeDir, currentCriteriaFile));

/** The real engine with the real assessment flow on a database, as bot/app.ts wires it. */
export async function assessmentEngine(db: Db, now = new Date('2026-11-23T03:00:00Z')): Promise<{ engine: DialogueEngine; flow: AssessmentFlow }> {
  const flow = await createAssessmentFlow({ store: new PrismaAssessmentStore(db), knowledgeBase: await loadRealKnowledgeBase(), knowledgeDir, timeZone: 'Asia/Ho_Chi_Minh' });
  const engine = new DialogueEngine({
    store: new PrismaConversationStore(db),
    answerer: new ScriptedAnswerer(),
    translators,
    clock: fixedClock(now),
    logger: silentLogger,
    flows: [flow],
    contacts: { hotline: '1800.6838', province: 'Bình Dương' },
  });
  return { engine, flow };
}

/** The micro Facebook shop of several tests: three gaps (31.1-2 intake, 16 data rules, 37.1 remote information). */
export const facebookShopScript: WalkScript = {
  channel: 'zalo',
  externalId: 'shop',
  start: '/doanhnghiep',
  name: 'Shop Hoa Mai',
  description: 'shop nhỏ bán quần áo trên Facebook, không có cửa hàng',
  profile: { continuous: 'không', direct: 'không có', standardContracts: 'không', warranty: 'không' },
  answers: { 'complaint-intake': 'không', 'data-rules': 'chưa', 'remote-info': 'một phần' },
  otherwise: 'có',
};

/** A typed message, or a pressed button found by its label (Telegram). */
export type Say = string | { readonly press: string };

export interface WalkScript {
  readonly channel?: ChannelName;
  readonly externalId?: string;
  readonly locale?: Locale;
  /** What opens the flow: a command, or "/start" then the menu button. */
  readonly start: Say | readonly Say[];
  readonly name?: Say;
  /** One sentence, or the "question by question" button. */
  readonly description?: Say;
  /** Answers to profile questions, by question; a question asked without an answer here fails the walk. */
  readonly profile?: Partial<Record<ProfileQuestion, Say>>;
  readonly confirm?: Say;
  /** Answers by question key (the item id, or "item.part"); questions not listed get `otherwise`. */
  readonly answers?: Readonly<Record<string, Say>>;
  readonly otherwise?: Say;
  readonly consent?: Say;
}

export interface Walk {
  readonly conversationId: string;
  /** Every reply the bot sent, in order. */
  readonly replies: Reply[];
  /** Profile questions in the order they were asked. */
  readonly askedProfile: ProfileQuestion[];
  /** Question keys (item ids, "item.part" for a part) in the order they were asked. */
  readonly askedItems: string[];
}

/**
 * Plays a business through the self-assessment, reading each bot reply to decide what to answer, the
 * way a person would: by the question shown, not by peeking at the flow's state.
 */
export async function walk(engine: DialogueEngine, script: WalkScript): Promise<Walk> {
  const criteria = await criteriaPromise;
  const t = translators(script.locale ?? 'vi');
  const channel = script.channel ?? 'telegram';
  const externalId = script.externalId ?? 'business-1';
  const replies: Reply[] = [];
  const askedProfile: ProfileQuestion[] = [];
  const askedItems: string[] = [];
  let last: Reply | undefined;
  let conversationId = '';

  const send = async (say: Say): Promise<EngineResult> => {
    const message: InboundMessage =
      typeof say === 'string'
        ? { channel, externalId, text: say }
        : { channel, externalId, text: say.press, choice: optionId(last, say.press) };
    const result = await engine.handle(message);
    conversationId = result.conversationId;
    replies.push(...result.replies);
    last = result.replies.at(-1);
    return result;
  };

  if (script.locale === 'en') await send('/en');
  for (const say of Array.isArray(script.start) ? script.start : [script.start]) await send(say as Say);
  for (let turn = 0; turn < 200; turn++) {
    const text = last?.text ?? '';
    if (text === t.t('assessment.consent.thanksYes') || text === t.t('assessment.consent.thanksNo')) break;
    if (text.endsWith(t.t('assessment.askName'))) {
      await send(script.name ?? 'Cơ sở thử nghiệm');
      continue;
    }
    if (text === t.t('assessment.describe', { name: nameIn(replies, t) })) {
      await send(script.description ?? { press: t.t('assessment.oneByOne') });
      continue;
    }
    const question = profileQuestions.find((q) => text.endsWith(t.t(`assessment.question.${q}`)) || (q === 'direct' && text.endsWith(t.t('assessment.question.directMore'))));
    if (question) {
      askedProfile.push(question);
      const answer = script.profile?.[question];
      if (answer === undefined) throw new Error(`profile question "${question}" was asked but the script has no answer:\n${text}`);
      await send(answer);
      continue;
    }
    if (last?.options?.some((o) => unnumberedLabel(o.label) === t.t('assessment.confirm.ok'))) {
      await send(script.confirm ?? { press: t.t('assessment.confirm.ok') });
      continue;
    }
    const item = questionsOf(criteria.items).find((q) => text.includes(q.question[t.locale]));
    if (item && last?.options?.some((o) => unnumberedLabel(o.label) === t.t('assessment.answer.yes'))) {
      askedItems.push(item.key);
      await send(script.answers?.[item.key] ?? script.otherwise ?? { press: t.t('assessment.answer.yes') });
      continue;
    }
    if (text === t.t('assessment.consent.prompt')) {
      await send(script.consent ?? { press: t.t('assessment.consent.no') });
      continue;
    }
    throw new Error(`unexpected reply in the walk-through:\n${text}`);
  }
  return { conversationId, replies, askedProfile, askedItems };
}

function optionId(reply: Reply | undefined, label: string): string {
  // Buttons show their numbers ("1. Có"); a script names them by their words.
  const option = reply?.options?.find((o) => o.label === label || unnumberedLabel(o.label) === label);
  if (!option) throw new Error(`no button "${label}" on:\n${reply?.text}\noptions: ${reply?.options?.map((o) => o.label).join(' | ')}`);
  return option.id;
}

function nameIn(replies: readonly Reply[], t: ReturnType<typeof translators>): string {
  const template = t.t('assessment.describe', { name: '\u0000' });
  const [before, after] = template.split('\u0000') as [string, string];
  const reply = replies.findLast((r) => r.text.startsWith(before) && r.text.endsWith(after));
  return reply ? reply.text.slice(before.length, reply.text.length - after.length) : '';
}
