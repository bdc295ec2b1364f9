import { z } from 'zod';
import type { DialogueFlow, FlowContext, FlowTurn } from '../dialogue/flow.ts';
import type { InboundMessage } from '../dialogue/messages.ts';
import { parseCommand } from '../dialogue/text-signals.ts';
import { fold } from '../text/vietnamese-unicode.ts';
import type { PersonalDataStore } from './personal-data.ts';

export const privacyChoices = { confirm: 'privacy.confirm', keep: 'privacy.keep' } as const;

/** A confirmation older than this is not acted on: the user may have forgotten what "có" answers. */
export const confirmationTtlMs = 15 * 60_000;

const confirmState = z.object({ askedAt: z.number() }).catch({ askedAt: 0 });
const yes = /^(co|dong y|xac nhan|xoa|xoa di|ok|yes|confirm)[\s!.]*$/;

/**
 * /quyenriengtu explains what the assistant stores and why; /xoadulieu erases the user's personal data
 * after an explicit confirmation. Erasure is irreversible, so anything but a clear "yes" keeps the data.
 */
export class PrivacyFlow implements DialogueFlow {
  readonly name = 'privacy';
  readonly commands = ['quyenriengtu', 'xoadulieu', 'privacy', 'erase'];

  constructor(
    private readonly store: PersonalDataStore,
    /**
     * How long raw platform updates (JOURNAL_RETENTION_DAYS) and uploads no complaint refers to
     * (UPLOAD_RETENTION_DAYS) are kept: the notice states both.
     */
    private readonly options: { readonly journalRetentionDays: number; readonly uploadRetentionDays: number },
  ) {}

  async start(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    const command = parseCommand(message.text)?.command;
    if (command === 'quyenriengtu' || command === 'privacy') return { replies: [{ text: ctx.t.t('privacy.notice', { journalDays: this.options.journalRetentionDays, uploadDays: this.options.uploadRetentionDays }) }], state: 'idle' };
    const summary = await this.store.summary(ctx.conversation.id);
    return {
      replies: [
        {
          text: ctx.t.t('privacy.confirm', { ...summary }),
          options: [
            { id: privacyChoices.confirm, label: ctx.t.t('privacy.confirmButton') },
            { id: privacyChoices.keep, label: ctx.t.t('privacy.keepButton') },
          ],
        },
      ],
      state: 'privacy.confirm',
      stateData: { askedAt: ctx.now.getTime() },
    };
  }

  async handle(ctx: FlowContext, message: InboundMessage): Promise<FlowTurn> {
    const { askedAt } = confirmState.parse(ctx.conversation.stateData);
    const confirmed = message.choice === privacyChoices.confirm || (!message.choice && yes.test(fold(ctx.text)));
    if (!confirmed) return { replies: [{ text: ctx.t.t('privacy.kept') }], state: 'idle' };
    if (ctx.now.getTime() - askedAt > confirmationTtlMs) return { replies: [{ text: ctx.t.t('privacy.expired') }], state: 'idle' };
    const report = await this.store.erase(ctx.conversation.id, ctx.now);
    const erased = ctx.t.t('privacy.erased', { messages: report.messages, complaints: report.complaints });
    const text = report.withdrawn > 0 ? `${erased}\n${ctx.t.t('privacy.erasedWithdrawn', { withdrawn: report.withdrawn })}` : erased;
    // forgetUser: the user name this very message carries is not written back after the erasure.
    return { replies: [{ text }], state: 'idle', forgetUser: true };
  }
}
