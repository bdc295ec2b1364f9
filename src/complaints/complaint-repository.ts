/**
 * Complaints in the database: the API the bot and the staff console use.
 *
 *   const complaints = new ComplaintRepository(db);
 *   await complaints.list({ statuses: ['received'], province: 'Đà Nẵng', limit: 50 })  // -> { items, total }
 *   await complaints.get('KN-20250310-7QH2D')                                         // -> StoredComplaint | null
 *   await complaints.transition('KN-…', 'acknowledged', { actor: 'staff@hoi.vn', note: '…', now })
 *   await complaints.history('KN-…')                                                  // -> ComplaintEventView[]
 *   await complaints.export({ from: '2025-01-01', to: '2025-03-31' })                 // -> ComplaintRecord[]
 *
 * Filters: status / statuses, category, issue, province, channel, platform, from / to (filing
 * day, YYYY-MM-DD, Vietnam time, inclusive), text (reference, names, product, phone, email),
 * conversationId, limit (default 50, max 500), offset. Results are newest first.
 * Transitions follow src/complaints/complaint-lifecycle.ts (nextStatuses(status) lists the allowed
 * ones); the actor is "consumer", "bot" or a staff e-mail address; closing, referring or resolving
 * needs a note. Each transition is kept as a ComplaintEvent and mirrored in the stored record.
 * Errors: ComplaintRequestError (code not_found | invalid_transition | invalid_input) for what the
 * caller can fix, ComplaintStorageError when the database fails.
 */
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from '../storage/database.ts';
import { ComplaintRequestError, ComplaintStorageError } from './complaint-errors.ts';
import { canTransition, complaintStatuses, needsNote, type ComplaintStatus } from './complaint-lifecycle.ts';
import { complaintRecordSchema, type ComplaintRecord, type LegalRef } from './complaint-record.ts';
import { addDays } from './local-date.ts';

