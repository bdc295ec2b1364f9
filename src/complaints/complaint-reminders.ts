import { formatVietnameseDate } from '../answer/law-applicability.ts';
import { channelNames, type ChannelName } from '../dialogue/messages.ts';
import type { Outbox } from '../dialogue/outbox.ts';
import { isLocale, type Locale, type Translator } from '../i18n/translator.ts';
import { ComplaintStorageError } from './complaint-errors.ts';
import type { ComplaintStatus } from './complaint-lifecycle.ts';
import type { ComplaintRepository, StoredComplaint } from './complaint-repository.ts';
import { vietnamDate } from './local-date.ts';

/** Where a conversation is reached (src/storage/prisma-complaint-tables.ts); null once it was erased. */
export interface ConversationAddresses {
  address(conversationId: string): Promise<{ channel: string; externalId: string; locale: string } | null>;
}

export interface ReminderDeps {
  readonly repository: ComplaintRepository;
  readonly conversations: ConversationAddresses;
  readonly outbox: Outbox;
  readonly translators: (locale: Locale) => Translator;
  /** National consumer hotline, shown with the next steps. */
  readonly hotline: string;
  readonly now: Date;
}

export interface ReminderRun {
  readonly acknowledge: number;
  readonly negotiate: number;
}

/** While the business has not engaged, its deadlines matter. */
const awaitingStatuses: readonly ComplaintStatus[] = ['received', 'acknowledged', 'sent_to_business'];
/** The acknowledgement deadline only matters until the business has acknowledged. */
const unacknowledged: readonly ComplaintStatus[] = ['received', 'sent_to_business'];

/**
 * The reminder job (run periodically by the app): when a complaint's acknowledgement deadline
 * (Điều 31.2) or negotiation deadline (Điều 57.2) has passed while the business has not engaged,
 * the consumer gets one message per deadline through the outbox, with the next steps of Điều
 * 54-57. Complaint.remindedAt remembers what was sent: set once for the first deadline, again
 * (later than the negotiation deadline) for the second. Safe to run concurrently with itself only
 * at the cost of a duplicate message; the app runs one timer.
 */
export async function runComplaintReminders(deps: ReminderDeps): Promise<ReminderRun> {
  const { repository } = deps;
  const today = vietnamDate(deps.now);
  const due = await repository.awaitingReminder(today, awaitingStatuses);
  let acknowledge = 0;
  let negotiate = 0;
  for (const complaint of due) {
    const kind = reminderDue(complaint, today);
    if (!kind) continue;
    const conversation = await findConversation(deps.conversations, complaint.conversationId);
    if (conversation) {
      const t = deps.translators(conversation.locale);
      const r = complaint.record;
      const text = t.t(`complaint.reminder.${kind}`, {
        reference: r.reference,
        product: r.product ?? t.t('complaint.letter.unnamedProduct'),
        business: r.business.name ?? t.t('complaint.letter.unnamedBusiness'),
        acknowledgeBy: formatVietnameseDate(r.deadlines.acknowledgeBy),
        negotiateBy: formatVietnameseDate(r.deadlines.negotiateBy),
        agency: r.suggestedAgency,
        hotline: deps.hotline,
      });
      await deps.outbox.enqueue(conversation.channel, conversation.externalId, { text, locale: conversation.locale }, deps.now);
      if (kind === 'acknowledge') acknowledge++;
      else negotiate++;
    }
    // Marked even without a conversation to write to (erased by the consumer), so it is not retried forever.
    await repository.markReminded(complaint.id, deps.now);
  }
  return { acknowledge, negotiate };
}

/** Which reminder, if any, is owed today. */
export function reminderDue(complaint: StoredComplaint, today: string): 'acknowledge' | 'negotiate' | null {
  const { status, deadlines, handling } = complaint.record;
  // A scam has no business to wait for: the consumer was sent to the police and the bank instead.
  if (handling === 'fraud_report') return null;
  const reminded = complaint.remindedAt ? vietnamDate(complaint.remindedAt) : null;
  if (deadlines.negotiateBy < today) return reminded === null || reminded <= deadlines.negotiateBy ? 'negotiate' : null;
  if (deadlines.acknowledgeBy < today && unacknowledged.includes(status) && reminded === null) return 'acknowledge';
  return null;
}

async function findConversation(conversations: ConversationAddresses, id: string | null): Promise<{ channel: ChannelName; externalId: string; locale: Locale } | null> {
  if (!id) return null;
  try {
    const row = await conversations.address(id);
    if (!row || !(channelNames as readonly string[]).includes(row.channel)) return null;
    return { channel: row.channel as ChannelName, externalId: row.externalId, locale: isLocale(row.locale) ? row.locale : 'vi' };
  } catch (error) {
    throw new ComplaintStorageError(`Cannot read conversation ${id} for a reminder`, { cause: error });
  }
}
