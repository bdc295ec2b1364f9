/**
 * A platform refused or failed to take an outgoing message. `permanent` (the user blocked the bot,
 * the chat does not exist) means retrying cannot help; otherwise the message stays owed and is
 * retried later. Messages never contain a bot token.
 */
export class ChannelSendError extends Error {
  override readonly name = 'ChannelSendError';
  readonly permanent: boolean;

  constructor(message: string, options: { cause?: unknown; permanent: boolean }) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent;
  }
}

/** A channel could not start (bad token, unreachable API): start-up stops with this. */
export class ChannelStartError extends Error {
  override readonly name = 'ChannelStartError';
}
