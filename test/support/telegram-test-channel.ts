import { TelegramChannel, type TelegramChannelOptions } from '../../bot/telegram/telegram-channel.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import type { FakeTelegramServer } from './fake-telegram-server.ts';

/** A long-polling Telegram channel on a fake server, quick to poll and dispatch, real clock, quiet log. */
export function telegramTestChannel(server: FakeTelegramServer, options: Pick<TelegramChannelOptions, 'handle' | 'journal' | 'outbox' | 'leases' | 'instanceId'> & Partial<TelegramChannelOptions>): TelegramChannel {
  return new TelegramChannel({
    token: server.token,
    apiRoot: server.url,
    translators: createTranslators(),
    clock: systemClock,
    logger: silentLogger,
    hotline: '1800.6838',
    typingDelayMs: 0,
    pollingTimeoutSeconds: 1,
    outboxIntervalMs: 50,
    ...options,
  });
}
