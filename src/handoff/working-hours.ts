import { z } from 'zod';
import { isTimeZone, wallClock } from '../shared/local-calendar.ts';

/**
 * When staff answer chats. Written as text in the configuration ("mon-fri 07:30-11:30 13:30-17:00")
 * because associations change their hours; holidays and compensatory working days come from the
 * Holiday table, so a Tết bridge day needs a row, not a release.
 */
export interface WorkingHours {
  readonly timeZone: string;
  /** ISO weekday (1 = Monday ... 7 = Sunday) -> opening ranges in minutes after midnight. */
  readonly week: ReadonlyMap<number, readonly TimeRange[]>;
}

export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

/** isoDate -> true for a working day that is normally off (a compensatory Saturday), false for a holiday. */
export type DayOverrides = ReadonlyMap<string, boolean>;

export class WorkingHoursError extends Error {
  override readonly name = 'WorkingHoursError';
}

const dayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const specSchema = z.string().trim().min(1);

export const defaultWorkingHours = 'mon-fri 07:30-11:30 13:30-17:00';

export function parseWorkingHours(spec: string, timeZone: string): WorkingHours {
  const text = specSchema.parse(spec).toLowerCase();
  if (!isTimeZone(timeZone)) throw new WorkingHoursError(`unknown time zone "${timeZone}"`);
  const week = new Map<number, TimeRange[]>();
  for (const segment of text.split(';').map((s) => s.trim()).filter(Boolean)) {
    const [days, ...ranges] = segment.split(/\s+/);
    if (!days || ranges.length === 0) throw new WorkingHoursError(`"${segment}": expected "<days> HH:MM-HH:MM ..."`);
    const parsed = ranges.map((r) => parseRange(r, segment));
    for (const day of parseDays(days, segment)) week.set(day, [...(week.get(day) ?? []), ...parsed].sort((a, b) => a.from - b.from));
  }
  return { timeZone, week };
}

function parseDays(days: string, segment: string): number[] {
  const out: number[] = [];
  for (const part of days.split(',')) {
    const [a, b] = part.split('-');
    const from = dayNames.indexOf(a as (typeof dayNames)[number]) + 1;
    const to = b === undefined ? from : dayNames.indexOf(b as (typeof dayNames)[number]) + 1;
    if (from === 0 || to === 0 || to < from) throw new WorkingHoursError(`"${segment}": days are mon..sun, e.g. mon-fri or sat`);
    for (let d = from; d <= to; d++) out.push(d);
  }
  return out;
}

function parseRange(range: string, segment: string): TimeRange {
  const [a, b] = range.split('-');
  const from = minutes(a);
  const to = minutes(b);
  if (from === null || to === null || to <= from) throw new WorkingHoursError(`"${segment}": "${range}" is not a range like 07:30-11:30`);
  return { from, to };
}

function minutes(text: string | undefined): number | null {
  const m = text ? clock.exec(text) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export interface LocalTime {
  readonly isoDate: string;
  /** ISO weekday, 1 = Monday. */
  readonly weekday: number;
  readonly minuteOfDay: number;
}


export function localTime(at: Date, timeZone: string): LocalTime {
  const p = wallClock(at, timeZone);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday) + 1;
  return { isoDate: `${p.year}-${p.month}-${p.day}`, weekday, minuteOfDay: Number(p.hour) * 60 + Number(p.minute) };
}

/** The ranges that apply on a local date: its weekday's, none on a holiday, Monday's on a compensatory working day. */
export function rangesOn(hours: WorkingHours, day: LocalTime, overrides: DayOverrides): readonly TimeRange[] {
  const override = overrides.get(day.isoDate);
  if (override === false) return [];
  const usual = hours.week.get(day.weekday) ?? [];
  if (override === true && usual.length === 0) return hours.week.get(1) ?? [];
  return usual;
}

export function isOpen(hours: WorkingHours, at: Date, overrides: DayOverrides): boolean {
  const local = localTime(at, hours.timeZone);
  return rangesOn(hours, local, overrides).some((r) => local.minuteOfDay >= r.from && local.minuteOfDay < r.to);
}

/** How far ahead to look for the next opening: longer than the longest Tết break. */
export const lookaheadDays = 21;

/**
 * The next moment staff are at work, or `at` itself when they are. Walks forward day by day in local
 * time; null when nothing opens within the look-ahead (hours configured empty, or a very long closure).
 */
export function nextOpening(hours: WorkingHours, at: Date, overrides: DayOverrides): Date | null {
  if (isOpen(hours, at, overrides)) return at;
  const start = localTime(at, hours.timeZone);
  for (let offset = 0; offset <= lookaheadDays; offset++) {
    // Noon avoids landing on the wrong date where a zone shifts its clock at midnight.
    const probe = new Date(at.getTime() + offset * 86_400_000);
    const day = offset === 0 ? start : localTime(noonOf(probe, hours.timeZone), hours.timeZone);
    for (const range of rangesOn(hours, day, overrides)) {
      if (offset === 0 && range.from <= start.minuteOfDay) continue;
      return localToInstant(day.isoDate, range.from, hours.timeZone);
    }
  }
  return null;
}

/** Local dates from `at`'s date to the end of the look-ahead, for loading the holidays that matter. */
export function lookaheadWindow(at: Date, timeZone: string): { from: string; to: string } {
  return { from: localTime(at, timeZone).isoDate, to: localTime(new Date(at.getTime() + (lookaheadDays + 1) * 86_400_000), timeZone).isoDate };
}

function noonOf(at: Date, timeZone: string): Date {
  return localToInstant(localTime(at, timeZone).isoDate, 12 * 60, timeZone);
}

/** The instant at which the local clock in `timeZone` shows `isoDate` + `minuteOfDay`. */
export function localToInstant(isoDate: string, minuteOfDay: number, timeZone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  // Two passes settle the offset also on the day a zone changes it.
  let guess = wall - offsetMs(new Date(wall), timeZone);
  guess = wall - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function offsetMs(at: Date, timeZone: string): number {
  const l = localTime(at, timeZone);
  const [y, m, d] = l.isoDate.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Math.floor(l.minuteOfDay / 60), l.minuteOfDay % 60);
  return wall - Math.floor(at.getTime() / 60_000) * 60_000;
}
