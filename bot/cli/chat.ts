import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline/promises';
import { ConfigError, loadConfig, type Config } from '../../src/config/config.ts';
import type { Reply } from '../../src/dialogue/messages.ts';
import { fixedClock, systemClock } from '../../src/shared/clock.ts';
import { createApp, type App } from '../app.ts';
import { createLogger } from '../logger.ts';
import { parseChatArgs, UsageError, type ChatOptions } from './chat-options.ts';
import { formatReply, runScript, scriptLines } from './script-mode.ts';

/**
 * `npm run chat`: the same dialogue engine in a terminal. Options are shown numbered; type the
 * number or the words. Script mode replays a file of user messages and prints JSON, for golden
 * conversation tests and for reproducing a user's report.
 */
async function main(argv: readonly string[]): Promise<number> {
  let options: ChatOptions;
  try {
    options = parseChatArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return error.message.startsWith('Usage') ? 0 : 2;
    }
    throw error;
  }
  const scripted = options.script !== undefined;
  let tempDir: string | null = null;
  const env = { ...process.env };
  if (options.database) env.DATABASE_URL = options.database;
  else if (scripted) {
    // Each script run starts from an empty database so its records are exactly what it created.
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-chat-'));
    env.DATABASE_URL = `file:${path.join(tempDir, 'chat.db')}`;
  }
  if (scripted && !env.LOG_LEVEL) env.LOG_LEVEL = 'warn';
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const logger = createLogger(config);
  const clock = options.now ? fixedClock(new Date(options.now)) : systemClock;
  const app = await createApp({
    config,
    logger,
    clock,
    onIndexProgress: (p) => process.stderr.write(`\rĐang xây dựng chỉ mục tìm kiếm: ${p.done}/${p.total}${p.done === p.total ? '\n' : ''}`),
  });
  try {
    if (options.script !== undefined) {
      const lines = scriptLines(await readFile(options.script, 'utf8'));
      await runScript(app, lines, { session: options.session, json: options.json, write: (chunk) => process.stdout.write(chunk) });
    } else await runInteractive(app, options);
    return 0;
  } finally {
    await app.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}

async function runInteractive(app: App, options: ChatOptions): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  process.stdout.write('Trợ lý bảo vệ quyền lợi người tiêu dùng — gõ câu hỏi, Ctrl+D để thoát.\n');
  const first = await app.engine.handle({ channel: 'cli', externalId: options.session, text: '/start' });
  for (const reply of first.replies) print(options, reply);
  // A pending question never settles when input ends (Ctrl+D, end of a pipe): race it with 'close'.
  const closed = new Promise<null>((resolve) => rl.once('close', () => resolve(null)));
  for (;;) {
    const text = await Promise.race([rl.question('\n> '), closed]);
    if (text === null) break;
    const result = await app.engine.handle({ channel: 'cli', externalId: options.session, text });
    for (const reply of result.replies) print(options, reply);
  }
  rl.close();
}

function print(options: ChatOptions, reply: Reply): void {
  process.stdout.write(formatReply(reply, options.json));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(1);
  },
);
