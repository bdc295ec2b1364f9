import { z } from 'zod';
import type { ConversationRecord, DialogueFlow, FlowContext, FlowTurn } from '../dialogue/flow.ts';
import type { InboundMessage, Reply, ReplyOption } from '../dialogue/messages.ts';
import { numberedOptions } from '../dialogue/numbered-options.ts';
import { hasWords } from '../dialogue/text-signals.ts';
import { fold } from '../text/vietnamese-unicode.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { parseItemReply } from './answer-parser.ts';
import { applicableItems, itemsDecidedBy, nextProfileQuestion } from './applicability.ts';
import { buildAssessmentRecord, progressSince, selfAssessmentRecordType } from './assessment-record.ts';
import { renderAssessmentReport } from './assessment-report.ts';
import { businessNameFrom } from './business-name.ts';
import type { AssessmentStore, StoredAssessment } from './assessment-store.ts';
import { formatDate, itemQuestionText, profileLines, profileWhyText, resultTexts, whyText } from './assessment-text.ts';
import {
  type BusinessProfile,
  directSellingFields,
  type DirectSellingField,
  fieldsOfQuestion,
  type ProfileQuestion,
  profileQuestions,
  withInferences,
} from './business-profile.ts';
import { answerValues, type AnswerValue, type Criteria } from './criteria-schema.ts';
import { type ItemQuestion, questionsOf } from './item-questions.ts';
import { choiceQuestions, isChoiceQuestion, readProfileAnswer, typedConsent } from './profile-answers.ts';
import { scoreAssessment } from './scoring.ts';
import { parseProfileSentence, parseYesNo } from './profile-parser.ts';

export const assessmentMenuId = 'menu.business';

const steps = ['resume', 'returning', 'name', 'describe', 'profile', 'confirm', 'edit', 'item', 'consent'] as const;
type Step = (typeof steps)[number];

/** Only pointers live in the conversation state; profile and answers are saved in SelfAssessment. */
const stateSchema = z.object({
  assessmentId: z.string().min(1),
  question: z.enum(profileQuestions).optional(),
  offered: z.array(z.enum(directSellingFields)).optional(),
  itemId: z.string().optional(),
  editing: z.boolean().optional(),
});
type StateData = z.infer<typeof stateSchema>;

const ids = {
  oneByOne: 'assessment.oneByOne',
  confirm: 'assessment.confirm',
  edit: 'assessment.edit',
  continue: 'assessment.continue',
  restart: 'assessment.restart',
  reuse: 'assessment.reuse',
  fresh: 'assessment.fresh',
  view: 'assessment.view',
  why: 'assessment.why',
  pause: 'assessment.pause',
  consentYes: 'assessment.consent.yes',
  consentNo: 'assessment.consent.no',
  set: (question: ProfileQuestion, value: string) => `assessment.set.${question}.${value}`,
  editField: (target: ProfileQuestion | 'name') => `assessment.edit.${target}`,
  answer: (itemId: string, value: AnswerValue) => `assessment.answer.${itemId}.${value}`,
} as const;

const maxNameLength = 120;
/** About 20 seconds a question on a phone: the intro states the rate, the confirmation the count and the minutes it makes. */
export const secondsPerQuestion = 20;

/** The confirmation's estimate: the questions that apply at the intro's rate, in whole minutes. */
export function estimatedMinutes(questions: number): number {
  return Math.max(1, Math.ceil((questions * secondsPerQuestion) / 60));
}

export interface AssessmentFlowDeps {
  readonly store: AssessmentStore;
  readonly criteria: Criteria;
  readonly knowledgeBase: KnowledgeBase;
  /** Dates in replies and reports are the business's calendar dates. */
  readonly timeZone: string;
}

/**
 * The "Doanh nghiệp vì người tiêu dùng" self-assessment as a conversation: the business's name, a
 * short profile (one sentence or question by question, never asking what was already said, nor what
 * changes nothing), then only the items that apply, each answerable yes / partly / no / don't know
 * with the law one "tại sao?" away, then the score, the ordered action plan and a PDF report. Every
 * answer is saved at once, so a business can stop and come back, even after a restart, and a later
 * retake shows the progress since the last result.
 */
export class AssessmentFlow implements DialogueFlow {
  readonly name = 'assessment';
  readonly commands = ['doanhnghiep', 'tudanhgia', 'selfassessment'];
  readonly menu = { id: assessmentMenuId, labelKey: 'core.menu.business' };

