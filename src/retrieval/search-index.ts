import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { normaliseDocId, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Passage } from '../knowledge/passage.ts';
import { defaultQueryAnalyzer } from '../text/analyzer.ts';
import type { QueryAnalyzer } from '../text/query-analyzer.ts';
import { Bm25Index, defaultBm25Params, type Bm25Params } from './bm25-index.ts';
import { CorpusEmbeddings } from './corpus-embeddings.ts';
import type { ConfiguredEmbeddings } from './embeddings-factory.ts';
import { describeEmbedder } from './embedder-id.ts';
import { HybridRetriever, type FusionParams } from './hybrid-retriever.ts';
import {
  INDEX_FORMAT_VERSION,
  hashFingerprint,
  hashJson,
  readManifest,
  staleReason,
  writeManifest,
  type IndexManifest,
} from './index-manifest.ts';
import { passageFields, passageText, searchablePassages } from './passage-fields.ts';
import { SearchIndexError } from './retrieval-errors.ts';
import { defaultVectorIndexParams, VectorIndex, type VectorIndexParams } from './vector-index.ts';

export interface SearchIndexProgress {
  readonly phase: 'check' | 'lexical' | 'embedder' | 'embed' | 'vectors' | 'save' | 'load' | 'ready';
  readonly done: number;
  readonly total: number;
  readonly message?: string;
}

export interface SearchIndexOptions {
  readonly knowledgeBase: KnowledgeBase;
  /** Directory holding the index (created when missing; replaced whole on rebuild). */
  readonly indexDir: string;
  readonly embeddings: ConfiguredEmbeddings;
  readonly onProgress?: ((progress: SearchIndexProgress) => void) | undefined;
  /** Rebuild even when the index on disk matches. */
  readonly force?: boolean;
  readonly analyzer?: QueryAnalyzer;
  readonly bm25Params?: Bm25Params;
  readonly vectorParams?: VectorIndexParams;
  readonly fusion?: FusionParams;
}

const FILES = { passages: 'passages.json', lexical: 'lexical.bin', vectors: 'vectors.hnsw', embedder: 'embedder.bin' } as const;

/**
 * Returns a retriever over `knowledgeBase`, loading the index in `indexDir` when its manifest matches
 * the documents, the embedder and the index parameters, and rebuilding it otherwise (missing,
 * stale, unreadable or built with another embedder: vectors of another embedder are never used).
 */
export async function ensureSearchIndex(options: SearchIndexOptions): Promise<HybridRetriever> {
  const report = options.onProgress ?? (() => {});
  if (!options.force) {
    const reason = await whyNotLoadable(options);
    if (reason === null) {
      try {
        return await loadSearchIndex(options);
      } catch (error) {
        if (!(error instanceof SearchIndexError)) throw error;
        report({ phase: 'check', done: 0, total: 1, message: `rebuilding: the index could not be loaded (${describe(error)})` });
      }
    } else {
      report({ phase: 'check', done: 0, total: 1, message: `rebuilding: ${reason}` });
    }
  }
  return buildSearchIndex(options);
}

/** Null when the index on disk can serve these options, else why not. */
export async function whyNotLoadable(options: SearchIndexOptions): Promise<string | null> {
  const reading = await readManifest(options.indexDir);
  if (reading.status === 'missing') return 'no index yet';
  if (reading.status === 'invalid') return reading.reason;
  return staleReason(reading.manifest, wantedIdentity(options));
}

function wantedIdentity(options: SearchIndexOptions) {
  return {
    knowledgeFingerprint: hashFingerprint(options.knowledgeBase.fingerprint),
    embedder: options.embeddings.id,
    lexicalParamsHash: hashJson(options.bm25Params ?? defaultBm25Params),
  };
}

