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
  /** The user's 1–5 answer after a closed hand-off; false when it was already rated (the first answer stands). */
  rate(handoffId: string, rating: number, now: Date): Promise<boolean>;
}

/** After staff close a chat the user is asked once how the help was: 1 (poor) to 5 (very good). */
export const ratingScale = [1, 2, 3, 4, 5] as const;

/** The option id of each rating button: handoff.rate.1 … handoff.rate.5. */
export const ratingOptionId = (rating: number) => `handoff.rate.${rating}`;

/** Holidays and compensatory working days for a range of local dates (inclusive, YYYY-MM-DD). */
export interface HolidaySource {
  overrides(from: string, to: string): Promise<DayOverrides>;
}
