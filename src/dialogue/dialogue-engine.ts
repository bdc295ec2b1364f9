import { qaContextSchema, type AnswerRequest, type QaAnswer, type QaContext, type QuestionAnswerer } from '../answer/answer-types.ts';
import type { Locale, Translator } from '../i18n/translator.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { ConversationSnapshot, ConversationStore, ConversationUpdate } from './conversation-store.ts';
import type { ConversationRecord, DialogueFlow, FlowContext, FlowTurn } from './flow.ts';
import type { EngineResult, InboundMessage, Reply, ReplyOption } from './messages.ts';
import { LocalTurnLocks, type TurnLocks } from './turn-locks.ts';
import { unnumberedLabel } from './numbered-options.ts';
import { fold } from '../text/vietnamese-unicode.ts';
import { hasWords, looksEnglish, parseCommand, smallTalk } from './text-signals.ts';

/** Longer messages are read up to this length; people paste whole stories, not books. */
export const maxInputLength = 4000;

export const menuIds = {
  ask: 'menu.ask',
  help: 'menu.help',
  hotline: 'menu.hotline',
} as const;

export interface DialogueEngineDeps {
  readonly store: ConversationStore;
  readonly answerer: QuestionAnswerer;
  readonly translators: (locale: Locale) => Translator;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly flows?: readonly DialogueFlow[];
  /** Values shown in texts: hotline number, province. */
  readonly contacts: { readonly hotline: string; readonly province: string };
  /** How one conversation's turns are kept in order (default: within this process). */
  readonly locks?: TurnLocks;
  /**
   * Where a turn waits for its slot of the event loop before it computes (the process's LoopSlots);
   * none: it computes as soon as its reads are back.
   */
  readonly computeSlots?: { next(): Promise<void> };
}

export class DialogueEngineError extends Error {
  override readonly name = 'DialogueEngineError';
}

/** One message as the stages see it. */
interface Turn {
  readonly conversation: ConversationSnapshot;
  readonly message: InboundMessage;
  /** Trimmed and cut to maxInputLength. */
  readonly text: string;
  readonly now: Date;
  readonly command: { readonly command: string; readonly args: string } | null;
  /** What small talk the text is, when it is not a command or a button. */
  readonly talk: ReturnType<typeof smallTalk> | null;
  /** The context a flow gets for this turn. */
  ctx(extra?: Partial<FlowContext>): FlowContext;
}

type Next = () => Promise<TurnOutcome>;
/** A step of the engine's pipeline: answers the turn, or hands it to the next step. */
type Stage = (turn: Turn, next: Next) => Promise<TurnOutcome>;

interface TurnOutcome {
  readonly replies: Reply[];
  readonly update: ConversationUpdate;
  /** The flow whose start/handle produced this outcome, if any. */
  readonly flow?: string;
  /** See FlowTurn.forgetUser. */
  readonly forgetUser?: boolean;
}

/**
 * The one dialogue engine every channel uses. It owns the conversation's state in the database, the
 * global commands and menu, small talk, and law questions; multi-step flows plug in as states.
 * Messages of one conversation are handled strictly in order.
 */
export class DialogueEngine {
  private readonly locks: TurnLocks;
  private readonly flows: readonly DialogueFlow[];

  constructor(private readonly deps: DialogueEngineDeps) {
    this.locks = deps.locks ?? new LocalTurnLocks();
    this.flows = deps.flows ?? [];
    const names = new Set<string>();
    for (const flow of this.flows) {
      if (names.has(flow.name)) throw new DialogueEngineError(`two flows are named "${flow.name}"`);
      names.add(flow.name);
    }
  }

  handle(message: InboundMessage): Promise<EngineResult> {
    // The check for an update already handled runs inside the lock: the same message handed to two
    // instances is handled by the first and answered from its saved turn by the second.
    return this.locks.run(`${message.channel}:${message.externalId}`, () => this.handleInOrder(message));
  }