export async function buildSearchIndex(options: SearchIndexOptions): Promise<HybridRetriever> {
  const started = performance.now();
  const report = options.onProgress ?? (() => {});
  const kb = options.knowledgeBase;
  const analyzer = options.analyzer ?? defaultQueryAnalyzer();
  const passages = searchablePassages(kb);
  if (passages.length === 0) throw new SearchIndexError('the knowledge base has no passages to index');
  const fields = passages.map((p) => passageFields(kb, p));
  // Corpus statistics come from the latest text of each line of succession: a repealed law that
  // repeats most of its successor's wording would otherwise weigh the words both use half as much.
  const superseded = new Set(passages.filter((p) => kb.timeline.isSuperseded(p.docId)).map((p) => p.docId));
  const inStatistics = (i: number) => !superseded.has(passages[i]!.docId);

  report({ phase: 'lexical', done: 0, total: passages.length });
  const lexical = Bm25Index.build(
    fields.map((f) => ({ ...f })),
    options.bm25Params ?? defaultBm25Params,
    { inStatistics },
  );
  report({ phase: 'lexical', done: passages.length, total: passages.length });

  const texts = fields.map(passageText);
  let embedder: CorpusEmbeddings | null = null;
  let vectors: ArrayLike<number>[];
  if (options.embeddings.kind === 'corpus') {
    report({ phase: 'embedder', done: 0, total: 1, message: 'fitting the corpus embedder' });
    const fitTexts = texts.filter((_, i) => inStatistics(i));
    embedder = CorpusEmbeddings.fit(fitTexts.length >= 2 ? fitTexts : texts, options.embeddings.params, { analyzer });
    report({ phase: 'embedder', done: 1, total: 1 });
    vectors = [];
    for (let i = 0; i < texts.length; i++) {
      vectors.push(embedder.embedDocumentSync(texts[i]!));
      if (i % 200 === 0 || i === texts.length - 1) report({ phase: 'embed', done: i + 1, total: texts.length });
    }
  } else {
    vectors = await embedExternally(options.embeddings, texts, report);
  }
  const dimensions = vectors[0]?.length ?? 0;
  if (dimensions === 0) throw new SearchIndexError(`the embedder (${describeEmbedder(options.embeddings.id)}) returned empty vectors`);

  const vectorIndex = VectorIndex.build(vectors, dimensions, options.vectorParams ?? defaultVectorIndexParams, (done, total) =>
    report({ phase: 'vectors', done, total }),
  );

  report({ phase: 'save', done: 0, total: 1 });
  const identity = wantedIdentity(options);
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    knowledgeFingerprint: identity.knowledgeFingerprint,
    embedder: identity.embedder,
    lexicalParamsHash: identity.lexicalParamsHash,
    counts: {
      documents: kb.documents.length,
      passages: passages.length,
      vocabulary: lexical.vocabularySize,
      vectorDimensions: dimensions,
      embedderFeatures: embedder?.featureCount ?? null,
    },
    buildMs: Math.round(performance.now() - started),
  };
  await writeIndexDir(options.indexDir, async (dir) => {
    await writeFile(path.join(dir, FILES.passages), JSON.stringify(passages.map((p) => p.id)));
    await lexical.save(path.join(dir, FILES.lexical));
    await vectorIndex.save(path.join(dir, FILES.vectors));
    if (embedder) await embedder.save(path.join(dir, FILES.embedder));
    await writeManifest(dir, manifest);
  });
  report({ phase: 'save', done: 1, total: 1 });
  report({ phase: 'ready', done: 1, total: 1, message: `built ${passages.length} passages in ${manifest.buildMs} ms` });
  return retriever(options, passages, lexical, vectorIndex, embedder ?? externalOf(options.embeddings), analyzer);
}

/** Loads the index in `indexDir`; throws SearchIndexError when it is missing, stale or unreadable. */
export async function loadSearchIndex(options: SearchIndexOptions): Promise<HybridRetriever> {
  const report = options.onProgress ?? (() => {});
  const reading = await readManifest(options.indexDir);
  if (reading.status !== 'ok') {
    throw new SearchIndexError(`no usable index in ${options.indexDir}: ${reading.status === 'missing' ? 'no manifest' : reading.reason}`);
  }
  const reason = staleReason(reading.manifest, wantedIdentity(options));
  if (reason) throw new SearchIndexError(`the index in ${options.indexDir} is stale: ${reason}`);
  const { manifest } = reading;
  report({ phase: 'load', done: 0, total: 1 });
  const dir = options.indexDir;
  const analyzer = options.analyzer ?? defaultQueryAnalyzer();
  const passages = await readPassages(path.join(dir, FILES.passages), options.knowledgeBase);
  if (passages.length !== manifest.counts.passages) {
    throw new SearchIndexError(`${dir}: ${passages.length} passages listed, the manifest says ${manifest.counts.passages}`);
  }
  const lexical = await Bm25Index.load(path.join(dir, FILES.lexical));
  const vectorIndex = await VectorIndex.load(path.join(dir, FILES.vectors), manifest.counts.vectorDimensions, passages.length, options.vectorParams);
  const embeddings =
    options.embeddings.kind === 'corpus' ? await loadCorpusEmbedder(path.join(dir, FILES.embedder), analyzer, manifest) : options.embeddings.embeddings;
  report({ phase: 'ready', done: 1, total: 1 });
  return retriever(options, passages, lexical, vectorIndex, embeddings, analyzer);
}

