import { randomUUID } from 'node:crypto';
import type { EvidenceStore } from '../evidence/evidence-store.ts';
import type { Db } from './database.ts';

/**
 * Uploaded evidence kept in the database (EvidenceFile), beside the conversation it came in: one
 * backup holds everything, and erasing the conversation erases the bytes in the same transaction
 * (with SQLite's secure_delete, out of the file itself). The id is random; the user's file name is
 * never a key or a path anywhere.
 */
export class PrismaEvidenceStore implements EvidenceStore {
  constructor(private readonly db: Db) {}

  async save(file: { conversationId: string; mimeType: string; bytes: Uint8Array }, now: Date): Promise<string> {
    const id = randomUUID();
    await this.db.evidenceFile.create({ data: { id, conversationId: file.conversationId, mimeType: file.mimeType, size: file.bytes.length, data: Buffer.from(file.bytes), createdAt: now } });
    return id;
  }

  async read(id: string): Promise<{ mimeType: string; bytes: Uint8Array } | null> {
    const row = await this.db.evidenceFile.findUnique({ where: { id }, select: { mimeType: true, data: true } });
    return row ? { mimeType: row.mimeType, bytes: new Uint8Array(row.data) } : null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.evidenceFile.count({ where: { id } })) > 0;
  }
}
