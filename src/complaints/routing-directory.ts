import type { Db } from '../storage/database.ts';
import { ComplaintStorageError } from './complaint-errors.ts';
import type { IsoDate } from './local-date.ts';

export interface AgencySuggestion {
  readonly agency: string;
  readonly description: string;
  readonly source: string;
  readonly entryKey: string;
}

/**
 * Which agency handles which kind of case, read from the RoutingEntry table (seeded from
 * knowledge/complaints/routing.json, editable by staff). The entry in force on the given day wins;
 * an unknown category falls back to "general".
 */
export class RoutingDirectory {
  constructor(private readonly db: Db) {}

  async suggest(category: string, onDate: IsoDate, provinceFullName: string): Promise<AgencySuggestion> {
    const entry = (await this.inForce(category, onDate)) ?? (await this.inForce('general', onDate));
    if (!entry) throw new ComplaintStorageError(`The routing directory has no entry for "${category}" nor "general" on ${onDate}`);
    return {
      agency: entry.agency.replaceAll('{province}', provinceFullName),
      description: entry.description,
      source: entry.source,
      entryKey: entry.key,
    };
  }

  private async inForce(category: string, onDate: IsoDate) {
    try {
      return await this.db.routingEntry.findFirst({
        where: { category, validFrom: { lte: onDate }, OR: [{ validTo: null }, { validTo: { gte: onDate } }] },
        orderBy: { validFrom: 'desc' },
      });
    } catch (error) {
      throw new ComplaintStorageError('Cannot read the routing directory', { cause: error });
    }
  }
}
