/**
 * `npm run bench:answers`: time to compose an offline answer for every evaluation question, with
 * retrieval alone beside it as the baseline (the difference is the composer's own cost).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { createTestApp } from '../test/support/test-app.ts';

const questionFiles = ['dev-questions.jsonl', 'extra-questions.jsonl'];
const rounds = 5;

const questions: string[] = [];
for (const file of questionFiles) {
  const text = await readFile(path.join('test/fixtures/eval', file), 'utf8');
  for (const line of text.split('\n').filter((l) => l.trim() !== '')) questions.push(z.object({ question: z.string() }).parse(JSON.parse(line)).question);
}

const app = await createTestApp();
const now = new Date();
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function time(task: (q: string) => Promise<unknown>): Promise<number[]> {
  for (const q of questions) await task(q); // warm-up round, not counted
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const start = process.hrtime.bigint();
      await task(q);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return samples.sort((a, b) => a - b);
}

const search = await time((q) => app.search.search(q, { k: 5 }));
const answer = await time((q) => app.answerer.answer({ question: q, locale: 'vi', context: null, now }));
await app.dispose();

process.stdout.write(`${questions.length} questions x ${rounds} rounds, warm (Node ${process.version})\n`);
process.stdout.write('what                         p50 ms  p95 ms  p99 ms\n');
for (const [name, s] of [['retrieval alone (baseline)', search], ['offline answer', answer]] as const) {
  process.stdout.write(`${name.padEnd(28)} ${percentile(s, 50).toFixed(2).padStart(6)}  ${percentile(s, 95).toFixed(2).padStart(6)}  ${percentile(s, 99).toFixed(2).padStart(6)}\n`);
}
