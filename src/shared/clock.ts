/** Injected wherever "now" matters, so tests and script mode (--now) get reproducible dates. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

/** A clock a replay moves by hand: evaluation stories and script replays each happen on their own day. */
export class SettableClock implements Clock {
  constructor(private at = new Date('2026-11-23T03:00:00Z')) {}

  set(at: string | Date): void {
    this.at = new Date(at);
  }

  now(): Date {
    return new Date(this.at.getTime());
  }
}
