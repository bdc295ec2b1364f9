import { ComplaintStorageError } from './complaint-errors.ts';
import { WorkingCalendar } from './working-days.ts';

/** The Holiday table staff keep (src/storage/prisma-complaint-tables.ts). */
export interface HolidayTable {
  days(): Promise<Array<{ date: string; name: string; isWorkingDay: boolean }>>;
}

/** The working calendar as staff keep it in the Holiday table (read per use, so edits apply at once). */
export async function loadWorkingCalendar(table: HolidayTable): Promise<WorkingCalendar> {
  try {
    return new WorkingCalendar(await table.days());
  } catch (error) {
    throw new ComplaintStorageError('Cannot read the holiday table', { cause: error });
  }
}
