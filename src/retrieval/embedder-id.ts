import { z } from 'zod';

/**
 * Identity of an embedder, recorded in the index manifest. Vectors from two embedders are not
 * comparable, so an index whose embedder id differs from the configured one is rebuilt.
 */
export const embedderIdSchema = z
  .object({
    provider: z.enum(['corpus', 'openai', 'ollama']),
    model: z.string(),
    /** Requested dimensions (null: the model's own). */
    dimensions: z.number().int().positive().nullable(),
    baseUrl: z.string().nullable(),
    /** Corpus embedder: hash of every parameter that shapes the fitted model. */
    paramsHash: z.string().nullable(),
  })
  .strict();

export type EmbedderId = z.infer<typeof embedderIdSchema>;

export function sameEmbedder(a: EmbedderId, b: EmbedderId): boolean {
  return (
    a.provider === b.provider &&
    a.model === b.model &&
    a.dimensions === b.dimensions &&
    a.baseUrl === b.baseUrl &&
    a.paramsHash === b.paramsHash
  );
}

export function describeEmbedder(id: EmbedderId): string {
  const parts = [id.provider, id.model, id.dimensions ? `${id.dimensions}d` : null, id.baseUrl, id.paramsHash];
  return parts.filter((p) => p !== null).join(' ');
}
