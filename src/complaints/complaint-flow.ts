import { z } from 'zod';
import { formatVietnameseDate } from '../answer/law-applicability.ts';
import type { ConversationRecord, DialogueFlow, FlowContext, FlowTurn } from '../dialogue/flow.ts';
import type { InboundMessage, Reply, ReplyOption } from '../dialogue/messages.ts';
import type { Locale, Translator } from '../i18n/translator.ts';
import { draftSchema, emptyDraft, hasContent, missingFields, requiredFields, type Draft, type RequiredField } from './complaint-draft.ts';
import type { ComplaintExtractor, Extraction, FactValues } from './complaint-extractor.ts';
import { fileComplaint, type Consent, type FilingDeps } from './complaint-filing.ts';
import { canTransition } from './complaint-lifecycle.ts';
import type { StoredComplaint } from './complaint-repository.ts';
import { describeFacts, summaryText } from './complaint-summary.ts';
import { resolutions, type Resolution } from './extract-resolution.ts';
import { foldPhrase } from './folded-text.ts';
import { purchaseChannels, type PurchaseChannel } from './infer-purchase-channel.ts';
import { vietnamDate } from './local-date.ts';
import { composeLetter, letterPdf, letterText } from './negotiation-letter.ts';

export interface ComplaintFlowDeps extends FilingDeps {
  readonly extractor: ComplaintExtractor;
  readonly translators: (locale: Locale) => Translator;
}

const steps = ['collect', 'confirm', 'consent', 'status', 'withdraw'] as const;
type Step = (typeof steps)[number];

/** The flow's stored working data, validated when read back from the conversation. */
const stateSchema = z.object({
  step: z.enum(steps).default('collect'),
  draft: draftSchema.default(emptyDraft),
  asked: z.enum(requiredFields).nullable().default(null),
  /** Where to go back to after looking at the status list in the middle of a draft. */
  resumeStep: z.enum(['collect', 'confirm', 'consent']).nullable().default(null),
  withdrawRef: z.string().nullable().default(null),
  lastActivity: z.iso.datetime({ offset: true }).nullable().default(null),
});
type State = z.infer<typeof stateSchema>;

/** After this long away, the bot says it is picking up where the consumer left off. */
const welcomeBackAfterMs = 6 * 60 * 60 * 1000;

const confirmWords = /^(ok|oke|okay|oki|okie|uh|u|um|vang|da|yes|yep|correct|dung|chuan|duoc|dc|gui|nop|xac nhan|dong y|chinh xac)( (roi|luon|di|het|vay|nhe|nha|a|ban|roi gui di|gui di|nop di|xac nhan|chinh xac|do))*[ .!]*$/;
const confirmPhrases = /(?<![\p{L}])(dung roi|chinh xac|ok gui|gui di|nop di|xac nhan|dung het roi|thong tin dung|dung vay)(?![\p{L}])/u;
const denyWords = /(?<![\p{L}])(sai|chua dung|khong dung|ko dung|sua|nham|chua chinh xac|khong phai|can sua)(?![\p{L}])/u;
const yesWords = /^(co|co a|co nhe|yes|ok|dong y|chac chan|rut|rut di|rut luon|dung vay|uh|u|vang)[ .!]*$/;
const noWords = /^(khong|ko|k|thoi|no|giu lai|khong rut|dung rut)[ .!]*$/;
const consentPatterns: ReadonlyArray<readonly [keyof typeof consentChoices, RegExp]> = [
  ['none', /(khong chia se|khong dong y|khong gui|chi luu|khong muon chia se|dung chia se|^khong$|^none$)/],
  ['business', /chi (gui |chia se )?(cho )?(doanh nghiep|shop|ben ban|cua hang|cong ty|dn)/],
  ['agency', /chi (gui |chia se )?(cho )?(co quan|hoi|to chuc)/],
  ['both', /(ca hai|ca 2|hai ben|tat ca|both|dong y|doanh nghiep va co quan|shop va co quan|chia se het|gui het)/],
];
const consentChoices = {
  both: { shareWithBusiness: true, shareWithAgency: true },
  business: { shareWithBusiness: true, shareWithAgency: false },
  agency: { shareWithBusiness: false, shareWithAgency: true },
  none: { shareWithBusiness: false, shareWithAgency: false },
} as const satisfies Record<string, Consent>;
const statusWords = /^(status|trang thai|tinh trang|ds|danh sach|xem|list)$/;
const withdrawWords = /(?<![\p{L}])(rut|withdraw|huy khieu nai|rut don|rut lai)(?![\p{L}])/u;
const newWords = /^(moi|new|lai tu dau|bat dau lai)$/;
const referenceInText = /kn-\d{8}-[a-z0-9]{5}/i;
const freeTextFields: readonly RequiredField[] = ['narrative', 'product', 'businessName', 'consumerName'];