async function loadCorpusEmbedder(file: string, analyzer: QueryAnalyzer, manifest: IndexManifest): Promise<CorpusEmbeddings> {
  try {
    const embedder = await CorpusEmbeddings.load(file, analyzer);
    if (embedder.paramsHash !== manifest.embedder.paramsHash || embedder.dimensions !== manifest.counts.vectorDimensions) {
      throw new SearchIndexError(`${file} does not match the manifest's embedder`);
    }
    return embedder;
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    throw new SearchIndexError(`cannot load the corpus embedder ${file}`, { cause: error });
  }
}

function retriever(
  options: SearchIndexOptions,
  passages: Passage[],
  lexical: Bm25Index,
  vectors: VectorIndex,
  embeddings: ConstructorParameters<typeof HybridRetriever>[0]['embeddings'],
  analyzer: QueryAnalyzer,
): HybridRetriever {
  const docPriors = new Map(options.knowledgeBase.documents.map((d) => [normaliseDocId(d.metadata.id), d.metadata.searchPrior]));
  return new HybridRetriever({ passages, lexical, vectors, embeddings, analyzer, docPriors, ...(options.fusion ? { fusion: options.fusion } : {}) });
}

function externalOf(embeddings: ConfiguredEmbeddings) {
  if (embeddings.kind !== 'external') throw new SearchIndexError('internal: a corpus embedder was not fitted');
  return embeddings.embeddings;
}

async function embedExternally(
  embeddings: Extract<ConfiguredEmbeddings, { kind: 'external' }>,
  texts: string[],
  report: (p: SearchIndexProgress) => void,
): Promise<number[][]> {
  const batch = 64;
  const out: number[][] = [];
  for (let i = 0; i < texts.length; i += batch) {
    let vectors: number[][];
    try {
      vectors = await embeddings.embeddings.embedDocuments(texts.slice(i, i + batch));
    } catch (error) {
      throw new SearchIndexError(`the embedder (${describeEmbedder(embeddings.id)}) failed`, { cause: error });
    }
    out.push(...vectors);
    report({ phase: 'embed', done: Math.min(texts.length, i + batch), total: texts.length });
  }
  if (out.length !== texts.length) throw new SearchIndexError(`the embedder returned ${out.length} vectors for ${texts.length} passages`);
  const dims = out[0]?.length ?? 0;
  if (out.some((v) => v.length !== dims)) throw new SearchIndexError('the embedder returned vectors of different lengths');
  return out;
}

async function readPassages(file: string, kb: KnowledgeBase): Promise<Passage[]> {
  let ids: unknown;
  try {
    ids = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new SearchIndexError(`cannot read ${file}`, { cause: error });
  }
  if (!Array.isArray(ids)) throw new SearchIndexError(`${file} is not a list of passage ids`);
  return ids.map((id) => {
    const p = typeof id === 'string' ? kb.passage(id) : undefined;
    if (!p) throw new SearchIndexError(`${file}: passage ${String(id)} is not in the knowledge base`);
    return p;
  });
}

/** Writes into a fresh sibling directory, then swaps it in, so a crash never leaves half an index. */
async function writeIndexDir(indexDir: string, write: (dir: string) => Promise<void>): Promise<void> {
  const parent = path.dirname(path.resolve(indexDir));
  const tmp = path.join(parent, `.${path.basename(indexDir)}.building-${process.pid}-${Date.now()}`);
  try {
    await mkdir(tmp, { recursive: true });
    await write(tmp);
    await rm(indexDir, { recursive: true, force: true });
    await rename(tmp, indexDir);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error instanceof SearchIndexError ? error : new SearchIndexError(`cannot write the index to ${indexDir}`, { cause: error });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
