import { formatVietnameseDate } from '../answer/law-applicability.ts';
import type { ConversationRecord, DialogueFlow, FlowContext, FlowTurn } from '../dialogue/flow.ts';
import type { InboundMessage, Reply, ReplyOption } from '../dialogue/messages.ts';
import type { Locale, Translator } from '../i18n/translator.ts';
import { essentialFields, hasContent, importantFields, missingFields, type Draft, type RequiredField } from './complaint-draft.ts';
import type { ComplaintExtractor, Extraction, FactValues } from './complaint-extractor.ts';
import { fileComplaint, type Consent, type FilingDeps } from './complaint-filing.ts';
import { complaintStateSchema, freshState, type ComplaintState } from './complaint-state.ts';
import { ComplaintStatusDetour } from './complaint-status-detour.ts';
import { describeFacts, summaryText } from './complaint-summary.ts';
import { consentChoices, consentFrom, isBareAcknowledgement, isConfirmation, isDenial, isSkip, isThanksOrOk, restartPattern, statusPattern, withdrawPattern } from './consumer-intents.ts';
import { applyValues, changedValues, choiceValue, hasAny, withEvidence, withNarrative, withoutResolutions } from './draft-merge.ts';
import { applyWishChange, resolutions } from './extract-resolution.ts';
import { filedReplies, letterReply, realBusinessOption } from './filing-replies.ts';
import { foldPhrase } from './folded-text.ts';
import { purchaseChannels } from './infer-purchase-channel.ts';
import { vietnamDate } from './local-date.ts';
import { summaryCorrection } from './summary-corrections.ts';

export interface ComplaintFlowDeps extends FilingDeps {
  readonly extractor: ComplaintExtractor;
  readonly translators: (locale: Locale) => Translator;
}

/** After this long away, the bot says it is picking up where the consumer left off. */
const welcomeBackAfterMs = 6 * 60 * 60 * 1000;
/** A question is asked at most this many times; then it is skipped, or a person is offered. */
const maxAsks = 2;
const skipOption = 'complaint.skip';
const freeTextFields: readonly RequiredField[] = ['narrative', 'product', 'businessName', 'consumerName'];

type Problem = Extraction['problems'][number];

/**
 * The complaint intake: listens to a story told in chat, asks one question at a time for what is
 * missing (each at most twice, skippable unless it is the story itself), reads back a summary that
 * takes corrections in its own terms, files on natural confirmation and consent, then answers with
 * the reference, the deadlines and the negotiation letter, or, for a scam, with what to do about a
 * scam. This class is the step machine; reading replies (consumer-intents), merging facts
 * (draft-merge, summary-corrections), filing (complaint-filing, filing-replies) and the status
 * detour (complaint-status-detour) live in their own modules. All working data is in the
 * conversation state, so a restart loses nothing.
 */
export class ComplaintFlow implements DialogueFlow {
  readonly name = 'complaint';
  readonly commands = ['khieunai', 'complaint'];
  readonly menu = { id: 'menu.complaint', labelKey: 'core.menu.complaint' };
  readonly servesIntents = ['complaint'];
  private readonly detour: ComplaintStatusDetour;

  constructor(private readonly deps: ComplaintFlowDeps) {
    this.detour = new ComplaintStatusDetour(deps, { endDetour: (...a) => this.endDetour(...a), turn: (...a) => this.turn(...a) });
  }

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
    const inDraft = previous !== null && previous.step !== 'filed' && hasContent(previous.draft);
    const detourFrom = inDraft ? { ...previous, resumeStep: ComplaintStatusDetour.resumable(previous, true) } : null;