  /** Records every flow created for this conversation (script mode prints them). */
  async records(conversationId: string): Promise<ConversationRecord[]> {
    const lists = await Promise.all(this.flows.map((f) => f.records?.(conversationId) ?? Promise.resolve([])));
    return lists.flat();
  }

  private async handleInOrder(message: InboundMessage): Promise<EngineResult> {
    const now = message.receivedAt ?? this.deps.clock.now();
    const conversation = await this.deps.store.findOrCreate(message.channel, message.externalId, message.userName, now);
    if (message.updateKey && !message.updateKeyIsNew) {
      const replies = await this.deps.store.handledUpdate(message.channel, message.updateKey);
      if (replies) return { conversationId: conversation.id, locale: conversation.locale, replies, duplicate: true };
    }
    // The reads above come back from a database server as socket data, several turns' in the same
    // turn of the event loop: their computing would then run back to back while the platforms'
    // answers to earlier sends sat unread, their records waiting (a crash there repeats the send).
    await this.deps.computeSlots?.next();
    let outcome = await this.leaveIfTakenAway(conversation, await this.route(conversation, resolveNumberedChoice(message, conversation.lastOptions), now), now);
    // A state left by a flow that no longer exists is written back as idle, not only logged.
    if (conversation.state !== 'idle' && !this.flowNamed(conversation.state) && outcome.update.state === undefined) {
      outcome = { ...outcome, update: { ...outcome.update, state: 'idle', stateData: {} } };
    }
    const offered = outcome.replies.findLast((r) => r.options && r.options.length > 0)?.options ?? [];
    await this.deps.store.saveTurn({
      conversationId: conversation.id,
      inbound: message,
      replies: outcome.replies,
      update: { ...outcome.update, userName: outcome.forgetUser ? null : (message.userName ?? conversation.userName), lastOptions: offered },
      updateKey: message.updateKey,
      now,
    });
    return {
      conversationId: conversation.id,
      locale: outcome.update.locale ?? conversation.locale,
      replies: outcome.replies,
      duplicate: false,
    };
  }

  /**
   * One turn through the stages, first to last; each answers the message or passes it on. The order
   * is the design: a language switch works everywhere, a command beats the current flow, the current
   * flow beats the menu, and a law question is what is left.
   */
  private readonly stages: readonly Stage[] = [
    (turn, next) => this.languageSwitch(turn, next),
    (turn, next) => this.commands(turn, next),
    (turn, next) => this.currentFlowStage(turn, next),
    (turn, next) => this.menuChoice(turn, next),
    (turn, next) => this.emptyInput(turn, next),
    (turn, next) => this.smallTalkStage(turn, next),
    (turn, next) => this.detectedFlow(turn, next),
    (turn) => this.answerQuestion(turn.conversation, turn.text, turn.now),
  ];

  private async route(conversation: ConversationSnapshot, message: InboundMessage, now: Date): Promise<TurnOutcome> {
    const raw = message.text.trim();
    const notes: Reply[] = [];
    let text = raw;
    if (raw.length > maxInputLength) {
      text = raw.slice(0, maxInputLength);
      notes.push({ text: this.t(conversation).t('core.tooLong', { length: raw.length, max: maxInputLength }) });
    }
    const command = message.choice ? null : parseCommand(text);
    const turn: Turn = {
      conversation,
      message,
      text,
      now,
      command,
      talk: command || message.choice ? null : smallTalk(text),
      ctx: (extra = {}) => ({ conversation, t: this.t(conversation), now, text, ...extra }),
    };
    const run = (i: number): Promise<TurnOutcome> => this.stages[i]!(turn, () => run(i + 1));
    return this.withNotes(notes, await run(0));
  }

  /** "english", "tiếng Việt", /en, /vi: honoured everywhere, even inside a flow. */
  private async languageSwitch(turn: Turn, next: Next): Promise<TurnOutcome> {
    const { talk, command } = turn;
    if (talk !== 'english' && talk !== 'vietnamese' && command?.command !== 'en' && command?.command !== 'vi') return next();
    const locale: Locale = talk === 'english' || command?.command === 'en' ? 'en' : 'vi';
    const switched = { ...turn.conversation, locale };
    return { replies: [{ text: this.t(switched).t('core.languageSet'), options: this.menu(switched) }], update: { locale } };
  }

