import { describe, expect, it } from 'vitest';
import type { Subscription, SubscriptionStore } from '../../src/warnings/subscription.ts';
import { endSubscriptionOfUnreachable } from '../../src/warnings/unreachable-chat.ts';

const now = new Date('2026-12-02T03:00:00Z');

function storeWith(subscription: Subscription | null) {
  const stopped: string[] = [];
  const unused = () => Promise.reject(new Error('not used here'));
  const store: SubscriptionStore = {
    find: async (channel, externalId) => (subscription && subscription.channel === channel && subscription.externalId === externalId ? subscription : null),
    unsubscribe: async (id) => void stopped.push(id),
    subscribe: unused,
    update: unused,
    deleteFor: unused,
    countActive: unused,
  };
  return { store, stopped };
}

const active: Subscription = { id: 's1', channel: 'telegram', externalId: '42', topics: ['recall'], provinces: [], locale: 'vi', active: true, consentText: 'Đồng ý', consentAt: now, withdrawnAt: null };

describe('a chat that blocked the bot', () => {
  it('ends its active warnings subscription, and changes nothing for one already stopped or never made', async () => {
    const on = storeWith(active);
    expect(await endSubscriptionOfUnreachable(on.store, { channel: 'telegram', externalId: '42' }, now)).toBe(true);
    expect(on.stopped).toEqual(['s1']);
    const off = storeWith({ ...active, active: false, withdrawnAt: now });
    expect(await endSubscriptionOfUnreachable(off.store, { channel: 'telegram', externalId: '42' }, now)).toBe(false);
    const none = storeWith(null);
    expect(await endSubscriptionOfUnreachable(none.store, { channel: 'zalo', externalId: '42' }, now)).toBe(false);
    expect([...off.stopped, ...none.stopped]).toEqual([]);
  });
});
