/** A lexicon file under knowledge/lexicon that is missing, not JSON or not in the expected shape. */
export class LexiconError extends Error {
  override readonly name = 'LexiconError';
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
  }
}
