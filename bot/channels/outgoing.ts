import type { ReplyFile, ReplyOption } from '../../src/dialogue/messages.ts';

/**
 * One message a channel sends. A reply becomes one or more parts (long text split, a file after
 * it); delivery progress is counted in parts, so a restart re-sends only the parts not yet sent.
 */
export type OutgoingPart =
  | { readonly kind: 'text'; readonly text: string; readonly options?: readonly ReplyOption[] }
  | { readonly kind: 'file'; readonly file: ReplyFile };
