import type { AuditInput } from '../shared/audit-log.ts';
import { ComplaintStorageError } from './complaint-errors.ts';
import { WorkingCalendar } from './working-days.ts';

/** A day of the Holiday table as the console lists it. */
export interface HolidayRow {
  readonly id: string;
  readonly date: string;
  readonly name: string;
  readonly isWorkingDay: boolean;
  readonly updatedBy: string;
}

/** The Holiday table staff keep (src/storage/prisma-complaint-tables.ts). Each edit is one transaction with its audit line. */
export interface HolidayTable {
  days(): Promise<Array<{ date: string; name: string; isWorkingDay: boolean }>>;
  /** The year's days, in date order. */
  inYear(year: number): Promise<HolidayRow[]>;
  byId(id: string): Promise<HolidayRow | null>;
  /** Adds the day, or replaces the name and kind of the day already there. */
  save(day: { date: string; name: string; isWorkingDay: boolean }, actor: string, audit: AuditInput, now: Date): Promise<void>;
  remove(id: string, audit: AuditInput, now: Date): Promise<void>;
}

/** The working calendar as staff keep it in the Holiday table (read per use, so edits apply at once). */
export async function loadWorkingCalendar(table: HolidayTable): Promise<WorkingCalendar> {
  try {
    return new WorkingCalendar(await table.days());
  } catch (error) {
    throw new ComplaintStorageError('Cannot read the holiday table', { cause: error });
  }
}
