import type { DayOverrides } from './working-hours.ts';

export const handoffReasons = ['requested', 'low_confidence', 'upset'] as const;
export type HandoffReason = (typeof handoffReasons)[number];

export const handoffStatuses = ['waiting', 'active', 'closed'] as const;
export type HandoffStatus = (typeof handoffStatuses)[number];

/** A conversation handed to a person: waiting until staff first reply, active after, closed by staff or the user. */
export interface Handoff {
  readonly id: string;
  readonly conversationId: string;
  readonly reason: HandoffReason;
  readonly status: HandoffStatus;
  readonly assignedTo: string | null;
  readonly createdAt: Date;
  readonly firstResponseAt: Date | null;
  readonly closedAt: Date | null;
}

/** What the hand-off flow needs from storage (src/storage/prisma-handoff-queue.ts implements it). */
export interface HandoffQueue {
  /** The conversation's open (waiting or active) hand-off, if any. */
  current(conversationId: string): Promise<Handoff | null>;
  /** Opens a hand-off, or returns the open one: asking twice must not queue the user twice. */
  open(conversationId: string, reason: HandoffReason, now: Date): Promise<Handoff>;
  /** 1-based place among waiting hand-offs, oldest first. */
  position(handoff: Handoff): Promise<number>;
  /** The user gave up waiting ("hủy"). */
  withdraw(handoff: Handoff, now: Date): Promise<void>;
  /** Minutes from request to first staff reply for recently answered hand-offs, newest first. */
  recentWaits(limit: number): Promise<number[]>;
}

/** Holidays and compensatory working days for a range of local dates (inclusive, YYYY-MM-DD). */
export interface HolidaySource {
  overrides(from: string, to: string): Promise<DayOverrides>;
}
