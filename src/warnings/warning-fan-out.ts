import type { Locale, Translator } from '../i18n/translator.ts';
import type { Logger } from '../shared/logger.ts';
import type { DeliveryLedger, QueuedDelivery } from './delivery-ledger.ts';
import { wants } from './subscription.ts';
import type { Warning } from './warning.ts';
import type { WarningRepository } from './warning-repository.ts';
import { broadcastText, deliveryLocale } from './warning-text.ts';

export interface FanOutDeps {
  readonly warnings: WarningRepository;
  readonly ledger: DeliveryLedger;
  readonly translators: (locale: Locale) => Translator;
  readonly logger: Logger;
  /** Subscriptions read (and outbox items written) per transaction. */
  readonly batchSize?: number;
}

/**
 * Queues a published warning for every matching subscriber, in batches, through the outbox. It can
 * stop anywhere (a crash, a deploy) and be run again, on any instance, any number of times: the
 * ledger skips who is queued already, so each subscriber gets one copy. The channels' outbox
 * dispatchers do the sending, within each platform's rate limit.
 */
export class WarningFanOut {
  private readonly batchSize: number;

  constructor(private readonly deps: FanOutDeps) {
    this.batchSize = deps.batchSize ?? 500;
  }

  /** Fans out one warning; returns how many copies this call queued. */
  async run(warning: Warning, now: () => Date): Promise<number> {
    if (warning.status !== 'published') return 0;
    const { ledger } = this.deps;
    const texts = new Map<'vi' | 'en', string>();
    const textIn = (locale: 'vi' | 'en') => texts.get(locale) ?? texts.set(locale, broadcastText(warning, this.deps.translators(locale))).get(locale)!;
    let queued = 0;
    let after: string | null = null;
    for (;;) {
      const { page, next } = await ledger.subscribers(after, this.batchSize);
      if (next === null) break;
      after = next;
      const batch: QueuedDelivery[] = page
        .filter((s) => wants(s, warning))
        .map((s) => {
          const locale = deliveryLocale(warning.content, s.locale);
          return { subscriptionId: s.id, channel: s.channel, externalId: s.externalId, locale, reply: { text: textIn(locale), locale, broadcast: true } };
        });
      if (batch.length > 0) queued += await ledger.queue(warning.id, batch, now());
    }
    const audience = await ledger.finish(warning.id, now());
    this.deps.logger.info({ warningId: warning.id, queued, audience }, 'warning fanned out');
    return queued;
  }

  /** Every published warning whose fan-out did not finish (the job's round after a restart). */
  async resume(now: () => Date): Promise<number> {
    let queued = 0;
    for (const warning of await this.deps.warnings.awaitingFanOut()) queued += await this.run(warning, now);
    return queued;
  }
}
