import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let indexDir: string;

beforeAll(async () => {
  indexDir = await mkdtemp(path.join(os.tmpdir(), 'eval-script-'));
});

afterAll(async () => {
  await rm(indexDir, { recursive: true, force: true });
});

describe('npm run eval:retrieval -- --json', () => {
  it('prints exactly one JSON object with results, metrics and the baseline', () => {
    const out = spawnSync(
      'npm',
      ['run', '--silent', 'eval:retrieval', '--', '--questions', 'test/fixtures/eval/dev-questions.jsonl', '--k', '10', '--json', '--index-dir', path.join(indexDir, 'index')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(out.status, out.stderr).toBe(0);
    const stdout = out.stdout.trim();
    expect(stdout.split('\n')).toHaveLength(1);
    const json = JSON.parse(stdout) as {
      results: { id: string; hits: { doc: string; article: number | null; clause: number | null; section: string | null; score: number }[] }[];
      metrics: { overall: Record<string, number>; byStyle: Record<string, Record<string, number>> };
      baseline: { overall: Record<string, number> };
    };
    expect(Object.keys(json).sort()).toEqual(['baseline', 'metrics', 'results']);
    expect(json.results).toHaveLength(30);
    expect(json.results[0]!.hits.length).toBe(10);
    expect(json.results[0]!.hits[0]).toEqual({
      doc: expect.any(String),
      article: expect.any(Number),
      clause: expect.toSatisfy((c: unknown) => c === null || typeof c === 'number'),
      section: null,
      score: expect.any(Number),
    });
    for (const key of ['recallAt1', 'recallAt5', 'recallAt10', 'mrrAt10']) {
      expect(json.metrics.overall[key]).toBeGreaterThanOrEqual(0);
      expect(json.baseline.overall[key]).toBeGreaterThanOrEqual(0);
    }
    expect(Object.keys(json.metrics.byStyle)).toEqual(expect.arrayContaining(['formal', 'no-diacritics', 'plan']));
    // Index building reports on stderr, never on stdout.
    expect(out.stderr).toMatch(/index/);
  });
});
