import pino from 'pino';
import type { Config } from '../src/config/config.ts';
import { secretsOf } from '../src/config/config.ts';
import type { Logger } from '../src/shared/logger.ts';

/**
 * pino, with every configured secret (bot tokens, webhook secrets, API keys) masked wherever it
 * appears in a log line: tokens are part of Telegram and Zalo URLs and show up in error messages.
 */
export function createLogger(config: Config, destination?: pino.DestinationStream): Logger {
  const secrets = secretsOf(config);
  const redact = (text: string) => secrets.reduce((acc, s) => acc.split(s).join('***'), text);
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: undefined,
    hooks: {
      streamWrite: (line) => (secrets.length === 0 ? line : redact(line)),
    },
  };
  return destination ? pino(options, destination) : pino(options, pino.destination(2));
}