  constructor(private readonly deps: AssessmentFlowDeps) {}

  detect(text: string): number {
    const f = fold(text);
    if (/doanh nghiep vi nguoi tieu dung|(danh gia|kiem tra) (muc do )?tuan thu|self.?assess|compliance (check|self)|assess my (business|shop|company)/.test(f)) return 0.9;
    // "Tự đánh giá" alone is also what a consumer says of a product ("tôi tự đánh giá là kém").
    return /tu (danh gia|kiem tra)/.test(f) && /doanh nghiep|cong ty|shop|cua hang|co so|kinh doanh|muon|lam bai/.test(f) ? 0.9 : 0;
  }

  async start(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    const { store } = this.deps;
    const open = await store.inProgress(ctx.conversation.id);
    if (open && open.businessName !== '') return this.offerResume(ctx, open);
    if (open) await store.discard(open.id);
    const last = await store.latestCompleted(ctx.conversation.id);
    if (last?.record) return this.offerReturning(ctx, last);
    // "/doanhnghiep shop nhỏ bán quần áo online" or a detected "shop tôi bán online, muốn tự đánh giá".
    const description = message.choice ? '' : (ctx.commandArgs ?? ctx.text);
    const businessName = businessNameFrom(description);
    return this.begin(ctx, { stated: parseProfileSentence(description), ...(businessName ? { businessName } : {}) });
  }

  async handle(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    const step = ctx.conversation.state.slice(this.name.length + 1);
    const parsed = stateSchema.safeParse(ctx.conversation.stateData);
    if (!isStep(step) || !parsed.success) return this.lost(ctx, message);
    const data = parsed.data;
    const a = await this.deps.store.get(data.assessmentId);
    if (!a || a.conversationId !== ctx.conversation.id) return this.lost(ctx, message);
    if (isExplained(step) && asksWhy(step, ctx.text, message) && (step === 'consent' || !a.completedAt)) return this.explain(ctx, step, a, data);
    if (step === 'returning') return this.onReturning(ctx, message, a);
    if (step === 'consent') return this.onConsent(ctx, message, a);
    if (a.completedAt) return this.start(ctx, message);
    if (step !== 'name' && (message.choice === ids.pause || (!message.choice && parseItemReply(ctx.text) === 'pause'))) return this.pause(ctx, a);
    switch (step) {
      case 'resume':
        return this.onResume(ctx, message, a);
      case 'name':
        return this.onName(ctx, message, a, data);
      case 'describe':
        return this.onDescribe(ctx, message, a);
      case 'profile':
        return this.onProfile(ctx, message, a, data);
      case 'confirm':
        return this.onConfirm(ctx, message, a);
      case 'edit':
        return this.onEdit(ctx, message, a);
      case 'item':
        return this.onItem(ctx, message, a, data);
    }
  }

  async records(conversationId: string): Promise<ConversationRecord[]> {
    const done = await this.deps.store.completed(conversationId);
    return done.flatMap((a) => (a.record ? [{ type: selfAssessmentRecordType, data: a.record }] : []));
  }

  // ---- starting, resuming, retaking ----

  private async begin(ctx: FlowContext, from: { stated: BusinessProfile; businessName?: string }): Promise<FlowTurn> {
    const a = await this.deps.store.create({
      conversationId: ctx.conversation.id,
      businessName: from.businessName ?? '',
      criteriaVersion: `${this.deps.criteria.id}.v${this.deps.criteria.version}`,
      stated: from.stated,
      now: ctx.now,
    });
    if (from.businessName === undefined) {
      return this.turn('name', a, [{ text: ctx.t.t('assessment.intro', { seconds: secondsPerQuestion }) }, { text: ctx.t.t('assessment.askName') }]);
    }
    return Object.keys(from.stated).length === 0 ? this.askDescription(ctx, a) : this.next(ctx, a);
  }

  private async lost(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    // Started afresh as from the menu, so an unfinished assessment is still offered for resuming.
    const turn = await this.start(ctx, { ...message, choice: assessmentMenuId });
    return { ...turn, replies: [{ text: ctx.t.t('assessment.lost') }, ...turn.replies] };
  }

