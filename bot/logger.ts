import pino from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { Config } from '../src/config/config.ts';
import { secretsOf } from '../src/config/config.ts';
import type { Logger } from '../src/shared/logger.ts';

/** `pretty`: one readable, coloured line per entry, for a person at a terminal; `json`: pino's lines, for collectors. */
export type LogFormat = 'pretty' | 'json';

/**
 * Pretty when the logs go to a terminal (stderr is a TTY) and NODE_ENV is not `production`; JSON
 * otherwise (a file, a pipe, systemd, a container's log driver).
 */
export function defaultLogFormat(stream: { isTTY?: boolean } = process.stderr, nodeEnv: string | undefined = process.env.NODE_ENV): LogFormat {
  return stream.isTTY === true && nodeEnv !== 'production' ? 'pretty' : 'json';
}

/**
 * pino, with every configured secret (bot tokens, webhook secrets, API keys) masked wherever it
 * appears in a log line: tokens are part of Telegram and Zalo URLs and show up in error messages.
 * Logs go to stderr (stdout belongs to script mode's JSON) unless a destination is given.
 */
export function createLogger(config: Config, destination?: pino.DestinationStream, format: LogFormat = destination ? 'json' : defaultLogFormat()): Logger {
  const secrets = secretsOf(config);
  const redact = (text: string) => secrets.reduce((acc, s) => acc.split(s).join('***'), text);
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: undefined,
    hooks: {
      streamWrite: (line) => (secrets.length === 0 ? line : redact(line)),
    },
  };
  const target = destination ?? pino.destination(2);
  return pino(options, format === 'pretty' ? prettyStream(target) : target);
}

/** Formats each (already masked) JSON line synchronously, so nothing is lost when the process exits right after. */
function prettyStream(target: pino.DestinationStream): pino.DestinationStream {
  const format = prettyFactory({ translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  return { write: (line: string) => void target.write(format(line)) };
}
