/**
 * Replays answer-evaluation questions through the real dialogue engine and scores what the user
 * reads: the first citation, the first sentence, key phrases, out-of-scope admissions, English
 * answered in English, list headers without their list, reply length and answer latency; overall
 * and per style, beside the first build's extractive composer (ANSWER_COMPOSER=extractive) as the
 * baseline, in the same run on the same index.
 *
 *   npm run --silent eval:answers -- --questions test/fixtures/eval/answers-dev.jsonl [--json] [--show ID]
 *
 * With --json, stdout carries exactly one JSON object; progress goes to stderr.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { answerMetrics, loadAnswerQuestions, provisionKey, scoreAnswer, type AnswerMetrics, type AnswerQuestion, type AnswerScore } from '../src/answer/answer-evaluation.ts';
import type { App } from '../bot/app.ts';
import { composerApp } from './composer-app.ts';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    show: { type: 'string', multiple: true },
    'no-baseline': { type: 'boolean', default: false },
    now: { type: 'string', default: '2026-12-01T03:00:00Z' },
    // Development sweeps only: JSON objects of answer tuning and matcher weights to try.
    tuning: { type: 'string' },
    matcher: { type: 'string' },
  },
  strict: true,
});
const files = values.questions ?? [];
if (files.length === 0) {
  process.stderr.write('usage: eval:answers -- --questions FILE [--questions FILE2] [--json] [--show ID] [--no-baseline]\n');
  process.exit(2);
}
const questions = (await Promise.all(files.map(loadAnswerQuestions))).flat();
const tmp = await mkdtemp(path.join(os.tmpdir(), 'bvntd-eval-answers-'));

interface Run {
  readonly scores: AnswerScore[];
  readonly replies: Map<string, string>;
  readonly latencies: number[];
}

async function replay(composer: 'guided' | 'extractive'): Promise<Run> {
  const app: App = await composerApp(composer, tmp, new Date(values.now), {
    ...(values.tuning ? { answerTuning: JSON.parse(values.tuning) } : {}),
    ...(values.matcher ? { matcherWeights: JSON.parse(values.matcher) } : {}),
  });
  // A reference without a document means the main law in force: the one with the most articles.
  const laws = app.knowledgeBase.documents.filter((d) => d.metadata.kind === 'law' && d.metadata.status === 'in_force').sort((a, b) => b.articles.length - a.articles.length);
  const defaultDoc = laws[0]?.metadata.id ?? '';
  const documents = app.knowledgeBase.documents.map((d) => d.metadata);
  const scores: AnswerScore[] = [];
  const replies = new Map<string, string>();
  const latencies: number[] = [];
  try {
    // One warm-up turn so the first question does not pay for lazy initialisation.
    await app.engine.handle({ channel: 'cli', externalId: 'warm-up', text: 'bảo hành là gì' });
    for (const q of questions) {
      let last = { text: '', optionIds: [] as string[] };
      for (const [i, text] of q.messages.entries()) {
        const started = performance.now();
        const result = await app.engine.handle({ channel: 'cli', externalId: `${composer}-${q.id}`, text });
        if (i === q.messages.length - 1) latencies.push(performance.now() - started);
        last = { text: result.replies.map((r) => r.text).join('\n'), optionIds: result.replies.flatMap((r) => (r.options ?? []).map((o) => o.id)) };
      }
      replies.set(q.id, last.text);
      scores.push(scoreAnswer(q, last, defaultDoc, documents));
    }
  } finally {
    await app.close();
  }
  return { scores, replies, latencies };
}

const guided = await replay('guided');
const baseline = values['no-baseline'] ? null : await replay('extractive');
await rm(tmp, { recursive: true, force: true });

const styles = [...new Set(questions.map((q) => q.style))];
const byStyle = (run: Run) => Object.fromEntries(styles.map((s) => [s, answerMetrics(run.scores.filter((x) => x.style === s))]));
const report = {
  questions: questions.length,
  guided: { overall: answerMetrics(guided.scores), byStyle: byStyle(guided), latency: percentiles(guided.latencies) },
  baseline: baseline ? { overall: answerMetrics(baseline.scores), byStyle: byStyle(baseline), latency: percentiles(baseline.latencies) } : null,
  failures: failures(questions, guided.scores),
};

if (values.json) {
  process.stdout.write(`${JSON.stringify({ ...report, scores: guided.scores, replies: Object.fromEntries(guided.replies) })}\n`);
} else {
  const out: string[] = [];
  out.push(`${questions.length} questions from ${files.join(', ')}; guided (baseline: extractive) — shares of the questions each figure applies to`);
  out.push(table(report.guided.overall, report.baseline?.overall ?? null));
  out.push(`answer latency, warm (ms): p50 ${report.guided.latency.p50} / p95 ${report.guided.latency.p95}` + (report.baseline ? `   (baseline ${report.baseline.latency.p50} / ${report.baseline.latency.p95})` : ''));
  out.push('', 'by style: deciding-first · first-sentence-answers · out-of-scope-admitted · English-in-English · median length   (baseline)');
  for (const s of styles) {
    const g = report.guided.byStyle[s]!;
    const b = report.baseline?.byStyle[s];
    out.push(`  ${s.padEnd(14)} ${compact(g)}${b ? `   (${compact(b)})` : ''}`);
  }
  out.push('', `misses (${report.failures.length}):`);
  for (const f of report.failures) out.push(`  ${f}`);
  for (const id of values.show ?? []) out.push('', `--- ${id} ---`, guided.replies.get(id) ?? '(no such id)', ...(baseline ? ['--- baseline ---', baseline.replies.get(id) ?? ''] : []));
  process.stdout.write(`${out.join('\n')}\n`);
}

function table(g: AnswerMetrics, b: AnswerMetrics | null): string {
  const rows: [string, (m: AnswerMetrics) => string][] = [
    ['deciding article cited first (in scope)', (m) => pct(m.decidingFirst)],
    ['deciding article cited anywhere (in scope)', (m) => pct(m.decidingAnywhere)],
    ['first sentence answers', (m) => pct(m.firstSentenceAnswers)],
    ['verdict in the first sentence', (m) => pct(m.verdict)],
    ['key phrases in the first 300 characters', (m) => pct(m.keyPhrases)],
    ['out-of-scope admitted', (m) => `${pct(m.outOfScopeAdmitted)} of ${m.outOfScope}`],
    ['English answered in English', (m) => `${pct(m.englishInEnglish)} of ${m.english}`],
    ['forbidden article cited', (m) => pct(m.forbiddenCited)],
    ['opens with a list header', (m) => pct(m.opensWithListHeader)],
    ['median reply length (characters)', (m) => String(m.medianLength)],
  ];
  return rows.map(([label, f]) => `  ${label.padEnd(46)} ${f(g).padStart(12)}${b ? `   (${f(b)})` : ''}`).join('\n');
}

function compact(m: AnswerMetrics): string {
  return [pct(m.decidingFirst), pct(m.firstSentenceAnswers), pct(m.outOfScopeAdmitted), pct(m.englishInEnglish), String(m.medianLength)].join(' · ');
}

function pct(x: number): string {
  return Number.isNaN(x) ? '–' : `${(x * 100).toFixed(0)}%`;
}

function percentiles(values: readonly number[]): { p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
}

function failures(qs: readonly AnswerQuestion[], scores: readonly AnswerScore[]): string[] {
  return scores.flatMap((s, i) => {
    const q = qs[i]!;
    const what: string[] = [];
    if (s.inScope && !s.decidingFirst) what.push(`first cite ${s.firstCitation ?? 'none'} ≠ ${q.gold.map(provisionKey).join('/')}`);
    if (!s.firstSentenceAnswers) what.push(`first sentence (${q.verdict})`);
    if (s.outOfScopeAdmitted === false) what.push('out of scope not admitted');
    if (s.englishInEnglish === false) what.push('not in English');
    if (s.forbiddenCited) what.push('forbidden cited');
    return what.length === 0 ? [] : [`${s.id} [${s.style}] ${what.join('; ')}`];
  });
}