  private commands(turn: Turn, next: Next): Promise<TurnOutcome> {
    return turn.command ? this.onCommand(turn.conversation, turn.message, turn.command, turn) : next();
  }

  /** The flow the conversation is in takes the message ("hủy" leaves it); a released message is routed again as if idle. */
  private async currentFlowStage(turn: Turn, next: Next): Promise<TurnOutcome> {
    const { conversation, message } = turn;
    const current = this.currentFlow(conversation);
    if (!current) return next();
    if (turn.talk === 'cancel' && !current.silencesBot) {
      return { replies: [{ text: this.t(conversation).t('core.cancelled'), options: this.menu(conversation) }], update: { state: 'idle', stateData: {} } };
    }
    const flowTurn = await current.handle(turn.ctx(), message);
    if (!flowTurn.release) return this.fromFlow(current, flowTurn);
    const idle = { ...conversation, state: 'idle', stateData: {} };
    const after = await this.route(idle, message, turn.now);
    return { ...after, replies: [...flowTurn.replies, ...after.replies], update: { state: 'idle', stateData: {}, ...after.update } };
  }

  private menuChoice(turn: Turn, next: Next): Promise<TurnOutcome> {
    return turn.message.choice ? this.onChoice(turn.conversation, turn.message, turn) : next();
  }

  /** Nothing to read: a photo or file alone, an empty message, emoji or punctuation only. */
  private async emptyInput(turn: Turn, next: Next): Promise<TurnOutcome> {
    const { conversation, message, text } = turn;
    const t = this.t(conversation);
    if (text === '') {
      const attachments = message.attachments ?? [];
      if (attachments.length > 0) {
        const what = t.t(`core.attachment.${attachments[0]!.kind}`);
        return { replies: [{ text: t.t('core.attachmentOnly', { what }), options: this.menu(conversation) }], update: {} };
      }
      return { replies: [{ text: t.t('core.empty'), options: this.menu(conversation) }], update: {} };
    }
    if (!hasWords(text)) return { replies: [{ text: t.t('core.noWords'), options: this.menu(conversation) }], update: {} };
    return next();
  }

  private async smallTalkStage(turn: Turn, next: Next): Promise<TurnOutcome> {
    const { conversation, talk } = turn;
    const t = this.t(conversation);
    if (talk === 'greeting') return { replies: [this.greeting(conversation)], update: {} };
    if (talk === 'thanks') return { replies: [{ text: t.t('core.thanks') }], update: {} };
    if (talk === 'cancel') return { replies: [{ text: t.t('core.nothingToCancel'), options: this.menu(conversation) }], update: {} };
    return next();
  }

  /** Free text that asks for a flow ("shop lừa tôi, muốn khiếu nại") starts the most likely one. */
  private async detectedFlow(turn: Turn, next: Next): Promise<TurnOutcome> {
    const flow = this.detectFlow(turn.text, turn.ctx());
    return flow ? this.fromFlow(flow, await flow.start(turn.ctx(), turn.message)) : next();
  }

  /** Lets the flow the conversation was in release its resources when a command takes it away. */
  private async leaveIfTakenAway(conversation: ConversationSnapshot, outcome: TurnOutcome, now: Date): Promise<TurnOutcome> {
    const current = this.currentFlow(conversation);
    const next = outcome.update.state;
    if (!current?.leave || outcome.flow === current.name || next === undefined || next.startsWith(`${current.name}.`)) return outcome;
    const farewell = await current.leave({ conversation, t: this.t(conversation), now, text: '' });
    return farewell.length === 0 ? outcome : { ...outcome, replies: [...farewell, ...outcome.replies] };
  }

