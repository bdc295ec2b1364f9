import type { ChannelName } from '../dialogue/messages.ts';
import type { SubscriptionStore } from './subscription.ts';

/**
 * A chat the platform refuses for good (the user blocked the bot) hears no more warnings: its
 * subscription ends as if the user had stopped it, the consent record kept with the time. Without
 * this, every warning would be queued for it again and retried a dozen times.
 */
export async function endSubscriptionOfUnreachable(subscriptions: SubscriptionStore, chat: { readonly channel: ChannelName; readonly externalId: string }, now: Date): Promise<boolean> {
  const subscription = await subscriptions.find(chat.channel, chat.externalId);
  if (!subscription?.active) return false;
  await subscriptions.unsubscribe(subscription.id, now);
  return true;
}
