import type { Clock } from '../shared/clock.ts';
import type { HandoffQueue, HolidaySource } from './handoff-store.ts';
import { expectedWaitMinutes } from './wait-estimate.ts';
import { isOpen, lookaheadWindow, type WorkingHours } from './working-hours.ts';

/** Where a user stands with staff, for a page that shows it while they wait. */
export type HandoffStanding =
  | { readonly status: 'waiting'; readonly position: number; /** Null outside working hours: no one is counting down. */ readonly minutes: number | null }
  | { readonly status: 'active' };

export interface HandoffStandingDeps {
  readonly queue: HandoffQueue;
  readonly holidays: HolidaySource;
  readonly hours: WorkingHours;
  readonly clock: Clock;
}

/**
 * The same figures the hand-off flow tells a user when they ask for a person (queue place, expected
 * wait, working hours), asked again whenever the web chat polls, so its banner stays true.
 */
export class HandoffStandings {
  constructor(private readonly deps: HandoffStandingDeps) {}

  async of(conversationId: string): Promise<HandoffStanding | null> {
    const { queue, hours, clock } = this.deps;
    const handoff = await queue.current(conversationId);
    if (!handoff) return null;
    if (handoff.status === 'active') return { status: 'active' };
    const now = clock.now();
    const window = lookaheadWindow(now, hours.timeZone);
    const [position, waits, overrides] = await Promise.all([queue.position(handoff), queue.recentWaits(20), this.deps.holidays.overrides(window.from, window.to)]);
    return { status: 'waiting', position, minutes: isOpen(hours, now, overrides) ? expectedWaitMinutes(position, waits) : null };
  }
}
