/**
 * Retrieval benchmark: index build time, index load time, warm query latency (p50/p95/p99) and peak
 * memory, for the hybrid retriever and the MiniSearch baseline, on the corpus and on 10x and 100x
 * versions padded with synthetic passages (sentences of the corpus recombined).
 *
 *   npm run bench:retrieval [-- --scales 1,10,100] [-- --rounds 5]
 *
 * Every measurement runs in a fresh child process so memory figures are not polluted by another
 * phase. Figures only: nothing here asserts a time.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { DocumentMetadata } from '../src/knowledge/document-metadata.ts';
import { KnowledgeBase, type KnowledgeDocument } from '../src/knowledge/knowledge-base.ts';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-loader.ts';
import type { LegalArticle } from '../src/knowledge/legal-structure.ts';
import { seededRandom } from '../src/shared/seeded-random.ts';
import { createEmbeddings } from '../src/retrieval/embeddings-factory.ts';
import { MiniSearchBaseline } from '../src/retrieval/minisearch-baseline.ts';
import { searchablePassages } from '../src/retrieval/passage-fields.ts';
import { loadEvalQuestions } from '../src/retrieval/retrieval-evaluation.ts';
import { buildSearchIndex, loadSearchIndex } from '../src/retrieval/search-index.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100' },
    systems: { type: 'string', default: 'hybrid,minisearch' },
    rounds: { type: 'string', default: '4' },
    /** Per system and scale, stop measuring queries after this long (at least one full round runs). */
    'budget-ms': { type: 'string', default: '45000' },
    worker: { type: 'boolean', default: false },
    system: { type: 'string' },
    /** Keep the synthetic index directories (for profiling); they are removed by default. */
    'keep-dir': { type: 'string' },
    phase: { type: 'string' },
    scale: { type: 'string' },
    dir: { type: 'string' },
  },
  strict: true,
});

const QUESTION_FILES = ['test/fixtures/eval/dev-questions.jsonl', 'test/fixtures/eval/extra-questions.jsonl'];

interface WorkerResult {
  readonly passages: number;
  readonly buildMs?: number;
  readonly loadMs?: number;
  readonly p50?: number;
  readonly p95?: number;
  readonly p99?: number;
  readonly queries?: number;
  readonly peakRssMb: number;
  readonly heapMb: number;
}

if (values.worker) {
  const result = await runWorker(values.system!, values.phase!, Number(values.scale), values.dir!);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await runAll();
}

