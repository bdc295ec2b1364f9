import type { Prisma } from '../../generated/prisma/client.ts';
import { ComplaintStorageError } from '../complaints/complaint-errors.ts';
import type { ComplaintStatus } from '../complaints/complaint-lifecycle.ts';
import { complaintRecordSchema, type ComplaintRecord } from '../complaints/complaint-record.ts';
import type { ComplaintEventView, ComplaintStore, NewComplaintEvent, ParsedComplaintFilter, StoredComplaint } from '../complaints/complaint-repository.ts';
import { addDays } from '../complaints/local-date.ts';
import type { Db } from './database.ts';

type Row = Prisma.ComplaintGetPayload<object>;

/** The filing day is stored as createdAt; "from/to" are Vietnam calendar days. */
function vietnamDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** Complaints in the Complaint table (record as JSON, searchable fields as columns) and their ComplaintEvent rows. */
export class PrismaComplaintStore implements ComplaintStore {
  constructor(private readonly db: Db) {}

  async insert(record: ComplaintRecord, conversationId: string | null, event: NewComplaintEvent): Promise<StoredComplaint> {
    try {
      const row = await this.db.$transaction(async (tx) => {
        const created = await tx.complaint.create({ data: { ...columnsOf(record), reference: record.reference, channel: record.channel, conversationId, createdAt: new Date(record.createdAt) } });
        await tx.complaintEvent.create({ data: { complaintId: created.id, ...eventRow(event) } });
        return created;
      });
      return toStored(row);
    } catch (error) {
      throw new ComplaintStorageError(`Cannot store complaint ${record.reference}`, { cause: error });
    }
  }

  async byReference(reference: string): Promise<StoredComplaint | null> {
    const row = await this.query(() => this.db.complaint.findUnique({ where: { reference } }));
    return row ? toStored(row) : null;
  }

  async provinces(): Promise<string[]> {
    const rows = await this.query(() => this.db.complaint.findMany({ where: { consumerProvince: { not: null } }, distinct: ['consumerProvince'], select: { consumerProvince: true }, orderBy: { consumerProvince: 'asc' } }));
    return rows.flatMap((r) => (r.consumerProvince === null ? [] : [r.consumerProvince]));
  }

  async list(f: ParsedComplaintFilter): Promise<{ items: StoredComplaint[]; total: number }> {
    const where = whereOf(f);
    const [rows, total] = await this.query(() =>
      Promise.all([this.db.complaint.findMany({ where, orderBy: { createdAt: 'desc' }, take: f.limit, skip: f.offset }), this.db.complaint.count({ where })]),
    );
    return { items: rows.map(toStored), total };
  }

  async forConversation(conversationId: string): Promise<StoredComplaint[]> {
    const rows = await this.query(() => this.db.complaint.findMany({ where: { conversationId }, orderBy: { createdAt: 'asc' } }));
    return rows.map(toStored);
  }

  async events(reference: string): Promise<ComplaintEventView[] | null> {
    const row = await this.query(() => this.db.complaint.findUnique({ where: { reference }, include: { events: { orderBy: { createdAt: 'asc' } } } }));
    if (!row) return null;
    return row.events.map((e) => ({ fromStatus: (e.fromStatus as ComplaintStatus | null) ?? null, toStatus: e.toStatus as ComplaintStatus, actor: e.actor, note: e.note, at: e.createdAt }));
  }

  async changeStatus(id: string, from: ComplaintStatus, record: ComplaintRecord, event: NewComplaintEvent): Promise<StoredComplaint | null> {
    try {
      const row = await this.db.$transaction(async (tx) => {
        // The status in the WHERE makes a concurrent transition from the same state lose cleanly.
        const updated = await tx.complaint.updateMany({ where: { id, status: from }, data: { status: record.status, record: JSON.stringify(record), updatedAt: event.at } });
        if (updated.count === 0) return null;
        await tx.complaintEvent.create({ data: { complaintId: id, ...eventRow(event) } });
        return tx.complaint.findUniqueOrThrow({ where: { id } });
      });
      return row ? toStored(row) : null;
    } catch (error) {
      throw new ComplaintStorageError(`Cannot change the status of ${record.reference}`, { cause: error });
    }
  }

