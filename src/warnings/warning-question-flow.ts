import type { DialogueFlow, FlowContext, FlowTurn } from '../dialogue/flow.ts';
import type { InboundMessage } from '../dialogue/messages.ts';
import type { WarningAnswers } from './warning-answer.ts';

/**
 * Answers "is X recalled / warned about?" from the published warnings, in one turn. It takes over
 * only for that class of question (see warning-question.ts); everything else stays with the law
 * answers, which is measured by the answers evaluation before and after.
 */
export class WarningQuestionFlow implements DialogueFlow {
  readonly name = 'warning-question';
  readonly commands: readonly string[] = [];

  constructor(private readonly answers: WarningAnswers) {}

  detect(text: string): number {
    return this.answers.recognises(text) ? 0.9 : 0;
  }

  async start(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    return { replies: [await this.answers.answer(message.text, ctx.conversation.locale, ctx.now)], state: 'idle' };
  }

  /** Never in a state of its own: a turn ends idle. */
  async handle(): Promise<FlowTurn> {
    return { replies: [], state: 'idle', release: true };
  }
}
