import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './knowledge.ts';

export interface BotProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

/**
 * Runs the real bot (`npm start`'s entry point, bot/main.ts) as a child process, so a test can kill
 * it with SIGKILL like a crash would. Resolves once it printed `readyLine`.
 */
export async function startBotProcess(env: Record<string, string>, readyLine = /Channels: /, timeoutMs = 60_000): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('bot', 'main.ts')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'Asia/Ho_Chi_Minh', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const echo = process.env.BVNTD_ECHO_BOT === '1';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  if (echo) child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      if (!readyLine.test(output)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { child, output: () => output, exited };
}
