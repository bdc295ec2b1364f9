/** A knowledge file that cannot be read as a document: names the file and the line. */
export class KnowledgeFormatError extends Error {
  override readonly name = 'KnowledgeFormatError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}:${line}: ${reason}`, options);
  }
}
