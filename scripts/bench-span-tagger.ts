/**
 * What the span tagger adds to a turn: the extractor's time per message with the rules alone and
 * with the tagger, over every message of knowledge/complaints/tagger-training (median and p95, ms).
 *
 *   npm run --silent bench:span-tagger
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComplaintExtractor } from '../src/complaints/complaint-extractor.ts';
import { readTrainingStories } from '../src/complaints/complaint-span-tagger.ts';
import { ProvinceDirectory } from '../src/complaints/province-directory.ts';
import { loadSpanTagger, spanTaggerCacheFile } from '../src/complaints/span-tagger-store.ts';
import { loadConfig } from '../src/config/config.ts';

const config = loadConfig();
const dataDir = path.join(config.KNOWLEDGE_DIR, 'complaints');
const provinces = ProvinceDirectory.load(dataDir);
const loadStarted = performance.now();
const tagger = loadSpanTagger({ dataDir, provinces, cacheFile: spanTaggerCacheFile(fileURLToPath(new URL('../generated/', import.meta.url))) });
const loadMs = performance.now() - loadStarted;
const messages = readTrainingStories(path.join(dataDir, 'tagger-training')).stories.flatMap((s) => s.messages);

function measure(extractor: ComplaintExtractor): { median: number; p95: number } {
  for (const m of messages.slice(0, 50)) extractor.extract(m, { today: '2026-11-20', asked: null });
  const times = messages.map((m) => {
    const started = performance.now();
    extractor.extract(m, { today: '2026-11-20', asked: null });
    return performance.now() - started;
  });
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 100) / 100;
  return { median: at(0.5), p95: at(0.95) };
}

const rules = measure(new ComplaintExtractor(provinces));
const both = measure(new ComplaintExtractor(provinces, tagger));
process.stdout.write(`${messages.length} messages; tagger loaded in ${Math.round(loadMs)} ms (trained ${tagger.report.milliseconds} ms at build)\n`);
process.stdout.write(`rules alone: median ${rules.median} ms, p95 ${rules.p95} ms\nwith tagger: median ${both.median} ms, p95 ${both.p95} ms\n`);
