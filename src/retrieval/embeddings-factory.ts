import type { Embeddings } from '@langchain/core/embeddings';
import { OllamaEmbeddings } from '@langchain/ollama';
import { OpenAIEmbeddings } from '@langchain/openai';
import { z } from 'zod';
import {
  corpusEmbeddingsParamsSchema,
  corpusParamsHash,
  type CorpusEmbeddingsParams,
  type CorpusEmbeddingsParamsInput,
} from './corpus-embeddings.ts';
import type { EmbedderId } from './embedder-id.ts';
import { EmbeddingsConfigError } from './retrieval-errors.ts';

export const embeddingsSettingsSchema = z
  .object({
    provider: z.enum(['corpus', 'openai', 'ollama']).default('corpus'),
    model: z.string().min(1).optional(),
    /** OpenAI-compatible or Ollama server; the OpenAI default when absent. */
    baseUrl: z.url().optional(),
    apiKey: z.string().min(1).optional(),
    dimensions: z.number().int().positive().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.provider !== 'corpus' && !s.model) {
      ctx.addIssue({ code: 'custom', path: ['model'], message: `a model is required for provider "${s.provider}"` });
    }
  });

export type EmbeddingsSettings = z.input<typeof embeddingsSettingsSchema>;

/**
 * The embedder an index is built with. The corpus embedder does not exist before the index: it is
 * fitted on the passages while building and saved with them, so it is carried as parameters; a
 * neural embedder is a ready LangChain `Embeddings`.
 */
export type ConfiguredEmbeddings =
  | { readonly kind: 'corpus'; readonly id: EmbedderId; readonly params: CorpusEmbeddingsParams }
  | { readonly kind: 'external'; readonly id: EmbedderId; readonly embeddings: Embeddings };

/**
 * Turns validated settings into an embedder. `corpusParams` tunes the corpus embedder beyond its
 * dimensions (tests and benchmarks use it; the app does not need to).
 */
export function createEmbeddings(
  settings: EmbeddingsSettings,
  corpusParams: CorpusEmbeddingsParamsInput = {},
): ConfiguredEmbeddings {
  const parsed = embeddingsSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new EmbeddingsConfigError(`invalid embedding settings: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  const s = parsed.data;
  const baseUrl = s.baseUrl ?? null;
  switch (s.provider) {
    case 'corpus': {
      const params = corpusEmbeddingsParamsSchema.parse({ ...corpusParams, ...(s.dimensions ? { dimensions: s.dimensions } : {}) });
      return {
        kind: 'corpus',
        params,
        id: { provider: 'corpus', model: 'lsa', dimensions: params.dimensions, baseUrl: null, paramsHash: corpusParamsHash(params) },
      };
    }
    case 'openai': {
      const model = s.model!;
      const embeddings = new OpenAIEmbeddings({
        model,
        apiKey: s.apiKey ?? 'not-needed',
        ...(s.dimensions ? { dimensions: s.dimensions } : {}),
        configuration: baseUrl ? { baseURL: baseUrl } : {},
        maxRetries: 1,
      });
      return { kind: 'external', embeddings, id: { provider: 'openai', model, dimensions: s.dimensions ?? null, baseUrl, paramsHash: null } };
    }
    case 'ollama': {
      const model = s.model!;
      const embeddings = new OllamaEmbeddings({ model, ...(baseUrl ? { baseUrl } : {}) });
      return { kind: 'external', embeddings, id: { provider: 'ollama', model, dimensions: s.dimensions ?? null, baseUrl, paramsHash: null } };
    }
  }
}
