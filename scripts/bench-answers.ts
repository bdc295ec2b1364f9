/**
 * `npm run bench:answers`: warm time to answer every development question, for the guided
 * composer (the default), beside the first build's extractive composer and retrieval alone as
 * baselines, on the same index in the same process.
 *
 *   npm run bench:answers [-- --rounds 5]
 *
 * Questions: test/fixtures/eval/answers-dev.jsonl (last message of each) and the retrieval sets
 * dev-questions.jsonl and extra-questions.jsonl. The sealed split is never read here.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { App } from '../bot/app.ts';
import { composerApp } from './composer-app.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } }, strict: true });
const rounds = Math.max(1, Number(values.rounds) || 5);
const now = new Date('2026-12-01T03:00:00Z');

const questions: string[] = [];
for (const line of (await readFile('test/fixtures/eval/answers-dev.jsonl', 'utf8')).split('\n').filter((l) => l.trim())) {
  questions.push((JSON.parse(line) as { messages: string[] }).messages.at(-1)!);
}
for (const file of ['dev-questions.jsonl', 'extra-questions.jsonl']) {
  for (const line of (await readFile(path.join('test/fixtures/eval', file), 'utf8')).split('\n').filter((l) => l.trim())) {
    questions.push((JSON.parse(line) as { question: string }).question);
  }
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'bvntd-bench-answers-'));
const app = (composer: 'guided' | 'extractive'): Promise<App> => composerApp(composer, tmp, now);

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

const guided = await app('guided');
const extractive = await app('extractive');
const results = {
  'guided answer (default)': await time((q) => guided.answerer.answer({ question: q, locale: 'vi', context: null, now })),
  'extractive answer (baseline)': await time((q) => extractive.answerer.answer({ question: q, locale: 'vi', context: null, now })),
  'retrieval alone (baseline)': await time((q) => guided.search.search(q, { k: 8 })),
};
await guided.close();
await extractive.close();
await rm(tmp, { recursive: true, force: true });

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const out = [`${questions.length} questions x ${rounds} rounds, warm (Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)})`, ''];
out.push(`${'what'.padEnd(30)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}  (ms)`);
for (const [name, samples] of Object.entries(results)) {
  out.push(`${name.padEnd(30)} ${percentile(samples, 50).toFixed(2).padStart(8)} ${percentile(samples, 95).toFixed(2).padStart(8)} ${percentile(samples, 99).toFixed(2).padStart(8)}`);
}
process.stdout.write(`${out.join('\n')}\n`);
