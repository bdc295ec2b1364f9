import { addDays, dayOfWeek, type IsoDate } from './local-date.ts';

export interface CalendarDay {
  readonly date: IsoDate;
  readonly name: string;
  /** true for a Saturday or Sunday worked in exchange for a bridge day off. */
  readonly isWorkingDay: boolean;
}

/**
 * Vietnamese working days: Monday to Friday, less public holidays and compensatory days off, plus
 * the weekend days worked in exchange (from the Holiday table, seeded from
 * knowledge/complaints/holidays.json).
 */
export class WorkingCalendar {
  private readonly exceptions: ReadonlyMap<IsoDate, CalendarDay>;

  constructor(days: readonly CalendarDay[]) {
    this.exceptions = new Map(days.map((d) => [d.date, d]));
  }

  isWorkingDay(date: IsoDate): boolean {
    const exception = this.exceptions.get(date);
    if (exception) return exception.isWorkingDay;
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6;
  }

  holiday(date: IsoDate): CalendarDay | undefined {
    return this.exceptions.get(date);
  }

  /**
   * The day `n` working days after `from`: "within 3 working days from receipt" counts from the
   * next day, so a complaint received on Friday must be acknowledged by Wednesday.
   */
  addWorkingDays(from: IsoDate, n: number): IsoDate {
    let date = from;
    let left = n;
    while (left > 0) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) left--;
    }
    return date;
  }
}
