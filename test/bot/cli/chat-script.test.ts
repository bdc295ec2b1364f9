import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChatScript } from '../../support/run-chat-script.ts';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-script-data-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('script mode', () => {
  it('prints one JSON object per reply and the records at the end, nothing else on stdout', async () => {
    const run = await runChatScript(['xin chào', 'bao hanh may lan ko sua dc thi sao', 'còn nếu mua online thì sao?', '😀'], {
      now: '2026-11-23T09:00:00+07:00',
      env: { DATA_DIR: dataDir },
    });
    expect(run.stdoutLines.every((l) => l.startsWith('{'))).toBe(true);
    expect(run.stdoutLines.at(-1)).toBe('{"records":[]}');
    expect(run.replies).toHaveLength(4);
    expect(run.replies[0]).toMatch(/^Xin chào/);
    // Options are numbered for channels without buttons.
    expect(run.replies[0]).toMatch(/\n1\. /);
    expect(run.replies[1]).toMatch(/Điều 30/);
    // The follow-up is read with the previous question and still answered with a citation.
    expect(run.replies[2]).toMatch(/^\(Tôi hiểu câu này là hỏi tiếp về: "bao hanh may lan ko sua dc thi sao"\)/);
    expect(run.replies[2]).toMatch(/Điều \d+ Luật Bảo vệ quyền lợi người tiêu dùng 2023/);
    expect(run.replies[3]).toMatch(/biểu tượng/);
  });

  it('rejects a bad --now with a usage message', async () => {
    await expect(runChatScript(['x'], { now: 'yesterday', env: { DATA_DIR: dataDir } })).rejects.toThrow(/--now/);
  });
});
