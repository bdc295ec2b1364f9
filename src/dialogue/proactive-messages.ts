import type { Locale } from '../i18n/translator.ts';
import type { Reply } from './messages.ts';

/**
 * Writing to a user who did not just write to the bot (a complaint's status changed): the message
 * is kept in the conversation's transcript and queued in the outbox for its channel, in one step.
 */
export interface ProactiveMessages {
  /** The conversation's language, or null when it no longer exists (erased, or never had a chat). */
  localeOf(conversationId: string): Promise<Locale | null>;
  /** False when the conversation no longer exists: nothing was queued. */
  send(conversationId: string, reply: Reply, now: Date): Promise<boolean>;
}
