import { randomUUID } from 'node:crypto';
import type { ComplaintStatus } from '../complaints/complaint-lifecycle.ts';
import { erasedName, erasedNarrative, type ComplaintShell } from '../privacy/complaint-shell.ts';
import type { ErasureReport, PersonalDataStore, PersonalDataSummary } from '../privacy/personal-data.ts';
import { auditCreate } from './prisma-audit-rows.ts';
import type { Db, DatabaseProvider } from './database.ts';
import { checkpointSqlite } from './sqlite-maintenance.ts';

/**
 * Turns a complaint's stored record into its anonymised shell. The complaint module owns the record's
 * format, so it supplies this; the columns that identify a person are cleared here regardless.
 */
export type RecordAnonymiser = (recordJson: string, status: ComplaintStatus) => ComplaintShell;

/**
 * Whether a journaled platform update (its raw payload) belongs to the chat `externalId`. The
 * channels know their payloads; with it, erasure also finds updates that never reached the engine
 * (an edited message, a group message not addressed to the bot), which name no conversation.
 */
export type UpdateOfChat = (payload: string, externalId: string) => boolean;

export interface PersonalDataStoreOptions {
  readonly anonymise: RecordAnonymiser;
  readonly provider: DatabaseProvider;
  readonly updateOfChat?: UpdateOfChat;
}

/**
 * Audit details of entries about an erased conversation or complaint keep only what holds no words
 * of anyone: numbers, flags and these codes. A note ("Đã gọi chị Lan 0912…") goes; so does any key
 * added later, until someone decides it is safe to keep.
 */
const auditCodesKept = new Set(['from', 'to', 'handoffId']);

function scrubAuditDetail(detail: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return '{}';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return '{}';
  const kept = Object.entries(parsed).filter(([key, value]) => typeof value === 'number' || typeof value === 'boolean' || value === null || (auditCodesKept.has(key) && typeof value === 'string'));
  return JSON.stringify({ ...Object.fromEntries(kept), erased: true });
}

export class PrismaPersonalDataStore implements PersonalDataStore {
  constructor(
    private readonly db: Db,
    private readonly options: PersonalDataStoreOptions,
  ) {}

  async summary(conversationId: string): Promise<PersonalDataSummary> {
    const [messages, complaints, assessments] = await Promise.all([
      this.db.message.count({ where: { conversationId } }),
      this.db.complaint.count({ where: { conversationId, anonymised: false } }),
      this.db.selfAssessment.count({ where: { conversationId } }),
    ]);
    return { messages, complaints, assessments };
  }

  /**
   * Every copy of the person's data this database holds goes in one transaction: the transcript
   * (with its attachments and the uploaded files' bytes), the complaints' names, contacts, stories, evidence, staff notes and the
   * notes in their audit entries, the journaled platform updates and the replies stored with them,
   * the staff replies and reminders waiting in the outbox, the user name and working data, and the
   * conversation's channel id, so nothing here links the remaining statistics to the person.
   * Then SQLite's WAL is checkpointed: with secure_delete on, the erased bytes are zeroed in the file.
   */
  async erase(conversationId: string, now: Date): Promise<ErasureReport> {
    const report = await this.db.$transaction(async (tx) => {
      const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { channel: true, externalId: true } });
      const complaints = await tx.complaint.findMany({ where: { conversationId, anonymised: false }, select: { id: true, reference: true, record: true, status: true } });
      let withdrawn = 0;
      for (const c of complaints) {
        const shell = this.options.anonymise(c.record, c.status as ComplaintStatus);
        await tx.complaint.update({
          where: { id: c.id },
          data: {
            consumerName: erasedName,
            consumerPhone: null,
            consumerEmail: null,
            narrative: erasedNarrative,
            record: shell.record,
            status: shell.status,
            anonymised: true,
            // Unlinked so the shell cannot be traced back to the chat (and its channel id).
            conversationId: null,
          },
        });
        await tx.complaintEvent.updateMany({ where: { complaintId: c.id }, data: { note: '' } });
        if (shell.status !== c.status) {
          withdrawn += 1;
          await tx.complaintEvent.create({ data: { complaintId: c.id, fromStatus: c.status, toStatus: shell.status, actor: 'consumer', note: '', createdAt: now } });
        }
      }
      const references = complaints.map((c) => c.reference);
      const audited = await tx.auditLog.findMany({ where: { target: { in: [conversationId, ...references] } }, select: { id: true, detail: true } });
      for (const entry of audited) await tx.auditLog.update({ where: { id: entry.id }, data: { detail: scrubAuditDetail(entry.detail) } });

      const messages = await tx.message.deleteMany({ where: { conversationId } });
      // The bytes of the photos and files uploaded in the web chat (complaint evidence or not).
      await tx.evidenceFile.deleteMany({ where: { conversationId } });
      await this.eraseJournal(tx, conversationId, conversation);
      await tx.outbox.deleteMany({ where: { channel: conversation.channel, externalId: conversation.externalId } });
      // A warnings subscription names the chat and records the person's consent: it goes with the rest.
      await tx.warningSubscription.deleteMany({ where: { channel: conversation.channel, externalId: conversation.externalId } });
      await tx.handoff.updateMany({ where: { conversationId, status: { in: ['waiting', 'active'] } }, data: { status: 'closed', closedAt: now } });
      // Staff's internal notes on the chat quote what the person said and how to reach them.
      await tx.handoffNote.deleteMany({ where: { handoff: { conversationId } } });
      const assessments = await tx.selfAssessment.updateMany({ where: { conversationId }, data: { conversationId: null } });
      await tx.conversation.update({
        where: { id: conversationId },
        data: {
          // The chat's id on its platform is personal data too; the person's next message starts a new conversation.
          externalId: `erased:${randomUUID()}`,
          userName: null,
          context: '{}',
          lastOptions: '[]',
          stateData: '{}',
        },
      });
      const erased: ErasureReport = { messages: messages.count, complaints: complaints.length, withdrawn, assessments: assessments.count };
      // Counts only: the references would link the anonymous shells to this conversation again.
      await auditCreate(tx, { actor: 'consumer', action: 'privacy.erase', target: conversationId, detail: { ...erased } }, now);
      return erased;
    });
    if (this.options.provider === 'sqlite') await checkpointSqlite(this.db);
    return report;
  }

  /**
   * The raw updates of this chat and the replies stored with them. A delivered update goes; one still
   * in flight (the confirmation being answered, a message typed just after it) keeps its row, so it is
   * still answered once, but loses its payload and replies.
   */
  private async eraseJournal(tx: Parameters<Parameters<Db['$transaction']>[0]>[0], conversationId: string, chat: { channel: string; externalId: string }): Promise<void> {
    const ids = new Set((await tx.inboundUpdate.findMany({ where: { conversationId }, select: { id: true } })).map((r) => r.id));
    const ofChat = this.options.updateOfChat;
    if (ofChat) {
      const unlinked = await tx.inboundUpdate.findMany({ where: { channel: chat.channel, conversationId: null, payload: { contains: chat.externalId } }, select: { id: true, payload: true } });
      for (const row of unlinked) if (ofChat(row.payload, chat.externalId)) ids.add(row.id);
    }
    const all = [...ids];
    await tx.inboundUpdate.deleteMany({ where: { id: { in: all }, deliveredAt: { not: null } } });
    await tx.inboundUpdate.updateMany({ where: { id: { in: all } }, data: { payload: '', replies: '[]' } });
  }
}