  async replaceRecord(id: string, record: ComplaintRecord, event: NewComplaintEvent): Promise<StoredComplaint> {
    try {
      const row = await this.db.$transaction(async (tx) => {
        await tx.complaint.update({ where: { id }, data: { record: JSON.stringify(record), updatedAt: event.at } });
        await tx.complaintEvent.create({ data: { complaintId: id, ...eventRow(event) } });
        return tx.complaint.findUniqueOrThrow({ where: { id } });
      });
      return toStored(row);
    } catch (error) {
      throw new ComplaintStorageError(`Cannot change the handling of ${record.reference}`, { cause: error });
    }
  }

  async awaitingReminder(today: string, statuses: readonly ComplaintStatus[]): Promise<StoredComplaint[]> {
    const rows = await this.query(() =>
      this.db.complaint.findMany({ where: { status: { in: [...statuses] }, acknowledgeBy: { lt: today }, anonymised: false }, orderBy: { createdAt: 'asc' }, take: 500 }),
    );
    return rows.map(toStored);
  }

  async markReminded(id: string, now: Date): Promise<void> {
    await this.query(() => this.db.complaint.update({ where: { id }, data: { remindedAt: now } }));
  }

  private async query<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new ComplaintStorageError('Cannot read complaints', { cause: error });
    }
  }
}

function eventRow(e: NewComplaintEvent) {
  return { fromStatus: e.fromStatus, toStatus: e.toStatus, actor: e.actor, note: e.note, createdAt: e.at };
}

function whereOf(f: ParsedComplaintFilter): Prisma.ComplaintWhereInput {
  const statuses = [...(f.status ? [f.status] : []), ...(f.statuses ?? [])];
  return {
    ...(statuses.length > 0 ? { status: { in: statuses } } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.issue ? { issue: f.issue } : {}),
    ...(f.province ? { consumerProvince: f.province } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.platform ? { businessPlatform: f.platform } : {}),
    ...(f.conversationId ? { conversationId: f.conversationId } : {}),
    ...(f.from || f.to
      ? { createdAt: { ...(f.from ? { gte: vietnamDayStart(f.from) } : {}), ...(f.to ? { lt: vietnamDayStart(addDays(f.to, 1)) } : {}) } }
      : {}),
    ...(f.text
      ? {
          OR: [
            { reference: { contains: f.text } },
            { consumerName: { contains: f.text } },
            { businessName: { contains: f.text } },
            { product: { contains: f.text } },
            { consumerPhone: { contains: f.text } },
            { consumerEmail: { contains: f.text } },
          ],
        }
      : {}),
  };
}

/** The record's searchable fields, copied into columns so staff can filter without parsing JSON. */
function columnsOf(r: ComplaintRecord) {
  return {
    status: r.status,
    consumerName: r.consumer.name,
    consumerPhone: r.consumer.phone,
    consumerEmail: r.consumer.email,
    consumerProvince: r.consumer.province,
    businessName: r.business.name,
    businessAddress: r.business.address,
    businessPlatform: r.business.platform,
    product: r.product,
    category: r.category,
    issue: r.issue,
    purchaseDate: r.purchaseDate,
    amountVnd: r.amountVnd,
    purchaseChannel: r.purchaseChannel,
    narrative: r.narrative,
    applicableLaw: r.applicableLaw,
    suggestedAgency: r.suggestedAgency,
    shareWithBusiness: r.consent.shareWithBusiness,
    shareWithAgency: r.consent.shareWithAgency,
    acknowledgeBy: r.deadlines.acknowledgeBy,
    negotiateBy: r.deadlines.negotiateBy,
    record: JSON.stringify(r),
  };
}

function toStored(row: Row): StoredComplaint {
  let raw: unknown;
  try {
    raw = JSON.parse(row.record);
  } catch (error) {
    throw new ComplaintStorageError(`Complaint ${row.reference} has an unreadable record`, { cause: error });
  }
  const parsed = complaintRecordSchema.safeParse(raw);
  if (!parsed.success) throw new ComplaintStorageError(`Complaint ${row.reference} does not match the record schema`, { cause: parsed.error });
  // The status column is authoritative (a transition writes both; an older copy must not win).
  const record = { ...parsed.data, status: row.status as ComplaintStatus };
  return { id: row.id, conversationId: row.conversationId, record, updatedAt: row.updatedAt, remindedAt: row.remindedAt, anonymised: row.anonymised };
}
