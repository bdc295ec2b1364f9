import { erasedName, erasedNarrative } from '../privacy/complaint-shell.ts';
import type { ErasureReport, PersonalDataStore, PersonalDataSummary } from '../privacy/personal-data.ts';
import { auditCreate } from './prisma-audit-rows.ts';
import type { Db } from './database.ts';

/**
 * Turns a complaint's stored record into its anonymised shell. The complaint module owns the record's
 * format, so it supplies this; the columns that identify a person are cleared here regardless.
 */
export type RecordAnonymiser = (recordJson: string) => string;

export class PrismaPersonalDataStore implements PersonalDataStore {
  constructor(
    private readonly db: Db,
    private readonly anonymiseRecord: RecordAnonymiser,
  ) {}

  async summary(conversationId: string): Promise<PersonalDataSummary> {
    const [messages, complaints, assessments] = await Promise.all([
      this.db.message.count({ where: { conversationId } }),
      this.db.complaint.count({ where: { conversationId, anonymised: false } }),
      this.db.selfAssessment.count({ where: { conversationId } }),
    ]);
    return { messages, complaints, assessments };
  }

  async erase(conversationId: string, now: Date): Promise<ErasureReport> {
    return this.db.$transaction(async (tx) => {
      const complaints = await tx.complaint.findMany({ where: { conversationId, anonymised: false }, select: { id: true, reference: true, record: true } });
      for (const c of complaints) {
        await tx.complaint.update({
          where: { id: c.id },
          data: {
            consumerName: erasedName,
            consumerPhone: null,
            consumerEmail: null,
            narrative: erasedNarrative,
            record: this.anonymiseRecord(c.record),
            anonymised: true,
            // Unlinked so the shell cannot be traced back to the chat (and its channel id).
            conversationId: null,
          },
        });
      }
      const messages = await tx.message.deleteMany({ where: { conversationId } });
      // Stored replies of past deliveries repeat what was said.
      await tx.inboundUpdate.deleteMany({ where: { conversationId } });
      const assessments = await tx.selfAssessment.updateMany({ where: { conversationId }, data: { conversationId: null } });
      await tx.conversation.update({ where: { id: conversationId }, data: { userName: null, context: '{}', lastOptions: '[]', stateData: '{}' } });
      const report: ErasureReport = { messages: messages.count, complaints: complaints.length, assessments: assessments.count, complaintReferences: complaints.map((c) => c.reference) };
      await auditCreate(tx, { actor: 'consumer', action: 'privacy.erase', target: conversationId, detail: { ...report } }, now);
      return report;
    });
  }
}