  private offerResume(ctx: FlowContext, a: StoredAssessment): FlowTurn {
    const { answered, total } = this.progressOf(a);
    return this.turn('resume', a, [
      {
        text: ctx.t.t('assessment.resume.prompt', { name: a.businessName, answered, total }),
        options: [
          { id: ids.continue, label: ctx.t.t('assessment.resume.continue') },
          { id: ids.restart, label: ctx.t.t('assessment.resume.restart') },
        ],
      },
    ]);
  }

  private async onResume(ctx: FlowContext, message: InboundMessage, a: StoredAssessment): Promise<FlowTurn> {
    const f = fold(ctx.text);
    if (message.choice === ids.restart || (!message.choice && /lam lai|tu dau|bat dau lai|restart|start again/.test(f))) {
      await this.deps.store.discard(a.id);
      return this.begin(ctx, { stated: {} });
    }
    if (message.choice === ids.continue || (!message.choice && (parseYesNo(ctx.text) === true || /tiep|continue|carry on/.test(f)))) return this.next(ctx, a);
    return this.reask(ctx, this.offerResume(ctx, a));
  }

  private offerReturning(ctx: FlowContext, last: StoredAssessment): FlowTurn {
    const record = last.record!;
    return this.turn('returning', last, [
      {
        text: ctx.t.t('assessment.returning.prompt', { date: formatDate(record.completedAt, this.deps.timeZone), name: record.business, percent: record.percent }),
        options: [
          { id: ids.reuse, label: ctx.t.t('assessment.returning.reuse') },
          { id: ids.fresh, label: ctx.t.t('assessment.returning.fresh') },
          { id: ids.view, label: ctx.t.t('assessment.returning.view') },
        ],
      },
    ]);
  }

  private async onReturning(ctx: FlowContext, message: InboundMessage, last: StoredAssessment): Promise<FlowTurn> {
    const f = fold(ctx.text);
    const typed = message.choice === undefined;
    if (message.choice === ids.view || (typed && /xem|ket qua|view|see/.test(f))) {
      const record = last.record!;
      const texts = resultTexts(record, null, this.deps.criteria, this.deps.knowledgeBase, ctx.t, this.deps.timeZone);
      const file = await renderAssessmentReport({ record, progress: null, criteria: this.deps.criteria, knowledgeBase: this.deps.knowledgeBase, t: ctx.t, timeZone: this.deps.timeZone });
      return { replies: [...texts.map((text) => ({ text })), { text: ctx.t.t('assessment.result.file'), file }], state: 'idle' };
    }
    const reuse = () => this.begin(ctx, { stated: last.stated, businessName: last.businessName });
    if (message.choice === ids.reuse || (typed && /giu ho so|ho so cu|same profile/.test(f))) return reuse();
    if (message.choice === ids.fresh || (typed && /khai lai|ho so moi|new profile/.test(f))) return this.begin(ctx, { stated: {}, businessName: last.businessName });
    if (typed && parseYesNo(ctx.text) === true) return reuse();
    if (!last.record) return this.lost(ctx, message);
    return this.reask(ctx, this.offerReturning(ctx, last));
  }

  private async pause(ctx: FlowContext, a: StoredAssessment): Promise<FlowTurn> {
    const { answered, total } = this.progressOf(a);
    return { replies: [{ text: ctx.t.t('assessment.paused', { answered, total }) }], state: 'idle' };
  }

  // ---- "tại sao?" before the items (each item explains itself in onItem) ----

  /** Why a question is asked, then the same question again, so "tại sao?" works at every one. */
  private async explain(ctx: FlowContext, step: ExplainedStep, a: StoredAssessment, data: StateData): Promise<FlowTurn> {
    const t = ctx.t;
    if (step === 'profile' && data.question) {
      const decided = itemsDecidedBy(this.deps.criteria, withInferences(a.stated), data.question);
      return this.askProfile(ctx, a, data.question, [{ text: profileWhyText(data.question, decided, this.deps.knowledgeBase, t, ctx.now) }], data.editing, data.offered);
    }
    const why: Reply = { text: t.t(`assessment.whyAsked.${step}`) };
    switch (step) {
      case 'name':
        return this.turn('name', a, [why, { text: t.t('assessment.askName') }], { editing: data.editing });
      case 'describe':
        return this.askDescription(ctx, a, [why]);
      case 'confirm':
        return this.confirm(ctx, a, [why]);
      case 'consent':
        return this.turn('consent', a, [why, this.consentQuestion(ctx)]);
      default:
        return this.next(ctx, a, [why]);
    }
  }

