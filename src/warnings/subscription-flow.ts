import type { DialogueFlow, FlowContext, FlowTurn } from '../dialogue/flow.ts';
import type { InboundMessage, Reply, ReplyOption } from '../dialogue/messages.ts';
import { fold } from '../text/vietnamese-unicode.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Subscription, SubscriptionStore } from './subscription.ts';
import { warningKinds, type WarningKind } from './warning.ts';
import type { WarningAnswers } from './warning-answer.ts';

export const subscriptionChoices = {
  consent: 'warnings.consent',
  decline: 'warnings.decline',
  topic: 'warnings.topic:',
  allProvinces: 'warnings.provinces:all',
  off: 'warnings.off',
  done: 'warnings.done',
} as const;

const yes = /^(co|dong y|ok|oke|yes|agree|toi dong y|dang ky|dk)[\s!.]*$/;
const no = /^(khong|ko|thoi|no|khong can|khong cam on)[\s!.]*$/;

export interface SubscriptionFlowDeps {
  readonly subscriptions: SubscriptionStore;
  readonly answers: WarningAnswers;
  /** Today's province a text names ("Khánh Hòa", "nha trang" → its province), or null. */
  readonly findProvince: (text: string) => string | null;
}

/**
 * `/canhbao`: opt in to warnings (after reading what is kept and agreeing: the words and the time
 * are recorded), then choose kinds with buttons and provinces by typing their name, or stop. The
 * same settings on every channel; the language is the conversation's. `/canhbao <question>` asks
 * whether something is warned about.
 */
export class SubscriptionFlow implements DialogueFlow {
  readonly name = 'warnings';
  readonly commands = ['canhbao', 'warnings'];

  constructor(private readonly deps: SubscriptionFlowDeps) {}

  async start(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    const args = ctx.commandArgs?.trim() ?? '';
    if (args !== '') return { replies: [await this.deps.answers.answer(args, ctx.conversation.locale, ctx.now)], state: 'idle' };
    const current = await this.current(ctx, message);
    if (!current) return this.askConsent(ctx.t);
    return { replies: [this.settings(ctx.t, current)], state: 'warnings.manage' };
  }

  async handle(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    const { t } = ctx;
    const said = fold(ctx.text);
    if (ctx.conversation.state === 'warnings.consent') {
      if (message.choice === subscriptionChoices.consent || (!message.choice && yes.test(said))) {
        const consentText = t.t('warnings.consent.text');
        const sub = await this.deps.subscriptions.subscribe(message.channel, message.externalId, { topics: [...warningKinds], provinces: [], locale: ctx.conversation.locale }, consentText, ctx.now);
        return { replies: [{ text: t.t('warnings.subscribed') }, this.settings(t, sub)], state: 'warnings.manage' };
      }
      if (message.choice === subscriptionChoices.decline || (!message.choice && no.test(said))) return { replies: [{ text: t.t('warnings.declined') }], state: 'idle' };
      return { replies: [], state: 'idle', release: true };
    }
    const sub = await this.current(ctx, message);
    if (!sub) return this.askConsent(t);
    const choice = message.choice ?? '';
    if (choice === subscriptionChoices.off) {
      await this.deps.subscriptions.unsubscribe(sub.id, ctx.now);
      return { replies: [{ text: t.t('warnings.unsubscribed') }], state: 'idle' };
    }
    if (choice === subscriptionChoices.done) return { replies: [{ text: t.t('warnings.saved', { summary: summary(t, sub) }) }], state: 'idle' };
    if (choice.startsWith(subscriptionChoices.topic)) {
      const kind = choice.slice(subscriptionChoices.topic.length) as WarningKind;
      if (!warningKinds.includes(kind)) return { replies: [this.settings(t, sub)], state: 'warnings.manage' };
      const topics = sub.topics.includes(kind) ? sub.topics.filter((k) => k !== kind) : [...sub.topics, kind];
      if (topics.length === 0) {
        await this.deps.subscriptions.unsubscribe(sub.id, ctx.now);
        return { replies: [{ text: t.t('warnings.unsubscribed') }], state: 'idle' };
      }
      return this.save(ctx, sub, { topics: warningKinds.filter((k) => topics.includes(k)) });
    }
    if (choice === subscriptionChoices.allProvinces) return this.save(ctx, sub, { provinces: [] });
    if (choice === '') {
      const province = this.deps.findProvince(ctx.text);
      if (province) {
        const provinces = sub.provinces.includes(province) ? sub.provinces.filter((p) => p !== province) : [...sub.provinces, province];
        return this.save(ctx, sub, { provinces });
      }
    }
    // Anything else (a question, a stale button) is not for this menu: the engine handles it.
    return { replies: [], state: 'idle', release: true };
  }

  private async current(ctx: FlowContext, message: InboundMessage): Promise<Subscription | null> {
    const sub = await this.deps.subscriptions.find(message.channel, message.externalId);
    return sub?.active ? sub : null;
  }

  private async save(ctx: FlowContext, sub: Subscription, change: Partial<Pick<Subscription, 'topics' | 'provinces'>>): Promise<FlowTurn> {
    const saved = await this.deps.subscriptions.update(sub.id, { topics: change.topics ?? sub.topics, provinces: change.provinces ?? sub.provinces, locale: ctx.conversation.locale }, ctx.now);
    return { replies: [this.settings(ctx.t, saved)], state: 'warnings.manage' };
  }

  private askConsent(t: Translator): FlowTurn {
    return {
      replies: [
        {
          text: [t.t('warnings.consent.intro'), '', t.t('warnings.consent.text')].join('\n'),
          options: [
            { id: subscriptionChoices.consent, label: t.t('warnings.consent.yes') },
            { id: subscriptionChoices.decline, label: t.t('warnings.consent.no') },
          ],
        },
      ],
      state: 'warnings.consent',
    };
  }

  /** The settings as they are now, one button per kind (✓ when followed), and the province hint. */
  private settings(t: Translator, sub: Subscription): Reply {
    const options: ReplyOption[] = warningKinds.map((kind) => ({
      id: `${subscriptionChoices.topic}${kind}`,
      label: `${sub.topics.includes(kind) ? '✅' : '⬜'} ${t.t(`warnings.kind.${kind}`)}`,
    }));
    if (sub.provinces.length > 0) options.push({ id: subscriptionChoices.allProvinces, label: t.t('warnings.settings.allProvinces') });
    options.push({ id: subscriptionChoices.done, label: t.t('warnings.settings.done') }, { id: subscriptionChoices.off, label: t.t('warnings.settings.off') });
    return { text: [t.t('warnings.settings.current', { summary: summary(t, sub) }), t.t('warnings.settings.howTo')].join('\n'), options };
  }
}

function summary(t: Translator, sub: Subscription): string {
  const kinds = sub.topics.map((k) => t.t(`warnings.kind.${k}`)).join(', ');
  const places = sub.provinces.length > 0 ? sub.provinces.join(', ') : t.t('warnings.settings.everywhere');
  return t.t('warnings.settings.summary', { kinds, places });
}
