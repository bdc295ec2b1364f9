import { z } from 'zod';

export const chatOptionsSchema = z
  .object({
    script: z.string().min(1).optional(),
    json: z.boolean().default(false),
    now: z.iso.datetime({ offset: true }).optional(),
    /** Conversation id inside the CLI channel: reuse it to resume a conversation. */
    session: z.string().min(1).max(100).default('terminal'),
    /** Database for this run; script mode defaults to a fresh temporary SQLite file. */
    database: z.string().min(1).optional(),
  })
  .strict();

export type ChatOptions = z.infer<typeof chatOptionsSchema>;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const usage = `Usage:
  npm run chat                                   interactive chat in the terminal
  npm run --silent chat -- --script FILE --json [--now ISO-DATETIME] [--session ID] [--database URL]
    reads one user message per line; prints {"reply": "..."} per bot reply and {"records": [...]} at the end`;

export function parseChatArgs(argv: readonly string[]): ChatOptions {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') raw.json = true;
    else if (arg === '--help' || arg === '-h') throw new UsageError(usage);
    else if (['--script', '--now', '--session', '--database'].includes(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value\n${usage}`);
      raw[arg.slice(2)] = value;
    } else throw new UsageError(`unknown argument ${arg}\n${usage}`);
  }
  const parsed = chatOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--${issue.path.join('.')}: ${issue.message}\n${usage}`);
  }
  return parsed.data;
}