    if (statusPattern.test(foldedArgs) || /(xem|kiem tra|tra cuu) (tinh trang|trang thai)/.test(foldedText)) return this.detour.showStatus(ctx, detourFrom);
    if (withdrawPattern.test(foldedText) && (ctx.commandArgs !== undefined || /khieu nai|don|kn-/.test(foldedText))) return this.detour.askWithdraw(ctx, text, detourFrom);
    if (inDraft && !restartPattern.test(foldedArgs)) {
      const back = previous.resumeStep ?? (previous.step === 'status' || previous.step === 'withdraw' ? 'collect' : previous.step);
      return this.absorbAndContinue(ctx, message, { ...resumed(previous), step: back, resumeStep: null }, text, [t.t('complaint.resume')]);
    }
    return this.absorbAndContinue(ctx, message, freshState(), restartPattern.test(foldedArgs) ? '' : text, [t.t('complaint.intro')], true);
  }

  async handle(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    const state = this.readState(ctx) ?? freshState();
    const notes: string[] = [];
    if (state.lastActivity && ctx.now.getTime() - Date.parse(state.lastActivity) > welcomeBackAfterMs && state.step !== 'filed') notes.push(ctx.t.t('complaint.welcomeBack'));
    switch (state.step) {
      case 'collect':
        return this.absorbAndContinue(ctx, message, state, ctx.text, notes);
      case 'confirm':
        return this.onConfirm(ctx, message, state, notes);
      case 'consent':
        return this.onConsent(ctx, message, state, notes);
      case 'filed':
        return this.afterFiling(ctx, message, state);
      case 'status':
        return this.detour.onStatusChoice(ctx, message, state);
      case 'withdraw':
        return this.detour.onWithdrawAnswer(ctx, message, state);
    }
  }

  /** A command took the user away mid-draft: say the draft is gone, so it is no surprise later. */
  async leave(ctx: FlowContext): Promise<readonly Reply[]> {
    const state = this.readState(ctx);
    return state && state.step !== 'filed' && hasContent(state.draft) ? [{ text: ctx.t.t('complaint.draftDropped') }] : [];
  }

  async records(conversationId: string): Promise<ConversationRecord[]> {
    const complaints = await this.deps.repository.forConversation(conversationId);
    return complaints.map((c) => ({ type: 'complaint', data: c.record }));
  }

  // ---- collecting -------------------------------------------------------------------------

  private async absorbAndContinue(ctx: FlowContext, message: InboundMessage, state: ComplaintState, text: string, notes: string[], opening = false): Promise<FlowTurn> {
    const t = ctx.t;
    let draft = withEvidence(state.draft, message, ctx.now);
    const added = draft.evidence.length - state.draft.evidence.length;
    if (added > 0) notes.push(t.t('complaint.evidenceNoted', { count: added }));
    // A caption sent with a photo ("ảnh váy bị rách") describes the photo: it is no answer to the
    // question asked (it once became the consumer's name), though facts it states still count.
    const asked = added > 0 ? null : state.asked;
    const folded = foldPhrase(text);
    let skipped = state.skipped;
    let problem: Problem | undefined;
    const choice = choiceValue(message.choice);
    if (message.choice === skipOption || (asked && !essentialFields.includes(asked) && text.trim() !== '' && isSkip(folded))) {
      if (asked) skipped = [...new Set([...skipped, asked])];
      notes.push(t.t('complaint.skipped'));
    } else if (choice) {
      const before = draft;
      draft = applyValues(draft, choice, true);
      const facts = describeFacts(t, changedValues(before, draft));
      if (facts) notes.push(t.t('complaint.noted', { facts }));
    } else if (asked && freeTextFields.includes(asked) && (isBareAcknowledgement(folded) || isSkip(folded))) {
      // "đúng rồi" is no product nor name: the consumer answered a question that was not asked.
      problem = { field: asked, kind: 'unrecognized' };
    } else if (text.trim() !== '') {
      const extraction = this.deps.extractor.extract(text, { today: vietnamDate(ctx.now), asked });
      const before = draft;
      draft = applyValues(draft, extraction.values, extraction.correction, asked);
      if (extraction.amountIsTotal && extraction.values.amountVnd) draft = { ...draft, amountVnd: extraction.values.amountVnd };
      if (extraction.wishChange) draft = { ...draft, desiredResolution: applyWishChange(before.desiredResolution, draft.desiredResolution, extraction.wishChange) };
      draft = withNarrative(draft, text, extraction, asked, opening);
      const changed = changedValues(before, draft);
      const facts = describeFacts(t, changed);
      if (facts) notes.push(t.t(extraction.correction && hasAny(before, changed) ? 'complaint.updated' : 'complaint.noted', { facts }));
      problem = extraction.problems.find((p) => p.field === asked) ?? extraction.problems[0];
      // A problem with a value that has meanwhile been given correctly elsewhere is no problem.
      if (problem && !missingFields(draft, skipped).includes(problem.field) && problem.kind === 'unrecognized') problem = undefined;
    }
    const next = { ...state, draft, skipped };
    if (problem) return this.ask(ctx, next, problem.field, notes, problem);
    return this.nextQuestion(ctx, next, notes);
  }

  /** The next missing field, or the summary when nothing is left to ask. */
  private nextQuestion(ctx: FlowContext, state: ComplaintState, notes: string[]): FlowTurn {
    const field = missingFields(state.draft, state.skipped)[0];
    if (!field) return this.turn(ctx, { ...state, step: 'confirm', asked: null }, [...notes, summaryText(ctx.t, state.draft)], this.confirmOptions(ctx.t));
    return this.ask(ctx, state, field, notes);
  }

  /**
   * Asks for `field`, never a third time: the second time differently (with an example, and Skip
   * for what can be skipped); after that an optional field is skipped and the story, which cannot
   * be, gets the offer of a person.
   */
  private ask(ctx: FlowContext, state: ComplaintState, field: RequiredField, notes: string[], problem?: Problem): FlowTurn {
    const t = ctx.t;
    const count = state.askCounts[field] ?? 0;
    const essential = essentialFields.includes(field);
    if (count >= maxAsks && !essential) {
      return this.nextQuestion(ctx, { ...state, skipped: [...new Set([...state.skipped, field])] }, [...notes, t.t('complaint.skipped')]);
    }
    // The story cannot be skipped, nor asked for a third time: the draft waits for it, and a person is offered.
    if (count >= maxAsks) return this.turn(ctx, { ...state, step: 'collect', asked: null }, [...notes, t.t(`complaint.ask.waiting.${field}`)]);
    const askCounts = { ...state.askCounts, [field]: count + 1 };
    const again = count >= 1;
    let question: string;
    if (problem && problem.kind !== 'unrecognized') question = t.t(`complaint.problem.${problem.field}.${problem.kind}`, { today: formatVietnameseDate(vietnamDate(ctx.now)) });
    else if (again && (importantFields.includes(field) || essential)) question = t.t(`complaint.ask.again.${field}`);
    else if (again) question = t.t(`complaint.problem.${field}.unrecognized`, { today: formatVietnameseDate(vietnamDate(ctx.now)) });
    else if (field === 'businessName' && state.draft.platform) question = t.t('complaint.ask.businessNameOnPlatform', { platform: state.draft.platform });
    else question = t.t(`complaint.ask.${field}`);
    const options = [...(this.optionsFor(t, field) ?? []), ...(!essential ? [{ id: skipOption, label: t.t('complaint.option.skip') }] : [])];
    return this.turn(ctx, { ...state, step: 'collect', asked: field, askCounts }, [...notes, question], options);
  }

  private optionsFor(t: Translator, field: RequiredField): ReplyOption[] | undefined {
    if (field === 'purchaseChannel') return purchaseChannels.map((c) => ({ id: `complaint.channel.${c}`, label: t.t(`complaint.channel.${c}`) }));
    if (field === 'desiredResolution') return resolutions.map((r) => ({ id: `complaint.want.${r}`, label: t.t(`complaint.resolution.${r}`) }));
    return undefined;
  }

  // ---- summary, consent, filing -------------------------------------------------------------

  private async onConfirm(ctx: FlowContext, message: InboundMessage, state: ComplaintState, notes: string[]): Promise<FlowTurn> {
    const t = ctx.t;
    const f = foldPhrase(ctx.text);
    if (message.choice === 'complaint.edit') return this.turn(ctx, state, [...notes, t.t('complaint.confirm.edit')]);
    if (message.choice === 'complaint.confirm' || (!message.choice && isConfirmation(f))) {
      const consent = consentFrom(f);
      if (consent && !/^(ok|oke|okay|dung|dung roi|chinh xac|xac nhan)[ .!]*$/.test(f)) return this.file(ctx, state, consent, notes);
      return this.turn(ctx, { ...state, step: 'consent' }, [...notes, t.t('complaint.consent.ask')], this.consentOptions(t));
    }
    const corrected = this.corrected(ctx, message, state.draft);
    if (corrected !== state.draft) return this.showSummaryAgain(ctx, state, corrected, notes);
    if (isDenial(f)) return this.turn(ctx, state, [...notes, t.t('complaint.confirm.edit')]);
    return this.turn(ctx, state, [...notes, t.t('complaint.confirm.again')], this.confirmOptions(t));
  }

  private async onConsent(ctx: FlowContext, message: InboundMessage, state: ComplaintState, notes: string[]): Promise<FlowTurn> {
    const t = ctx.t;
    const picked = message.choice?.startsWith('complaint.consent.') ? message.choice.slice('complaint.consent.'.length) : null;
    const consent = picked && picked in consentChoices ? consentChoices[picked as keyof typeof consentChoices] : consentFrom(foldPhrase(ctx.text));
    if (consent) return this.file(ctx, state, consent, notes);
    // A late correction: apply it and show the summary again before asking for consent.
    const corrected = this.corrected(ctx, message, state.draft);
    if (corrected !== state.draft) return this.showSummaryAgain(ctx, state, corrected, notes);
    return this.turn(ctx, state, [...notes, t.t('complaint.consent.again')], this.consentOptions(t));
  }

  /**
   * A correction at the summary, in the summary's own terms ("bên bán là X", "bỏ yêu cầu sửa
   * chữa") or as facts ("1tr5 chứ"), and evidence sent now. Never adds to the story: the story is
   * kept once, in the consumer's words. Returns the same draft object when nothing changed.
   */
  private corrected(ctx: FlowContext, message: InboundMessage, draft: Draft): Draft {
    let next = withEvidence(draft, message, ctx.now);
    const today = vietnamDate(ctx.now);
    const correction = ctx.text.trim() === '' ? null : summaryCorrection(ctx.text);
    let values: FactValues = {};
    if (correction?.kind === 'remove') next = withoutResolutions(next, correction.resolutions);
    else if (correction?.kind === 'set') {
      if (correction.field === 'businessAddress') values = { businessAddress: correction.value };
      else {
        const asked = correction.field;
        const read = this.deps.extractor.extract(correction.value, { today, asked }).values;
        values = { ...read };
        if (asked === 'product' || asked === 'businessName' || asked === 'consumerName') values = { ...read, [asked]: read[asked] ?? correction.value };
        if (asked === 'desiredResolution' && read.desiredResolution) next = { ...next, desiredResolution: [] };
      }
    } else if (ctx.text.trim() !== '') values = this.deps.extractor.extract(ctx.text, { today, asked: null }).values;
    next = applyValues(next, values, true);
    return JSON.stringify(next) === JSON.stringify(draft) ? draft : next;
  }

  private showSummaryAgain(ctx: FlowContext, state: ComplaintState, draft: Draft, notes: string[]): FlowTurn {
    const t = ctx.t;
    const facts = describeFacts(t, changedValues(state.draft, draft));
    const added = draft.evidence.length - state.draft.evidence.length;
    const lines = [...notes, ...(added > 0 ? [t.t('complaint.evidenceNoted', { count: added })] : []), ...(facts ? [t.t('complaint.updated', { facts })] : [])];
    return this.nextQuestion(ctx, { ...state, draft, step: 'collect', asked: null }, lines);
  }

  private async file(ctx: FlowContext, state: ComplaintState, consent: Consent, notes: string[]): Promise<FlowTurn> {
    const stored = await fileComplaint(this.deps, { draft: state.draft, consent, channel: ctx.conversation.channel, conversationId: ctx.conversation.id, now: ctx.now });
    const replies = await filedReplies(this.deps, ctx.t, stored, consent, ctx.now);
    const filed: ComplaintState = { ...freshState(), step: 'filed', filedRef: stored.record.reference, lastActivity: ctx.now.toISOString() };
    return { replies: [...(notes.length ? [{ text: notes.join('\n') }] : []), ...replies], state: 'complaint.filed', stateData: filed };
  }

  /**
   * The turn after filing: "là doanh nghiệp thật" turns a scam report into a negotiation with its
   * letter; "ok", "cảm ơn" get a short answer; anything else is not about this complaint any more.
   */
  private async afterFiling(ctx: FlowContext, message: InboundMessage, state: ComplaintState): Promise<FlowTurn> {
    const t = ctx.t;
    const reference = state.filedRef ?? '';
    if (message.choice === realBusinessOption && reference) {
      const stored = await this.deps.repository.treatAsNegotiation(reference, { actor: 'consumer', now: ctx.now, addBasis: this.deps.taxonomy.procedural });
      const r = stored.record;
      const text = t.t('complaint.realBusiness', {
        business: r.business.name ?? t.t('complaint.letter.unnamedBusiness'),
        acknowledgeBy: formatVietnameseDate(r.deadlines.acknowledgeBy),
        negotiateBy: formatVietnameseDate(r.deadlines.negotiateBy),
      });
      return { replies: [{ text }, await letterReply(this.deps, t, stored, ctx.now)], state: 'idle', stateData: {} };
    }
    if (!message.choice && isThanksOrOk(foldPhrase(ctx.text))) return { replies: [{ text: t.t('complaint.afterFiling', { reference }) }], state: 'idle', stateData: {} };
    return { replies: [], state: 'idle', stateData: {}, release: true };
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Ends a status/withdraw detour: back to the draft being written, or idle. */
  private endDetour(ctx: FlowContext, state: ComplaintState | null, lines: string[], extra: Reply[] = []): FlowTurn {
    const replies = [...(lines.length ? [{ text: lines.join('\n') }] : []), ...extra];
    if (state && state.resumeStep && hasContent(state.draft)) {
      if (state.resumeStep === 'consent') {
        const back = this.turn(ctx, { ...state, step: 'consent', resumeStep: null, withdrawRef: null }, [ctx.t.t('complaint.consent.ask')], this.consentOptions(ctx.t));
        return { ...back, replies: [...replies, ...back.replies] };
      }
      const back = this.nextQuestion(ctx, { ...resumed(state), step: state.resumeStep, resumeStep: null, withdrawRef: null }, []);
      return { ...back, replies: [...replies, ...back.replies] };
    }
    return { replies, state: 'idle', stateData: {} };
  }

  private readState(ctx: FlowContext): ComplaintState | null {
    if (!ctx.conversation.state.startsWith('complaint.')) return null;
    const parsed = complaintStateSchema.safeParse(ctx.conversation.stateData);
    // Data from an older version of the flow: start the draft afresh rather than fail the chat.
    return parsed.success ? parsed.data : null;
  }

  private turn(ctx: FlowContext, state: ComplaintState, lines: string[], options?: ReplyOption[]): FlowTurn {
    const text = lines.join('\n');
    const reply: Reply = options && options.length > 0 ? { text, options } : { text };
    return { replies: [reply], state: `complaint.${state.step}`, stateData: { ...state, lastActivity: ctx.now.toISOString() } };
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

/**
 * Coming back to a draft repeats the pending question; that is not a failed answer, so it does not
 * count towards the two tries.
 */
function resumed(state: ComplaintState): ComplaintState {
  const field = state.asked;
  if (!field || !state.askCounts[field]) return state;
  return { ...state, askCounts: { ...state.askCounts, [field]: state.askCounts[field]! - 1 } };
}
