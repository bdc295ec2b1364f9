/**
 * Complaints in the database: the API the bot and the staff console use.
 *
 *   const complaints = new ComplaintRepository(store);   // store: ComplaintStore (src/storage/prisma-complaint-store.ts)
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
import { ComplaintRequestError } from './complaint-errors.ts';
import { canTransition, complaintStatuses, needsNote, type ComplaintStatus } from './complaint-lifecycle.ts';
import { complaintRecordSchema, type ComplaintRecord, type LegalRef } from './complaint-record.ts';

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

export type ParsedComplaintFilter = z.output<typeof complaintFilterSchema>;

/** A lifecycle event as written beside the change it records. */
export interface NewComplaintEvent {
  readonly fromStatus: ComplaintStatus | null;
  readonly toStatus: ComplaintStatus;
  readonly actor: string;
  readonly note: string;
  readonly at: Date;
}

/**
 * Where complaints are kept (src/storage/prisma-complaint-store.ts): the record, its searchable
 * fields and its events. Each write is one transaction with its event; a failure of the database is
 * a ComplaintStorageError.
 */
export interface ComplaintStore {
  insert(record: ComplaintRecord, conversationId: string | null, event: NewComplaintEvent): Promise<StoredComplaint>;
  byReference(reference: string): Promise<StoredComplaint | null>;
  /** Newest first, `limit` from `offset`, with the count of all that match. */
  list(filter: ParsedComplaintFilter): Promise<{ items: StoredComplaint[]; total: number }>;
  forConversation(conversationId: string): Promise<StoredComplaint[]>;
  /** The consumers' provinces complaints name, each once, in alphabetical order (the list's filter). */
  provinces(): Promise<string[]>;
  /** Null when there is no such complaint. */
  events(reference: string): Promise<ComplaintEventView[] | null>;
  /** Writes the record only if the stored status is still `from` (a concurrent change loses); null when it was not. */
  changeStatus(id: string, from: ComplaintStatus, record: ComplaintRecord, event: NewComplaintEvent): Promise<StoredComplaint | null>;
  /** Writes the record (same status) with its event. */
  replaceRecord(id: string, record: ComplaintRecord, event: NewComplaintEvent): Promise<StoredComplaint>;
  /** Not anonymised, in one of `statuses`, acknowledgement deadline before `today`; oldest first, at most 500. */
  awaitingReminder(today: string, statuses: readonly ComplaintStatus[]): Promise<StoredComplaint[]>;
  markReminded(id: string, now: Date): Promise<void>;
}

export class ComplaintRepository {
  constructor(private readonly store: ComplaintStore) {}

  /** Stores a new complaint (status "received") with its first lifecycle event. */
  async create(record: ComplaintRecord, conversationId: string | null): Promise<StoredComplaint> {
    const valid = complaintRecordSchema.parse(record);
    return this.store.insert(valid, conversationId, { fromStatus: null, toStatus: valid.status, actor: 'consumer', note: '', at: new Date(valid.createdAt) });
  }

  get(reference: string): Promise<StoredComplaint | null> {
    return this.store.byReference(reference);
  }

  async list(filter: ComplaintFilter = {}): Promise<{ items: StoredComplaint[]; total: number }> {
    return this.store.list(parseFilter(filter));
  }

  /** Full records in the export format, newest first (up to 500 per call; page with offset). */
  async export(filter: ComplaintFilter = {}): Promise<ComplaintRecord[]> {
    return (await this.list({ limit: 500, ...filter })).items.map((c) => c.record);
  }

  forConversation(conversationId: string): Promise<StoredComplaint[]> {
    return this.store.forConversation(conversationId);
  }

  provinces(): Promise<string[]> {
    return this.store.provinces();
  }

  async history(reference: string): Promise<ComplaintEventView[]> {
    const events = await this.store.events(reference);
    if (!events) throw new ComplaintRequestError(`No complaint ${reference}`, 'not_found');
    return events;
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
    const changed = await this.store.changeStatus(current.id, from, record, { fromStatus: from, toStatus: to, actor, note, at: now });
    if (!changed) throw new ComplaintRequestError(`Complaint ${reference} changed meanwhile; reload it`, 'invalid_transition');
    return changed;
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
    return this.store.replaceRecord(current.id, record, { fromStatus: record.status, toStatus: record.status, actor: input.actor, note: 'handling: fraud_report -> negotiation', at: input.now });
  }

  /** Complaints still awaiting the business whose acknowledgement deadline is before `today`. */
  awaitingReminder(today: string, statuses: readonly ComplaintStatus[]): Promise<StoredComplaint[]> {
    return this.store.awaitingReminder(today, statuses);
  }

  markReminded(id: string, now: Date): Promise<void> {
    return this.store.markReminded(id, now);
  }
}

function parseFilter(filter: ComplaintFilter): ParsedComplaintFilter {
  const parsed = complaintFilterSchema.safeParse(filter);
  if (!parsed.success) throw new ComplaintRequestError(`Invalid complaint filter: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`, 'invalid_input', { cause: parsed.error });
  return parsed.data;
}
