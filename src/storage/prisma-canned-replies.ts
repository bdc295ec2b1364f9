import type { CannedReply, CannedReplyInput, CannedReplyStore } from '../handoff/canned-replies.ts';
import type { Db } from './database.ts';
import { auditCreate } from './prisma-audit-rows.ts';

/** Canned replies in their table; every change commits with its audit line. */
export class PrismaCannedReplies implements CannedReplyStore {
  constructor(private readonly db: Db) {}

  list(): Promise<CannedReply[]> {
    return this.db.cannedReply.findMany({ orderBy: [{ title: 'asc' }, { id: 'asc' }], take: 200, select: { id: true, title: true, text: true, updatedBy: true, updatedAt: true } });
  }

  find(id: string): Promise<CannedReply | null> {
    return this.db.cannedReply.findUnique({ where: { id }, select: { id: true, title: true, text: true, updatedBy: true, updatedAt: true } });
  }

  async save(id: string | null, input: CannedReplyInput, by: string, now: Date): Promise<string | null> {
    return this.db.$transaction(async (tx) => {
      if (id === null) {
        const created = await tx.cannedReply.create({ data: { ...input, updatedBy: by, updatedAt: now, createdAt: now } });
        await auditCreate(tx, { actor: by, action: 'canned.save', target: created.id, detail: { title: input.title } }, now);
        return created.id;
      }
      const changed = await tx.cannedReply.updateMany({ where: { id }, data: { ...input, updatedBy: by, updatedAt: now } });
      if (changed.count === 0) return null;
      await auditCreate(tx, { actor: by, action: 'canned.save', target: id, detail: { title: input.title } }, now);
      return id;
    });
  }

  async remove(id: string, by: string, now: Date): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const gone = await tx.cannedReply.findUnique({ where: { id }, select: { title: true } });
      if (!gone) return false;
      await tx.cannedReply.delete({ where: { id } });
      await auditCreate(tx, { actor: by, action: 'canned.delete', target: id, detail: { title: gone.title } }, now);
      return true;
    });
  }
}
