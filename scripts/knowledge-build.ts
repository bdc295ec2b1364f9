/**
 * Builds the search index the app uses (DATA_DIR/index, embedder from EMBEDDINGS_* settings), or
 * reports that the one on disk is current.
 *
 *   npm run knowledge:build [-- --force] [-- --index-dir DIR]
 *
 * Shows progress bars on a terminal and plain lines otherwise (CI logs, pipes).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { fileURLToPath } from 'node:url';
import { ProvinceDirectory } from '../src/complaints/province-directory.ts';
import { loadSpanTagger, spanTaggerCacheFile } from '../src/complaints/span-tagger-store.ts';
import { loadConfig } from '../src/config/config.ts';
import { defaultClassifierFile, readClassifier, writeClassifier } from '../src/guidance/classifier-file.ts';
import { loadGuidance } from '../src/guidance/guidance-loader.ts';
import { defaultMatcherWeights, GuidanceMatcher } from '../src/guidance/guidance-matcher.ts';
import { defaultQueryAnalyzer } from '../src/text/analyzer.ts';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-loader.ts';
import { describeEmbedder } from '../src/retrieval/embedder-id.ts';
import { createEmbeddings } from '../src/retrieval/embeddings-factory.ts';
import { readManifest } from '../src/retrieval/index-manifest.ts';
import { ensureSearchIndex, type SearchIndexProgress } from '../src/retrieval/search-index.ts';

const { values } = parseArgs({
  options: {
    force: { type: 'boolean', default: false },
    'index-dir': { type: 'string' },
  },
  strict: true,
});

const config = loadConfig();
const indexDir = values['index-dir'] ?? path.join(config.DATA_DIR, 'index');
const embeddings = createEmbeddings({
  provider: config.EMBEDDINGS_PROVIDER,
  model: config.EMBEDDINGS_MODEL,
  baseUrl: config.EMBEDDINGS_BASE_URL,
  apiKey: config.EMBEDDINGS_API_KEY,
});

const labels: Record<SearchIndexProgress['phase'], string> = {
  check: 'checking',
  lexical: 'lexical index',
  embedder: 'fitting embedder',
  embed: 'embedding passages',
  vectors: 'vector index',
  save: 'saving',
  load: 'loading',
  ready: 'ready',
};

const progress = createProgressDisplay(Boolean(process.stdout.isTTY));
const started = performance.now();
const knowledgeBase = await loadKnowledgeBase(config.KNOWLEDGE_DIR);
process.stdout.write(`Knowledge: ${knowledgeBase.documents.length} documents, ${knowledgeBase.passages.length} passages\n`);
// The guidance is checked against the loaded law here too: a citation that does not resolve stops
// the build with its file and line.
const guidance = await loadGuidance(config.KNOWLEDGE_DIR, knowledgeBase);
process.stdout.write(`Guidance: ${guidance.entries.length} entries in ${guidance.files.length} files, every citation resolves\n`);
// The matcher's classifier is learnt from the phrasings here, so the app loads it instead of training at start.
const saved = await readClassifier();
const matcher = new GuidanceMatcher(guidance.entries, defaultQueryAnalyzer(), defaultMatcherWeights, saved ?? undefined);
if (matcher.classifierTrainedHere) await writeClassifier(matcher.classifier);
process.stdout.write(`Guidance classifier: ${matcher.classifierTrainedHere ? 'trained and saved in' : 'up to date in'} ${defaultClassifierFile} (${Object.keys(matcher.classifier.weights).length} terms)\n`);
process.stdout.write(`Embedder: ${describeEmbedder(embeddings.id)}\nIndex: ${indexDir}\n`);
try {
  await ensureSearchIndex({ knowledgeBase, indexDir, embeddings, force: values.force, onProgress: progress.update });
} finally {
  progress.stop();
}
const reading = await readManifest(indexDir);
if (reading.status === 'ok') {
  const m = reading.manifest;
  process.stdout.write(
    `Index ready in ${Math.round(performance.now() - started)} ms: ${m.counts.passages} passages, ${m.counts.vocabulary} terms, ` +
      `${m.counts.vectorDimensions}-dimensional vectors, built ${m.builtAt}\n`,
  );
}

// The complaint span tagger, trained on knowledge/complaints/tagger-training (deterministic: the same
// stories and code give the same weights), saved in generated/ where the app reads it at start.
const dataDir = path.join(config.KNOWLEDGE_DIR, 'complaints');
const cacheFile = spanTaggerCacheFile(fileURLToPath(new URL('../generated/', import.meta.url)));
const tagger = loadSpanTagger({ dataDir, provinces: ProvinceDirectory.load(dataDir), cacheFile, force: true });
const r = tagger.report;
const aligned = Object.entries(r.aligned).map(([field, a]) => `${field} ${a.found}/${a.said}`).join(', ');
process.stdout.write(`Span tagger: ${r.stories} stories (${r.files.join(', ')}), ${r.sequences} messages, values found in the words: ${aligned}; trained in ${r.milliseconds} ms -> ${cacheFile}\n`);

/** Progress bars per phase on a terminal; one line per phase change or message elsewhere. */
function createProgressDisplay(tty: boolean) {
  let phase: SearchIndexProgress['phase'] | null = null;
  let bar: cliProgress.SingleBar | null = null;
  const stopBar = () => {
    bar?.stop();
    bar = null;
  };
  return {
    update(p: SearchIndexProgress): void {
      if (p.message) {
        if (tty) stopBar();
        process.stdout.write(`${labels[p.phase]}: ${p.message}\n`);
      }
      if (tty) {
        if (p.phase !== phase || !bar) {
          stopBar();
          phase = p.phase;
          if (p.phase === 'ready' || p.phase === 'check') return;
          bar = new cliProgress.SingleBar(
            { format: `${labels[p.phase].padEnd(20)} [{bar}] {value}/{total}`, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total, p.done);
        } else {
          bar.setTotal(p.total);
          bar.update(p.done);
        }
        return;
      }
      if (p.phase !== phase) {
        phase = p.phase;
        if (!p.message) process.stdout.write(`${labels[p.phase]}: ${p.done}/${p.total}\n`);
      } else if (p.done === p.total && p.total > 1) {
        process.stdout.write(`${labels[p.phase]}: ${p.done}/${p.total}\n`);
      }
    },
    stop: stopBar,
  };
}
