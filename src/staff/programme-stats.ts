import { complaintStatuses, type ComplaintStatus } from '../complaints/complaint-lifecycle.ts';
import type { LocalCalendar } from '../shared/local-calendar.ts';
import { isOverdue } from './complaint-deadlines.ts';

/** The plan's targets (Khánh Hòa plan I.2): at least 80% received-and-advised, over 70% resolved. */
export const targets = { advised: 0.8, resolved: 0.7 } as const;

export const resolvedStatuses: readonly ComplaintStatus[] = ['resolved_monetary', 'resolved_non_monetary', 'resolved_explanation'];

/** Figures for one row of a breakdown (a month, a category, a channel) or the whole year. */
export interface Figures {
  /** Requests: complaints filed plus chats handed to a person. */
  readonly received: number;
  /** Requests staff acted on: complaints moved past "received" (other than withdrawn), chats answered. */
  readonly advised: number;
  readonly complaints: number;
  /** Complaints withdrawn by the consumer, left out of the resolution rate. */
  readonly withdrawn: number;
  readonly resolved: number;
  /** Complaints past a legal deadline today. */
  readonly overdue: number;
  readonly handoffs: number;
}

export interface Rates {
  readonly advisedRate: number | null;
  readonly resolvedRate: number | null;
}

export interface ProgrammeStats {
  readonly year: number;
  readonly asOf: string;
  readonly total: Figures & Rates;
  readonly byMonth: ReadonlyArray<{ readonly key: string } & Figures & Rates>;
  /** Hand-offs have no category: this breakdown counts complaints only. */
  readonly byCategory: ReadonlyArray<{ readonly key: string } & Figures & Rates>;
  readonly byChannel: ReadonlyArray<{ readonly key: string } & Figures & Rates>;
  /** Median minutes from a request for a person to the first staff reply. */
  readonly medianFirstResponseMinutes: number | null;
  /** Users' 1–5 ratings after staff closed their chat: how many rated, the mean, and the count per score. */
  readonly satisfaction: { readonly rated: number; readonly average: number | null; readonly byScore: readonly number[] };
}

/** A complaint as the year's figures count it (its status as stored, which may predate today's list). */
export interface CountedComplaint {
  readonly status: string;
  readonly category: string | null;
  readonly channel: string;
  readonly createdAt: Date;
  readonly acknowledgeBy: string | null;
  readonly negotiateBy: string | null;
}

export interface CountedHandoff {
  readonly createdAt: Date;
  readonly firstResponseAt: Date | null;
  readonly rating: number | null;
  /** The channel of the chat handed over. */
  readonly channel: string;
}

/** The requests filed in [from, to) (src/storage/prisma-programme-records.ts). */
export interface ProgrammeRecords {
  requests(range: { readonly from: Date; readonly to: Date }): Promise<{ complaints: CountedComplaint[]; handoffs: CountedHandoff[] }>;
}

const empty: Figures = { received: 0, advised: 0, complaints: 0, withdrawn: 0, resolved: 0, overdue: 0, handoffs: 0 };

export function ratesOf(f: Figures): Rates {
  const resolvable = f.complaints - f.withdrawn;
  return { advisedRate: f.received > 0 ? f.advised / f.received : null, resolvedRate: resolvable > 0 ? f.resolved / resolvable : null };
}

/** A year's figures, counted from the complaint and hand-off tables (requests filed that year). */
export async function programmeStats(records: ProgrammeRecords, year: number, now: Date, calendar: LocalCalendar): Promise<ProgrammeStats> {
  const today = calendar.dateOf(now);
  const { complaints, handoffs } = await records.requests(calendar.yearRange(year));
  const months = new Map<string, Figures>();
  for (let m = 1; m <= 12; m++) months.set(`${year}-${String(m).padStart(2, '0')}`, empty);
  const categories = new Map<string, Figures>();
  const channels = new Map<string, Figures>();
  let total = empty;
  const add = (map: Map<string, Figures>, key: string, delta: Partial<Figures>) => map.set(key, plus(map.get(key) ?? empty, delta));

  for (const c of complaints) {
    const status = (complaintStatuses as readonly string[]).includes(c.status) ? (c.status as ComplaintStatus) : 'received';
    const overdue = c.acknowledgeBy && c.negotiateBy ? isOverdue(status, { acknowledgeBy: c.acknowledgeBy, negotiateBy: c.negotiateBy }, today) : false;
    const delta: Partial<Figures> = {
      received: 1,
      complaints: 1,
      advised: status !== 'received' && status !== 'withdrawn' ? 1 : 0,
      withdrawn: status === 'withdrawn' ? 1 : 0,
      resolved: resolvedStatuses.includes(status) ? 1 : 0,
      overdue: overdue ? 1 : 0,
    };
    add(months, calendar.dateOf(c.createdAt).slice(0, 7), delta);
    add(categories, c.category ?? 'khac', delta);
    add(channels, c.channel, delta);
    total = plus(total, delta);
  }
  const waits: number[] = [];
  for (const h of handoffs) {
    const delta: Partial<Figures> = { received: 1, handoffs: 1, advised: h.firstResponseAt ? 1 : 0 };
    if (h.firstResponseAt) waits.push((h.firstResponseAt.getTime() - h.createdAt.getTime()) / 60_000);
    add(months, calendar.dateOf(h.createdAt).slice(0, 7), delta);
    add(channels, h.channel, delta);
    total = plus(total, delta);
  }
  const rows = (map: Map<string, Figures>, sort: 'key' | 'size') =>
    [...map.entries()].map(([key, f]) => ({ key, ...f, ...ratesOf(f) })).sort((a, b) => (sort === 'key' ? a.key.localeCompare(b.key) : b.received - a.received || a.key.localeCompare(b.key)));
  return {
    year,
    asOf: today,
    total: { ...total, ...ratesOf(total) },
    byMonth: rows(months, 'key'),
    byCategory: rows(categories, 'size'),
    byChannel: rows(channels, 'size'),
    medianFirstResponseMinutes: waits.length > 0 ? median(waits) : null,
    satisfaction: satisfactionOf(handoffs.map((h) => h.rating)),
  };
}

function satisfactionOf(ratings: readonly (number | null)[]): ProgrammeStats['satisfaction'] {
  const given = ratings.filter((r): r is number => r !== null && r >= 1 && r <= 5);
  const byScore = [1, 2, 3, 4, 5].map((score) => given.filter((r) => r === score).length);
  return { rated: given.length, average: given.length > 0 ? given.reduce((a, b) => a + b, 0) / given.length : null, byScore };
}

function plus(a: Figures, d: Partial<Figures>): Figures {
  return {
    received: a.received + (d.received ?? 0),
    advised: a.advised + (d.advised ?? 0),
    complaints: a.complaints + (d.complaints ?? 0),
    withdrawn: a.withdrawn + (d.withdrawn ?? 0),
    resolved: a.resolved + (d.resolved ?? 0),
    overdue: a.overdue + (d.overdue ?? 0),
    handoffs: a.handoffs + (d.handoffs ?? 0),
  };
}

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