  // ---- name and profile ----

  private async onName(ctx: FlowContext, message: InboundMessage, a: StoredAssessment, data: StateData): Promise<FlowTurn> {
    const name = ctx.text.replace(/\s+/g, ' ').trim();
    if (message.choice || name.length < 2 || name.length > maxNameLength || !hasWords(name) || name.startsWith('/')) {
      return this.turn('name', a, [{ text: ctx.t.t('assessment.nameInvalid') }], { editing: data.editing });
    }
    // "Công ty TNHH X bán lẻ đồ điện tử, 50 nhân viên" answers the name and describes the business.
    const split = data.editing ? null : businessNameFrom(name);
    const said = split ? parseProfileSentence(name) : {};
    const stated = { ...said, ...a.stated };
    await this.deps.store.saveProgress(a.id, { businessName: split ?? name, ...(split ? { stated } : {}) }, ctx.now);
    const named = { ...a, businessName: split ?? name, stated };
    if (split && Object.keys(said).length > 0) return this.next(ctx, named, [{ text: ctx.t.t('assessment.understood', { summary: profileLines(said, ctx.t).join('; ') }) }]);
    if (!data.editing && Object.keys(a.stated).length === 0) return this.askDescription(ctx, named);
    return this.next(ctx, named);
  }

  private askDescription(ctx: FlowContext, a: StoredAssessment, prefix: Reply[] = []): FlowTurn {
    return this.turn('describe', a, [...prefix, { text: ctx.t.t('assessment.describe', { name: a.businessName }), options: [{ id: ids.oneByOne, label: ctx.t.t('assessment.oneByOne') }] }]);
  }

  private async onDescribe(ctx: FlowContext, message: InboundMessage, a: StoredAssessment): Promise<FlowTurn> {
    if (message.choice === ids.oneByOne || (!message.choice && /tung cau|one by one|question by question/.test(fold(ctx.text)))) return this.next(ctx, a);
    const said = message.choice ? {} : parseProfileSentence(ctx.text);
    if (Object.keys(said).length === 0) return this.next(ctx, a, [{ text: ctx.t.t('assessment.notUnderstood') }]);
    const stated = { ...said, ...a.stated };
    await this.deps.store.saveProgress(a.id, { stated }, ctx.now);
    return this.next(ctx, { ...a, stated }, [{ text: ctx.t.t('assessment.understood', { summary: profileLines(said, ctx.t).join('; ') }) }]);
  }

  private askProfile(ctx: FlowContext, a: StoredAssessment, question: ProfileQuestion, prefix: Reply[] = [], editing = false, offered?: readonly DirectSellingField[]): FlowTurn {
    const t = ctx.t;
    const profile = withInferences(a.stated);
    const whyOption: ReplyOption = { id: ids.why, label: t.t('assessment.option.whyAsked') };
    const yesNo = (q: ProfileQuestion): ReplyOption[] => [
      { id: ids.set(q, 'true'), label: t.t('assessment.option.yes') },
      { id: ids.set(q, 'false'), label: t.t('assessment.option.no') },
    ];
    if (question === 'direct') {
      const open = offered ?? (editing ? directSellingFields : directSellingFields.filter((f) => profile[f] === undefined));
      const first = open.length === directSellingFields.length || !directSellingFields.some((f) => profile[f] === true);
      const options = [
        ...open.map((f) => ({ id: ids.set('direct', f), label: t.t(`assessment.direct.${f}`) })),
        { id: ids.set('direct', 'none'), label: t.t(first ? 'assessment.direct.none' : 'assessment.direct.noMore') },
        whyOption,
      ];
      const text = t.t(first ? 'assessment.question.direct' : 'assessment.question.directMore');
      return this.turn('profile', a, [...prefix, { text, options }], { question, offered: [...open], editing });
    }
    const choices = isChoiceQuestion(question) ? choiceQuestions[question] : undefined;
    const options = [...(choices ? choices.values.map((v) => ({ id: ids.set(question, v), label: t.t(choices.label(v)) })) : yesNo(question)), whyOption];
    return this.turn('profile', a, [...prefix, { text: t.t(`assessment.question.${question}`), options }], { question, editing });
  }