export const complaintFilterSchema = z
  .object({
    status: z.enum(complaintStatuses).optional(),
    statuses: z.array(z.enum(complaintStatuses)).optional(),
    category: z.string().min(1).optional(),
    issue: z.string().min(1).optional(),
    province: z.string().min(1).optional(),
    channel: z.string().min(1).optional(),
    platform: z.string().min(1).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    text: z.string().trim().min(1).max(200).optional(),
    conversationId: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type ComplaintFilter = z.input<typeof complaintFilterSchema>;

export const actorSchema = z.union([z.literal('consumer'), z.literal('bot'), z.email()]);

const transitionSchema = z.object({
  actor: actorSchema,
  note: z.string().trim().max(2000).default(''),
  now: z.date(),
});

export interface StoredComplaint {
  readonly id: string;
  readonly conversationId: string | null;
  readonly record: ComplaintRecord;
  readonly updatedAt: Date;
  readonly remindedAt: Date | null;
  readonly anonymised: boolean;
}

export interface ComplaintEventView {
  readonly fromStatus: ComplaintStatus | null;
  readonly toStatus: ComplaintStatus;
  readonly actor: string;
  readonly note: string;
  readonly at: Date;
}

type Row = Prisma.ComplaintGetPayload<object>;

/** The filing day is stored as createdAt; "from/to" are Vietnam calendar days. */
function vietnamDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

export class ComplaintRepository {
  constructor(private readonly db: Db) {}

  /** Stores a new complaint (status "received") with its first lifecycle event. */
  async create(record: ComplaintRecord, conversationId: string | null): Promise<StoredComplaint> {
    const valid = complaintRecordSchema.parse(record);
    try {
      const row = await this.db.$transaction(async (tx) => {
        const created = await tx.complaint.create({ data: { ...columnsOf(valid), reference: valid.reference, channel: valid.channel, conversationId, createdAt: new Date(valid.createdAt) } });
        await tx.complaintEvent.create({ data: { complaintId: created.id, fromStatus: null, toStatus: valid.status, actor: 'consumer', note: '', createdAt: new Date(valid.createdAt) } });
        return created;
      });
      return toStored(row);
    } catch (error) {
      throw new ComplaintStorageError(`Cannot store complaint ${valid.reference}`, { cause: error });
    }
  }

  async get(reference: string): Promise<StoredComplaint | null> {
    const row = await this.query(() => this.db.complaint.findUnique({ where: { reference } }));
    return row ? toStored(row) : null;
  }

  async list(filter: ComplaintFilter = {}): Promise<{ items: StoredComplaint[]; total: number }> {
    const f = parseFilter(filter);
    const where = whereOf(f);
    const [rows, total] = await this.query(() =>
      Promise.all([this.db.complaint.findMany({ where, orderBy: { createdAt: 'desc' }, take: f.limit, skip: f.offset }), this.db.complaint.count({ where })]),
    );
    return { items: rows.map(toStored), total };
  }

  /** Full records in the export format, newest first (up to 500 per call; page with offset). */
  async export(filter: ComplaintFilter = {}): Promise<ComplaintRecord[]> {
    return (await this.list({ limit: 500, ...filter })).items.map((c) => c.record);
  }

  async forConversation(conversationId: string): Promise<StoredComplaint[]> {
    const rows = await this.query(() => this.db.complaint.findMany({ where: { conversationId }, orderBy: { createdAt: 'asc' } }));
    return rows.map(toStored);
  }

  async history(reference: string): Promise<ComplaintEventView[]> {
    const row = await this.query(() => this.db.complaint.findUnique({ where: { reference }, include: { events: { orderBy: { createdAt: 'asc' } } } }));
    if (!row) throw new ComplaintRequestError(`No complaint ${reference}`, 'not_found');
    return row.events.map((e) => ({ fromStatus: (e.fromStatus as ComplaintStatus | null) ?? null, toStatus: e.toStatus as ComplaintStatus, actor: e.actor, note: e.note, at: e.createdAt }));
  }

  /** Moves a complaint along its lifecycle; refuses transitions the lifecycle does not allow. */
  async transition(reference: string, to: ComplaintStatus, input: { actor: string; note?: string; now: Date }): Promise<StoredComplaint> {
    const parsed = transitionSchema.safeParse(input);
    if (!parsed.success) throw new ComplaintRequestError(`Invalid transition request: ${parsed.error.issues[0]?.message}`, 'invalid_input', { cause: parsed.error });
    const { actor, note, now } = parsed.data;
    if (!complaintStatuses.includes(to)) throw new ComplaintRequestError(`Unknown status ${String(to)}`, 'invalid_input');
    if (needsNote(to) && note === '') throw new ComplaintRequestError(`Moving a complaint to ${to} needs a note`, 'invalid_input');
    const current = await this.get(reference);
    if (!current) throw new ComplaintRequestError(`No complaint ${reference}`, 'not_found');
    const from = current.record.status;
    if (!canTransition(from, to)) throw new ComplaintRequestError(`A complaint cannot go from ${from} to ${to}`, 'invalid_transition');
    const record = complaintRecordSchema.parse({ ...current.record, status: to });
    try {
      const row = await this.db.$transaction(async (tx) => {
        // The status in the WHERE makes a concurrent transition from the same state lose cleanly.
        const updated = await tx.complaint.updateMany({ where: { id: current.id, status: from }, data: { status: to, record: JSON.stringify(record), updatedAt: now } });
        if (updated.count === 0) throw new ComplaintRequestError(`Complaint ${reference} changed meanwhile; reload it`, 'invalid_transition');
        await tx.complaintEvent.create({ data: { complaintId: current.id, fromStatus: from, toStatus: to, actor, note, createdAt: now } });
        return tx.complaint.findUniqueOrThrow({ where: { id: current.id } });
      });
      return toStored(row);
    } catch (error) {
      if (error instanceof ComplaintRequestError) throw error;
      throw new ComplaintStorageError(`Cannot change the status of ${reference}`, { cause: error });
    }
  }

  /**
   * The consumer says a complaint filed as a scam is about a real business: it becomes a
   * negotiation, with its letter and deadlines, and the change is on the complaint's history.
   * `addBasis` are the clauses a negotiation rests on that a fraud report left out (31.2, 57.2).
   */
  async treatAsNegotiation(reference: string, input: { actor: string; now: Date; addBasis: readonly LegalRef[] }): Promise<StoredComplaint> {
    const current = await this.get(reference);
    if (!current) throw new ComplaintRequestError(`No complaint ${reference}`, 'not_found');
    if (current.record.handling === 'negotiation') return current;
    const cited = current.record.legalBasis;
    const added = input.addBasis.filter((a) => !cited.some((r) => r.doc === a.doc && r.article === a.article && r.clause === a.clause));
    const record = complaintRecordSchema.parse({ ...current.record, handling: 'negotiation', legalBasis: [...cited, ...added] });
    try {
      const row = await this.db.$transaction(async (tx) => {
        await tx.complaint.update({ where: { id: current.id }, data: { record: JSON.stringify(record), updatedAt: input.now } });
        await tx.complaintEvent.create({ data: { complaintId: current.id, fromStatus: record.status, toStatus: record.status, actor: input.actor, note: 'handling: fraud_report -> negotiation', createdAt: input.now } });
        return tx.complaint.findUniqueOrThrow({ where: { id: current.id } });
      });
      return toStored(row);
    } catch (error) {
      throw new ComplaintStorageError(`Cannot change the handling of ${reference}`, { cause: error });
    }
  }

  /** Complaints still awaiting the business whose acknowledgement deadline is before `today`. */
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

function parseFilter(filter: ComplaintFilter): z.output<typeof complaintFilterSchema> {
  const parsed = complaintFilterSchema.safeParse(filter);
  if (!parsed.success) throw new ComplaintRequestError(`Invalid complaint filter: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`, 'invalid_input', { cause: parsed.error });
  return parsed.data;
}

function whereOf(f: z.output<typeof complaintFilterSchema>): Prisma.ComplaintWhereInput {
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
