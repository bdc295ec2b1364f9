import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runScript } from '../../bot/cli/script-mode.ts';
import { SettableClock } from '../../src/shared/clock.ts';
import { projectRoot } from './knowledge.ts';
import { createTestApp, type TestApp } from './test-app.ts';

const run = promisify(execFile);

export interface ScriptRun {
  readonly replies: string[];
  readonly records: Array<{ type: string; data: unknown }>;
  readonly stdoutLines: string[];
}

/**
 * Runs the real script mode (`npm run --silent chat -- --script FILE --json`) as a child process and
 * parses its JSON lines. Slow (a whole process per run): only the command's own smoke test uses it;
 * golden conversations replay in-process with `ScriptPlayer`.
 */
export async function runChatScript(lines: readonly string[], options: { now?: string; env?: Record<string, string>; args?: readonly string[] } = {}): Promise<ScriptRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-script-'));
  try {
    const file = path.join(dir, 'script.txt');
    await writeFile(file, `${lines.join('\n')}\n`);
    const { stdout } = await run('npm', ['run', '--silent', 'chat', '--', '--script', file, '--json', ...(options.now ? ['--now', options.now] : []), ...(options.args ?? [])], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...options.env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return parseScriptOutput(stdout.split('\n').filter((l) => l !== ''));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Script mode in-process: the command's own replay function (bot/cli/script-mode.ts) on one shared
 * app (shared search index, its own database). Each replay is a new CLI session unless it names one,
 * so replays never see each other's conversations.
 */
export class ScriptPlayer {
  private sessions = 0;
  /** Apps stopped by `restart`: their folders hold the database until the player is disposed. */
  private readonly stopped: TestApp[] = [];

  private constructor(
    private app: TestApp,
    readonly clock: SettableClock,
  ) {}

  static async create(options: { env?: Record<string, string> } = {}): Promise<ScriptPlayer> {
    const clock = new SettableClock();
    return new ScriptPlayer(await createTestApp({ clock, ...options }), clock);
  }

  /** Replays `lines` as `--script FILE --json --now NOW [--session ID]` would (without `now`, the clock stays where it was). */
  async play(lines: readonly string[], options: { now?: string; session?: string } = {}): Promise<ScriptRun> {
    if (options.now) this.clock.set(options.now);
    const session = options.session ?? `script-${++this.sessions}`;
    const output = await runScript(this.app, lines, { session, json: true });
    return parseScriptOutput(output.map((l) => l.trimEnd()));
  }

  /** Stops the app and starts a new one on the same database, as a second run of the command does. */
  async restart(): Promise<void> {
    const url = this.app.config.DATABASE_URL;
    await this.app.close();
    this.stopped.push(this.app);
    this.app = await createTestApp({ clock: this.clock, env: { DATABASE_URL: url } });
  }

  async dispose(): Promise<void> {
    await this.app.dispose();
    await Promise.all(this.stopped.map((app) => rm(app.dir, { recursive: true, force: true })));
  }
}

function parseScriptOutput(stdoutLines: string[]): ScriptRun {
  const parsed = stdoutLines.map((l) => JSON.parse(l) as { reply?: string; records?: ScriptRun['records'] });
  return {
    replies: parsed.filter((p) => p.reply !== undefined).map((p) => p.reply!),
    records: parsed.at(-1)?.records ?? [],
    stdoutLines,
  };
}
