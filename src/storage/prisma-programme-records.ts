import type { CountedComplaint, CountedHandoff, ProgrammeRecords } from '../staff/programme-stats.ts';
import type { Db } from './database.ts';

/** The complaint and hand-off tables as the dashboard's yearly figures read them. */
export class PrismaProgrammeRecords implements ProgrammeRecords {
  constructor(private readonly db: Db) {}

  async requests({ from, to }: { readonly from: Date; readonly to: Date }): Promise<{ complaints: CountedComplaint[]; handoffs: CountedHandoff[] }> {
    const [complaints, handoffs] = await Promise.all([
      this.db.complaint.findMany({ where: { createdAt: { gte: from, lt: to } }, select: { status: true, category: true, channel: true, createdAt: true, acknowledgeBy: true, negotiateBy: true } }),
      this.db.handoff.findMany({ where: { createdAt: { gte: from, lt: to } }, select: { createdAt: true, firstResponseAt: true, rating: true, conversation: { select: { channel: true } } } }),
    ]);
    return { complaints, handoffs: handoffs.map((h) => ({ createdAt: h.createdAt, firstResponseAt: h.firstResponseAt, rating: h.rating, channel: h.conversation.channel })) };
  }
}
