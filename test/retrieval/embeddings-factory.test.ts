import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OllamaEmbeddings } from '@langchain/ollama';
import { OpenAIEmbeddings } from '@langchain/openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-loader.ts';
import { createEmbeddings } from '../../src/retrieval/embeddings-factory.ts';
import { readManifest } from '../../src/retrieval/index-manifest.ts';
import { EmbeddingsConfigError } from '../../src/retrieval/retrieval-errors.ts';
import { ensureSearchIndex } from '../../src/retrieval/search-index.ts';
import { FakeOpenAiServer } from '../support/fake-openai-server.ts';

/** A real HTTP server speaking the OpenAI /v1/embeddings protocol, with deterministic vectors. */
const DIMS = 16;
const fake = new FakeOpenAiServer();
const requests = fake.embeddingRequests;
let baseUrl: string;

function fakeVector(text: string): number[] {
  // Bag of accent-free syllables hashed into DIMS buckets: similar texts get similar vectors.
  const v = new Array<number>(DIMS).fill(0);
  for (const w of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/)) {
    if (!w) continue;
    let h = 0;
    for (const c of w) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    v[h % DIMS]! += 1;
  }
  return v;
}

beforeAll(async () => {
  fake.embed = fakeVector;
  baseUrl = await fake.start();
});

afterAll(async () => {
  await fake.stop();
});

describe('createEmbeddings', () => {
  it('defaults to the corpus embedder, identified by its parameters', () => {
    const a = createEmbeddings({});
    const b = createEmbeddings({ provider: 'corpus', dimensions: 64 });
    expect(a.kind).toBe('corpus');
    expect(a.id).toMatchObject({ provider: 'corpus', model: 'lsa', dimensions: 128 });
    expect(b.id.paramsHash).not.toBe(a.id.paramsHash);
  });

  it('rejects settings that cannot work', () => {
    expect(() => createEmbeddings({ provider: 'openai' })).toThrow(EmbeddingsConfigError);
    expect(() => createEmbeddings({ provider: 'ollama', model: 'x', baseUrl: 'not a url' })).toThrow(EmbeddingsConfigError);
    expect(() => createEmbeddings({ provider: 'nope' as 'corpus' })).toThrow(EmbeddingsConfigError);
  });

  it('builds an Ollama embedder from settings', () => {
    const e = createEmbeddings({ provider: 'ollama', model: 'nomic-embed-text', baseUrl: 'http://127.0.0.1:11434' });
    expect(e.kind === 'external' && e.embeddings).toBeInstanceOf(OllamaEmbeddings);
    expect(e.id).toMatchObject({ provider: 'ollama', model: 'nomic-embed-text', baseUrl: 'http://127.0.0.1:11434' });
  });

  it('talks to an OpenAI-compatible server over HTTP', async () => {
    const e = createEmbeddings({ provider: 'openai', model: 'fake-embed', baseUrl, apiKey: 'test-key' });
    expect(e.kind === 'external' && e.embeddings).toBeInstanceOf(OpenAIEmbeddings);
    if (e.kind !== 'external') throw new Error('expected an external embedder');
    const v = await e.embeddings.embedQuery('bảo hành sản phẩm');
    expect(v).toHaveLength(DIMS);
    expect(v).toEqual(fakeVector('bảo hành sản phẩm'));
    expect(requests.at(-1)?.model).toBe('fake-embed');
  });

  it('builds and queries an index with the OpenAI-compatible embedder', async () => {
    const full = await loadKnowledgeBase('knowledge');
    const kb = new KnowledgeBase(full.documents.filter((d) => d.metadata.kind === 'plan'));
    const indexDir = await mkdtemp(path.join(os.tmpdir(), 'openai-index-'));
    try {
      const embeddings = createEmbeddings({ provider: 'openai', model: 'fake-embed', baseUrl, apiKey: 'test-key' });
      const before = requests.length;
      const retriever = await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings });
      expect(requests.length).toBeGreaterThan(before);
      const reading = await readManifest(indexDir);
      expect(reading.status === 'ok' && reading.manifest.embedder).toMatchObject({ provider: 'openai', model: 'fake-embed', baseUrl });
      expect(reading.status === 'ok' && reading.manifest.counts.vectorDimensions).toBe(DIMS);
      const result = await retriever.search('Sở Tài chính Bình Dương làm gì', { k: 3 });
      expect(result.hits.map((h) => h.passage.id)).toContain('KH-BD-CT30#IV.4');
      expect(result.hits.some((h) => h.vectorScore > 0)).toBe(true);
    } finally {
      await rm(indexDir, { recursive: true, force: true });
    }
  });
});
