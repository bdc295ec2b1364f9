import { mkdtemp, readFile, rm, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultLexiconDir, loadLexicon } from '../../src/text/lexicon.ts';
import { LexiconError } from '../../src/text/text-errors.ts';

const dirs: string[] = [];
async function copyLexicon(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lexicon-'));
  dirs.push(dir);
  await cp(defaultLexiconDir, dir, { recursive: true });
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('loadLexicon', () => {
  it('loads the shipped lexicons', () => {
    const lexicon = loadLexicon();
    expect(lexicon.abbreviations.get('ko')).toBeDefined();
    expect(lexicon.colloquial.get('doi')).toBeDefined();
    expect(lexicon.english.get('warranty')).toBeDefined();
    expect(lexicon.englishStopwords.has('the')).toBe(true);
    expect(lexicon.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file when it is not JSON', async () => {
    const dir = await copyLexicon();
    await writeFile(path.join(dir, 'colloquial.json'), '{ not json');
    expect(() => loadLexicon(dir)).toThrow(LexiconError);
    expect(() => loadLexicon(dir)).toThrow(/colloquial\.json.*not valid JSON/);
  });

  it('rejects entries of the wrong shape', async () => {
    const dir = await copyLexicon();
    await writeFile(path.join(dir, 'english.json'), JSON.stringify({ entries: [{ phrases: ['refund'] }] }));
    expect(() => loadLexicon(dir)).toThrow(/english\.json/);
  });

  it('rejects an abbreviation listed twice', async () => {
    const dir = await copyLexicon();
    const file = path.join(dir, 'abbreviations.json');
    const json = JSON.parse(await readFile(file, 'utf8')) as { entries: unknown[] };
    json.entries.push({ forms: ['ko'], means: ['khô'] });
    await writeFile(file, JSON.stringify(json));
    expect(() => loadLexicon(dir)).toThrow(/"ko" is listed twice/);
  });

  it('reports a missing file with its cause', async () => {
    const dir = await copyLexicon();
    await rm(path.join(dir, 'stopwords.json'));
    try {
      loadLexicon(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LexiconError);
      expect((error as LexiconError).cause).toBeDefined();
    }
  });
});
