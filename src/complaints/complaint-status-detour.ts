import { formatVietnameseDate } from '../answer/law-applicability.ts';
import type { FlowContext, FlowTurn } from '../dialogue/flow.ts';
import type { InboundMessage, Reply, ReplyOption } from '../dialogue/messages.ts';
import { canTransition } from './complaint-lifecycle.ts';
import type { ComplaintRepository, StoredComplaint } from './complaint-repository.ts';
import { freshState, type ComplaintState } from './complaint-state.ts';
import { noPattern, withdrawPattern, yesPattern } from './consumer-intents.ts';
import { letterReply, type FilingReplyDeps } from './filing-replies.ts';
import { foldPhrase } from './folded-text.ts';
import { vietnamDate } from './local-date.ts';

export interface StatusDetourDeps extends FilingReplyDeps {
  readonly repository: ComplaintRepository;
}

/** What the detour needs from the flow it interrupts: how to go back, and how a turn is stored. */
export interface DetourHost {
  endDetour(ctx: FlowContext, state: ComplaintState | null, lines: string[], extra?: Reply[]): FlowTurn;
  turn(ctx: FlowContext, state: ComplaintState, lines: string[], options?: ReplyOption[]): FlowTurn;
}

const referenceInText = /kn-\d{8}-[a-z0-9]{5}/i;

/**
 * "/khieunai status" and withdrawing a complaint: a detour from any step of the intake (the draft
 * being written is kept and resumed), listing this conversation's complaints, giving a letter again,
 * and withdrawing after a yes.
 */
export class ComplaintStatusDetour {
  constructor(
    private readonly deps: StatusDetourDeps,
    private readonly host: DetourHost,
  ) {}

  /** The step to return to after the detour, when a draft is being written. */
  static resumable(state: ComplaintState | null, hasDraft: boolean): ComplaintState['resumeStep'] {
    if (!state || !hasDraft) return null;
    return state.step === 'confirm' || state.step === 'consent' ? state.step : 'collect';
  }

  async showStatus(ctx: FlowContext, draftState: ComplaintState | null): Promise<FlowTurn> {
    const t = ctx.t;
    const complaints = await this.deps.repository.forConversation(ctx.conversation.id);
    if (complaints.length === 0) return this.host.endDetour(ctx, draftState, [t.t('complaint.status.none')]);
    const lines = complaints.map((c) =>
      t.t('complaint.status.item', {
        reference: c.record.reference,
        product: c.record.product ?? t.t('complaint.letter.unnamedProduct'),
        business: c.record.business.name ?? t.t('complaint.letter.unnamedBusiness'),
        status: t.t(`complaint.statusName.${c.record.status}`),
        date: formatVietnameseDate(vietnamDate(new Date(c.record.createdAt))),
      }),
    );
    const recent = complaints.slice(-4);
    const options: ReplyOption[] = [
      ...recent.map((c) => ({ id: `complaint.letter:${c.record.reference}`, label: t.t('complaint.status.letterOption', { reference: c.record.reference }) })),
      ...recent.filter((c) => canTransition(c.record.status, 'withdrawn')).map((c) => ({ id: `complaint.withdraw:${c.record.reference}`, label: t.t('complaint.status.withdrawOption', { reference: c.record.reference }) })),
    ];
    const state: ComplaintState = { ...(draftState ?? freshState()), step: 'status', resumeStep: draftState?.resumeStep ?? null };
    return this.host.turn(ctx, state, [t.t('complaint.status.title'), ...lines, '', t.t('complaint.status.hint')], options);
  }

