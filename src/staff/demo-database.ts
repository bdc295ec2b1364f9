import type { Db } from '../storage/database.ts';

/**
 * A database filled by `npm run demo:seed` says so in the Setting table: the console then shows a
 * "DEMO DATA" banner on every page, and only such a database may be seeded again (real records are
 * never mixed with, or replaced by, invented ones).
 */
export const demoSettingKey = 'demo';

export async function isDemoDatabase(db: Db): Promise<boolean> {
  return (await db.setting.findUnique({ where: { key: demoSettingKey } }))?.value === 'true';
}

export async function markDemoDatabase(db: Db, now: Date): Promise<void> {
  await db.setting.upsert({ where: { key: demoSettingKey }, create: { key: demoSettingKey, value: 'true', updatedAt: now }, update: { value: 'true', updatedAt: now } });
}

/**
 * What people or staff left here: chats, complaints, hand-offs, self-assessments, accounts, the audit
 * log. The holiday table and the routing directory are not counted: every start seeds them.
 */
export async function recordCounts(db: Db): Promise<Record<string, number>> {
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
  const counts = {
    conversations,
    complaints,
    'hand-offs': handoffs,
    'self-assessments': assessments,
    'staff accounts': staffAccounts,
    'audit entries': auditEntries,
    'channel updates': inboundUpdates,
    'outbox messages': outbox,
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

export class NotADemoDatabaseError extends Error {
  override readonly name = 'NotADemoDatabaseError';
}

/** Empties a demo database's records before it is seeded again; refuses any other database. */
export async function clearDemoData(db: Db): Promise<void> {
  if (!(await isDemoDatabase(db))) throw new NotADemoDatabaseError('this database is not marked as a demo: its records are not cleared');
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
