import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './knowledge.ts';

const run = promisify(execFile);

export interface ScriptRun {
  readonly replies: string[];
  readonly records: Array<{ type: string; data: unknown }>;
  readonly stdoutLines: string[];
}

/**
 * Runs the real script mode (`npm run --silent chat -- --script FILE --json`) as a child process,
 * the way golden-conversation checks do, and parses its JSON lines.
 */
export async function runChatScript(lines: readonly string[], options: { now?: string; env?: Record<string, string>; args?: readonly string[] } = {}): Promise<ScriptRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-script-'));
  const file = path.join(dir, 'script.txt');
  await writeFile(file, `${lines.join('\n')}\n`);
  const args = ['--import', 'tsx', path.join(projectRoot, 'bot/cli/chat.ts'), '--script', file, '--json', ...(options.now ? ['--now', options.now] : []), ...(options.args ?? [])];
  const { stdout } = await run(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', ...options.env },
    maxBuffer: 16 * 1024 * 1024,
  });
  const stdoutLines = stdout.split('\n').filter((l) => l !== '');
  const parsed = stdoutLines.map((l) => JSON.parse(l) as { reply?: string; records?: ScriptRun['records'] });
  return {
    replies: parsed.filter((p) => p.reply !== undefined).map((p) => p.reply!),
    records: parsed.at(-1)?.records ?? [],
    stdoutLines,
  };
}