  private async onCommand(conversation: ConversationSnapshot, message: InboundMessage, command: { command: string; args: string }, turn: Turn): Promise<TurnOutcome> {
    const t = this.t(conversation);
    switch (command.command) {
      case 'start':
      case 'menu':
        // /start leaves any flow: it is what people type when they are lost.
        return { replies: [this.greeting(conversation)], update: { state: 'idle', stateData: {} } };
      case 'help':
      case 'huongdan':
        return { replies: [{ text: t.t('core.help'), options: this.menu(conversation) }], update: {} };
      case 'hotline':
        return { replies: [{ text: this.contactText(t, 'core.hotline') }], update: {} };
      case 'huy':
      case 'cancel':
        return conversation.state === 'idle'
          ? { replies: [{ text: t.t('core.nothingToCancel'), options: this.menu(conversation) }], update: {} }
          : { replies: [{ text: t.t('core.cancelled'), options: this.menu(conversation) }], update: { state: 'idle', stateData: {} } };
      case 'hoi':
      case 'ask':
        if (command.args) return this.answerQuestion({ ...conversation, state: 'idle' }, command.args, turn.now, { state: 'idle', stateData: {} });
        return { replies: [{ text: t.t('core.ask.prompt') }], update: { state: 'idle', stateData: {} } };
    }
    const flow = this.flows.find((f) => f.commands.includes(command.command));
    if (flow) return this.fromFlow(flow, await flow.start(turn.ctx({ commandArgs: command.args }), message));
    const { answerer } = this.deps;
    if (answerer.command && answerer.commands?.includes(command.command)) {
      return this.fromAnswer(await answerer.command(command.args, this.answerRequest(conversation, command.args, turn.now)));
    }
    return { replies: [{ text: t.t('core.unknownCommand', { command: `/${command.command}` }), options: this.menu(conversation) }], update: {} };
  }

  private async onChoice(conversation: ConversationSnapshot, message: InboundMessage, turn: Turn): Promise<TurnOutcome> {
    const t = this.t(conversation);
    switch (message.choice) {
      case menuIds.ask:
        return { replies: [{ text: t.t('core.ask.prompt') }], update: {} };
      case menuIds.help:
        return { replies: [{ text: t.t('core.help'), options: this.menu(conversation) }], update: {} };
      case menuIds.hotline:
        return { replies: [{ text: this.contactText(t, 'core.hotline') }], update: {} };
    }
    const flow = this.flows.find((f) => f.menu?.id === message.choice);
    if (flow) return this.fromFlow(flow, await flow.start(turn.ctx(), message));
    const chosen = await this.deps.answerer.choose?.(message.choice!, this.answerRequest(conversation, message.text, turn.now));
    if (chosen) return this.fromAnswer(chosen);
    // A stale button (from a flow that has ended): treat its label as text rather than failing.
    return { replies: [this.greeting(conversation)], update: {} };
  }

  private async answerQuestion(conversation: ConversationSnapshot, question: string, now: Date, update: ConversationUpdate = {}): Promise<TurnOutcome> {
    const answer = await this.deps.answerer.answer(this.answerRequest(conversation, question, now));
    return this.fromAnswer(answer, update);
  }

  private answerRequest(conversation: ConversationSnapshot, question: string, now: Date): AnswerRequest {
    const explicitLocale = conversation.locale;
    // Answer an English question in English even before the user switches explicitly (an answerer
    // that detects the language itself says which one it used).
    const locale: Locale = explicitLocale === 'vi' && looksEnglish(question) ? 'en' : explicitLocale;
    return { question, locale, context: asQaContext(conversation.context), now };
  }

  /** An answer as a reply: its own buttons, then the flows that serve the intents it offers. */
  private fromAnswer(answer: QaAnswer, update: ConversationUpdate = {}): TurnOutcome {
    const t = this.deps.translators(answer.locale ?? 'vi');
    const offered = answer.offer ?? [];
    const options: ReplyOption[] = [...(answer.options ?? []), ...this.flowOptions(t, offered)];
    if (!answer.confident) options.push({ id: menuIds.hotline, label: t.t('core.menu.hotline') });
    return {
      replies: [{ text: answer.text, options }],
      update: { ...update, context: answer.context ?? {} },
    };
  }

