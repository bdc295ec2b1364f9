import { z } from 'zod';

/** A reply staff reuse, kept by admins: a title to pick it by and the text that goes to the user. */
export interface CannedReply {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

export const cannedReplyInput = z.object({
  title: z.string().trim().min(1).max(80),
  // The same bound as a staff reply: a canned reply is sent as one.
  text: z.string().trim().min(1).max(4000),
});
export type CannedReplyInput = z.infer<typeof cannedReplyInput>;

/** Storage for canned replies (src/storage/prisma-canned-replies.ts); each change with its audit line. */
export interface CannedReplyStore {
  list(): Promise<CannedReply[]>;
  find(id: string): Promise<CannedReply | null>;
  /** Creates (no id) or updates; returns the reply's id, or null when the id does not exist. */
  save(id: string | null, input: CannedReplyInput, by: string, now: Date): Promise<string | null>;
  remove(id: string, by: string, now: Date): Promise<boolean>;
}