  private async onProfile(ctx: FlowContext, message: InboundMessage, a: StoredAssessment, data: StateData): Promise<FlowTurn> {
    const question = data.question;
    if (!question) return this.next(ctx, a);
    const offered = data.offered ?? [...directSellingFields];
    const answer = readProfileAnswer(question, ctx.text, message.choice, offered);
    // Whatever else the reply says fills what is still unknown ("có, bán trên Shopee, có bảo hành").
    const extra = message.choice ? {} : parseProfileSentence(ctx.text);
    const own = new Set<string>(fieldsOfQuestion(question));
    const filled: BusinessProfile = { ...a.stated };
    for (const field of Object.keys(extra) as (keyof BusinessProfile)[]) {
      if (!own.has(field) && filled[field] === undefined) Object.assign(filled, { [field]: extra[field] });
    }
    const learnedExtra = Object.keys(filled).length > Object.keys(a.stated).length;
    if (!answer && !learnedExtra) return this.askProfile(ctx, a, question, [{ text: ctx.t.t('assessment.reask') }], data.editing, data.offered);
    const stated: BusinessProfile = { ...filled, ...(answer?.values ?? {}) };
    await this.deps.store.saveProgress(a.id, { stated }, ctx.now);
    const updated = { ...a, stated };
    if (answer?.stillOpen && answer.stillOpen.length > 0) return this.askProfile(ctx, updated, 'direct', [], data.editing, answer.stillOpen);
    return this.next(ctx, updated);
  }

  private confirm(ctx: FlowContext, a: StoredAssessment, prefix: Reply[] = []): FlowTurn {
    const profile = withInferences(a.stated);
    const count = questionsOf(applicableItems(this.deps.criteria, profile)).length;
    return this.turn('confirm', a, [
      ...prefix,
      {
        text: ctx.t.t('assessment.confirm', {
          name: a.businessName,
          summary: profileLines(profile, ctx.t).map((l) => `• ${l}`).join('\n'),
          count,
          minutes: estimatedMinutes(count),
        }),
        options: [
          { id: ids.confirm, label: ctx.t.t('assessment.confirm.ok') },
          { id: ids.edit, label: ctx.t.t('assessment.confirm.edit') },
        ],
      },
    ]);
  }

  private async onConfirm(ctx: FlowContext, message: InboundMessage, a: StoredAssessment): Promise<FlowTurn> {
    if (message.choice === ids.confirm) return this.next(ctx, a, [], true);
    if (message.choice === ids.edit) return this.editMenu(ctx, a);
    if (message.choice) return this.reask(ctx, this.confirm(ctx, a));
    const correction = await this.applyCorrection(ctx, a);
    if (correction) return correction;
    const yes = parseYesNo(ctx.text);
    if (yes === true || /bat dau|start/.test(fold(ctx.text))) return this.next(ctx, a, [], true);
    if (yes === false || /sua|doi|change|edit/.test(fold(ctx.text))) return this.editMenu(ctx, a);
    return this.reask(ctx, this.confirm(ctx, a));
  }

  /** A typed correction at the confirm or edit step ("có bán online") overrides what was said. */
  private async applyCorrection(ctx: FlowContext, a: StoredAssessment): Promise<FlowTurn | null> {
    const said = parseProfileSentence(ctx.text);
    if (Object.keys(said).length === 0) return null;
    const stated = { ...a.stated, ...said };
    await this.deps.store.saveProgress(a.id, { stated }, ctx.now);
    return this.next(ctx, { ...a, stated }, [{ text: ctx.t.t('assessment.understood', { summary: profileLines(said, ctx.t).join('; ') }) }]);
  }

  private editMenu(ctx: FlowContext, a: StoredAssessment): FlowTurn {
    const profile = withInferences(a.stated);
    const questions = profileQuestions.filter((q) => fieldsOfQuestion(q).some((f) => profile[f] !== undefined));
    return this.turn('edit', a, [
      {
        text: ctx.t.t('assessment.edit.prompt'),
        options: [
          { id: ids.editField('name'), label: ctx.t.t('assessment.edit.name') },
          ...questions.map((q) => ({ id: ids.editField(q), label: ctx.t.t(`assessment.profile.${q}`) })),
        ],
      },
    ]);
  }

  private async onEdit(ctx: FlowContext, message: InboundMessage, a: StoredAssessment): Promise<FlowTurn> {
    if (message.choice === ids.editField('name')) return this.turn('name', a, [{ text: ctx.t.t('assessment.askName') }], { editing: true });
    const target = profileQuestions.find((q) => message.choice === ids.editField(q));
    if (target) return this.askProfile(ctx, a, target, [], true);
    if (!message.choice) {
      const correction = await this.applyCorrection(ctx, a);
      if (correction) return correction;
    }
    return this.reask(ctx, this.editMenu(ctx, a));
  }

