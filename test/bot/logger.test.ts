import { describe, expect, it } from 'vitest';
import { createLogger, defaultLogFormat } from '../../bot/logger.ts';
import { loadConfig } from '../../src/config/config.ts';

const token = '123456:AAF-secret-telegram-token';

function capture(format: 'pretty' | 'json') {
  const lines: string[] = [];
  const logger = createLogger(loadConfig({ LOG_LEVEL: 'info', TELEGRAM_BOT_TOKEN: token }), { write: (line: string) => void lines.push(line) }, format);
  return { lines, logger };
}

describe('the logger', () => {
  it('is readable in a terminal and JSON everywhere else', () => {
    expect(defaultLogFormat({ isTTY: true }, undefined)).toBe('pretty');
    expect(defaultLogFormat({ isTTY: true }, 'development')).toBe('pretty');
    expect(defaultLogFormat({ isTTY: true }, 'production')).toBe('json');
    expect(defaultLogFormat({ isTTY: false }, undefined)).toBe('json');
    expect(defaultLogFormat({}, undefined)).toBe('json');
  });

  it('writes one JSON object per line, secrets masked', () => {
    const { lines, logger } = capture('json');
    logger.info({ url: `https://api.telegram.org/bot${token}/getMe` }, 'polling');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'polling', url: 'https://api.telegram.org/bot***/getMe' });
  });

  it('writes pretty lines with the level, message and fields, secrets masked', () => {
    const { lines, logger } = capture('pretty');
    logger.warn({ url: `https://api.telegram.org/bot${token}/getMe` }, 'polling failed');
    const text = lines.join('').replace(/\x1b\[[0-9;]*m/g, '');
    expect(text).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] WARN: polling failed\n/);
    expect(text).toContain('url: "https://api.telegram.org/bot***/getMe"');
    expect(text).not.toContain(token);
  });
});
