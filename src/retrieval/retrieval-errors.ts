/** The search index on disk cannot be read, written or trusted. */
export class SearchIndexError extends Error {
  override readonly name = 'SearchIndexError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Embedding settings that cannot work (unknown provider, missing model, bad URL). */
export class EmbeddingsConfigError extends Error {
  override readonly name = 'EmbeddingsConfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The corpus embedder was used before it was fitted, or its saved model is inconsistent. */
export class CorpusEmbeddingsError extends Error {
  override readonly name = 'CorpusEmbeddingsError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
