import { z } from 'zod';
import type { DialogueFlow, FlowContext, FlowTurn } from '../dialogue/flow.ts';
import type { InboundMessage, Reply } from '../dialogue/messages.ts';
import { smallTalk } from '../dialogue/text-signals.ts';
import type { Clock } from '../shared/clock.ts';
import { asksForHuman, soundsUpset } from './handoff-signals.ts';
import { ratingState } from './handoff-desk-store.ts';
import { ratingOptionId, ratingScale, type Handoff, type HandoffQueue, type HandoffReason, type HolidaySource } from './handoff-store.ts';
import { describeMoment, describeWorkingHours } from './hours-text.ts';
import { expectedWaitMinutes } from './wait-estimate.ts';
import { isOpen, lookaheadWindow, nextOpening, type WorkingHours } from './working-hours.ts';

export const handoffMenuId = 'menu.human';
/** Offered beside "talk to a person" when the user sounds upset: carry on with the bot instead. */
const keepBotId = 'menu.ask';

/** While waiting, a user who keeps writing is reminded of the queue at most this often. */
export const reminderEveryMs = 10 * 60_000;

const stateSchema = z.object({ handoffId: z.string(), remindedAt: z.number().optional() }).catch({ handoffId: '' });

/** A rating typed rather than tapped: "5", "5 sao", "4/5", "5 stars". */
const typedRating = /^\s*([1-5])\s*(?:\/\s*5|sao|stars?|điểm|diem)?\s*[.!]*\s*$/i;

export interface HandoffFlowDeps {
  readonly queue: HandoffQueue;
  readonly holidays: HolidaySource;
  readonly hours: WorkingHours;
  readonly clock: Clock;
}

/**
 * A person takes over the chat. The flow opens a hand-off and tells the user where they stand; while
 * the conversation is in `handoff.*` the bot keeps quiet (the engine gives every message to this
 * flow), only reminding a waiting user of the queue. Staff answer and close from the console, which
 * writes to the outbox and puts the conversation back to idle.
 */
export class HandoffFlow implements DialogueFlow {
  readonly name = 'handoff';
  readonly commands = ['nhanvien', 'human'];
  readonly menu = { id: handoffMenuId, labelKey: 'core.menu.human' };
  readonly servesIntents = ['handoff'];
  readonly silencesBot = true;

  constructor(private readonly deps: HandoffFlowDeps) {}

  detect(text: string): number {
    if (asksForHuman(text)) return 0.9;
    // Just above the engine's threshold: a flow that recognises its own request (a complaint) wins.
    if (soundsUpset(text)) return 0.55;
    return 0;
  }

  async start(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    const explicit = message.choice === handoffMenuId || ctx.commandArgs !== undefined || asksForHuman(ctx.text);
    if (!explicit) {
      return {
        replies: [{ text: ctx.t.t('handoff.offer'), options: [{ id: handoffMenuId, label: ctx.t.t('core.menu.human') }, { id: keepBotId, label: ctx.t.t('handoff.keepBot') }] }],
        state: 'idle',
      };
    }
    const handoff = await this.deps.queue.open(ctx.conversation.id, reasonFor(ctx, message), ctx.now);
    const replies = [await this.waitingText(ctx, handoff, 'handoff.opened')];
    return { replies, state: 'handoff.waiting', stateData: { handoffId: handoff.id, remindedAt: ctx.now.getTime() } };
  }

  async handle(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    if (ctx.conversation.state === ratingState) return this.rated(ctx, message);
    const handoff = await this.deps.queue.current(ctx.conversation.id);
    if (!handoff) {
      // Closed from the console between the user's messages: the console already said goodbye.
      return { replies: [{ text: ctx.t.t('handoff.alreadyClosed') }], state: 'idle' };
    }
    if (!message.choice && smallTalk(ctx.text) === 'cancel') {
      await this.deps.queue.withdraw(handoff, ctx.now);
      return { replies: [{ text: ctx.t.t('handoff.withdrawn') }], state: 'idle' };
    }
    const data = stateSchema.parse(ctx.conversation.stateData);
    const state = handoff.status === 'active' ? 'handoff.active' : 'handoff.waiting';
    const due = handoff.status === 'waiting' && ctx.now.getTime() - (data.remindedAt ?? 0) >= reminderEveryMs;
    if (!due) return { replies: [], state, stateData: { handoffId: handoff.id, remindedAt: data.remindedAt } };
    return { replies: [await this.waitingText(ctx, handoff, 'handoff.stillWaiting')], state, stateData: { handoffId: handoff.id, remindedAt: ctx.now.getTime() } };
  }

  /**
   * The answer to "how was the help?" after staff closed the chat: a button or a typed 1–5 is
   * recorded once and thanked; anything else is not an answer, so the bot handles it as usual.
   */
  private async rated(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    const { handoffId } = stateSchema.parse(ctx.conversation.stateData);
    const rating = ratingScale.find((r) => message.choice === ratingOptionId(r)) ?? Number(typedRating.exec(ctx.text)?.[1] ?? NaN);
    if (!ratingScale.includes(rating as (typeof ratingScale)[number]) || handoffId === '') return { replies: [], state: 'idle', release: true };
    await this.deps.queue.rate(handoffId, rating, ctx.now);
    return { replies: [{ text: ctx.t.t(rating <= 2 ? 'handoff.rating.sorry' : 'handoff.rating.thanks') }], state: 'idle' };
  }

  /** /start, /huy or another flow's command while waiting: the user has left the queue. */
  async leave(ctx: FlowContext): Promise<readonly Reply[]> {
    const handoff = await this.deps.queue.current(ctx.conversation.id);
    if (!handoff) return [];
    await this.deps.queue.withdraw(handoff, ctx.now);
    return [{ text: ctx.t.t('handoff.withdrawn') }];
  }

  private async waitingText(ctx: FlowContext, handoff: Handoff, key: string): Promise<Reply> {
    const { hours } = this.deps;
    const window = lookaheadWindow(ctx.now, hours.timeZone);
    const overrides = await this.deps.holidays.overrides(window.from, window.to);
    const schedule = describeWorkingHours(hours, ctx.t);
    if (!isOpen(hours, ctx.now, overrides)) {
      const next = nextOpening(hours, ctx.now, overrides);
      const text = next
        ? ctx.t.t('handoff.outOfHours', { hours: schedule, when: describeMoment(next, hours.timeZone, ctx.t) })
        : ctx.t.t('handoff.closedLong', { hours: schedule });
      return { text: `${ctx.t.t(key)}\n${text}` };
    }
    const [position, waits] = await Promise.all([this.deps.queue.position(handoff), this.deps.queue.recentWaits(20)]);
    return { text: `${ctx.t.t(key)}\n${ctx.t.t('handoff.queue', { position, minutes: expectedWaitMinutes(position, waits) })}` };
  }
}

function reasonFor(ctx: FlowContext, message: InboundMessage): HandoffReason {
  // The engine offers a person together with the hotline only after an answer it was unsure of.
  const afterUnsure = message.choice === handoffMenuId && ctx.conversation.lastOptions.some((o) => o.id === 'menu.hotline') && !ctx.conversation.lastOptions.some((o) => o.id === 'menu.ask');
  if (afterUnsure) return 'low_confidence';
  const offered = ctx.conversation.lastOptions.map((o) => o.id).join(',');
  if (message.choice === handoffMenuId && offered === `${handoffMenuId},${keepBotId}`) return 'upset';
  return 'requested';
}
