import path from 'node:path';
import { z } from 'zod';
import { ComplaintStorageError } from './complaint-errors.ts';
import { readDataFile } from './data-file.ts';

const holidaysFileSchema = z.object({
  description: z.string(),
  legalBasis: z.string(),
  lunarDates: z.string(),
  coveredYears: z.array(z.number().int()),
  days: z.array(
    z.object({
      date: z.iso.date(),
      name: z.string().min(1),
      isWorkingDay: z.boolean(),
      status: z.enum(['official', 'provisional']),
      source: z.string().min(1),
    }),
  ),
});

const routingFileSchema = z.object({
  description: z.string(),
  entries: z.array(
    z.object({
      key: z.string().min(1),
      category: z.string().min(1),
      agency: z.string().min(1),
      description: z.string(),
      contact: z.string(),
      source: z.string().min(1),
      validFrom: z.iso.date(),
      validTo: z.iso.date().nullable(),
    }),
  ),
});

export type HolidaySeed = z.infer<typeof holidaysFileSchema>;
export type RoutingSeed = z.infer<typeof routingFileSchema>;

export function readHolidaySeed(dataDir: string): HolidaySeed {
  const data = readDataFile(path.join(dataDir, 'holidays.json'), holidaysFileSchema);
  const dates = new Set<string>();
  for (const d of data.days) {
    if (dates.has(d.date)) throw new ComplaintStorageError(`holidays.json: ${d.date} is listed twice`);
    dates.add(d.date);
  }
  return data;
}

export function readRoutingSeed(dataDir: string): RoutingSeed {
  return readDataFile(path.join(dataDir, 'routing.json'), routingFileSchema);
}

/** The Holiday and RoutingEntry tables as the start-up seed fills them (src/storage/prisma-complaint-tables.ts). */
export interface ComplaintSeedTable {
  holidayDates(): Promise<Set<string>>;
  routingKeys(): Promise<Set<string>>;
  /** Adds the rows in one transaction (a fresh database is seeded in milliseconds, not one commit per row). */
  add(days: ReadonlyArray<{ date: string; name: string; isWorkingDay: boolean }>, routes: RoutingSeed['entries']): Promise<void>;
  /** How many of these dates and keys the tables hold. */
  held(dates: readonly string[], keys: readonly string[]): Promise<{ days: number; routes: number }>;
}

/**
 * Loads the seed files into the Holiday and RoutingEntry tables, adding only rows whose date / key
 * is missing: once staff have edited a row, a restart must not put the seed value back (a row staff
 * deleted comes back, which is why staff mark a day as a working day rather than delete it).
 */
export async function seedComplaintData(table: ComplaintSeedTable, dataDir: string): Promise<{ holidays: number; routes: number }> {
  const holidays = readHolidaySeed(dataDir);
  const routing = readRoutingSeed(dataDir);
  try {
    const knownDates = await table.holidayDates();
    const knownKeys = await table.routingKeys();
    const newDays = holidays.days.filter((d) => !knownDates.has(d.date));
    const newRoutes = routing.entries.filter((e) => !knownKeys.has(e.key));
    const dayRows = newDays.map((d) => ({ date: d.date, name: d.name, isWorkingDay: d.isWorkingDay }));
    await table.add(dayRows, newRoutes);
    return { holidays: newDays.length, routes: newRoutes.length };
  } catch (error) {
    // Another process starting at the same moment may have seeded the same rows first.
    if (await isSeeded(table, holidays, routing)) return { holidays: 0, routes: 0 };
    throw new ComplaintStorageError('Cannot seed the holiday table and the routing directory', { cause: error });
  }
}

async function isSeeded(table: ComplaintSeedTable, holidays: HolidaySeed, routing: RoutingSeed): Promise<boolean> {
  const { days, routes } = await table.held(holidays.days.map((d) => d.date), routing.entries.map((e) => e.key));
  return days === holidays.days.length && routes === routing.entries.length;
}
