/**
 * Runs once before the suite. Tests never need ../shared: everything they read is in the repository.
 * Keeping the process time zone fixed makes date arithmetic the same on every machine.
 */
import path from 'node:path';
import { ProvinceDirectory } from '../src/complaints/province-directory.ts';
import { loadSpanTagger, spanTaggerCacheFile } from '../src/complaints/span-tagger-store.ts';
import { knowledgeDir, projectRoot } from './support/knowledge.ts';

export default function setup(): void {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
  // The complaint span tagger's weights, trained once here when the code or stories changed since the
  // last build: otherwise every worker and every bot process a test starts would train it at once.
  const dataDir = path.join(knowledgeDir, 'complaints');
  loadSpanTagger({ dataDir, provinces: ProvinceDirectory.load(dataDir), cacheFile: spanTaggerCacheFile(path.join(projectRoot, 'generated')) });
}
