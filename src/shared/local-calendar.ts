/**
 * Calendar days in the deployment's time zone (TZ_NAME): which day an instant falls on there, and
 * the instant a day or a year starts. Dates are "YYYY-MM-DD" strings; instants are Dates (UTC).
 * Built on Intl, so any IANA zone works, daylight saving included (Vietnam has none, but the zone
 * is configuration, not an assumption).
 */
export class LocalCalendar {
  constructor(readonly timeZone: string) {
    // A RangeError for an unknown zone, here rather than at the first date asked for.
    wallClock(new Date(0), timeZone);
  }

  /** The local day an instant falls on, "2026-12-02". */
  dateOf(instant: Date): string {
    const p = wallClock(instant, this.timeZone);
    return `${p.year}-${p.month}-${p.day}`;
  }

  /** The instant a local day begins (its midnight there). */
  startOf(date: string): Date {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const guess = Date.UTC(y, m - 1, d);
    // The zone's offset at the guess, then again at the corrected instant (a change of offset that day).
    let instant = guess - this.offsetMs(new Date(guess));
    instant = guess - this.offsetMs(new Date(instant));
    return new Date(instant);
  }

  /** A local calendar year as [from, to). */
  yearRange(year: number): { from: Date; to: Date } {
    return { from: this.startOf(`${year}-01-01`), to: this.startOf(`${year + 1}-01-01`) };
  }

  private offsetMs(instant: Date): number {
    const p = wallClock(instant, this.timeZone);
    const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
  }

}

/** What a wall clock in `timeZone` shows at an instant: the parts every local date and time here is built from. */
export interface WallClock {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
  readonly second: string;
  /** "Mon" … "Sun". */
  readonly weekday: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone, kept: building one costs more than formatting with it. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' });
    formats.set(timeZone, format);
  }
  const out = { year: '', month: '', day: '', hour: '', minute: '', second: '', weekday: '' };
  for (const part of format.formatToParts(instant)) if (part.type in out) out[part.type as keyof typeof out] = part.value;
  return out;
}

/** True for a zone Intl knows (an IANA name such as Asia/Ho_Chi_Minh). */
export function isTimeZone(name: string): boolean {
  try {
    wallClock(new Date(0), name);
    return true;
  } catch {
    // Intl throws a RangeError for a zone it does not know: that is the answer, not an error to pass on.
    return false;
  }
}
