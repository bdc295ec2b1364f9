import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCalendar } from '../../src/shared/local-calendar.ts';
import { seedDemo } from '../../scripts/demo-seed.ts';
import { ComplaintRepository } from '../../src/complaints/complaint-repository.ts';
import { isDemoDatabase } from '../../src/staff/demo-database.ts';
import { PrismaDemoData } from '../../src/storage/prisma-demo-data.ts';
import { PrismaProgrammeRecords } from '../../src/storage/prisma-programme-records.ts';
import { programmeStats } from '../../src/staff/programme-stats.ts';
import { knowledgeDir } from '../support/knowledge.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { PrismaComplaintStore } from '../../src/storage/prisma-complaint-store.ts';

const now = new Date('2026-11-23T10:00:00+07:00');
let database: TempDatabase;

beforeAll(async () => {
  database = await openTempDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe('demo:seed', () => {
  it('fills a fresh database with a year of activity the dashboard can show, and marks it as a demo', { timeout: 120_000 }, async () => {
    const options = { seed: 7, now, knowledgeDir, adminEmail: 'admin@demo.vn', adminPassword: 'demo-password-1', agentPassword: 'demo-password-2' };
    const summary = await seedDemo(database.prisma, options);
    expect(summary.complaints).toBeGreaterThan(200);
    expect(summary.assessments).toBeGreaterThan(10);
    const stats = await programmeStats(new PrismaProgrammeRecords(database.prisma), 2026, now, new LocalCalendar('Asia/Ho_Chi_Minh'));
    expect(stats.byMonth.filter((m) => m.received > 0)).toHaveLength(11);
    expect(stats.byCategory.length).toBeGreaterThanOrEqual(8);
    expect(stats.byChannel.map((c) => c.key).sort()).toEqual(['telegram', 'web', 'zalo']);
    expect(stats.total.advisedRate).toBeGreaterThan(0.5);
    expect(stats.total.resolvedRate).toBeGreaterThan(0.4);
    expect(stats.total.overdue).toBeGreaterThan(0);
    expect(await database.prisma.handoff.count({ where: { status: 'waiting' } })).toBe(3);
    // Every seeded complaint is a valid record the complaint module reads back.
    expect((await new ComplaintRepository(new PrismaComplaintStore(database.prisma)).list({ limit: 500 })).total).toBe(summary.complaints);
    expect(await database.prisma.complaint.count({ where: { anonymised: true } })).toBe(1);
    expect(await database.prisma.auditLog.count({ where: { action: 'privacy.erase' } })).toBe(1);
    // It is marked as a demo (the console's banner, and the one kind of database it may seed again);
    // refusing real data is tested in test/security/demo-seed-guards.test.ts.
    expect(await isDemoDatabase(new PrismaDemoData(database.prisma))).toBe(true);
  });
});
