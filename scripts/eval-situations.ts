/**
 * Which guidance entry the answerer takes a message to be about, for paraphrases written by someone
 * who never saw the entries' own phrasings: top-1 and top-3 accuracy overall, by style and by
 * language, the confusions (which entry won instead), and what the user then reads (the reply rests
 * on the intended entry and opens with its verdict, in the message's language).
 *
 *   npm run --silent eval:situations -- --file test/fixtures/eval/paraphrases-4-holdout.jsonl [--json] [--misses]
 *
 * One JSON object per line: {"entry", "style", "language": "vi"|"en", "text"}. With --json, stdout
 * carries exactly one JSON object; progress goes to stderr.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { GuidedAnswerer } from '../src/answer/guided-answerer.ts';
import { situationMetrics, scoreSituation, type SituationScore } from '../src/answer/situation-evaluation.ts';
import { composerApp } from './composer-app.ts';

const { values } = parseArgs({
  options: {
    file: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
    now: { type: 'string', default: '2026-12-01T03:00:00Z' },
    // Development sweeps only: JSON objects of answer tuning and matcher weights to try.
    tuning: { type: 'string' },
    matcher: { type: 'string' },
  },
  strict: true,
});
const files = values.file ?? [];
if (files.length === 0) {
  process.stderr.write('usage: eval:situations -- --file FILE [--file FILE2] [--json] [--misses]\n');
  process.exit(2);
}

const paraphraseSchema = z.object({ entry: z.string().min(1), style: z.string().min(1), language: z.enum(['vi', 'en']), text: z.string().min(1) });
const items = (
  await Promise.all(
    files.map(async (file) =>
      (await readFile(file, 'utf8'))
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, i) => {
          const parsed = paraphraseSchema.safeParse(JSON.parse(line));
          if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
          return parsed.data;
        }),
    ),
  )
).flat();

const tmp = await mkdtemp(path.join(os.tmpdir(), 'bvntd-eval-situations-'));
const now = new Date(values.now);
const app = await composerApp('guided', tmp, now, {
  ...(values.tuning ? { answerTuning: JSON.parse(values.tuning) } : {}),
  ...(values.matcher ? { matcherWeights: JSON.parse(values.matcher) } : {}),
});
const scores: SituationScore[] = [];
try {
  const answerer = app.answerer;
  if (!(answerer instanceof GuidedAnswerer)) throw new Error('eval:situations needs the guided composer');
  for (const [i, item] of items.entries()) {
    const request = { question: item.text, locale: item.language, context: null, now };
    const ranked = await answerer.situations(request);
    const reply = await answerer.answer(request);
    scores.push(scoreSituation(item, ranked.map((m) => m.entry.id), reply, (id) => answerer.openingOf(id)));
    if (!values.json && i % 100 === 99) process.stderr.write(`${i + 1}/${items.length}\n`);
  }
} finally {
  await app.close();
  await rm(tmp, { recursive: true, force: true });
}

const styles = [...new Set(items.map((x) => x.style))].sort();
const report = {
  paraphrases: items.length,
  overall: situationMetrics(scores),
  byStyle: Object.fromEntries(styles.map((s) => [s, situationMetrics(scores.filter((x) => x.style === s))])),
  byLanguage: Object.fromEntries(['vi', 'en'].map((l) => [l, situationMetrics(scores.filter((x) => x.language === l))])),
  confusions: confusions(scores),
};

if (values.json) {
  process.stdout.write(`${JSON.stringify({ ...report, scores })}\n`);
} else {
  const out: string[] = [`${items.length} paraphrases from ${files.join(', ')}`];
  out.push('                 n   top-1   top-3   answered from it   opens with its verdict   in its language');
  const row = (label: string, m: ReturnType<typeof situationMetrics>) =>
    `  ${label.padEnd(12)} ${String(m.n).padStart(4)}  ${pct(m.top1).padStart(6)}  ${pct(m.top3).padStart(6)}  ${pct(m.answeredFromEntry).padStart(16)}  ${pct(m.opensWithVerdict).padStart(22)}  ${pct(m.inItsLanguage).padStart(15)}`;
  out.push(row('overall', report.overall));
  for (const s of styles) out.push(row(s, report.byStyle[s]!));
  for (const l of ['vi', 'en']) out.push(row(`lang ${l}`, report.byLanguage[l]!));
  out.push('', 'confusions (intended → won instead, count):');
  for (const c of report.confusions.slice(0, 40)) out.push(`  ${c.entry} → ${c.won} ×${c.count}`);
  if (values.misses) {
    out.push('', 'misses:');
    for (const s of scores.filter((x) => !x.top1)) out.push(`  [${s.style}/${s.language}] ${s.entry} → ${s.ranked[0] ?? '(outside)'}: ${s.text}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function confusions(all: readonly SituationScore[]): { entry: string; won: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of all) if (!s.top1) counts.set(`${s.entry}\t${s.ranked[0] ?? '(outside consumer law)'}`, (counts.get(`${s.entry}\t${s.ranked[0] ?? '(outside consumer law)'}`) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => {
      const [entry = '', won = ''] = key.split('\t');
      return { entry, won, count };
    })
    .sort((a, b) => b.count - a.count || a.entry.localeCompare(b.entry));
}

function pct(x: number): string {
  return Number.isNaN(x) ? '–' : `${(x * 100).toFixed(0)}%`;
}
