import { describe, expect, it } from 'vitest';
import { describeMoment, describeWorkingHours } from '../../src/handoff/hours-text.ts';
import { expectedWaitMinutes } from '../../src/handoff/wait-estimate.ts';
import { defaultWorkingHours, isOpen, localToInstant, nextOpening, parseWorkingHours, WorkingHoursError } from '../../src/handoff/working-hours.ts';
import { createTranslators } from '../../src/i18n/translator.ts';

const tz = 'Asia/Ho_Chi_Minh';
const hours = parseWorkingHours(defaultWorkingHours, tz);
const none = new Map<string, boolean>();
// 2026-11-23 is a Monday; local time is UTC+7.
const at = (local: string) => new Date(`${local}+07:00`);
const vi = createTranslators()('vi');

describe('working hours', () => {
  it('is open in the morning and afternoon sessions, closed at lunch, evenings and weekends', () => {
    expect(isOpen(hours, at('2026-11-23T07:30:00'), none)).toBe(true);
    expect(isOpen(hours, at('2026-11-23T07:29:00'), none)).toBe(false);
    expect(isOpen(hours, at('2026-11-23T11:30:00'), none)).toBe(false);
    expect(isOpen(hours, at('2026-11-23T13:30:00'), none)).toBe(true);
    expect(isOpen(hours, at('2026-11-23T16:59:00'), none)).toBe(true);
    expect(isOpen(hours, at('2026-11-23T17:00:00'), none)).toBe(false);
    expect(isOpen(hours, at('2026-11-28T09:00:00'), none)).toBe(false);
  });

  it('finds the next opening across lunch, the night, the weekend and holidays', () => {
    expect(nextOpening(hours, at('2026-11-23T12:00:00'), none)).toEqual(at('2026-11-23T13:30:00'));
    expect(nextOpening(hours, at('2026-11-23T18:00:00'), none)).toEqual(at('2026-11-24T07:30:00'));
    expect(nextOpening(hours, at('2026-11-27T17:30:00'), none)).toEqual(at('2026-11-30T07:30:00'));
    const holidays = new Map([['2026-11-30', false], ['2026-12-01', false]]);
    expect(nextOpening(hours, at('2026-11-27T17:30:00'), holidays)).toEqual(at('2026-12-02T07:30:00'));
    const now = at('2026-11-24T09:00:00');
    expect(nextOpening(hours, now, none)).toBe(now);
  });

  it('opens on a compensatory working Saturday with the weekday hours', () => {
    const workingSaturday = new Map([['2026-11-28', true]]);
    expect(isOpen(hours, at('2026-11-28T08:00:00'), workingSaturday)).toBe(true);
    expect(nextOpening(hours, at('2026-11-27T18:00:00'), workingSaturday)).toEqual(at('2026-11-28T07:30:00'));
  });

  it('returns null when nothing opens within the look-ahead', () => {
    const closed = new Map(Array.from({ length: 40 }, (_, i) => [localDate(at('2026-11-23T12:00:00').getTime() + i * 86_400_000), false] as const));
    expect(nextOpening(hours, at('2026-11-23T18:00:00'), closed)).toBeNull();
  });

  it('parses other schedules and rejects malformed ones', () => {
    const saturdays = parseWorkingHours('mon-fri 08:00-17:00; sat 08:00-11:00', tz);
    expect(isOpen(saturdays, at('2026-11-28T10:00:00'), none)).toBe(true);
    expect(() => parseWorkingHours('weekdays 8-5', tz)).toThrow(WorkingHoursError);
    expect(() => parseWorkingHours('mon-fri 17:00-08:00', tz)).toThrow(WorkingHoursError);
    expect(() => parseWorkingHours(defaultWorkingHours, 'Mars/Olympus')).toThrow(WorkingHoursError);
  });

  it('describes the schedule and a moment in Vietnamese', () => {
    expect(describeWorkingHours(hours, vi)).toBe('Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00');
    expect(describeMoment(at('2026-11-30T07:30:00'), tz, vi)).toBe('7:30 Thứ Hai ngày 30/11');
    expect(localToInstant('2026-11-30', 450, tz)).toEqual(at('2026-11-30T07:30:00'));
  });
});

describe('expected wait', () => {
  it('uses five minutes a person until enough hand-offs were answered, then the median, rounded', () => {
    expect(expectedWaitMinutes(1, [])).toBe(5);
    expect(expectedWaitMinutes(3, [])).toBe(15);
    expect(expectedWaitMinutes(2, [8, 12, 9, 30])).toBe(20);
    expect(expectedWaitMinutes(1, [0.1, 0.2, 0.3])).toBe(2);
    expect(expectedWaitMinutes(1, [600, 700, 800])).toBe(30);
  });
});

function localDate(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}
