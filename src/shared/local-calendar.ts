/**
 * Calendar days in the deployment's time zone (TZ_NAME): which day an instant falls on there, and
 * the instant a day or a year starts. Dates are "YYYY-MM-DD" strings; instants are Dates (UTC).
 * Built on Intl, so any IANA zone works, daylight saving included (Vietnam has none, but the zone
 * is configuration, not an assumption).
 */
export class LocalCalendar {
  private readonly parts: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    // Throws a RangeError for an unknown zone: config validation calls this at start-up.
    this.parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  }

  /** The local day an instant falls on, "2026-12-02". */
  dateOf(instant: Date): string {
    const p = this.wall(instant);
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
    const p = this.wall(instant);
    const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
  }

  private wall(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
    const out = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
    for (const part of this.parts.formatToParts(instant)) if (part.type in out) out[part.type as keyof typeof out] = part.value;
    return out;
  }
}
