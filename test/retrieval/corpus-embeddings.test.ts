import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-loader.ts';
import { CorpusEmbeddings } from '../../src/retrieval/corpus-embeddings.ts';
import { passageFields, passageText, searchablePassages } from '../../src/retrieval/passage-fields.ts';
import { CorpusEmbeddingsError } from '../../src/retrieval/retrieval-errors.ts';

const cosine = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);

let kb: KnowledgeBase;
let texts: string[];
let model: CorpusEmbeddings;
const tmp: string[] = [];

beforeAll(async () => {
  kb = await loadKnowledgeBase('knowledge');
  texts = searchablePassages(kb).map((p) => passageText(passageFields(kb, p)));
  model = CorpusEmbeddings.fit(texts, { dimensions: 64 });
});

afterAll(async () => {
  await Promise.all(tmp.map((d) => rm(d, { recursive: true, force: true })));
});

describe('CorpusEmbeddings', () => {
  it('is a LangChain Embeddings with unit vectors of the configured size', async () => {
    expect(model).toBeInstanceOf(Embeddings);
    const [v] = await model.embedDocuments(['Bảo hành sản phẩm, hàng hóa']);
    expect(v).toHaveLength(64);
    expect(cosine(v!, v!)).toBeCloseTo(1, 5);
  });

  it('is deterministic: the same corpus and parameters give the same model', async () => {
    const again = CorpusEmbeddings.fit(texts, { dimensions: 64 });
    expect(again.paramsHash).toBe(model.paramsHash);
    expect(await again.embedQuery('chính sách bảo hành')).toEqual(await model.embedQuery('chính sách bảo hành'));
  });

  it('puts related texts closer than unrelated ones', async () => {
    const [warranty, warranty2, mediation] = await model.embedDocuments([
      'Chính sách bảo hành sản phẩm, thời hạn bảo hành',
      'bảo hành linh kiện, phụ kiện và sửa chữa khi hết thời gian bảo hành',
      'Hòa giải viên hòa giải tranh chấp giữa người tiêu dùng',
    ]);
    expect(cosine(warranty!, warranty2!)).toBeGreaterThan(cosine(warranty!, mediation!));
  });

  it('embeds teencode and unaccented questions near the accented question', async () => {
    const accented = await model.embedQuery('sản phẩm bảo hành không được');
    const teen = await model.embedQuery('sp bh ko dc');
    const other = await model.embedQuery('hòa giải viên trọng tài');
    expect(cosine(accented, teen)).toBeGreaterThan(0.8);
    expect(cosine(accented, teen)).toBeGreaterThan(cosine(accented, other));
  });

  it('returns the zero vector for text it has no features for', async () => {
    expect((await model.embedQuery('')).every((x) => x === 0)).toBe(true);
  });

  it('loads exactly what it saved', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'corpus-emb-'));
    tmp.push(dir);
    const file = path.join(dir, 'embedder.bin');
    await model.save(file);
    const loaded = await CorpusEmbeddings.load(file);
    expect(loaded.paramsHash).toBe(model.paramsHash);
    expect(await loaded.embedQuery('thu hồi sản phẩm có khuyết tật')).toEqual(await model.embedQuery('thu hồi sản phẩm có khuyết tật'));
  });

  it('refuses to fit on fewer than two passages', () => {
    expect(() => CorpusEmbeddings.fit(['một'])).toThrow(CorpusEmbeddingsError);
  });
});
