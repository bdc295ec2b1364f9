/** Why a warning could not be changed: the console turns each code into a sentence. */
export type WarningErrorCode = 'not_found' | 'not_editable' | 'not_publishable' | 'not_withdrawable' | 'stale_version';

export class WarningError extends Error {
  override readonly name = 'WarningError';

  constructor(
    readonly code: WarningErrorCode,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}
