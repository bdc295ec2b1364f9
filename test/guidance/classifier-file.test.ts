import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readClassifier, writeClassifier } from '../../src/guidance/classifier-file.ts';
import type { ClassifierModel } from '../../src/guidance/entry-classifier.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-classifier-'));
  dirs.push(dir);
  return path.join(dir, 'generated', 'guidance-classifier.json');
}

describe('the saved entry classifier', () => {
  it('reads back what was saved', async () => {
    const file = await tempFile();
    const model: ClassifierModel = { version: 1, fingerprint: 'abc', classes: 2, weights: { bao_hanh: [0, 0.5, 1, -0.5] } };
    await writeClassifier(model, file);
    expect(await readClassifier(file)).toEqual(model);
  });

  it('is none when missing, torn or of another shape (the matcher then trains its own)', async () => {
    const file = await tempFile();
    expect(await readClassifier(file)).toBeNull();
    await writeClassifier({ version: 1, fingerprint: 'abc', classes: 1, weights: {} }, file);
    await writeFile(file, '{"version":1,"finger');
    expect(await readClassifier(file)).toBeNull();
    await writeFile(file, '{"version":2}');
    expect(await readClassifier(file)).toBeNull();
  });
});
