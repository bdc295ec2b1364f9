import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWholeFileSync } from '../shared/whole-file.ts';
import { ComplaintDataError } from './complaint-errors.ts';
import { ComplaintSpanTagger, readTrainingStories, type TrainingReport } from './complaint-span-tagger.ts';
import type { ProvinceDirectory } from './province-directory.ts';
import { SpanTagger, type SpanTaggerWeights } from './span-tagger.ts';

/** The rules' code is among the tagger's features: a change to it makes the saved weights stale. */
const sourceDir = path.dirname(fileURLToPath(import.meta.url));
const lexiconFile = path.join(sourceDir, '../../knowledge/lexicon/products.json');

export interface SpanTaggerSource {
  /** knowledge/complaints: tagger-training/ holds the stories, provinces.json the places. */
  readonly dataDir: string;
  readonly provinces: ProvinceDirectory;
  /** Training files left out (leave-one-set-out cross-validation): file names in tagger-training/. */
  readonly exclude?: readonly string[];
  /** Where the trained weights are kept between starts (generated/, never committed); null: train in memory. */
  readonly cacheFile: string | null;
  /** Train again even when the saved weights are current (knowledge:build). */
  readonly force?: boolean;
  /** The rules' spans as features (off by default: see TrainingReport.ruleFeatures). */
  readonly ruleFeatures?: boolean;
}

/** The file, in the folder of built artefacts, that keeps a tagger trained without the `exclude` files. */
export function spanTaggerCacheFile(generatedDir: string, exclude: readonly string[] = []): string {
  const left = [...exclude].sort().map((f) => f.replace(/\.jsonl$/, ''));
  return path.join(generatedDir, left.length === 0 ? 'complaint-span-tagger.json' : `complaint-span-tagger-without-${left.join('+')}.json`);
}

interface SavedTagger {
  readonly key: string;
  readonly report: TrainingReport;
  readonly weights: SpanTaggerWeights;
}

/**
 * What the weights depend on: the training stories, the places and products the features consult,
 * and the code that reads features and the rules' spans. Equal keys, equal weights (training is
 * deterministic), so saved weights are used only while the key holds.
 */
export function trainingKey(source: Pick<SpanTaggerSource, 'dataDir' | 'exclude' | 'ruleFeatures'>): string {
  const hash = createHash('sha256');
  const trainingDir = path.join(source.dataDir, 'tagger-training');
  const exclude = [...(source.exclude ?? [])].sort();
  hash.update(`exclude:${exclude.join(',')}\nrule features:${source.ruleFeatures ?? 'default'}\n`);
  const inputs = [
    ...readdirSync(trainingDir)
      .filter((f) => f.endsWith('.jsonl') && !exclude.includes(f))
      .sort()
      .map((f) => path.join(trainingDir, f)),
    path.join(source.dataDir, 'provinces.json'),
    lexiconFile,
    ...readdirSync(sourceDir)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => path.join(sourceDir, f)),
  ];
  for (const file of inputs) hash.update(`${path.basename(file)}\n`).update(readFileSync(file));
  return hash.digest('hex');
}

/** The tagger from saved weights when they are current, else trained now (and saved when a cache file is given). */
export function loadSpanTagger(source: SpanTaggerSource): ComplaintSpanTagger {
  const trainingDir = path.join(source.dataDir, 'tagger-training');
  const key = trainingKey(source);
  if (source.cacheFile && !source.force && existsSync(source.cacheFile)) {
    const saved = readSaved(source.cacheFile);
    if (saved?.key === key) return ComplaintSpanTagger.fromModel(SpanTagger.fromJSON(saved.weights), source.provinces, saved.report);
  }
  const { files, stories } = readTrainingStories(trainingDir, source.exclude);
  if (stories.length === 0) throw new ComplaintDataError(`No training stories in ${trainingDir} (excluding ${source.exclude?.join(', ') || 'none'})`);
  const tagger = ComplaintSpanTagger.train(stories, source.provinces, { files, ...(source.ruleFeatures === undefined ? {} : { ruleFeatures: source.ruleFeatures }) });
  if (source.cacheFile) {
    const saved: SavedTagger = { key, report: tagger.report, weights: tagger.weights() };
    writeWholeFileSync(source.cacheFile, JSON.stringify(saved));
  }
  return tagger;
}

/** Saved weights, or null when the file is not one (it is then trained again and overwritten). */
function readSaved(file: string): SavedTagger | null {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedTagger>;
    return typeof saved.key === 'string' && saved.weights && saved.report ? (saved as SavedTagger) : null;
  } catch {
    // A cache is only an optimisation: an unreadable one is retrained and replaced.
    return null;
  }
}