  private detectFlow(text: string, ctx: FlowContext): DialogueFlow | null {
    let best: { flow: DialogueFlow; score: number } | null = null;
    for (const flow of this.flows) {
      const score = flow.detect?.(text, ctx) ?? 0;
      if (score > 0.5 && (!best || score > best.score)) best = { flow, score };
    }
    return best?.flow ?? null;
  }

  private flowNamed(state: string): DialogueFlow | undefined {
    const name = state.split('.')[0];
    return this.flows.find((f) => f.name === name);
  }

  private currentFlow(conversation: ConversationSnapshot): DialogueFlow | null {
    if (conversation.state === 'idle') return null;
    const flow = this.flowNamed(conversation.state);
    if (!flow) {
      // A state left by a flow that no longer exists (after an upgrade): start afresh, don't crash.
      this.deps.logger.warn({ conversationId: conversation.id, state: conversation.state }, 'conversation in an unknown flow state; reset to idle');
    }
    return flow ?? null;
  }

  private greeting(conversation: ConversationSnapshot): Reply {
    const name = conversation.userName ? ` ${conversation.userName}` : '';
    return { text: this.t(conversation).t('core.greeting', { name }), options: this.menu(conversation) };
  }

  /** The main menu: core entries plus every flow that offers one. */
  menu(conversation: Pick<ConversationSnapshot, 'locale'>): ReplyOption[] {
    const t = this.deps.translators(conversation.locale);
    return [
      { id: menuIds.ask, label: t.t('core.menu.ask') },
      ...this.flows.flatMap((f) => (f.menu ? [{ id: f.menu.id, label: t.t(f.menu.labelKey) }] : [])),
      { id: menuIds.hotline, label: t.t('core.menu.hotline') },
      { id: menuIds.help, label: t.t('core.menu.help') },
    ];
  }

  private flowOptions(t: Translator, intents: readonly string[]): ReplyOption[] {
    return this.flows
      .filter((f) => f.menu && f.servesIntents?.some((i) => intents.includes(i)))
      .map((f) => ({ id: f.menu!.id, label: t.t(f.menu!.labelKey) }));
  }

  private contactText(t: Translator, key: string): string {
    return t.t(key, { hotline: this.deps.contacts.hotline, province: this.deps.contacts.province });
  }

  private fromFlow(flow: DialogueFlow, turn: FlowTurn): TurnOutcome {
    return { replies: [...turn.replies], update: { state: turn.state, stateData: turn.stateData ?? {} }, flow: flow.name, ...(turn.forgetUser ? { forgetUser: true } : {}) };
  }

  private withNotes(notes: Reply[], outcome: TurnOutcome): TurnOutcome {
    return notes.length === 0 ? outcome : { ...outcome, replies: [...notes, ...outcome.replies] };
  }

  private t(conversation: Pick<ConversationSnapshot, 'locale'>): Translator {
    return this.deps.translators(conversation.locale);
  }
}

/**
 * A typed number ("2") or a button's own label typed as text ("Cần sửa") picks that option: on
 * channels without buttons, and for people who type what they read.
 */
function resolveNumberedChoice(message: InboundMessage, offered: readonly ReplyOption[]): InboundMessage {
  if (message.choice || offered.length === 0) return message;
  const m = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(message.text);
  const typed = labelKey(message.text);
  const option = m ? offered[Number(m[1]) - 1] : typed ? offered.find((o) => labelKey(unnumberedLabel(o.label)) === typed || labelKey(o.label) === typed) : undefined;
  return option ? { ...message, choice: option.id } : message;
}

function labelKey(text: string): string {
  return fold(text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' '));
}

function asQaContext(value: unknown): QaContext | null {
  const parsed = qaContextSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