function isBareAcknowledgement(folded: string): boolean {
  return confirmWords.test(folded) || /^(dong y|dong y ca hai|ca hai|khong chia se|chi luu|co|khong|ko)[ .!]*$/.test(folded);
}

/**
 * The complaint intake (issue 4): listens to a story told in chat, asks one question at a time for
 * what is missing, reads back a summary, files on natural confirmation and consent, then gives the
 * reference, deadlines and the negotiation letter (text + PDF). Also /khieunai status and withdraw.
 * All working data is in the conversation state, so a restart loses nothing.
 */
export class ComplaintFlow implements DialogueFlow {
  readonly name = 'complaint';
  readonly commands = ['khieunai', 'complaint'];
  readonly menu = { id: 'menu.complaint', labelKey: 'core.menu.complaint' };
  readonly servesIntents = ['complaint'];

  constructor(private readonly deps: ComplaintFlowDeps) {}

  detect(text: string): number {
    const f = foldPhrase(text);
    if (/(xem|kiem tra|tra cuu) (tinh trang|trang thai) (khieu nai|ho so|don)/.test(f)) return 0.85;
    if (/(rut|huy) (lai )?(khieu nai|don khieu nai)/.test(f)) return 0.85;
    // A yes-or-no question ends with its "không" in every spelling ("… có bắt buộc … ko"): it asks the
    // law, like the wh-questions, rather than telling a grievance to file.
    const question =
      /\?|(?<![\p{L}])(lam sao|the nao|o dau|co duoc|co phai|co bat buoc|bat buoc|co can|bao lau|bao nhieu ngay|quy dinh|dieu nao|luat nao|nhu the nao|ra sao|can gi|thu tuc)(?![\p{L}])/u.test(f) ||
      /(?<![\p{L}])(khong|ko|k|hok|hem|chua)( a| ah| vay| the)?[\s.!]*$/u.test(f);
    const firstPerson = /(?<![\p{L}])(toi|minh|em|tui|tao|chung toi|nha toi)(?![\p{L}])/u.test(f);
    const grievance = /(?<![\p{L}])(lua|bi lua|hong|loi|khong giao|chua giao|hang gia|fake|khong dung mo ta|khong hoan|khong chiu|tu choi|quyt|bung|mat tien|chan lien lac|ngo doc|het han)(?![\p{L}])/u.test(f);
    const wantsToFile =
      /(muon|can|giup|lam|gui|nop|tao|viet|soan) (\S+ ){0,2}(don )?khieu nai|khieu nai (shop|cua hang|cong ty|doanh nghiep|ben ban|nguoi ban)/.test(f) ||
      /\b(i want to|i'd like to|i would like to|help me) (file |make |lodge |write )?(a )?complain/.test(f);
    // "khiếu nại shop online ở đâu?" asks about the law; "tôi muốn khiếu nại, làm sao?" asks for help filing.
    const saysIWantTo = /(toi|minh|em|tui) (muon|can|phai) (\S+ ){0,2}khieu nai/.test(f);
    if (question && !saysIWantTo) return /khieu nai/.test(f) ? 0.3 : 0;
    if (wantsToFile) return 0.9;
    if (/khieu nai/.test(f) && firstPerson && grievance && !question) return 0.8;
    if (/(doi|muon|yeu cau) (duoc )?(hoan tien|boi thuong|den tien|tra lai tien)/.test(f) && grievance && !question) return 0.65;
    if (/khieu nai/.test(f)) return question ? 0.3 : 0.55;
    return 0;
  }

  async start(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    const t = ctx.t;
    const previous = this.readState(ctx);
    const args = (ctx.commandArgs ?? '').trim();
    const foldedArgs = foldPhrase(args);
    const text = ctx.commandArgs !== undefined ? args : message.choice ? '' : ctx.text;
    const foldedText = foldPhrase(text);
    const inDraft = previous !== null && ctx.conversation.state.startsWith('complaint.') && hasContent(previous.draft);

    if (statusWords.test(foldedArgs) || /(xem|kiem tra|tra cuu) (tinh trang|trang thai)/.test(foldedText)) {
      return this.showStatus(ctx, inDraft ? { ...previous, resumeStep: resumable(previous) } : null);
    }
    if (withdrawWords.test(foldedText) && (ctx.commandArgs !== undefined || /khieu nai|don|kn-/.test(foldedText))) {
      return this.askWithdraw(ctx, text, inDraft ? { ...previous, resumeStep: resumable(previous) } : null);
    }
    if (inDraft && !newWords.test(foldedArgs)) {
      const state = { ...previous, step: previous.resumeStep ?? (previous.step === 'status' || previous.step === 'withdraw' ? 'collect' : previous.step), resumeStep: null };
      const notes = [t.t('complaint.resume')];
      return this.absorbAndContinue(ctx, message, state, text, notes);
    }
    const fresh: State = stateSchema.parse({});
    return this.absorbAndContinue(ctx, message, fresh, newWords.test(foldedArgs) ? '' : text, [t.t('complaint.intro')], true);
  }

  async handle(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    const state = this.readState(ctx) ?? stateSchema.parse({});
    const notes: string[] = [];
    if (state.lastActivity && ctx.now.getTime() - Date.parse(state.lastActivity) > welcomeBackAfterMs) notes.push(ctx.t.t('complaint.welcomeBack'));
    switch (state.step) {
      case 'collect':
        return this.absorbAndContinue(ctx, message, state, ctx.text, notes);
      case 'confirm':
        return this.onConfirm(ctx, message, state, notes);
      case 'consent':
        return this.onConsent(ctx, message, state, notes);
      case 'status':
        return this.onStatusChoice(ctx, message, state);
      case 'withdraw':
        return this.onWithdrawAnswer(ctx, message, state);
    }
  }

  /** A command took the user away mid-draft: say the draft is gone, so it is no surprise later. */
  async leave(ctx: FlowContext): Promise<readonly Reply[]> {
    const state = this.readState(ctx);
    return state && hasContent(state.draft) ? [{ text: ctx.t.t('complaint.draftDropped') }] : [];
  }

  async records(conversationId: string): Promise<ConversationRecord[]> {
    const complaints = await this.deps.repository.forConversation(conversationId);
    return complaints.map((c) => ({ type: 'complaint', data: c.record }));
  }

  // ---- collecting -------------------------------------------------------------------------

  private async absorbAndContinue(ctx: FlowContext, message: InboundMessage, state: State, text: string, notes: string[], opening = false): Promise<FlowTurn> {
    const t = ctx.t;
    let draft = withEvidence(state.draft, message, ctx.now);
    const added = draft.evidence.length - state.draft.evidence.length;
    if (added > 0) notes.push(t.t('complaint.evidenceNoted', { count: added }));
    let asked = state.asked;
    let problem: Extraction['problems'][number] | undefined;
    const choice = choiceValue(message.choice);
    if (choice) {
      const before = draft;
      draft = applyValues(draft, choice, true);
      const facts = describeFacts(t, changedValues(before, draft));
      if (facts) notes.push(t.t('complaint.noted', { facts }));
    } else if (asked && freeTextFields.includes(asked) && isBareAcknowledgement(foldPhrase(text))) {
      // "đúng rồi" is no product nor name: the consumer answered a question that was not asked.
      problem = { field: asked, kind: 'unrecognized' };
    } else if (text.trim() !== '') {
      const extraction = this.deps.extractor.extract(text, { today: vietnamDate(ctx.now), asked });
      const before = draft;
      draft = applyValues(draft, extraction.values, extraction.correction, asked);
      draft = withNarrative(draft, text, extraction, asked, opening);
      const changed = changedValues(before, draft);
      const facts = describeFacts(t, changed);
      if (facts) notes.push(t.t(extraction.correction && hasAny(before, changed) ? 'complaint.updated' : 'complaint.noted', { facts }));
      problem = extraction.problems.find((p) => p.field === asked) ?? extraction.problems[0];
      // A problem with a value that has meanwhile been given correctly elsewhere is no problem.
      if (problem && !missingFields(draft).includes(problem.field) && problem.kind === 'unrecognized') problem = undefined;
    }
    if (problem) {
      asked = problem.field;
      return this.turn(ctx, { ...state, step: 'collect', draft, asked }, [...notes, t.t(`complaint.problem.${problem.field}.${problem.kind}`, { today: formatVietnameseDate(vietnamDate(ctx.now)) })], this.optionsFor(t, problem.field));
    }
    return this.nextQuestion(ctx, { ...state, draft }, notes);
  }

  private nextQuestion(ctx: FlowContext, state: State, notes: string[]): FlowTurn {
    const t = ctx.t;
    const missing = missingFields(state.draft);
    const field = missing[0];
    if (!field) {
      return this.turn(ctx, { ...state, step: 'confirm', asked: null }, [...notes, summaryText(t, state.draft)], this.confirmOptions(t));
    }
    const question = field === 'businessName' && state.draft.platform ? t.t('complaint.ask.businessNameOnPlatform', { platform: state.draft.platform }) : t.t(`complaint.ask.${field}`);
    return this.turn(ctx, { ...state, step: 'collect', asked: field }, [...notes, question], this.optionsFor(t, field));
  }

  private optionsFor(t: Translator, field: RequiredField): ReplyOption[] | undefined {
    if (field === 'purchaseChannel') return purchaseChannels.map((c) => ({ id: `complaint.channel.${c}`, label: t.t(`complaint.channel.${c}`) }));
    if (field === 'desiredResolution') return resolutions.map((r) => ({ id: `complaint.want.${r}`, label: t.t(`complaint.resolution.${r}`) }));
    return undefined;
  }

  // ---- summary, consent, filing -------------------------------------------------------------

  private async onConfirm(ctx: FlowContext, message: InboundMessage, state: State, notes: string[]): Promise<FlowTurn> {
    const t = ctx.t;
    const f = foldPhrase(ctx.text);
    if (message.choice === 'complaint.edit') return this.turn(ctx, state, [...notes, t.t('complaint.confirm.edit')]);
    const confirmed = message.choice === 'complaint.confirm' || ((confirmWords.test(f) || confirmPhrases.test(f)) && !denyWords.test(f.replace(/dung roi|dung het/g, '')));
    if (confirmed) {
      const consent = consentFrom(f);
      if (consent && !/^(ok|oke|okay|dung|dung roi|chinh xac|xac nhan)[ .!]*$/.test(f)) return this.file(ctx, state, consent, notes);
      return this.turn(ctx, { ...state, step: 'consent' }, [...notes, t.t('complaint.consent.ask')], this.consentOptions(t));
    }
    if (message.attachments?.length || (f !== '' && !denyWords.test(f)) || denyWords.test(f)) {
      // Anything else is a correction: apply it and read the summary back.
      const turn = await this.absorbAndContinue(ctx, message, { ...state, step: 'collect', asked: null }, ctx.text, notes);
      const parsed = stateSchema.safeParse(turn.stateData);
      const changed = parsed.success && JSON.stringify(parsed.data.draft) !== JSON.stringify(state.draft);
      if (changed || turn.state !== 'complaint.confirm') return turn;
      if (denyWords.test(f)) return this.turn(ctx, state, [...notes, t.t('complaint.confirm.edit')]);
    }
    return this.turn(ctx, state, [...notes, t.t('complaint.confirm.again')], this.confirmOptions(t));
  }

  private async onConsent(ctx: FlowContext, message: InboundMessage, state: State, notes: string[]): Promise<FlowTurn> {
    const t = ctx.t;
    const picked = message.choice?.startsWith('complaint.consent.') ? message.choice.slice('complaint.consent.'.length) : null;
    const consent = picked && picked in consentChoices ? consentChoices[picked as keyof typeof consentChoices] : consentFrom(foldPhrase(ctx.text));
    if (consent) return this.file(ctx, state, consent, notes);
    const extraction = this.deps.extractor.extract(ctx.text, { today: vietnamDate(ctx.now), asked: null });
    if (Object.keys(extraction.values).length > 0) {
      // A late correction: apply it and show the summary again before asking for consent.
      return this.absorbAndContinue(ctx, message, { ...state, step: 'collect', asked: null }, ctx.text, notes);
    }
    return this.turn(ctx, state, [...notes, t.t('complaint.consent.again')], this.consentOptions(t));
  }

  private async file(ctx: FlowContext, state: State, consent: Consent, notes: string[]): Promise<FlowTurn> {
    const t = ctx.t;
    const stored = await fileComplaint(this.deps, {
      draft: state.draft,
      consent,
      channel: ctx.conversation.channel,
      conversationId: ctx.conversation.id,
      now: ctx.now,
    });
    const r = stored.record;
    const consentKey = consent.shareWithBusiness && consent.shareWithAgency ? 'both' : consent.shareWithBusiness ? 'business' : consent.shareWithAgency ? 'agency' : 'none';
    const filed = t.t('complaint.filed', {
      reference: r.reference,
      category: this.deps.taxonomy.issue(r.issue)?.categoryLabel ?? r.category,
      issue: this.deps.taxonomy.issue(r.issue)?.label ?? r.issue,
      law: t.t(r.applicableLaw === '19/2023/QH15' ? 'complaint.filedLawNew' : 'complaint.filedLawOld'),
      acknowledgeBy: formatVietnameseDate(r.deadlines.acknowledgeBy),
      negotiateBy: formatVietnameseDate(r.deadlines.negotiateBy),
      agency: r.suggestedAgency,
      consent: t.t(`complaint.consentSummary.${consentKey}`),
    });
    const letter = await this.letterReply(t, stored, ctx.now);
    return { replies: [...(notes.length ? [{ text: notes.join('\n') }] : []), { text: filed }, letter], state: 'idle', stateData: {} };
  }

  private async letterReply(t: Translator, stored: StoredComplaint, now: Date): Promise<Reply> {
    const vi = this.deps.translators('vi');
    const place = stored.record.consumer.province ?? this.deps.defaultProvince;
    const letter = composeLetter(stored.record, { knowledgeBase: this.deps.knowledgeBase, taxonomy: this.deps.taxonomy, t: vi, place });
    const file = await letterPdf(letter, now);
    return { text: `${t.t('complaint.letterIntro', { business: stored.record.business.name })}\n\n${letterText(letter)}`, file };
  }

  // ---- status and withdraw -----------------------------------------------------------------

  private async showStatus(ctx: FlowContext, draftState: State | null): Promise<FlowTurn> {
    const t = ctx.t;
    const complaints = await this.deps.repository.forConversation(ctx.conversation.id);
    if (complaints.length === 0) return this.endDetour(ctx, draftState, [t.t('complaint.status.none')]);
    const lines = complaints.map((c) =>
      t.t('complaint.status.item', {
        reference: c.record.reference,
        product: c.record.product,
        business: c.record.business.name,
        status: t.t(`complaint.statusName.${c.record.status}`),
        date: formatVietnameseDate(vietnamDate(new Date(c.record.createdAt))),
      }),
    );
    const recent = complaints.slice(-4);
    const options: ReplyOption[] = [
      ...recent.map((c) => ({ id: `complaint.letter:${c.record.reference}`, label: t.t('complaint.status.letterOption', { reference: c.record.reference }) })),
      ...recent.filter((c) => canTransition(c.record.status, 'withdrawn')).map((c) => ({ id: `complaint.withdraw:${c.record.reference}`, label: t.t('complaint.status.withdrawOption', { reference: c.record.reference }) })),
    ];
    const state: State = { ...(draftState ?? stateSchema.parse({})), step: 'status', resumeStep: resumable(draftState) };
    return this.turn(ctx, state, [t.t('complaint.status.title'), ...lines, '', t.t('complaint.status.hint')], options);
  }

  private async onStatusChoice(ctx: FlowContext, message: InboundMessage, state: State): Promise<FlowTurn> {
    const t = ctx.t;
    const choice = message.choice ?? '';
    const f = foldPhrase(ctx.text);
    if (choice.startsWith('complaint.letter:')) {
      const stored = await this.ownComplaint(ctx, choice.slice('complaint.letter:'.length));
      if (!stored) return this.endDetour(ctx, state, [t.t('complaint.withdraw.notFound', { reference: choice.slice('complaint.letter:'.length) })]);
      return this.endDetour(ctx, state, [], [await this.letterReply(t, stored, ctx.now)]);
    }
    if (choice.startsWith('complaint.withdraw:') || withdrawWords.test(f)) {
      return this.askWithdraw(ctx, choice.startsWith('complaint.withdraw:') ? choice.slice('complaint.withdraw:'.length) : ctx.text, state);
    }
    return this.endDetour(ctx, state, [t.t('complaint.unrecognizedInStatus'), t.t('complaint.status.leave')]);
  }

  private async askWithdraw(ctx: FlowContext, text: string, draftState: State | null): Promise<FlowTurn> {
    const t = ctx.t;
    const mine = await this.deps.repository.forConversation(ctx.conversation.id);
    const reference = referenceInText.exec(text)?.[0].toUpperCase() ?? null;
    const open = mine.filter((c) => canTransition(c.record.status, 'withdrawn'));
    const target = reference ? mine.find((c) => c.record.reference === reference) : open.length === 1 ? open[0] : undefined;
    if (!target) {
      return this.endDetour(ctx, draftState, [reference ? t.t('complaint.withdraw.notFound', { reference }) : t.t('complaint.withdraw.which')]);
    }
    if (!canTransition(target.record.status, 'withdrawn')) {
      return this.endDetour(ctx, draftState, [t.t('complaint.withdraw.notAllowed', { reference: target.record.reference, status: t.t(`complaint.statusName.${target.record.status}`) })]);
    }
    const state: State = { ...(draftState ?? stateSchema.parse({})), step: 'withdraw', withdrawRef: target.record.reference, resumeStep: resumable(draftState) };
    return this.turn(ctx, state, [t.t('complaint.withdraw.ask', { reference: target.record.reference, product: target.record.product })], [
      { id: 'complaint.withdraw.yes', label: t.t('complaint.withdraw.yes') },
      { id: 'complaint.withdraw.no', label: t.t('complaint.withdraw.no') },
    ]);
  }

  private async onWithdrawAnswer(ctx: FlowContext, message: InboundMessage, state: State): Promise<FlowTurn> {
    const t = ctx.t;
    const reference = state.withdrawRef ?? '';
    const f = foldPhrase(ctx.text);
    const yes = message.choice === 'complaint.withdraw.yes' || (!message.choice && yesWords.test(f));
    const no = message.choice === 'complaint.withdraw.no' || (!message.choice && noWords.test(f));
    if (yes) {
      const stored = await this.ownComplaint(ctx, reference);
      if (!stored) return this.endDetour(ctx, state, [t.t('complaint.withdraw.notFound', { reference })]);
      await this.deps.repository.transition(reference, 'withdrawn', { actor: 'consumer', note: 'Người tiêu dùng rút khiếu nại qua trò chuyện', now: ctx.now });
      return this.endDetour(ctx, state, [t.t('complaint.withdraw.done', { reference })]);
    }
    if (no) return this.endDetour(ctx, state, [t.t('complaint.withdraw.kept', { reference })]);
    return this.turn(ctx, state, [t.t('complaint.withdraw.ask', { reference, product: '' }).replace(' ()', '')], [
      { id: 'complaint.withdraw.yes', label: t.t('complaint.withdraw.yes') },
      { id: 'complaint.withdraw.no', label: t.t('complaint.withdraw.no') },
    ]);
  }

  /** A complaint of this conversation only: references are not secrets, ownership is. */
  private async ownComplaint(ctx: FlowContext, reference: string): Promise<StoredComplaint | null> {
    const stored = await this.deps.repository.get(reference);
    return stored && stored.conversationId === ctx.conversation.id ? stored : null;
  }

  /** Ends a status/withdraw detour: back to the draft being written, or idle. */
  private endDetour(ctx: FlowContext, state: State | null, lines: string[], extra: Reply[] = []): FlowTurn {
    const replies = [...(lines.length ? [{ text: lines.join('\n') }] : []), ...extra];
    if (state && state.resumeStep && hasContent(state.draft)) {
      const back = this.nextQuestion(ctx, { ...state, step: state.resumeStep, resumeStep: null, withdrawRef: null }, []);
      if (state.resumeStep === 'collect' || state.resumeStep === 'confirm') return { ...back, replies: [...replies, ...back.replies] };
      return this.turn(ctx, { ...state, step: 'consent', resumeStep: null }, [], this.consentOptions(ctx.t), replies, ctx.t.t('complaint.consent.ask'));
    }
    return { replies, state: 'idle', stateData: {} };
  }

  // ---- helpers -----------------------------------------------------------------------------

  private readState(ctx: FlowContext): State | null {
    if (!ctx.conversation.state.startsWith('complaint.')) return null;
    const parsed = stateSchema.safeParse(ctx.conversation.stateData);
    // Data from an older version of the flow: start the draft afresh rather than fail the chat.
    return parsed.success ? parsed.data : null;
  }

  private turn(ctx: FlowContext, state: State, lines: string[], options?: ReplyOption[], before: Reply[] = [], last?: string): FlowTurn {
    const text = [...lines, ...(last ? [last] : [])].join('\n');
    const reply: Reply = options && options.length > 0 ? { text, options } : { text };
    return { replies: [...before, reply], state: `complaint.${state.step}`, stateData: { ...state, lastActivity: ctx.now.toISOString() } };
  }

  private confirmOptions(t: Translator): ReplyOption[] {
    return [
      { id: 'complaint.confirm', label: t.t('complaint.option.confirm') },
      { id: 'complaint.edit', label: t.t('complaint.option.edit') },
    ];
  }

  private consentOptions(t: Translator): ReplyOption[] {
    return (['both', 'business', 'agency', 'none'] as const).map((k) => ({ id: `complaint.consent.${k}`, label: t.t(`complaint.consent.${k}`) }));
  }
}

function resumable(state: State | null): State['resumeStep'] {
  if (!state || !hasContent(state.draft)) return null;
  return state.step === 'confirm' || state.step === 'consent' ? state.step : 'collect';
}

function consentFrom(folded: string): Consent | null {
  for (const [key, pattern] of consentPatterns) if (pattern.test(folded)) return consentChoices[key];
  return null;
}

/** A picked option for the channel or the wished resolution. */
function choiceValue(choice: string | undefined): FactValues | null {
  if (!choice) return null;
  const channel = /^complaint\.channel\.(.+)$/.exec(choice)?.[1];
  if (channel && (purchaseChannels as readonly string[]).includes(channel)) return { purchaseChannel: channel as PurchaseChannel };
  const want = /^complaint\.want\.(.+)$/.exec(choice)?.[1];
  if (want && (resolutions as readonly string[]).includes(want)) return { desiredResolution: [want as Resolution] };
  return null;
}

/**
 * Merges what a message said into the draft: empty fields are filled; a filled one changes only
 * when the consumer corrects it or answers the question about it. Wished resolutions add up.
 */
function applyValues(draft: Draft, values: FactValues, override: boolean, asked: RequiredField | null = null): Draft {
  const next: Draft = { ...draft };
  const fill = <K extends keyof FactValues & keyof Draft>(key: K, field: RequiredField | null) => {
    const value = values[key];
    if (value === undefined || value === null) return;
    const current = draft[key];
    const empty = current === null || (Array.isArray(current) && current.length === 0);
    if (empty || override || (field !== null && asked === field)) (next as Record<string, unknown>)[key] = value;
  };
  fill('product', 'product');
  fill('businessName', 'businessName');
  fill('businessAddress', null);
  fill('platform', null);
  fill('purchaseDate', 'purchaseDate');
  if (next.purchaseDate !== draft.purchaseDate) next.purchaseDateApproximate = values.purchaseDateApproximate ?? false;
  fill('amountVnd', 'amountVnd');
  fill('purchaseChannel', 'purchaseChannel');
  fill('consumerName', 'consumerName');
  fill('phone', 'contact');
  fill('email', 'contact');
  fill('province', 'province');
  if (next.province !== draft.province) next.provinceFormer = values.provinceFormer ?? null;
  if (values.desiredResolution?.length) {
    next.desiredResolution = override && asked !== 'desiredResolution' ? values.desiredResolution : [...new Set([...draft.desiredResolution, ...values.desiredResolution])];
  }
  return next;
}

/** The story: the opening message and any later message that tells more of it, in the consumer's words. */
function withNarrative(draft: Draft, text: string, extraction: Extraction, asked: RequiredField | null, opening: boolean): Draft {
  const clean = text.trim();
  // Asked what happened, a reply that only gives facts ("Lan, 0912..., Cần Thơ") is not the story.
  const onlyFacts = Object.keys(extraction.values).length > 0 && !extraction.isStory;
  const words = clean.split(/\s+/).length;
  // The message that opened the complaint is the story unless it is a bare "shop lừa tôi, muốn khiếu nại".
  const tellsStory = asked === 'narrative' ? words >= 3 && !onlyFacts : (extraction.isStory || (opening && words >= 8)) && !extraction.correction;
  if (!tellsStory || (!opening && asked !== 'narrative' && asked !== null && !extraction.isStory)) return draft;
  if (draft.narrative.includes(clean)) return draft;
  return { ...draft, narrative: draft.narrative ? `${draft.narrative}\n${clean}` : clean };
}

function withEvidence(draft: Draft, message: InboundMessage, now: Date): Draft {
  const files = (message.attachments ?? []).filter((a) => a.kind !== 'sticker');
  if (files.length === 0) return draft;
  return {
    ...draft,
    evidence: [
      ...draft.evidence,
      ...files.map((a) => ({ kind: a.kind, fileId: a.fileId ?? null, fileName: a.fileName ?? null, mimeType: a.mimeType ?? null, receivedAt: now.toISOString() })),
    ],
  };
}

function changedValues(before: Draft, after: Draft): FactValues {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof Draft>) {
    if (key === 'narrative' || key === 'evidence') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key];
  }
  if ('purchaseDate' in changed) changed.purchaseDateApproximate = after.purchaseDateApproximate;
  if ('province' in changed) changed.provinceFormer = after.provinceFormer;
  return changed as FactValues;
}

function hasAny(before: Draft, changed: FactValues): boolean {
  return Object.keys(changed).some((k) => {
    const v = before[k as keyof Draft];
    return v !== null && !(Array.isArray(v) && v.length === 0) && k !== 'purchaseDateApproximate' && k !== 'provinceFormer';
  });
}