  async onStatusChoice(ctx: FlowContext, message: InboundMessage, state: ComplaintState): Promise<FlowTurn> {
    const t = ctx.t;
    const choice = message.choice ?? '';
    const f = foldPhrase(ctx.text);
    if (choice.startsWith('complaint.letter:')) {
      const stored = await this.ownComplaint(ctx, choice.slice('complaint.letter:'.length));
      if (!stored) return this.host.endDetour(ctx, state, [t.t('complaint.withdraw.notFound', { reference: choice.slice('complaint.letter:'.length) })]);
      return this.host.endDetour(ctx, state, [], [await letterReply(this.deps, t, stored, ctx.now)]);
    }
    if (choice.startsWith('complaint.withdraw:') || withdrawPattern.test(f)) {
      return this.askWithdraw(ctx, choice.startsWith('complaint.withdraw:') ? choice.slice('complaint.withdraw:'.length) : ctx.text, state);
    }
    return this.host.endDetour(ctx, state, [t.t('complaint.unrecognizedInStatus'), t.t('complaint.status.leave')]);
  }

  async askWithdraw(ctx: FlowContext, text: string, draftState: ComplaintState | null): Promise<FlowTurn> {
    const t = ctx.t;
    const mine = await this.deps.repository.forConversation(ctx.conversation.id);
    const reference = referenceInText.exec(text)?.[0].toUpperCase() ?? null;
    const open = mine.filter((c) => canTransition(c.record.status, 'withdrawn'));
    const target = reference ? mine.find((c) => c.record.reference === reference) : open.length === 1 ? open[0] : undefined;
    if (!target) {
      return this.host.endDetour(ctx, draftState, [reference ? t.t('complaint.withdraw.notFound', { reference }) : t.t('complaint.withdraw.which')]);
    }
    if (!canTransition(target.record.status, 'withdrawn')) {
      return this.host.endDetour(ctx, draftState, [t.t('complaint.withdraw.notAllowed', { reference: target.record.reference, status: t.t(`complaint.statusName.${target.record.status}`) })]);
    }
    const state: ComplaintState = { ...(draftState ?? freshState()), step: 'withdraw', withdrawRef: target.record.reference, resumeStep: draftState?.resumeStep ?? null };
    return this.host.turn(ctx, state, [t.t('complaint.withdraw.ask', { reference: target.record.reference, product: target.record.product ?? t.t('complaint.letter.unnamedProduct') })], [
      { id: 'complaint.withdraw.yes', label: t.t('complaint.withdraw.yes') },
      { id: 'complaint.withdraw.no', label: t.t('complaint.withdraw.no') },
    ]);
  }

  async onWithdrawAnswer(ctx: FlowContext, message: InboundMessage, state: ComplaintState): Promise<FlowTurn> {
    const t = ctx.t;
    const reference = state.withdrawRef ?? '';
    const f = foldPhrase(ctx.text);
    const yes = message.choice === 'complaint.withdraw.yes' || (!message.choice && yesPattern.test(f));
    const no = message.choice === 'complaint.withdraw.no' || (!message.choice && noPattern.test(f));
    if (yes) {
      const stored = await this.ownComplaint(ctx, reference);
      if (!stored) return this.host.endDetour(ctx, state, [t.t('complaint.withdraw.notFound', { reference })]);
      await this.deps.repository.transition(reference, 'withdrawn', { actor: 'consumer', note: 'Người tiêu dùng rút khiếu nại qua trò chuyện', now: ctx.now });
      return this.host.endDetour(ctx, state, [t.t('complaint.withdraw.done', { reference })]);
    }
    if (no) return this.host.endDetour(ctx, state, [t.t('complaint.withdraw.kept', { reference })]);
    return this.host.turn(ctx, state, [t.t('complaint.withdraw.ask', { reference, product: '' }).replace(' ()', '')], [
      { id: 'complaint.withdraw.yes', label: t.t('complaint.withdraw.yes') },
      { id: 'complaint.withdraw.no', label: t.t('complaint.withdraw.no') },
    ]);
  }

  /** A complaint of this conversation only: references are not secrets, ownership is. */
  async ownComplaint(ctx: FlowContext, reference: string): Promise<StoredComplaint | null> {
    const stored = await this.deps.repository.get(reference);
    return stored && stored.conversationId === ctx.conversation.id ? stored : null;
  }
}
