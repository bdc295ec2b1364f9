import type { Reply } from '../../src/dialogue/messages.ts';
import { withNumberedOptions } from '../../src/dialogue/numbered-options.ts';
import type { App } from '../app.ts';

export interface ScriptModeOptions {
  /** Conversation id inside the CLI channel; the same id resumes a conversation stored in the database. */
  readonly session: string;
  /** One JSON object per line (`{"reply": …}`, then `{"records": […]}`) instead of readable text. */
  readonly json: boolean;
  /** Receives each piece of output as soon as it exists (the CLI streams it to stdout). */
  readonly write?: (chunk: string) => void;
}

/** A script file's user messages: one per line; a trailing newline is not an extra (empty) message. */
export function scriptLines(content: string): string[] {
  const lines = content.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Script mode (`npm run chat -- --script FILE`): replays `lines` as one user's messages through the
 * app's engine and returns what it prints, one entry per write: with `json`, `{"reply": …}` lines and
 * a final `{"records": […]}` line (what the conversation created). The CLI and the golden tests both
 * call it, so an in-process replay is the same as a run of the command.
 */
export async function runScript(app: Pick<App, 'engine'>, lines: readonly string[], options: ScriptModeOptions): Promise<string[]> {
  const output: string[] = [];
  const emit = (chunk: string) => {
    output.push(chunk);
    options.write?.(chunk);
  };
  let conversationId: string | null = null;
  for (const text of lines) {
    const result = await app.engine.handle({ channel: 'cli', externalId: options.session, text });
    conversationId = result.conversationId;
    for (const reply of result.replies) emit(formatReply(reply, options.json));
  }
  const records = conversationId ? await app.engine.records(conversationId) : [];
  emit(options.json ? `${JSON.stringify({ records })}\n` : `\n(${records.length} bản ghi được tạo)\n`);
  return output;
}

/** One bot reply as the terminal shows it: options numbered, an attached file named. */
export function formatReply(reply: Reply, json: boolean): string {
  const text = withNumberedOptions(reply) + (reply.file ? `\n[${reply.file.fileName}]` : '');
  return json ? `${JSON.stringify({ reply: text })}\n` : `\n${text}\n`;
}
