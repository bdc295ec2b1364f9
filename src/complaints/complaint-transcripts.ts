import type { TranscriptEntry } from '../dialogue/conversation-store.ts';

/** The chat a complaint was filed from, as the complaint's page shows it (src/storage/prisma-complaint-tables.ts). */
export interface ComplaintTranscripts {
  /** The chat's latest `limit` messages, oldest of them first (ties in time by id), and how many the chat has in all. */
  latest(conversationId: string, limit: number): Promise<{ messages: TranscriptEntry[]; total: number }>;
}
