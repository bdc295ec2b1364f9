import { describe, expect, it } from 'vitest';
import { LocalCalendar } from '../../src/shared/local-calendar.ts';

describe('LocalCalendar', () => {
  it('puts an instant on the day it falls on in the zone, not on the server’s day', () => {
    const hcm = new LocalCalendar('Asia/Ho_Chi_Minh');
    // 23:30 on 5/12 in Vietnam (16:30 UTC) is the 5th there; half an hour later it is the 6th.
    expect(hcm.dateOf(new Date('2026-12-05T16:30:00Z'))).toBe('2026-12-05');
    expect(hcm.dateOf(new Date('2026-12-05T17:00:00Z'))).toBe('2026-12-06');
    expect(hcm.startOf('2026-12-06').toISOString()).toBe('2026-12-05T17:00:00.000Z');
    expect(hcm.yearRange(2026)).toEqual({ from: new Date('2025-12-31T17:00:00Z'), to: new Date('2026-12-31T17:00:00Z') });
  });

  it('follows a zone with daylight saving, on both sides of the change', () => {
    const berlin = new LocalCalendar('Europe/Berlin');
    expect(berlin.startOf('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(berlin.startOf('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(berlin.dateOf(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
  });

  it('refuses a zone that does not exist', () => {
    expect(() => new LocalCalendar('Asia/Khanh_Hoa')).toThrow(RangeError);
  });
});
