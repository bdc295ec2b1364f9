import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTrainingStories } from '../../src/complaints/complaint-span-tagger.ts';
import { foldAligned } from '../../src/complaints/folded-text.ts';
import { ProvinceDirectory } from '../../src/complaints/province-directory.ts';
import { readByRules } from '../../src/complaints/rule-readings.ts';
import { loadSpanTagger, spanTaggerCacheFile, trainingKey } from '../../src/complaints/span-tagger-store.ts';
import { knowledgeDir } from '../support/knowledge.ts';

/** A knowledge/complaints folder of its own: the provinces, and two small training files. */
const root = mkdtempSync(path.join(os.tmpdir(), 'span-tagger-store-'));
const dataDir = path.join(root, 'complaints');
mkdirSync(path.join(dataDir, 'tagger-training'), { recursive: true });
cpSync(path.join(knowledgeDir, 'complaints', 'provinces.json'), path.join(dataDir, 'provinces.json'));
const story = (id: string, message: string, business: string | null, product: string | null) => JSON.stringify({ id, messages: [message], expected: { business, businessAddress: null, product } });
writeFileSync(
  path.join(dataDir, 'tagger-training', 'a.jsonl'),
  [story('a1', 'Tôi mua quạt điện ở shop Gió Mát', 'Gió Mát', 'quạt điện'), story('a2', 'mua ấm siêu tốc của shop Bếp Xinh', 'Bếp Xinh', 'ấm siêu tốc')].join('\n'),
);
writeFileSync(path.join(dataDir, 'tagger-training', 'b.jsonl'), `${story('b1', 'Đặt bàn là hơi nước bên shop Nhà Sạch', 'Nhà Sạch', 'bàn là hơi nước')}\n`);
const provinces = ProvinceDirectory.load(dataDir);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('training and keeping the span tagger', () => {
  it('reads every training file in name order, leaving out the excluded', () => {
    expect(readTrainingStories(path.join(dataDir, 'tagger-training')).stories.map((s) => s.id)).toEqual(['a1', 'a2', 'b1']);
    expect(readTrainingStories(path.join(dataDir, 'tagger-training'), ['a.jsonl']).files).toEqual(['b.jsonl']);
  });

  it('reports how many values were found in the words', () => {
    const tagger = loadSpanTagger({ dataDir, provinces, cacheFile: null });
    expect(tagger.report.aligned.seller).toEqual({ said: 3, found: 3 });
    expect(tagger.report.aligned.address).toEqual({ said: 0, found: 0 });
    expect(tagger.report.stories).toBe(3);
  });

  it('saves its weights and reads them back while the key holds, giving the same spans', () => {
    const cacheFile = spanTaggerCacheFile(path.join(root, 'generated'));
    const trained = loadSpanTagger({ dataDir, provinces, cacheFile });
    const written = statSync(cacheFile).mtimeMs;
    const loaded = loadSpanTagger({ dataDir, provinces, cacheFile });
    expect(statSync(cacheFile).mtimeMs).toBe(written);
    const ft = foldAligned('mua nồi chiên ở shop Gió Xinh');
    const rules = readByRules(ft, provinces, { alone: true, actedOn: true });
    expect(loaded.tag(ft, rules)).toEqual(trained.tag(ft, rules));
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).key).toBe(trainingKey({ dataDir }));
  });

  it('a change to the stories or the files left out changes the key (the weights are trained again)', () => {
    const before = trainingKey({ dataDir });
    expect(trainingKey({ dataDir, exclude: ['b.jsonl'] })).not.toBe(before);
    writeFileSync(path.join(dataDir, 'tagger-training', 'b.jsonl'), `${story('b1', 'Đặt bàn là ở shop Nhà Sạch', 'Nhà Sạch', 'bàn là')}\n`);
    expect(trainingKey({ dataDir })).not.toBe(before);
  });

  it('names a tagger trained without some files apart from the full one', () => {
    expect(path.basename(spanTaggerCacheFile('/g'))).toBe('complaint-span-tagger.json');
    expect(path.basename(spanTaggerCacheFile('/g', ['stories-dev.jsonl', 'stories-b.jsonl']))).toBe('complaint-span-tagger-without-stories-b+stories-dev.json');
  });

  it('a bad training line names its file and line', () => {
    writeFileSync(path.join(dataDir, 'tagger-training', 'c.jsonl'), '{"id": "c1", "messages": []}\n');
    expect(() => readTrainingStories(path.join(dataDir, 'tagger-training'))).toThrow(/c\.jsonl:1: messages/);
  });
});