  // ---- items ----

  private askItem(ctx: FlowContext, a: StoredAssessment, question: ItemQuestion, questions: readonly ItemQuestion[], prefix: Reply[] = []): FlowTurn {
    const n = questions.indexOf(question) + 1;
    const first = Object.keys(a.answers).length === 0 && n === 1;
    const text = itemQuestionText(question, n, questions.length, this.deps.criteria, ctx.t) + (first ? `\n\n${ctx.t.t('assessment.item.hint')}` : '');
    return this.turn('item', a, [...prefix, { text, options: this.itemOptions(ctx, question) }], { itemId: question.key });
  }

  private itemOptions(ctx: FlowContext, question: ItemQuestion): ReplyOption[] {
    return [
      ...answerValues.map((v) => ({ id: ids.answer(question.key, v), label: ctx.t.t(`assessment.answer.${v}`) })),
      { id: ids.why, label: ctx.t.t('assessment.option.why') },
      { id: ids.pause, label: ctx.t.t('assessment.option.pause') },
    ];
  }

  private async onItem(ctx: FlowContext, message: InboundMessage, a: StoredAssessment, data: StateData): Promise<FlowTurn> {
    const items = questionsOf(applicableItems(this.deps.criteria, withInferences(a.stated)), a.answers);
    const pending = items.find((q) => q.key === data.itemId) ?? items.find((q) => !isAnswered(q, a.answers));
    if (!pending) return this.next(ctx, a, [], true);

    let target = pending;
    let value: AnswerValue | undefined;
    let reply: 'why' | 'back' | undefined = message.choice === ids.why ? 'why' : undefined;
    if (message.choice?.startsWith('assessment.answer.')) {
      // An older button answers its own item: people scroll up and change their mind.
      const chosen = items.find((q) => answerValues.some((v) => message.choice === ids.answer(q.key, v)));
      if (chosen) {
        target = chosen;
        value = answerValues.find((v) => message.choice === ids.answer(chosen.key, v));
      }
    } else if (!message.choice) {
      const typed = parseItemReply(ctx.text);
      if (typed === 'why' || typed === 'back') reply = typed;
      else if (typed !== 'pause') value = typed;
    }

    if (reply === 'why') return this.turn('item', a, [{ text: whyText(pending, this.deps.knowledgeBase, ctx.t, ctx.now), options: this.itemOptions(ctx, pending) }], { itemId: pending.key });
    if (reply === 'back') {
      const previous = items[items.indexOf(pending) - 1];
      if (previous) return this.askItem(ctx, a, previous, items);
    }
    if (!value) return this.askItem(ctx, a, pending, items, [{ text: ctx.t.t('assessment.reask') }]);

    const answers = { ...a.answers, [target.key]: value };
    await this.deps.store.saveProgress(a.id, { answers }, ctx.now);
    const title = target.part ? `${target.item.title[ctx.t.locale]} — ${target.part.title[ctx.t.locale]}` : target.item.title[ctx.t.locale];
    const prefix = target === pending ? [] : [{ text: ctx.t.t('assessment.item.changed', { title }) }];
    return this.next(ctx, { ...a, answers }, prefix, true);
  }

  /** What comes next for an assessment in progress: its name, a profile question, the confirmation, an item, or the result. */
  private async next(ctx: FlowContext, a: StoredAssessment, prefix: Reply[] = [], confirmed = false): Promise<FlowTurn> {
    if (a.businessName === '') return this.turn('name', a, [...prefix, { text: ctx.t.t('assessment.askName') }]);
    const profile = withInferences(a.stated);
    const question = nextProfileQuestion(this.deps.criteria, profile);
    if (question) return this.askProfile(ctx, a, question, prefix);
    const items = questionsOf(applicableItems(this.deps.criteria, profile), a.answers);
    if (!confirmed && !items.some((q) => isAnswered(q, a.answers))) return this.confirm(ctx, a, prefix);
    const pending = items.find((q) => !isAnswered(q, a.answers));
    if (pending) return this.askItem(ctx, a, pending, items, prefix);
    return this.complete(ctx, a, prefix);
  }

  // ---- result ----