async function runAll(): Promise<void> {
  const scales = values.scales.split(',').map((s) => Number.parseInt(s, 10)).filter((n) => n >= 1);
  const rows: { scale: number; system: string; build: WorkerResult; query: WorkerResult }[] = [];
  for (const scale of scales) {
    const dir = values['keep-dir'] ? path.join(values['keep-dir'], `${scale}x`) : await mkdtemp(path.join(os.tmpdir(), `bench-retrieval-${scale}x-`));
    await mkdir(dir, { recursive: true });
    try {
      for (const system of values.systems.split(',')) {
        process.stderr.write(`[bench] ${scale}x ${system}: building...\n`);
        const build = spawnWorker(system, 'build', scale, dir);
        process.stderr.write(`[bench] ${scale}x ${system}: querying...\n`);
        const query = spawnWorker(system, 'query', scale, dir);
        rows.push({ scale, system, build, query });
        process.stderr.write(`[bench] ${scale}x ${system}: ${JSON.stringify({ build, query })}\n`);
      }
    } finally {
      if (!values['keep-dir']) await rm(dir, { recursive: true, force: true });
    }
  }
  const header = ['corpus', 'passages', 'system', 'build s', 'load ms', 'p50 ms', 'p95 ms', 'p99 ms', 'peak RSS MB (build/query)', 'heap MB (query)'];
  const table = rows.map((r) => [
    `${r.scale}x`,
    String(r.query.passages),
    r.system,
    ((r.build.buildMs ?? 0) / 1000).toFixed(2),
    (r.query.loadMs ?? 0).toFixed(0),
    (r.query.p50 ?? 0).toFixed(2),
    (r.query.p95 ?? 0).toFixed(2),
    (r.query.p99 ?? 0).toFixed(2),
    `${r.build.peakRssMb.toFixed(0)} / ${r.query.peakRssMb.toFixed(0)}`,
    r.query.heapMb.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  process.stdout.write(
    [
      `Retrieval benchmark (${os.cpus().length} CPUs, Node ${process.version}); warm latency over the dev and extra questions (first round excluded)`,
      line(header),
      line(widths.map((w) => '-'.repeat(w))),
      ...table.map(line),
      '',
    ].join('\n'),
  );
}

function spawnWorker(system: string, phase: string, scale: number, dir: string): WorkerResult {
  const script = fileURLToPath(import.meta.url);
  const out = spawnSync(
    process.execPath,
    ['--import', 'tsx', script, '--worker', '--system', system, '--phase', phase, '--scale', String(scale), '--dir', dir, '--rounds', values.rounds, '--budget-ms', values['budget-ms']],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
  );
  if (out.status !== 0) throw new Error(`bench worker ${system}/${phase}/${scale}x failed with status ${out.status}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as WorkerResult;
}

async function runWorker(system: string, phase: string, scale: number, dir: string): Promise<WorkerResult> {
  const kb = await scaledKnowledgeBase(scale);
  // Like the answerer, search only what is in force today (and the plans), so figures stay comparable.
  const docIds = kb.timeline.searchableOn(new Date());
  const inScope = new Set(docIds);
  const passages = searchablePassages(kb).filter((p) => inScope.has(p.docId));
  const embeddings = createEmbeddings({ provider: 'corpus' });
  const indexDir = path.join(dir, 'hybrid');
  const miniFile = path.join(dir, 'minisearch.json');
  let heap = 0;
  const sampleHeap = () => (heap = Math.max(heap, process.memoryUsage().heapUsed));
  const memory = () => ({ peakRssMb: process.resourceUsage().maxRSS / 1024, heapMb: (sampleHeap(), heap) / 1024 / 1024 });

  if (phase === 'build') {
    const started = performance.now();
    if (system === 'hybrid') {
      await buildSearchIndex({ knowledgeBase: kb, indexDir, embeddings, onProgress: (p) => { sampleHeap(); if (process.env.BENCH_TRACE && (p.done === 0 || p.done === p.total)) process.stderr.write(`${(performance.now() - started).toFixed(0)} ${p.phase} ${p.done}/${p.total}\n`); } });
    } else {
      const baseline = MiniSearchBaseline.build(passages);
      sampleHeap();
      await writeFile(miniFile, baseline.toJson());
    }
    return { passages: passages.length, buildMs: performance.now() - started, ...memory() };
  }

  const questions = (await Promise.all(QUESTION_FILES.map(loadEvalQuestions))).flat().map((q) => q.question);
  const started = performance.now();
  let search: (q: string) => Promise<unknown>;
  if (system === 'hybrid') {
    const retriever = await loadSearchIndex({ knowledgeBase: kb, indexDir, embeddings });
    search = (q) => retriever.search(q, { k: 10, docIds });
  } else {
    const baseline = MiniSearchBaseline.fromJson(await readFile(miniFile, 'utf8'), passages);
    search = async (q) => baseline.search(q, 10);
  }
  const loadMs = performance.now() - started;
  sampleHeap();
  const rounds = Math.max(2, Number.parseInt(values.rounds, 10) || 4);
  const budget = Number.parseInt(values['budget-ms'], 10) || 45_000;
  const times: number[] = [];
  const measuring = performance.now();
  measure: for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const t = performance.now();
      await search(q);
      // The first round warms the JIT and caches; only later rounds are measured.
      if (round > 0) times.push(performance.now() - t);
      if (times.length >= 100 && performance.now() - measuring > budget) break measure;
    }
    sampleHeap();
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  return { passages: passages.length, loadMs, p50: pct(50), p95: pct(95), p99: pct(99), queries: times.length, ...memory() };
}

/**
 * The corpus plus (scale-1) times as many synthetic passages: each is 2-5 sentences drawn from the
 * corpus at random (seeded), grouped into synthetic laws of 60 articles with 1-6 clauses each, so
 * vocabulary and lengths look like the real thing.
 */
async function scaledKnowledgeBase(scale: number): Promise<KnowledgeBase> {
  const kb = await loadKnowledgeBase('knowledge');
  if (scale <= 1) return kb;
  const sentences = kb.passages.flatMap((p) => p.text.split(/(?<=[.;:])\s+|\n/).map((s) => s.trim()).filter((s) => s.length > 20));
  const titles = kb.documents.flatMap((d) => d.articles.map((a) => a.title));
  const random = seededRandom(scale);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // Scaled from what is searched (texts in force and plans), not from the repealed texts the index also holds.
  const searched = new Set(kb.timeline.searchableOn(new Date()));
  const target = searchablePassages(kb).filter((p) => searched.has(p.docId)).length * (scale - 1);
  const docs: KnowledgeDocument[] = [...kb.documents];
  let made = 0;
  for (let d = 0; made < target; d++) {
    const articles: LegalArticle[] = [];
    for (let a = 1; a <= 60 && made < target; a++) {
      const clauses = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, c) => ({
        number: c + 1,
        text: Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(sentences)).join(' '),
        points: [],
      }));
      made += clauses.length;
      articles.push({ number: a, title: pick(titles), lead: '', clauses, headings: [`Chương ${1 + Math.floor(a / 15)}`], line: a });
    }
    const id = `SYN-${d + 1}`;
    const metadata: DocumentMetadata = {
      ...kb.documents[0]!.metadata,
      id,
      title: `Văn bản tổng hợp ${d + 1}`,
      citationName: `Văn bản tổng hợp ${d + 1}`,
      kind: 'law',
      number: id,
      issuer: 'benchmark',
      issuedDate: '2024-01-01',
      effectiveFrom: '2024-01-01',
      effectiveTo: null,
      status: 'in_force',
      replaces: [],
      replacedBy: [],
      source: 'synthetic',
      provenance: 'bench-retrieval.ts',
      articles: null,
      implements: null,
      searchPrior: 1,
      province: null,
    };
    docs.push({ metadata, articles, sections: [], file: `${id}.txt`, checksum: `${id}-${scale}` });
  }
  return new KnowledgeBase(docs);
}
