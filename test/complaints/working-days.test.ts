import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHolidaySeed } from '../../src/complaints/complaint-seed.ts';
import { dayOfWeek } from '../../src/complaints/local-date.ts';
import { WorkingCalendar } from '../../src/complaints/working-days.ts';
import { knowledgeDir } from '../support/knowledge.ts';

const seed = readHolidaySeed(path.join(knowledgeDir, 'complaints'));
const calendar = new WorkingCalendar(seed.days);

describe('the holiday table', () => {
  it('covers 2024-2027 with Tết, the fixed holidays and a source for every day', () => {
    expect(seed.coveredYears).toEqual([2024, 2025, 2026, 2027]);
    for (const year of seed.coveredYears) {
      const days = seed.days.filter((d) => d.date.startsWith(String(year)));
      expect(days.some((d) => /Tết Nguyên đán/.test(d.name))).toBe(true);
      expect(days.some((d) => /Quốc khánh/.test(d.name))).toBe(true);
      expect(days.every((d) => d.source.length > 0)).toBe(true);
    }
  });

  it('lists weekdays as days off and only Saturdays as make-up working days', () => {
    for (const d of seed.days) {
      const dow = dayOfWeek(d.date);
      if (d.isWorkingDay) expect(dow).toBe(6);
      else expect([0, 6]).not.toContain(dow);
    }
  });
});

describe('working days', () => {
  it('skips the weekend: filed on Friday, 3 working days later is Wednesday', () => {
    expect(calendar.addWorkingDays('2025-03-07', 3)).toBe('2025-03-12');
    expect(calendar.addWorkingDays('2025-03-07', 7)).toBe('2025-03-18');
  });

  it('skips Tết Ất Tỵ 2025 (27/1 - 31/1)', () => {
    expect(calendar.addWorkingDays('2025-01-24', 3)).toBe('2025-02-05');
    expect(calendar.addWorkingDays('2025-01-24', 7)).toBe('2025-02-11');
  });

  it('skips Tết Giáp Thìn 2024 (8/2 - 14/2)', () => {
    expect(calendar.addWorkingDays('2024-02-07', 3)).toBe('2024-02-19');
  });

  it('counts a make-up Saturday and skips the swapped weekday (30/4 2025)', () => {
    // 26/4/2025 is a working Saturday; 30/4, 1/5 and the swapped 2/5 are off.
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
    expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(calendar.addWorkingDays('2025-04-28', 3)).toBe('2025-05-06');
  });

  it('gives a compensatory day when a holiday falls on Sunday (Giỗ Tổ 2026)', () => {
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.addWorkingDays('2026-04-24', 3)).toBe('2026-05-04');
  });

  it('uses whatever staff changed in the table', () => {
    const edited = new WorkingCalendar([...seed.days.filter((d) => d.date !== '2025-09-01'), { date: '2025-09-03', name: 'Nghỉ bổ sung', isWorkingDay: false }]);
    expect(edited.addWorkingDays('2025-08-29', 2)).toBe('2025-09-04');
  });
});