  private async complete(ctx: FlowContext, a: StoredAssessment, prefix: Reply[]): Promise<FlowTurn> {
    const { store, criteria, knowledgeBase, timeZone } = this.deps;
    const profile = withInferences(a.stated);
    const result = scoreAssessment(criteria, profile, a.answers);
    const record = buildAssessmentRecord({ criteria, business: a.businessName, profile, result, locale: ctx.t.locale, completedAt: ctx.now });
    const previous = await store.latestCompleted(ctx.conversation.id);
    const progress = previous?.record ? progressSince(previous.record, record) : null;
    await store.complete(a.id, record, ctx.now);
    const texts = resultTexts(record, progress, criteria, knowledgeBase, ctx.t, timeZone);
    const file = await renderAssessmentReport({ record, progress, criteria, knowledgeBase, t: ctx.t, timeZone });
    return this.turn('consent', a, [
      ...prefix,
      ...texts.map((text) => ({ text })),
      { text: ctx.t.t('assessment.result.file'), file },
      this.consentQuestion(ctx),
    ]);
  }

  private consentQuestion(ctx: FlowContext, prefix = ''): Reply {
    return {
      text: `${prefix}${ctx.t.t('assessment.consent.prompt')}`,
      options: [
        { id: ids.consentYes, label: ctx.t.t('assessment.consent.yes') },
        { id: ids.consentNo, label: ctx.t.t('assessment.consent.no') },
        { id: ids.why, label: ctx.t.t('assessment.option.whyAsked') },
      ],
    };
  }

  private async onConsent(ctx: FlowContext, message: InboundMessage, a: StoredAssessment): Promise<FlowTurn> {
    const consent = message.choice === ids.consentYes ? true : message.choice === ids.consentNo ? false : message.choice ? undefined : typedConsent(ctx.text);
    if (consent === undefined) {
      return this.turn('consent', a, [this.consentQuestion(ctx, `${ctx.t.t('assessment.reask')}\n`)]);
    }
    await this.deps.store.setConsent(a.id, consent, ctx.now);
    return { replies: [{ text: ctx.t.t(consent ? 'assessment.consent.thanksYes' : 'assessment.consent.thanksNo') }], state: 'idle' };
  }

  // ---- helpers ----

  private progressOf(a: StoredAssessment): { answered: number; total: number } {
    const items = questionsOf(applicableItems(this.deps.criteria, withInferences(a.stated)), a.answers);
    return { answered: items.filter((q) => isAnswered(q, a.answers)).length, total: items.length };
  }

  private reask(ctx: FlowContext, turn: FlowTurn): FlowTurn {
    return { ...turn, replies: [{ text: ctx.t.t('assessment.reask') }, ...turn.replies] };
  }

  /** Every button carries its number: the texts invite typing one ("bấm nút, gõ số hoặc gõ chữ", "ví dụ gõ 1 3"). */
  private turn(step: Step, a: StoredAssessment, replies: Reply[], extra: Omit<StateData, 'assessmentId'> = {}): FlowTurn {
    const stateData: StateData = { assessmentId: a.id, ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) };
    return { replies: replies.map((r) => (r.options ? { ...r, options: numberedOptions(r.options) } : r)), state: `${this.name}.${step}`, stateData };
  }
}

/** A part counts as answered when the whole item was, before it was asked in parts. */
function isAnswered(question: ItemQuestion, answers: Readonly<Record<string, AnswerValue>>): boolean {
  return question.key in answers || (question.part !== undefined && question.item.id in answers);
}

function isStep(value: string): value is Step {
  return (steps as readonly string[]).includes(value);
}

/** The steps whose question "tại sao?" explains here; an item's own "why" cites its law (onItem). */
const explainedSteps = ['name', 'describe', 'profile', 'confirm', 'consent'] as const;
type ExplainedStep = (typeof explainedSteps)[number];

function isExplained(step: Step): step is ExplainedStep {
  return (explainedSteps as readonly string[]).includes(step);
}

/**
 * "tại sao?" typed or the button pressed. A name or a description may contain "lý do" or "sao", so
 * there only a short message that is all question counts.
 */
function asksWhy(step: ExplainedStep, text: string, message: InboundMessage): boolean {
  if (message.choice) return message.choice === ids.why;
  if (parseItemReply(text) !== 'why') return false;
  return (step !== 'name' && step !== 'describe') || text.trim().split(/\s+/).length <= 4;
}
