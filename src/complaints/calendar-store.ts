import type { Db } from '../storage/database.ts';
import { ComplaintStorageError } from './complaint-errors.ts';
import { WorkingCalendar } from './working-days.ts';

/** The working calendar as staff keep it in the Holiday table (read per use, so edits apply at once). */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  try {
    const rows = await db.holiday.findMany({ select: { date: true, name: true, isWorkingDay: true } });
    return new WorkingCalendar(rows);
  } catch (error) {
    throw new ComplaintStorageError('Cannot read the holiday table', { cause: error });
  }
}
