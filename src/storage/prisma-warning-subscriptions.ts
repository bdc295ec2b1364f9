import type { ChannelName } from '../dialogue/messages.ts';
import type { Locale } from '../i18n/translator.ts';
import { provincesSchema, topicsSchema, type Subscription, type SubscriptionChange, type SubscriptionStore } from '../warnings/subscription.ts';
import type { Db } from './database.ts';

type Row = NonNullable<Awaited<ReturnType<Db['warningSubscription']['findUnique']>>>;

export class PrismaSubscriptionStore implements SubscriptionStore {
  constructor(private readonly db: Db) {}

  async find(channel: ChannelName, externalId: string): Promise<Subscription | null> {
    const row = await this.db.warningSubscription.findUnique({ where: { channel_externalId: { channel, externalId } } });
    return row ? toSubscription(row) : null;
  }

  async subscribe(channel: ChannelName, externalId: string, settings: SubscriptionChange, consentText: string, now: Date): Promise<Subscription> {
    // Subscribing again after stopping records the new consent (words and time) over the old one.
    const data = { ...serialise(settings), active: true, consentText, consentAt: now, withdrawnAt: null, updatedAt: now };
    const row = await this.db.warningSubscription.upsert({ where: { channel_externalId: { channel, externalId } }, create: { channel, externalId, ...data, createdAt: now }, update: data });
    return toSubscription(row);
  }

  async update(id: string, settings: SubscriptionChange, now: Date): Promise<Subscription> {
    return toSubscription(await this.db.warningSubscription.update({ where: { id }, data: { ...serialise(settings), updatedAt: now } }));
  }

  async unsubscribe(id: string, now: Date): Promise<void> {
    await this.db.warningSubscription.update({ where: { id }, data: { active: false, withdrawnAt: now, updatedAt: now } });
  }

  async deleteFor(channel: ChannelName, externalId: string): Promise<number> {
    return (await this.db.warningSubscription.deleteMany({ where: { channel, externalId } })).count;
  }

  async countActive(): Promise<Record<string, number>> {
    const groups = await this.db.warningSubscription.groupBy({ by: ['channel'], where: { active: true }, _count: { _all: true } });
    return Object.fromEntries(groups.map((g) => [g.channel, g._count._all]));
  }
}

function serialise(settings: SubscriptionChange) {
  return { topics: JSON.stringify(settings.topics), provinces: JSON.stringify(settings.provinces), locale: settings.locale };
}

export function toSubscription(row: Row): Subscription {
  return {
    id: row.id,
    channel: row.channel as ChannelName,
    externalId: row.externalId,
    topics: topicsSchema.parse(JSON.parse(row.topics)),
    provinces: provincesSchema.parse(JSON.parse(row.provinces)),
    locale: (row.locale === 'en' ? 'en' : 'vi') as Locale,
    active: row.active,
    consentText: row.consentText,
    consentAt: row.consentAt,
    withdrawnAt: row.withdrawnAt,
  };
}
