import { ComplaintStorageError } from './complaint-errors.ts';
import type { AuditInput } from '../shared/audit-log.ts';
import type { IsoDate } from './local-date.ts';

export interface AgencySuggestion {
  readonly agency: string;
  readonly description: string;
  readonly source: string;
  readonly entryKey: string;
}

/** A routing entry as stored: `agency` may hold "{province}". */
export interface RoutingEntryRow {
  readonly key: string;
  readonly agency: string;
  readonly description: string;
  readonly source: string;
}

/** An entry's fields as staff edit them. */
export interface RoutingEntryFields {
  readonly category: string;
  readonly agency: string;
  readonly description: string;
  readonly contact: string;
  readonly source: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
}

/** An entry as the console lists it. */
export interface RoutingEntryView extends RoutingEntryFields {
  readonly id: string;
  readonly key: string;
  readonly updatedBy: string;
}

/** The RoutingEntry table (src/storage/prisma-complaint-tables.ts). Each edit is one transaction with its audit line. */
export interface RoutingTable {
  /** The entry of the category in force on the day (validFrom <= day <= validTo), the latest first. */
  inForce(category: string, onDate: IsoDate): Promise<RoutingEntryRow | null>;
  /** Every entry, by category, the latest first within one. */
  all(): Promise<RoutingEntryView[]>;
  byId(id: string): Promise<RoutingEntryView | null>;
  /** Adds the entry under `key`, or replaces the one already there. */
  save(key: string, fields: RoutingEntryFields, actor: string, audit: AuditInput, now: Date): Promise<void>;
  /** Ends the entry on `validTo`. */
  retire(id: string, validTo: IsoDate, actor: string, audit: AuditInput, now: Date): Promise<void>;
}

/**
 * Which agency handles which kind of case, read from the RoutingEntry table (seeded from
 * knowledge/complaints/routing.json, editable by staff). The entry in force on the given day wins;
 * an unknown category falls back to "general".
 */
export class RoutingDirectory {
  constructor(private readonly table: RoutingTable) {}

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

  private async inForce(category: string, onDate: IsoDate): Promise<RoutingEntryRow | null> {
    try {
      return await this.table.inForce(category, onDate);
    } catch (error) {
      throw new ComplaintStorageError('Cannot read the routing directory', { cause: error });
    }
  }
}
