import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { embedderIdSchema, sameEmbedder, type EmbedderId } from './embedder-id.ts';
import { SearchIndexError } from './retrieval-errors.ts';

/** Bumped whenever the files' layout or the document analysis changes. */
export const INDEX_FORMAT_VERSION = 3;
export const MANIFEST_FILE = 'manifest.json';

export const indexManifestSchema = z
  .object({
    formatVersion: z.number().int(),
    builtAt: z.iso.datetime(),
    /** sha256 of KnowledgeBase.fingerprint: any edited, added or removed document changes it. */
    knowledgeFingerprint: z.string().min(1),
    embedder: embedderIdSchema,
    /** Hash of the lexical index parameters (fields, weights, k1). */
    lexicalParamsHash: z.string().min(1),
    counts: z
      .object({
        documents: z.number().int().min(0),
        passages: z.number().int().min(0),
        vocabulary: z.number().int().min(0),
        vectorDimensions: z.number().int().min(1),
        embedderFeatures: z.number().int().min(0).nullable(),
      })
      .strict(),
    buildMs: z.number().min(0),
  })
  .strict();

export type IndexManifest = z.infer<typeof indexManifestSchema>;

export function hashFingerprint(fingerprint: string): string {
  return createHash('sha256').update(fingerprint).digest('hex');
}

export function hashJson(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

export type ManifestReading =
  | { readonly status: 'missing' }
  | { readonly status: 'invalid'; readonly reason: string }
  | { readonly status: 'ok'; readonly manifest: IndexManifest };

export async function readManifest(indexDir: string): Promise<ManifestReading> {
  const file = path.join(indexDir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw new SearchIndexError(`cannot read ${file}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { status: 'invalid', reason: `${file} is not JSON (${(error as Error).message})` };
  }
  const parsed = indexManifestSchema.safeParse(json);
  if (!parsed.success) return { status: 'invalid', reason: `${file}: ${z.prettifyError(parsed.error)}` };
  return { status: 'ok', manifest: parsed.data };
}

export async function writeManifest(indexDir: string, manifest: IndexManifest): Promise<void> {
  await writeFile(path.join(indexDir, MANIFEST_FILE), `${JSON.stringify(indexManifestSchema.parse(manifest), null, 2)}\n`);
}

/** Why an index on disk cannot serve the wanted configuration, or null when it can. */
export function staleReason(
  manifest: IndexManifest,
  wanted: { knowledgeFingerprint: string; embedder: EmbedderId; lexicalParamsHash: string },
): string | null {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return `index format ${manifest.formatVersion}, expected ${INDEX_FORMAT_VERSION}`;
  if (manifest.knowledgeFingerprint !== wanted.knowledgeFingerprint) return 'the knowledge documents changed';
  if (!sameEmbedder(manifest.embedder, wanted.embedder)) return 'built with another embedder';
  if (manifest.lexicalParamsHash !== wanted.lexicalParamsHash) return 'built with other lexical index parameters';
  return null;
}
