import type { Translator } from '../i18n/translator.ts';
import type { ConversationSnapshot } from './conversation-store.ts';
import type { InboundMessage, Reply } from './messages.ts';

/** Everything a flow gets for one turn. */
export interface FlowContext {
  readonly conversation: ConversationSnapshot;
  readonly t: Translator;
  readonly now: Date;
  /** The user's text after the engine's clean-up (trimmed, length-limited). */
  readonly text: string;
  /** Arguments after a command ("/khieunai status" -> "status"). */
  readonly commandArgs?: string;
}

/** A flow's answer to one turn: what to say and where the conversation goes next. */
export interface FlowTurn {
  readonly replies: readonly Reply[];
  /** "idle" ends the flow; otherwise "<flow>.<step>" with the flow's own working data. */
  readonly state: string;
  readonly stateData?: unknown;
  /**
   * The message is not for this flow after all (a question after a complaint was filed): the flow
   * ends with `replies` shown first, and the engine handles the message as if the chat were idle.
   */
  readonly release?: boolean;
  /**
   * The flow has just erased what the conversation knew of its user (/xoadulieu): this turn must not
   * write any of it back, not even the user name the platform sends with every message.
   */
  readonly forgetUser?: boolean;
}

/** A record a conversation produced (a complaint, a self-assessment), as listed by script mode. */
export interface ConversationRecord {
  readonly type: string;
  readonly data: unknown;
}

/**
 * A multi-step flow plugged into the engine (complaint intake, business self-assessment, human
 * hand-off). The engine owns routing, persistence and global commands; a flow owns its steps. A
 * conversation whose state starts with "<name>." is handed to that flow.
 */
export interface DialogueFlow {
  readonly name: string;
  /** Commands (without "/") that start the flow. */
  readonly commands: readonly string[];
  /** Main-menu entry: the option id it answers to and its label key. */
  readonly menu?: { readonly id: string; readonly labelKey: string };
  /**
   * The intents after an answer that this flow serves ("complaint", "handoff"): when an answer
   * offers one, the engine shows this flow's menu option under it. The engine itself names no flow.
   */
  readonly servesIntents?: readonly string[];
  /**
   * 0..1: how strongly an idle user's free text asks for this flow ("shop lừa tôi, muốn khiếu nại").
   * The engine starts the most likely flow above 0.5; below, the text is a question for retrieval.
   */
  detect?(text: string, ctx: FlowContext): number;
  start(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn>;
  handle(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn>;
  /** Records this conversation created, for script mode and exports. */
  records?(conversationId: string): Promise<ConversationRecord[]>;
  /**
   * While in this flow, may the user's free-text question go to retrieval instead? Hand-off says
   * no: while a person handles the chat the bot stays quiet.
   */
  readonly silencesBot?: boolean;
  /**
   * Called when something other than this flow (/start, /huy, another flow's command) takes the
   * conversation out of its state, so it can release what it holds (a hand-off in the queue). Its
   * replies are shown before the new ones.
   */
  leave?(ctx: FlowContext): Promise<readonly Reply[]>;
}
