/**
 * Ranks passages for evaluation questions and reports recall@1/5/10 and MRR@10, overall and per
 * style, beside a MiniSearch (default options) baseline over the same passages in the same run.
 * Both search what the answerer searches today: the texts in force and the provincial plans.
 *
 *   npm run --silent eval:retrieval -- --questions test/fixtures/eval/dev-questions.jsonl [--k 10] [--json]
 *
 * With --json, stdout carries exactly one JSON object; progress and logs go to stderr.
 */
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-loader.ts';
import { createEmbeddings } from '../src/retrieval/embeddings-factory.ts';
import { MiniSearchBaseline } from '../src/retrieval/minisearch-baseline.ts';
import { searchablePassages } from '../src/retrieval/passage-fields.ts';
import {
  firstRelevantRank,
  loadEvalQuestions,
  metricsReport,
  type MetricsReport,
  type RetrievalMetrics,
} from '../src/retrieval/retrieval-evaluation.ts';
import { ensureSearchIndex } from '../src/retrieval/search-index.ts';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', multiple: true },
    k: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    'index-dir': { type: 'string', default: 'data/index' },
    knowledge: { type: 'string', default: 'knowledge' },
    force: { type: 'boolean', default: false },
  },
  strict: true,
});

const questionFiles = values.questions ?? [];
if (questionFiles.length === 0) {
  process.stderr.write('usage: eval:retrieval -- --questions FILE [--questions FILE2] [--k 10] [--json] [--index-dir DIR]\n');
  process.exit(2);
}
const k = Math.max(10, Number.parseInt(values.k, 10) || 10);
const log = (line: string) => process.stderr.write(`${line}\n`);

const knowledgeBase = await loadKnowledgeBase(values.knowledge);
const search = await ensureSearchIndex({
  knowledgeBase,
  indexDir: values['index-dir'],
  embeddings: createEmbeddings({ provider: 'corpus' }),
  force: values.force,
  onProgress: (p) => p.message && log(`[index] ${p.phase}: ${p.message}`),
});
// Both systems search what the answerer searches: the texts in force today and the plans.
const docIds = knowledgeBase.timeline.searchableOn(new Date());
const inScope = new Set(docIds);
const baseline = MiniSearchBaseline.build(searchablePassages(knowledgeBase).filter((p) => inScope.has(p.docId)));
const questions = (await Promise.all(questionFiles.map(loadEvalQuestions))).flat();

const results = [];
const ranks: (number | null)[] = [];
const baselineRanks: (number | null)[] = [];
for (const q of questions) {
  const found = await search.search(q.question, { k, docIds });
  const passages = found.hits.map((h) => h.passage);
  ranks.push(firstRelevantRank(passages, q));
  baselineRanks.push(firstRelevantRank(baseline.search(q.question, k).map((h) => h.passage), q));
  results.push({
    id: q.id,
    style: q.style,
    confidence: round(found.confidence),
    hits: found.hits.map((h) => ({
      doc: h.passage.docId,
      article: h.passage.article,
      clause: h.passage.clause,
      section: h.passage.section,
      score: round(h.score),
    })),
  });
}
const metrics = metricsReport(questions, ranks);
const baselineMetrics = metricsReport(questions, baselineRanks);

if (values.json) {
  process.stdout.write(`${JSON.stringify({ results, metrics, baseline: baselineMetrics })}\n`);
} else {
  process.stdout.write(table(metrics, baselineMetrics));
  const misses = questions.filter((_, i) => ranks[i] === null || ranks[i]! > 5);
  if (misses.length > 0) {
    process.stdout.write(`\nNot found in the top 5 (${misses.length}):\n`);
    for (const q of misses) {
      const r = results.find((x) => x.id === q.id)!;
      const top = r.hits.slice(0, 3).map((h) => `${h.doc} ${h.article ?? h.section}`).join(', ');
      process.stdout.write(`  ${q.id} [${q.style}] rank ${ranks[questions.indexOf(q)] ?? '-'}: ${q.question}\n      top: ${top}\n`);
    }
  }
}

function table(ours: MetricsReport, base: MetricsReport): string {
  const header = ['style', 'n', 'recall@1', 'recall@5', 'recall@10', 'MRR@10'];
  const row = (name: string, m: RetrievalMetrics, b: RetrievalMetrics) => [
    name,
    String(m.questions),
    pair(m.recallAt1, b.recallAt1),
    pair(m.recallAt5, b.recallAt5),
    pair(m.recallAt10, b.recallAt10),
    pair(m.mrrAt10, b.mrrAt10),
  ];
  const rows = [
    ...Object.keys(ours.byStyle).map((s) => row(s, ours.byStyle[s]!, base.byStyle[s]!)),
    row('overall', ours.overall, base.overall),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [
    `Hybrid retrieval vs MiniSearch baseline (ours (baseline)), ${questions.length} questions from ${questionFiles.join(', ')}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}

function pair(ours: number, base: number): string {
  return `${ours.toFixed(3)} (${base.toFixed(3)})`;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
