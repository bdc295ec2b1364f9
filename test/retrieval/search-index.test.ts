import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-loader.ts';
import { createEmbeddings } from '../../src/retrieval/embeddings-factory.ts';
import { hashFingerprint, readManifest, type IndexManifest } from '../../src/retrieval/index-manifest.ts';
import { SearchIndexError } from '../../src/retrieval/retrieval-errors.ts';
import { ensureSearchIndex, loadSearchIndex, type SearchIndexProgress } from '../../src/retrieval/search-index.ts';

// Small embedders keep the suite fast; the lifecycle does not depend on the size.
const small = createEmbeddings({ provider: 'corpus', dimensions: 32 });
const other = createEmbeddings({ provider: 'corpus', dimensions: 40 });

let kb: KnowledgeBase;
let root: string;

beforeAll(async () => {
  // The decree, the decision and the plans: enough text for a real index, quick to rebuild often.
  const full = await loadKnowledgeBase('knowledge');
  kb = new KnowledgeBase(full.documents.filter((d) => d.metadata.kind !== 'law'));
  root = await mkdtemp(path.join(os.tmpdir(), 'search-index-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function manifestOf(dir: string): Promise<IndexManifest> {
  const reading = await readManifest(dir);
  if (reading.status !== 'ok') throw new Error(`no manifest in ${dir}`);
  return reading.manifest;
}

function recorder() {
  const events: SearchIndexProgress[] = [];
  return { events, onProgress: (p: SearchIndexProgress) => events.push(p), rebuilt: () => events.some((e) => e.phase === 'lexical') };
}

describe('ensureSearchIndex', () => {
  it('builds a missing index with a manifest describing it', async () => {
    const indexDir = path.join(root, 'fresh');
    const rec = recorder();
    const retriever = await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: small, onProgress: rec.onProgress });
    expect(rec.rebuilt()).toBe(true);
    const m = await manifestOf(indexDir);
    expect(m.knowledgeFingerprint).toBe(hashFingerprint(kb.fingerprint));
    expect(m.embedder).toEqual(small.id);
    expect(m.counts.passages).toBe(retriever.passages.length);
    expect(m.counts.vectorDimensions).toBe(32);
    expect(m.counts.vocabulary).toBeGreaterThan(1000);
    const top = (await retriever.search('hồ sơ đăng ký hợp đồng theo mẫu gồm những gì', { k: 3 })).hits[0]?.passage;
    expect(top).toMatchObject({ docId: '55/2024/NĐ-CP', article: 8 });
  });

  it('loads a matching index without rebuilding it, with the same results', async () => {
    const indexDir = path.join(root, 'reuse');
    const built = await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: small });
    const builtAt = (await manifestOf(indexDir)).builtAt;
    const rec = recorder();
    const loaded = await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: small, onProgress: rec.onProgress });
    expect(rec.rebuilt()).toBe(false);
    expect((await manifestOf(indexDir)).builtAt).toBe(builtAt);
    const q = 'shop ko xuat hoa don cho e dc ko';
    expect((await loaded.search(q)).hits.map((h) => h.passage.id)).toEqual((await built.search(q)).hits.map((h) => h.passage.id));
  });

  it('rebuilds when a knowledge document changes', async () => {
    const indexDir = path.join(root, 'knowledge-change');
    await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: small });
    const changed = new KnowledgeBase(kb.documents.map((d, i) => (i === 0 ? { ...d, checksum: `${d.checksum}-edited` } : d)));
    const rec = recorder();
    await ensureSearchIndex({ knowledgeBase: changed, indexDir, embeddings: small, onProgress: rec.onProgress });
    expect(rec.rebuilt()).toBe(true);
    expect(rec.events.find((e) => e.phase === 'check')?.message).toMatch(/knowledge documents changed/);
    expect((await manifestOf(indexDir)).knowledgeFingerprint).toBe(hashFingerprint(changed.fingerprint));
  });

  it('rebuilds for another embedder and never serves the old vectors', async () => {
    const indexDir = path.join(root, 'embedder-change');
    await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: small });
    await expect(loadSearchIndex({ knowledgeBase: kb, indexDir, embeddings: other })).rejects.toThrow(SearchIndexError);
    const rec = recorder();
    const retriever = await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: other, onProgress: rec.onProgress });
    expect(rec.events.find((e) => e.phase === 'check')?.message).toMatch(/another embedder/);
    const m = await manifestOf(indexDir);
    expect(m.embedder).toEqual(other.id);
    expect(m.counts.vectorDimensions).toBe(40);
    expect((await retriever.search('thu hồi sản phẩm có khuyết tật')).hits.length).toBeGreaterThan(0);
    // The index now belongs to the other embedder: the first one is refused in turn.
    await expect(loadSearchIndex({ knowledgeBase: kb, indexDir, embeddings: small })).rejects.toThrow(/another embedder/);
  });

  it('rebuilds an index whose manifest is unreadable or whose files are damaged', async () => {
    const indexDir = path.join(root, 'damaged');
    await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: small });
    await writeFile(path.join(indexDir, 'manifest.json'), '{ broken');
    let rec = recorder();
    await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: small, onProgress: rec.onProgress });
    expect(rec.rebuilt()).toBe(true);

    await writeFile(path.join(indexDir, 'lexical.bin'), 'garbage');
    rec = recorder();
    const retriever = await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: small, onProgress: rec.onProgress });
    expect(rec.events.find((e) => e.phase === 'check')?.message).toMatch(/could not be loaded/);
    expect((await retriever.search('bảo hành')).hits.length).toBeGreaterThan(0);
    expect((await readFile(path.join(indexDir, 'lexical.bin'))).length).toBeGreaterThan(1000);
  });

  it('rebuilds on request even when the index matches', async () => {
    const indexDir = path.join(root, 'forced');
    await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: small });
    const rec = recorder();
    await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: small, force: true, onProgress: rec.onProgress });
    expect(rec.rebuilt()).toBe(true);
  });
});
