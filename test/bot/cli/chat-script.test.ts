import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChatArgs, UsageError } from '../../../bot/cli/chat-options.ts';
import { scriptLines } from '../../../bot/cli/script-mode.ts';
import { runChatScript, ScriptPlayer } from '../../support/run-chat-script.ts';
import { sharedDataDir } from '../../support/test-app.ts';

const conversation = ['xin chào', 'bao hanh may lan ko sua dc thi sao', 'còn nếu mua online thì sao?', '😀'];

// In-process replays share one app; creating it first also builds the shared search index when it
// is missing, so the child process below only loads it.
let player: ScriptPlayer;
beforeAll(async () => {
  player = await ScriptPlayer.create();
});
afterAll(() => player.dispose());

describe('script mode', () => {
  // The one run of the real command in a child process: stdout must carry the JSON lines and nothing
  // else (no log line, no progress). Everything else replays in-process through the same function.
  it('`npm run --silent chat -- --script FILE --json` prints one JSON object per reply and the records at the end, nothing else on stdout', async () => {
    const run = await runChatScript(conversation, { now: '2026-11-23T09:00:00+07:00', env: { DATA_DIR: sharedDataDir } });
    expect(run.stdoutLines.every((l) => l.startsWith('{'))).toBe(true);
    expect(run.stdoutLines.at(-1)).toBe('{"records":[]}');
    expect(run.replies).toHaveLength(4);
    expect(run.replies[0]).toMatch(/^Xin chào/);
    expect(run.replies[1]).toMatch(/Điều 30/);
  });

  describe('in-process', () => {
    it('numbers the options and reads a follow-up with the previous question', async () => {
      const run = await player.play(conversation, { now: '2026-11-23T09:00:00+07:00' });
      expect(run.stdoutLines.every((l) => l.startsWith('{'))).toBe(true);
      expect(run.stdoutLines.at(-1)).toBe('{"records":[]}');
      expect(run.replies).toHaveLength(4);
      expect(run.replies[0]).toMatch(/^Xin chào/);
      // Options are numbered for channels without buttons.
      expect(run.replies[0]).toMatch(/\n1\. /);
      expect(run.replies[1]).toMatch(/Điều 30/);
      // The follow-up is read with the previous question: it answers the new condition (buying
      // online), with a citation, rather than repeating the first answer.
      expect(run.replies[2]).toMatch(/online|từ xa/);
      expect(run.replies[2]).toMatch(/Điều \d+ Luật Bảo vệ quyền lợi người tiêu dùng 2023/);
      expect(run.replies[2]).not.toBe(run.replies[1]);
      expect(run.replies[3]).toMatch(/biểu tượng/);
    });
  });

  it('reads one message per line, a trailing newline adding none', () => {
    expect(scriptLines('a\r\nb\n\nc\n')).toEqual(['a', 'b', '', 'c']);
    expect(scriptLines('')).toEqual([]);
  });

  it('rejects a bad --now with a usage message', () => {
    expect(() => parseChatArgs(['--script', 'x.txt', '--json', '--now', 'yesterday'])).toThrow(UsageError);
    expect(() => parseChatArgs(['--script', 'x.txt', '--json', '--now', 'yesterday'])).toThrow(/--now/);
  });
});
