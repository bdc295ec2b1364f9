import type { HolidayRow, HolidayTable } from '../complaints/calendar-store.ts';
import type { ConversationAddresses } from '../complaints/complaint-reminders.ts';
import type { ComplaintSeedTable, RoutingSeed } from '../complaints/complaint-seed.ts';
import type { ComplaintStores } from '../complaints/complaint-stores.ts';
import type { ComplaintTranscripts } from '../complaints/complaint-transcripts.ts';
import type { IsoDate } from '../complaints/local-date.ts';
import type { RoutingEntryFields, RoutingEntryRow, RoutingEntryView, RoutingTable } from '../complaints/routing-directory.ts';
import type { TranscriptEntry } from '../dialogue/conversation-store.ts';
import type { AuditInput } from '../shared/audit-log.ts';
import type { Db } from './database.ts';
import { auditCreate } from './prisma-audit-rows.ts';
import { PrismaComplaintStore } from './prisma-complaint-store.ts';

/** The Holiday table staff keep. */
export class PrismaHolidayTable implements HolidayTable {
  constructor(private readonly db: Db) {}

  days(): Promise<Array<{ date: string; name: string; isWorkingDay: boolean }>> {
    return this.db.holiday.findMany({ select: { date: true, name: true, isWorkingDay: true } });
  }

  inYear(year: number): Promise<HolidayRow[]> {
    return this.db.holiday.findMany({ where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } }, orderBy: { date: 'asc' }, select: holidayColumns });
  }

  byId(id: string): Promise<HolidayRow | null> {
    return this.db.holiday.findUnique({ where: { id }, select: holidayColumns });
  }

  async save(day: { date: string; name: string; isWorkingDay: boolean }, actor: string, audit: AuditInput, now: Date): Promise<void> {
    const { date, name, isWorkingDay } = day;
    await this.db.$transaction([
      this.db.holiday.upsert({ where: { date }, create: { date, name, isWorkingDay, updatedBy: actor }, update: { name, isWorkingDay, updatedBy: actor } }),
      auditCreate(this.db, audit, now),
    ]);
  }

  async remove(id: string, audit: AuditInput, now: Date): Promise<void> {
    await this.db.$transaction([this.db.holiday.delete({ where: { id } }), auditCreate(this.db, audit, now)]);
  }
}

const holidayColumns = { id: true, date: true, name: true, isWorkingDay: true, updatedBy: true } as const;

/** The RoutingEntry table: which agency handles which kind of case, from when to when. */
export class PrismaRoutingTable implements RoutingTable {
  constructor(private readonly db: Db) {}

  inForce(category: string, onDate: IsoDate): Promise<RoutingEntryRow | null> {
    return this.db.routingEntry.findFirst({
      where: { category, validFrom: { lte: onDate }, OR: [{ validTo: null }, { validTo: { gte: onDate } }] },
      orderBy: { validFrom: 'desc' },
      select: { key: true, agency: true, description: true, source: true },
    });
  }

  all(): Promise<RoutingEntryView[]> {
    return this.db.routingEntry.findMany({ orderBy: [{ category: 'asc' }, { validFrom: 'desc' }], select: routingColumns });
  }

  byId(id: string): Promise<RoutingEntryView | null> {
    return this.db.routingEntry.findUnique({ where: { id }, select: routingColumns });
  }

  async save(key: string, fields: RoutingEntryFields, actor: string, audit: AuditInput, now: Date): Promise<void> {
    const data = { ...fields, updatedBy: actor };
    await this.db.$transaction([this.db.routingEntry.upsert({ where: { key }, create: { key, ...data }, update: data }), auditCreate(this.db, audit, now)]);
  }

  async retire(id: string, validTo: IsoDate, actor: string, audit: AuditInput, now: Date): Promise<void> {
    await this.db.$transaction([this.db.routingEntry.update({ where: { id }, data: { validTo, updatedBy: actor } }), auditCreate(this.db, audit, now)]);
  }
}

const routingColumns = { id: true, key: true, category: true, agency: true, description: true, contact: true, source: true, validFrom: true, validTo: true, updatedBy: true } as const;

/** The Holiday and RoutingEntry tables as the start-up seed fills them. */
export class PrismaComplaintSeedTable implements ComplaintSeedTable {
  constructor(private readonly db: Db) {}

  async holidayDates(): Promise<Set<string>> {
    return new Set((await this.db.holiday.findMany({ select: { date: true } })).map((h) => h.date));
  }

  async routingKeys(): Promise<Set<string>> {
    return new Set((await this.db.routingEntry.findMany({ select: { key: true } })).map((r) => r.key));
  }

  async add(days: ReadonlyArray<{ date: string; name: string; isWorkingDay: boolean }>, routes: RoutingSeed['entries']): Promise<void> {
    await this.db.$transaction([this.db.holiday.createMany({ data: [...days] }), this.db.routingEntry.createMany({ data: routes })]);
  }

  async held(dates: readonly string[], keys: readonly string[]): Promise<{ days: number; routes: number }> {
    const [days, routes] = await Promise.all([this.db.holiday.count({ where: { date: { in: [...dates] } } }), this.db.routingEntry.count({ where: { key: { in: [...keys] } } })]);
    return { days, routes };
  }
}

/** Where a conversation is reached, for the complaint reminders. */
export class PrismaConversationAddresses implements ConversationAddresses {
  constructor(private readonly db: Db) {}

  address(conversationId: string): Promise<{ channel: string; externalId: string; locale: string } | null> {
    return this.db.conversation.findUnique({ where: { id: conversationId }, select: { channel: true, externalId: true, locale: true } });
  }
}

export class PrismaComplaintTranscripts implements ComplaintTranscripts {
  constructor(private readonly db: Db) {}

  async latest(conversationId: string, limit: number): Promise<{ messages: TranscriptEntry[]; total: number }> {
    const where = { conversationId };
    // Newest first up to the limit (a long chat's first messages are history), handed out oldest first.
    const [rows, total] = await Promise.all([this.db.message.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit }), this.db.message.count({ where })]);
    return { messages: rows.reverse().map((m) => ({ direction: m.direction === 'in' || m.direction === 'staff' ? m.direction : 'out', text: m.text, createdAt: m.createdAt })), total };
  }
}

/** Every complaint port over one database. */
export function prismaComplaintStores(db: Db): ComplaintStores {
  return {
    complaints: new PrismaComplaintStore(db),
    holidays: new PrismaHolidayTable(db),
    routing: new PrismaRoutingTable(db),
    seed: new PrismaComplaintSeedTable(db),
    conversations: new PrismaConversationAddresses(db),
    transcripts: new PrismaComplaintTranscripts(db),
  };
}
