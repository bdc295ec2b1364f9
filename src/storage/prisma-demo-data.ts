import { demoSettingKey, type DemoDataStore } from '../staff/demo-database.ts';
import type { Db } from './database.ts';

/** The demo mark in the Setting table, and the tables a demo seed fills. */
export class PrismaDemoData implements DemoDataStore {
  constructor(private readonly db: Db) {}

  async demoSetting(): Promise<string | null> {
    return (await this.db.setting.findUnique({ where: { key: demoSettingKey } }))?.value ?? null;
  }

  async setDemoSetting(value: string, now: Date): Promise<void> {
    await this.db.setting.upsert({ where: { key: demoSettingKey }, create: { key: demoSettingKey, value, updatedAt: now }, update: { value, updatedAt: now } });
  }

  async recordCounts(): Promise<Record<string, number>> {
    const db = this.db;
    const [conversations, complaints, handoffs, assessments, staffAccounts, auditEntries, inboundUpdates, outbox] = await Promise.all([
      db.conversation.count(),
      db.complaint.count(),
      db.handoff.count(),
      db.selfAssessment.count(),
      db.staffUser.count(),
      db.auditLog.count(),
      db.inboundUpdate.count(),
      db.outbox.count(),
    ]);
    return {
      conversations,
      complaints,
      'hand-offs': handoffs,
      'self-assessments': assessments,
      'staff accounts': staffAccounts,
      'audit entries': auditEntries,
      'channel updates': inboundUpdates,
      'outbox messages': outbox,
    };
  }

  async deleteRecords(): Promise<void> {
    const db = this.db;
    // Children first, so the order holds whatever the foreign keys cascade.
    await db.$transaction([
      db.staffSession.deleteMany(),
      db.loginAttempt.deleteMany(),
      db.auditLog.deleteMany(),
      db.outbox.deleteMany(),
      db.complaintEvent.deleteMany(),
      db.complaint.deleteMany(),
      db.handoff.deleteMany(),
      db.selfAssessment.deleteMany(),
      db.message.deleteMany(),
      db.inboundUpdate.deleteMany(),
      db.conversation.deleteMany(),
      db.staffUser.deleteMany(),
    ]);
  }
}
