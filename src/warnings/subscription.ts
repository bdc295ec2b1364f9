import { z } from 'zod';
import type { ChannelName } from '../dialogue/messages.ts';
import type { Locale } from '../i18n/translator.ts';
import { warningKinds, type Warning, type WarningKind } from './warning.ts';

/** A chat that asked to hear warnings; consent is the exact wording it agreed to, and when. */
export interface Subscription {
  readonly id: string;
  readonly channel: ChannelName;
  readonly externalId: string;
  readonly topics: readonly WarningKind[];
  /** Today's province names; empty = every province. */
  readonly provinces: readonly string[];
  readonly locale: Locale;
  readonly active: boolean;
  readonly consentText: string;
  readonly consentAt: Date;
  readonly withdrawnAt: Date | null;
}

export const topicsSchema = z.array(z.enum(warningKinds)).catch([]);
export const provincesSchema = z.array(z.string()).catch([]);

export type SubscriptionChange = Pick<Subscription, 'topics' | 'provinces' | 'locale'>;

export interface SubscriptionStore {
  find(channel: ChannelName, externalId: string): Promise<Subscription | null>;
  /** Records consent (the words shown, the time) and starts the subscription with `settings`. */
  subscribe(channel: ChannelName, externalId: string, settings: SubscriptionChange, consentText: string, now: Date): Promise<Subscription>;
  update(id: string, settings: SubscriptionChange, now: Date): Promise<Subscription>;
  /** Stops sending; the consent record stays with the time it was withdrawn. */
  unsubscribe(id: string, now: Date): Promise<void>;
  /** Erasure (/xoadulieu): removes the chat's subscription entirely. Returns how many rows went. */
  deleteFor(channel: ChannelName, externalId: string): Promise<number>;
  /** Figures for the console: active subscriptions per channel. */
  countActive(): Promise<Record<string, number>>;
}

/**
 * A subscriber hears a warning when it follows the warning's kind and their places meet: a
 * nationwide warning reaches everyone, a subscriber without provinces hears every province.
 */
export function wants(subscription: Pick<Subscription, 'active' | 'topics' | 'provinces'>, warning: Pick<Warning, 'content'>): boolean {
  if (!subscription.active || !subscription.topics.includes(warning.content.kind)) return false;
  const places = warning.content.provinces;
  return places.length === 0 || subscription.provinces.length === 0 || subscription.provinces.some((p) => places.includes(p));
}
